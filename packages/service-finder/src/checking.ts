/**
 * What the element needs only once data arrives: the directory check (schema
 * and validator) and the hours engine (hours syntax, "open now"). A module of
 * its own so the element loads it on demand, in parallel with the directory;
 * the engine is shared with the hours badges' chunk.
 */
import { parseOpeningHours, OpeningHoursError, Schedule } from '@wegweiser/hours/engine';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import type { CheckedDirectory, HoursCheck } from './model.js';
import { checkDirectory } from './directory.js';
import type { ScheduleFactory } from './search.js';

export { checkDirectory };

// Directories repeat the same hours text a lot: each distinct one is parsed once.
const checked = new Map<string, string | undefined>();

export const checkHours: HoursCheck = (spec) => {
  if (checked.has(spec)) return checked.get(spec);
  let problem: string | undefined;
  try {
    parseOpeningHours(spec);
  } catch (error) {
    if (!(error instanceof OpeningHoursError)) throw error;
    problem = error.message;
  }
  if (checked.size > 5000) checked.clear();
  checked.set(spec, problem);
  return problem;
};

export const makeSchedule: ScheduleFactory = (spec, region) => new Schedule(spec, { region });

/**
 * The whole directory check, as the finder and `wegweiser-directory validate`
 * run it: every anonymous-contact key is read by the contact form's own
 * parser first (format, length, check value: SHA-256 in Web Crypto, which
 * answers asynchronously), then the directory is checked with those answers.
 */
export async function checkDirectoryAndKeys(value: unknown): Promise<CheckedDirectory> {
  const keyProblems = new Map<string, string | undefined>();
  await Promise.all(
    [...publicKeysIn(value)].map(async (publicKey) => {
      try {
        await parsePublicKey(publicKey);
        keyProblems.set(publicKey, undefined);
      } catch (error) {
        keyProblems.set(publicKey, (error as Error).message);
      }
    }),
  );
  return checkDirectory(value, checkHours, (publicKey) => (keyProblems.has(publicKey) ? keyProblems.get(publicKey) : 'the key was not checked'));
}

/** Every `centres[].contacts.anonymous.publicKey` text; an entry that throws on reading is the entry check's to report. */
function publicKeysIn(value: unknown): Set<string> {
  const found = new Set<string>();
  const list = (value as { centres?: unknown } | null)?.centres;
  if (!Array.isArray(list)) return found;
  for (const entry of list) {
    try {
      const publicKey = (entry as { contacts?: { anonymous?: { publicKey?: unknown } } } | null)?.contacts?.anonymous?.publicKey;
      if (typeof publicKey === 'string') found.add(publicKey);
    } catch {
      // Left to checkDirectory, which reports the entry by its path.
    }
  }
  return found;
}
