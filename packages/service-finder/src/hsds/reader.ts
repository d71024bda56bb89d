/**
 * What every step of the import reads through: the input's objects as nodes with their JSON path,
 * which fields were used, and the problems found. A field that holds a value and is never marked
 * as used ends up in `report.unmapped`.
 */
import { childPath } from '@wegweiser/core/validate';
import type { LocalText } from '../model.js';
import type { HsdsOptions } from './options.js';

export type JsonObject = Record<string, unknown>;

/** An input object, where it was found, and (tabular form) the rows joined to it, by the name a nested field would have. */
export interface InputNode {
  obj: JsonObject;
  path: string;
  links: Map<string, InputNode[]>;
}

export const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value);

export const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);

/** Identifiers and link keys: used for joins, meaningless in the directory. */
const isStructural = (key: string): boolean => key === 'id' || key.endsWith('_id');

export class Reader {
  readonly used = new Set<string>();
  readonly nodes = new Map<string, InputNode>();
  readonly problems: string[] = [];
  /** Every row of the tabular form: those no centre reached are reported whole. */
  readonly rows: InputNode[] = [];
  /** Services that gave no centre: reported whole, not field by field. */
  readonly skipped: string[] = [];

  node(obj: JsonObject, path: string): InputNode {
    let node = this.nodes.get(path);
    if (!node) {
      node = { obj, path, links: new Map() };
      this.nodes.set(path, node);
    }
    return node;
  }

  mark(node: InputNode, key: string): void {
    this.used.add(childPath(node.path, key));
  }

  problem(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }

  /** A function that reports a problem at `path` (for cleanText's notes). */
  noteAt(path: string): (message: string) => void {
    return (message) => this.problem(path, message);
  }

  /** A non-empty string (numbers are read as strings); not marked as used: call `mark` once it is. */
  peek(node: InputNode, key: string): string | undefined {
    const value = node.obj[key];
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    return typeof value === 'string' && value.trim() ? value : undefined;
  }

  /** A non-empty string, marked as used. */
  str(node: InputNode, key: string): string | undefined {
    const value = this.peek(node, key);
    if (value !== undefined) this.mark(node, key);
    return value;
  }

  /** Nested objects under `key` (an array or a single object) and the rows joined under that name. */
  kids(node: InputNode, key: string): InputNode[] {
    const value = node.obj[key];
    const found: InputNode[] = [];
    if (Array.isArray(value)) {
      value.forEach((item, index) => {
        if (isObject(item)) found.push(this.node(item, childPath(childPath(node.path, key), index)));
      });
      if (found.length) this.mark(node, key);
    } else if (isObject(value)) {
      found.push(this.node(value, childPath(node.path, key)));
      this.mark(node, key);
    }
    return [...found, ...(node.links.get(key) ?? [])];
  }

  /** Every field with a value that nothing used. */
  unmapped(): string[] {
    const paths: string[] = [...this.skipped];
    const inSkipped = (path: string) => this.skipped.some((skipped) => path.startsWith(`${skipped}.`) || path.startsWith(`${skipped}[`));
    for (const node of this.nodes.values()) {
      if (node.path !== '$' && inSkipped(node.path)) continue;
      for (const [key, value] of Object.entries(node.obj)) {
        if (isStructural(key) || isEmpty(value)) continue;
        const path = childPath(node.path, key);
        if (!this.used.has(path) && !this.skipped.includes(node.path)) paths.push(path);
      }
    }
    for (const row of this.rows) if (!this.nodes.has(row.path)) paths.push(row.path);
    return paths;
  }
}

/** What one import run shares between its steps. */
export interface ImportContext {
  r: Reader;
  options: HsdsOptions;
  /** The import date, YYYY-MM-DD. */
  today: string;
  /** The language of the HSDS texts (BCP 47). */
  language: string;
}

/** A text in the import's language: German texts are plain strings in the directory. */
export function localText(text: string, ctx: ImportContext): LocalText {
  return ctx.language === 'de' ? text : { [ctx.language]: text };
}
