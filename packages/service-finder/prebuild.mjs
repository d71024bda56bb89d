// Generated sources of @wegweiser/service-finder, written before tsc runs:
// - src/generated/schema.ts: the directory JSON Schema as a module (one source: schema/*.json);
// - src/generated/places.ts: the compact postcode/place table (scripts/places.mjs).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildPlaces } from './scripts/places.mjs';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
mkdirSync(here('src/generated'), { recursive: true });
// Only what the validator reads ships: titles and descriptions stay in the JSON file.
const docs = new Set(['title', 'description', '$comment', 'examples', '$id', '$schema']);
// (A property *named* description, whose value is a schema object, stays.)
const schema = JSON.parse(readFileSync(here('schema/directory.schema.json'), 'utf8'), (key, value) =>
  docs.has(key) && typeof value === 'string' ? undefined : value,
);
writeFileSync(
  here('src/generated/schema.ts'),
  `// Generated from schema/directory.schema.json by prebuild.mjs. Do not edit.\nexport default ${JSON.stringify(schema)} as const;\n`,
);
buildPlaces(here('src/generated/places.ts'));
