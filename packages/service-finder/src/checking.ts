/**
 * What the element needs only once data arrives: the directory check (schema
 * and validator) and the hours engine (hours syntax, "open now"). A module of
 * its own so the element loads it on demand, in parallel with the directory;
 * the engine is shared with the hours badges' chunk.
 */
import { parseOpeningHours, OpeningHoursError, Schedule } from '@wegweiser/hours/engine';
import type { HoursCheck } from './model.js';

export { checkDirectory } from './directory.js';
import type { ScheduleFactory } from './search.js';

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
