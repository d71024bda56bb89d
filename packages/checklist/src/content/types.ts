/**
 * The checklist's content: sections of items, in one language. The default
 * sets (de.ts, en.ts) and a site's own JSON have this shape; the site's JSON
 * is checked against schema/checklist-content.schema.json first.
 */

/** A local contact a site adds to an item (e.g. its own counselling centre). */
export interface ChecklistContact {
  name: string;
  phone?: string;
  email?: string;
  address?: string;
  /** Opening hours as plain text, e.g. "Mo–Fr 10–16 Uhr". */
  hours?: string;
}

/** A link a site adds to an item. Only http(s), mailto: and tel: links, or a path on the site. */
export interface ChecklistLink {
  href: string;
  label: string;
}

export interface ChecklistItem {
  /** Stable within its section: statuses, notes and exported files refer to it. */
  id: string;
  /** A short title in plain language. */
  title: string;
  /** One paragraph: what this step is and who can help. */
  text: string;
  /** The same in simpler words ("einfach"); falls back to `title`. */
  simpleTitle?: string;
  /** The same in simpler words; falls back to `text`. */
  simpleText?: string;
  link?: ChecklistLink;
  contact?: ChecklistContact;
}

export interface ChecklistSection {
  /** Stable: statuses and notes refer to it. */
  id: string;
  title: string;
  /** A first pillar (residence, money, housing, health): its steps come first in "next steps". */
  pillar?: boolean;
  items: ChecklistItem[];
}

export interface ChecklistContent {
  sections: ChecklistSection[];
}

/**
 * What a site writes (and the `content` property takes): the same shape, but
 * for a section or item that exists in the default set only `id` is needed,
 * and every other field given replaces the default one. New sections and items
 * are added after the default ones. With `replace: true` the default set is
 * not used at all.
 */
export interface SiteContent {
  replace?: boolean;
  sections: Array<Partial<Omit<ChecklistSection, 'items'>> & { id: string; items?: Array<Partial<ChecklistItem> & { id: string }> }>;
}
