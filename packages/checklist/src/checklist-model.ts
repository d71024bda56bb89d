/**
 * The checklist's logic, apart from the element and the DOM: progress, next
 * steps, and the saved-list format used both for "keep on this device" and
 * for exported files. Checking data from outside is in validation.ts.
 */
import type { ChecklistContent, ChecklistItem, ChecklistSection } from './content/types.js';

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

export function saveList(entries: Entries, simple: boolean, now: Date): SavedList {
  // Open items without a note carry nothing: leave them out.
  const kept: Entries = {};
  for (const [key, entry] of Object.entries(entries)) {
    if (entry.status !== 'open' || entry.note) kept[key] = entry.note ? { status: entry.status, note: entry.note } : { status: entry.status };
  }
  return { format: 'wegweiser-checklist', version: 1, saved: now.toISOString(), entries: kept, ...(simple ? { simple } : {}) };
}
