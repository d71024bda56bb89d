/**
 * Checking JSON that sites hand to widgets (directories, content sets, card
 * texts) against the package's JSON Schema, so one schema file is both the
 * documentation and the check. (Loading it: json.ts.)
 *
 * Why not Ajv: it compiles schemas with `new Function`, which a strict
 * Content Security Policy forbids, and it is larger than all of core. The
 * validator below interprets the subset of JSON Schema 2020-12 our schemas
 * use, in the browser, in Node (the command-line validators) and in tests.
 */

/** The JSON Schema keywords this validator understands; others are ignored. */
export interface JsonSchema {
  $id?: string;
  $schema?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  $comment?: string;
  title?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  type?: JsonType | JsonType[];
  enum?: readonly unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  patternProperties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: readonly string[];
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/** One thing wrong with a value: where (`$.centres[3].name`), which rule, and what, in English for developers. */
export interface SchemaProblem {
  path: string;
  keyword: string;
  message: string;
}

import { safeUrl, urlRuleOfFormat } from './safe-url.js';

const identifier = /^[A-Za-z_$][\w$]*$/;

/** The JSONPath of a property or array index below `path`. */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return identifier.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function hasType(value: unknown, type: JsonType): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

// Deliberately plain checks: the point is to catch mistakes in hand-written
// data, not to rule on every edge of the RFCs.
const formats: Record<string, (s: string) => boolean> = {
  date: (s) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return false;
    const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
    return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]!;
  },
  'date-time': (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
  email: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  uri: (s) => {
    try {
      return /^[a-z][a-z\d+.-]*:/i.test(s) && Boolean(new URL(s));
    } catch {
      return false;
    }
  },
};

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

const show = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/**
 * Checks `value` against `schema` and returns every problem found (an empty
 * array when the value is valid). Never throws on bad data; throws only when
 * the schema itself has a `$ref` that leads nowhere, which is a bug of ours.
 */
export function validate(schema: JsonSchema, value: unknown, path = '$'): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  check(schema, schema, value, path, problems);
  return problems;
}

function resolve(root: JsonSchema, ref: string): JsonSchema {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const target = match ? (root as Record<string, Record<string, JsonSchema> | undefined>)[match[1]!]?.[match[2]!] : undefined;
  if (!target) throw new Error(`Schema reference ${ref} cannot be resolved`);
  return target;
}

function check(root: JsonSchema, schema: JsonSchema, value: unknown, path: string, out: SchemaProblem[]): void {
  const add = (keyword: string, message: string) => out.push({ path, keyword, message });
  if (schema.$ref) check(root, resolve(root, schema.$ref), value, path, out);

  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => hasType(value, t))) {
      add('type', `expected ${types.join(' or ')}, found ${typeOf(value)}`);
      return; // Further rules would only repeat the same mistake.
    }
  }
  if (schema.const !== undefined && !equal(value, schema.const)) add('const', `must be ${show(schema.const)}`);
  if (schema.enum && !schema.enum.some((option) => equal(option, value))) {
    add('enum', `${show(value)} is not one of ${schema.enum.map(show).join(', ')}`);
  }

  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      add('minLength', schema.minLength === 1 ? 'must not be empty' : `must have at least ${schema.minLength} characters`);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) add('maxLength', `must have at most ${schema.maxLength} characters (has ${length})`);
    const urlRule = schema.format === undefined ? undefined : urlRuleOfFormat(schema.format);
    const formatCheck = schema.format === undefined ? undefined : formats[schema.format];
    if (urlRule && safeUrl(value, urlRule, undefined) === null) {
      add('format', `${show(value)} is not allowed here: it must be ${urlRule.description}`);
    } else if (formatCheck && !formatCheck(value)) {
      add('format', `${show(value)} is not a valid ${schema.format}`);
    } else if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) {
      // After a failed format the pattern would only repeat the mistake, less readably.
      add('pattern', `${show(value)} does not match ${schema.pattern}`);
    }
  }

  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) add('minimum', `must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) add('maximum', `must be at most ${schema.maximum}`);
  }

  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) add('minItems', `must have at least ${schema.minItems} item(s)`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add('maxItems', `must have at most ${schema.maxItems} item(s)`);
    if (schema.uniqueItems) {
      const seen = new Set<string>();
      value.forEach((item, i) => {
        const key = JSON.stringify(item);
        if (seen.has(key)) out.push({ path: childPath(path, i), keyword: 'uniqueItems', message: `repeats an earlier item ${show(item)}` });
        seen.add(key);
      });
    }
    if (schema.items) value.forEach((item, i) => check(root, schema.items!, item, childPath(path, i), out));
  }

  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(object, key)) add('required', `missing required field "${key}"`);
    }
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) {
      add('minProperties', `must have at least ${schema.minProperties} field(s)`);
    }
    for (const key of keys) {
      const at = childPath(path, key);
      let known = false;
      const own = schema.properties && Object.hasOwn(schema.properties, key) ? schema.properties[key] : undefined;
      if (own) {
        known = true;
        check(root, own, object[key], at, out);
      }
      for (const [pattern, sub] of Object.entries(schema.patternProperties ?? {})) {
        if (new RegExp(pattern, 'u').test(key)) {
          known = true;
          check(root, sub, object[key], at, out);
        }
      }
      if (known) continue;
      if (schema.additionalProperties === false) {
        out.push({ path: at, keyword: 'additionalProperties', message: `unknown field "${key}"` });
      } else if (typeof schema.additionalProperties === 'object') {
        check(root, schema.additionalProperties, object[key], at, out);
      }
    }
  }

  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!branches) continue;
    const results = branches.map((branch) => {
      const found: SchemaProblem[] = [];
      check(root, branch, value, path, found);
      return found;
    });
    const passing = results.filter((r) => r.length === 0).length;
    if (keyword === 'oneOf' && passing > 1) add('oneOf', `matches ${passing} of the allowed forms, but must match exactly one`);
    if (passing === 0) {
      // The closest form (right type, fewest problems) says most about what was meant.
      const score = (r: SchemaProblem[]) => (r.some((p) => p.keyword === 'type' && p.path === path) ? Infinity : r.length);
      const closest = results.reduce((best, r) => (score(r) < score(best) ? r : best));
      add(keyword, `matches none of the ${branches.length} allowed forms; closest: ${closest[0]?.path} ${closest[0]?.message}`);
      out.push(...closest);
    }
  }
}
