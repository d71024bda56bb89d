/**
 * The directory: a JSON list of counselling centres (schema/directory.schema.json),
 * checked entry by entry so that one bad row never blanks the finder. No DOM:
 * the same code runs in the element, the command-line validator and the importer.
 */
import { validate, childPath, type JsonSchema, type SchemaProblem } from '@wegweiser/core/validate';
import schema from './generated/schema.js';
import type { Centre, CheckedDirectory, Directory, DirectoryProblem, HoursCheck, KeyCheck } from './model.js';

export const directorySchema = schema as unknown as JsonSchema;

export * from './model.js';

const centreSchema: JsonSchema = { ...(directorySchema.$defs!['centre'] as JsonSchema), $defs: directorySchema.$defs! };
const topSchema: JsonSchema = directorySchema;

/**
 * Checks a directory: the file's frame first (without it nothing can be shown),
 * then every centre on its own. Unknown fields are warnings (the entry is kept,
 * the field ignored: newer files stay readable); anything else skips the entry,
 * except a problem in the anonymous-contact channel (`contacts.anonymous`): that
 * is a warning and leaves out the channel only, so it is never shown broken.
 * Without `checkKey` no key can be trusted and every such channel is left out:
 * `checkDirectoryAndKeys` in checking.ts checks the keys first.
 */
export function checkDirectory(value: unknown, checkHours?: HoursCheck, checkKey?: KeyCheck): CheckedDirectory {
  const problems: DirectoryProblem[] = [];
  const as = (severity: DirectoryProblem['severity']) => (p: SchemaProblem) => problems.push({ ...p, severity });
  // Entries are checked one by one below; the frame check must not repeat them.
  const frame = value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object), centres: [] } : value;
  const frameProblems = validate(topSchema, frame);
  const list = (value as { centres?: unknown } | null)?.centres;
  if (!Array.isArray(list)) {
    frameProblems.forEach(as('error'));
    if (!frameProblems.some((p) => p.path === '$.centres' || (p.path === '$' && /centres|expected/.test(p.message)))) {
      problems.push({ path: '$.centres', keyword: 'type', message: 'expected an array of centres', severity: 'error' });
    }
    return { centres: [], problems, skipped: 0, fictional: false };
  }
  frameProblems.forEach((p) => as(p.keyword === 'additionalProperties' ? 'warning' : 'error')(p));
  const top = value as Partial<Directory>;
  const centres: Centre[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  list.forEach((entry: unknown, i) => {
    const path = childPath('$.centres', i);
    const found = validate(centreSchema, entry, path);
    const channelPath = `${path}.contacts.anonymous`;
    const inChannel = (p: SchemaProblem) => p.path === channelPath || p.path.startsWith(`${channelPath}.`);
    const errors = found.filter((p) => p.keyword !== 'additionalProperties' && !inChannel(p));
    const channelProblems = found.filter((p) => p.keyword !== 'additionalProperties' && inChannel(p));
    found.filter((p) => p.keyword === 'additionalProperties').forEach(as('warning'));
    if (errors.length === 0) errors.push(...semanticProblems(entry as Centre, path, seen, checkHours));
    if (errors.length) {
      skipped++;
      [...errors, ...channelProblems].forEach(as('error'));
      return;
    }
    const centre = entry as Centre;
    if (channelProblems.length === 0 && centre.contacts?.anonymous) channelProblems.push(...anonymousContactProblems(centre, channelPath, checkKey));
    channelProblems.forEach(as('warning'));
    seen.add(centre.id);
    const kept = withoutUnknownFields(centre);
    if (channelProblems.length) delete kept.contacts!.anonymous;
    centres.push(kept);
  });
  return { centres, problems, skipped, fictional: top.fictional === true, ...(typeof top.name === 'string' ? { name: top.name } : {}) };
}

/** What a schema cannot say: unique ids, readable hours, real language tags. */
function semanticProblems(centre: Centre, path: string, seen: Set<string>, checkHours?: HoursCheck): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  if (seen.has(centre.id)) out.push({ path: `${path}.id`, keyword: 'unique', message: `the id "${centre.id}" is used by an earlier entry` });
  for (const [channel, spec] of Object.entries(centre.hours ?? {})) {
    const problem = checkHours?.(spec);
    if (problem) out.push({ path: childPath(`${path}.hours`, channel), keyword: 'hours', message: problem });
  }
  (centre.languages ?? []).forEach((tag, i) => {
    try {
      Intl.getCanonicalLocales(tag);
    } catch {
      out.push({ path: childPath(`${path}.languages`, i), keyword: 'language', message: `"${tag}" is not a valid BCP 47 language tag` });
    }
  });
  return out;
}

/**
 * What the schema cannot say about an anonymous-contact channel: that its key
 * is sound (the check value, by `checkKey`) and belongs to this centre. The
 * key's centre id is bound into every message; a key copied into the wrong
 * entry would send that centre's messages to another team. So the key's
 * centre id must be the entry's id, or the start of it followed by a hyphen
 * (one centre with several addresses: `bruecke-trier`, `bruecke-trier-saarburg`).
 */
function anonymousContactProblems(centre: Centre, path: string, checkKey?: KeyCheck): SchemaProblem[] {
  const publicKey = centre.contacts!.anonymous!.publicKey;
  const keyPath = `${path}.publicKey`;
  const leftOut = 'the anonymous-contact channel is left out';
  if (!checkKey) return [{ path: keyPath, keyword: 'publicKey', message: `the key's check value was not verified (checkDirectoryAndKeys does that); ${leftOut}` }];
  const problem = checkKey(publicKey);
  if (problem) return [{ path: keyPath, keyword: 'publicKey', message: `${problem.replace(/\.$/, '')}; ${leftOut}` }];
  const keyCentre = publicKey.split('.')[1]!;
  if (centre.id !== keyCentre && !centre.id.startsWith(`${keyCentre}-`)) {
    return [{ path: keyPath, keyword: 'centre', message: `the key is for the centre "${keyCentre}", not for the entry "${centre.id}" (its messages would go to another team); ${leftOut}` }];
  }
  return [];
}

/** A copy with only the fields the schema knows, so nothing unchecked reaches the page. */
function withoutUnknownFields<T>(value: T, schema: JsonSchema = centreSchema): T {
  const resolved = schema.$ref ? (directorySchema.$defs![schema.$ref.replace('#/$defs/', '')] as JsonSchema) : schema;
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !resolved.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [key, sub] of Object.entries(resolved.properties)) {
    if (Object.hasOwn(value, key)) out[key] = withoutUnknownFields((value as Record<string, unknown>)[key], sub);
  }
  return out as T;
}

