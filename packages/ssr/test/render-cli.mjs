// Renders HTML from stdin with renderWidgets, in a process of its own (Lit's
// DOM shim goes onto globalThis): `{ html, locale, now }` in, HTML out.
// Used by the web-test-runner plugin (wtr-ssr-plugin.mjs).
import { renderWidgets } from '../dist/index.js';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { html, locale, now } = JSON.parse(input);
process.stdout.write(await renderWidgets(html, { locale, now }));
