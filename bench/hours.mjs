// The opening-hours engine against the `opening_hours` npm package (a
// dev-only comparison), part of `npm run bench` (bench/run.mjs): parse
// 10,000 realistic specs, evaluate each at 100 instants, with both engines in
// the same run; compare speed, bundle size and agreement.
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { mangleInternalProperties } from '../scripts/browser-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

/** A small seeded generator, so every run measures the same specs and instants. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const days = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const pad = (n) => String(n).padStart(2, '0');

/** Specs of the kind counselling centres publish: weekdays, afternoons, evenings, a late night, holidays off. */
function realisticSpec(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const time = (from, to) => {
    const start = from + Math.floor(next() * (to - from));
    const length = 2 + Math.floor(next() * 6);
    const end = start + length;
    return `${pad(start)}:${pick(['00', '30'])}-${pad(end > 24 ? end - 24 : end)}:00`;
  };
  const rules = [];
  const a = Math.floor(next() * 4);
  rules.push(`${days[a]}-${days[a + 2 + Math.floor(next() * 2)]} ${time(8, 12)}${next() < 0.4 ? `,${time(13, 16)}` : ''}`);
  if (next() < 0.5) rules.push(`${pick(days)} ${time(17, 22)}`);
  if (next() < 0.3) rules.push(`${pick(days)}[${1 + Math.floor(next() * 3)}] ${time(18, 20)}`);
  if (next() < 0.2) rules.push(`Jun-Aug ${days[0]}-${days[4]} ${time(9, 11)}`);
  if (next() < 0.3) rules.push(`Dec 24-26 off`);
  if (next() < 0.7) rules.push('PH off');
  return rules.join('; ');
}

async function gzipBundle(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, platform: 'neutral', mainFields: ['module', 'main'], logLevel: 'silent', ...mangleInternalProperties });
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
}

export async function benchHours(specCount = Number(process.env.BENCH_SPECS ?? 10_000), instantCount = 100) {
  // opening_hours evaluates in the process's zone; give it Berlin so the comparison is fair.
  process.env.TZ = 'Europe/Berlin';
  const engine = await import(join(root, 'packages/hours/dist/engine/index.js'));
  const OpeningHours = require('opening_hours');
  const nominatim = { lat: 52.52, lon: 13.4, address: { country_code: 'de', state: 'Berlin' } };

  const next = random(20261121);
  const specs = Array.from({ length: specCount }, () => realisticSpec(next));
  const start = Date.parse('2026-01-01T00:00:00Z');
  const span = Date.parse('2028-01-01T00:00:00Z') - start;
  const instants = Array.from({ length: instantCount }, () => start + Math.floor(next() * span / 60_000) * 60_000);
  const dates = instants.map((i) => new Date(i));

  let t = performance.now();
  const ours = specs.map((spec) => new engine.Schedule(spec, { region: 'DE-BE' }));
  const oursParse = performance.now() - t;
  t = performance.now();
  const theirs = specs.map((spec) => new OpeningHours(spec, nominatim, { mode: 0 }));
  const theirsParse = performance.now() - t;

  let agree = 0;
  const oursStates = new Uint8Array(specCount * instantCount);
  t = performance.now();
  for (let s = 0; s < specCount; s++) {
    const schedule = ours[s];
    for (let i = 0; i < instantCount; i++) oursStates[s * instantCount + i] = schedule.stateAt(instants[i]).status === 'open' ? 1 : 0;
  }
  const oursEval = performance.now() - t;
  t = performance.now();
  for (let s = 0; s < specCount; s++) {
    const oh = theirs[s];
    for (let i = 0; i < instantCount; i++) if ((oh.getState(dates[i]) ? 1 : 0) === oursStates[s * instantCount + i]) agree++;
  }
  const theirsEval = performance.now() - t;

  // What a finder page does: every centre's state at instants within one week.
  const weekStart = Date.parse('2026-11-23T00:00:00+01:00');
  const week = Array.from({ length: instantCount }, () => weekStart + Math.floor(next() * 7 * 1440) * 60_000);
  const weekDates = week.map((i) => new Date(i));
  const fresh = specs.map((spec) => new engine.Schedule(spec, { region: 'DE-BE' }));
  let openInWeek = 0;
  t = performance.now();
  for (let s = 0; s < specCount; s++) for (let i = 0; i < instantCount; i++) if (fresh[s].stateAt(week[i]).status === 'open') openInWeek++;
  const oursWeek = performance.now() - t;
  t = performance.now();
  for (let s = 0; s < specCount; s++) for (let i = 0; i < instantCount; i++) if (theirs[s].getState(weekDates[i])) openInWeek--;
  const theirsWeek = performance.now() - t;
  // Both engines must agree here too, or the timing compares different work.
  if (openInWeek !== 0) console.warn(`hours bench: the engines disagree on ${Math.abs(openInWeek)} states in the week`);

  const oursSize = await gzipBundle(join(root, 'packages/hours/dist/engine/index.js'));
  const theirsSize = await gzipBundle(require.resolve('opening_hours'));
  const evaluations = specCount * instantCount;
  const row = (what, a, b, unit) => `| ${what} | ${a} ${unit} | ${b} ${unit} | ${(b / a).toFixed(1)}× |`;
  return `## Opening-hours engine

${specCount.toLocaleString('en')} generated specs of the kind counselling centres publish (seeded, the same every run),
each evaluated at ${instantCount} instants in 2026–2027, Berlin time, region DE-BE, with \`@wegweiser/hours\`'s engine and
with the \`opening_hours\` npm package ${require('opening_hours/package.json').version} (a devDependency used only here).

| What | @wegweiser/hours | opening_hours | Ratio |
| --- | --- | --- | --- |
${row('Parse all specs', oursParse.toFixed(0), theirsParse.toFixed(0), 'ms')}
${row(`Evaluate ${evaluations.toLocaleString('en')} states, instants spread over two years`, oursEval.toFixed(0), theirsEval.toFixed(0), 'ms')}
${row(`Evaluate ${evaluations.toLocaleString('en')} states, instants within one week`, oursWeek.toFixed(0), theirsWeek.toFixed(0), 'ms')}
${row('Bundle, minified, gzip -9', (oursSize / 1000).toFixed(1), (theirsSize / 1000).toFixed(1), 'kB')}

Our engine works out a whole day in the centre's zone the first time it meets it (through \`Intl\`,
minute by minute, which is what makes DST right) and keeps it; opening_hours reads the runtime's
clock instead. So instants spread over two years, a new day almost every call, are its worst case;
instants within one week, what a badge or a finder page asks, are its usual one. The goal of the
issue was 10× faster and 10× smaller: smaller and faster parsing are met, evaluation is not.

Agreement on open/closed: ${((agree / evaluations) * 100).toFixed(2)} % of ${evaluations.toLocaleString('en')} evaluations (with the process
in Berlin time, where opening_hours is right; it evaluates in the viewer's zone, ours in the centre's).
`;
}
