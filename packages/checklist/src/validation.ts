/**
 * Everything that checks data from outside: the site's content and saved
 * lists (from the browser's storage or a file). Loaded on demand, so a person
 * on a site without its own content, who keeps nothing, never downloads the
 * validator and the schema.
 */
import { childPath, validate, type JsonSchema, type SchemaProblem } from '@wegweiser/core/validate';
import type { ChecklistContent, ChecklistSection, SiteContent } from './content/types.js';
import { NOTE_MAX, statuses, type SavedList } from './checklist-model.js';
import { contentSchema } from './generated/content-schema.js';

export type { SchemaProblem };

/**
 * Checks the site's content against the schema and applies it to the default
 * set. Unknown fields are reported apart: they do not stop the rest from
 * being used.
 */
export function applySiteContent(base: ChecklistContent, site: unknown): { content?: ChecklistContent; problems: SchemaProblem[]; unknown: SchemaProblem[] } {
  const found = validate(contentSchema, site);
  const unknown = found.filter((p) => p.keyword === 'additionalProperties');
  const problems = found.filter((p) => p.keyword !== 'additionalProperties');
  return problems.length ? { problems, unknown } : { ...mergeContent(base, site as SiteContent), unknown };
}

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
