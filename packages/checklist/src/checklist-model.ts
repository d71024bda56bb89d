/**
 * The checklist's logic, apart from the element and the DOM: merging a site's
 * content into the default set, progress, next steps, and the saved-list
 * format used both for "keep on this device" and for exported files.
 */
import { childPath, validate, type JsonSchema, type SchemaProblem } from '@wegweiser/core/validate';
import type { ChecklistContent, ChecklistItem, ChecklistSection, SiteContent } from './content/types.js';

/** open, in progress, done, not relevant. */
export type Status = 'open' | 'doing' | 'done' | 'skip';
export const statuses: readonly Status[] = ['open', 'doing', 'done', 'skip'];

/** What the person set for one item. An item without an entry is open. */
export interface Entry {
  status: Status;
  /** A short note (counsellor mode); stays on the device like everything else. */
  note?: string;
}

/** Entries by `section/item` id. */
export type Entries = Record<string, Entry>;

export const NOTE_MAX = 500;
export const itemKey = (section: ChecklistSection, item: ChecklistItem): string => `${section.id}/${item.id}`;

/**
 * The default set with the site's content applied (see SiteContent), or the
 * problems that stop it from being used. Shape errors are the schema's job;
 * this adds what a schema cannot say: new sections and items need their texts,
 * and ids must not repeat.
 */
export function mergeContent(base: ChecklistContent, site: SiteContent): { content?: ChecklistContent; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  const sections: ChecklistSection[] = site.replace ? [] : base.sections.map((s) => ({ ...s, items: [...s.items] }));
  const seen = new Set<string>();
  site.sections.forEach((patch, i) => {
    const at = childPath(childPath('$', 'sections'), i);
    if (seen.has(patch.id)) problems.push({ path: `${at}.id`, keyword: 'uniqueItems', message: `section id "${patch.id}" appears twice` });
    seen.add(patch.id);
    let section = sections.find((s) => s.id === patch.id);
    if (!section) {
      if (!patch.title || !patch.items?.length) {
        problems.push({ path: at, keyword: 'required', message: `section "${patch.id}" is not a built-in one, so it needs "title" and at least one item` });
        return;
      }
      section = { id: patch.id, title: patch.title, items: [] };
      sections.push(section);
    }
    if (patch.title) section.title = patch.title;
    if (patch.pillar !== undefined) section.pillar = patch.pillar;
    const itemIds = new Set<string>();
    patch.items?.forEach((itemPatch, j) => {
      const itemAt = childPath(childPath(at, 'items'), j);
      if (itemIds.has(itemPatch.id)) problems.push({ path: `${itemAt}.id`, keyword: 'uniqueItems', message: `item id "${itemPatch.id}" appears twice in section "${patch.id}"` });
      itemIds.add(itemPatch.id);
      const index = section.items.findIndex((item) => item.id === itemPatch.id);
      if (index >= 0) {
        section.items[index] = { ...section.items[index]!, ...itemPatch };
      } else if (itemPatch.title && itemPatch.text) {
        section.items.push({ ...itemPatch, title: itemPatch.title, text: itemPatch.text });
      } else {
        problems.push({ path: itemAt, keyword: 'required', message: `item "${itemPatch.id}" is not a built-in one in section "${patch.id}", so it needs "title" and "text"` });
      }
    });
  });
  return problems.length ? { problems } : { content: { sections }, problems };
}

export interface Progress {
  done: number;
  doing: number;
  skip: number;
  /** Steps that count: every item not marked "not relevant". */
  total: number;
}

export function progress(sections: readonly ChecklistSection[], entries: Entries): Progress {
  const p: Progress = { done: 0, doing: 0, skip: 0, total: 0 };
  for (const section of sections) {
    for (const item of section.items) {
      const status = entries[itemKey(section, item)]?.status ?? 'open';
      if (status === 'skip') p.skip++;
      else {
        p.total++;
        if (status === 'done') p.done++;
        if (status === 'doing') p.doing++;
      }
    }
  }
  return p;
}

export interface Step {
  section: ChecklistSection;
  item: ChecklistItem;
  status: Status;
}

/**
 * What to do next: steps in progress, then open steps, from the first pillars
 * (residence, money, housing, health) first; the rest only once those are
 * settled, as the model projects advise.
 */
export function nextSteps(content: ChecklistContent, entries: Entries, limit = 3): Step[] {
  const steps = (pillars: boolean): Step[] =>
    content.sections
      .filter((section) => Boolean(section.pillar) === pillars)
      .flatMap((section) => section.items.map((item) => ({ section, item, status: entries[itemKey(section, item)]?.status ?? 'open' })))
      .filter((step) => step.status === 'doing' || step.status === 'open')
      .sort((a, b) => Number(b.status === 'doing') - Number(a.status === 'doing'));
  const first = steps(true);
  return (first.length ? first : steps(false)).slice(0, limit);
}

/** A saved list: in the browser's storage (after opt-in) and in exported files. */
export interface SavedList {
  format: 'wegweiser-checklist';
  version: 1;
  /** When it was saved, ISO 8601. */
  saved: string;
  entries: Entries;
  /** Whether the person chose simple language. */
  simple?: boolean;
}

const id = '[a-z0-9][a-z0-9-]{0,39}';
const savedSchema: JsonSchema = {
  type: 'object',
  required: ['format', 'version', 'saved', 'entries'],
  additionalProperties: false,
  properties: {
    format: { const: 'wegweiser-checklist' },
    version: { const: 1 },
    saved: { type: 'string', format: 'date-time' },
    simple: { type: 'boolean' },
    entries: {
      type: 'object',
      additionalProperties: false,
      patternProperties: {
        [`^${id}/${id}$`]: {
          type: 'object',
          required: ['status'],
          additionalProperties: false,
          properties: { status: { enum: statuses }, note: { type: 'string', maxLength: NOTE_MAX } },
        },
      },
    },
  },
};

export function saveList(entries: Entries, simple: boolean, now: Date): SavedList {
  // Open items without a note carry nothing: leave them out.
  const kept: Entries = {};
  for (const [key, entry] of Object.entries(entries)) {
    if (entry.status !== 'open' || entry.note) kept[key] = entry.note ? { status: entry.status, note: entry.note } : { status: entry.status };
  }
  return { format: 'wegweiser-checklist', version: 1, saved: now.toISOString(), entries: kept, ...(simple ? { simple } : {}) };
}

/** Reads a saved list from JSON text: the list, or the problems that make it unusable. */
export function readList(text: string): { list?: SavedList; problems: SchemaProblem[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problems: [{ path: '$', keyword: 'json', message: `not JSON: ${(error as Error).message}` }] };
  }
  const problems = validate(savedSchema, value);
  return problems.length ? { problems } : { list: value as SavedList, problems };
}
