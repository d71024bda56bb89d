// Every widget's main paths, heard through Orca in Firefox ESR and Chromium.
//
//   npm run build && node scripts/screen-reader/run.mjs [--browser firefox|chromium] [name filter]
//
// One Orca and one browser per browser run; each scenario opens its page from
// the address bar and starts at the top. Scenarios run one after another
// (never two Orcas at once). Ends with `screen reader: N passed, N failed`.
// Transcripts of every step go to WW_SR_TRANSCRIPTS (a directory) if set.
// On a machine without Orca it says what is missing and counts as skipped,
// except in CI (CI=true), where a missing screen reader is a failure.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { missingTools, ScreenReader } from './harness.mjs';
import { startServer } from './server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const args = process.argv.slice(2);
const browserArg = args.includes('--browser') ? args[args.indexOf('--browser') + 1] : undefined;
const filter = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--browser')[0];
const verbose = Boolean(process.env.WW_SR_VERBOSE);

const missing = missingTools();
if (missing) {
  console.log(`screen reader: cannot run here. Missing: ${missing.missing.join('; ')}.\n${missing.hint}`);
  if (process.env.CI) {
    console.log('screen reader: 0 passed, 1 failed');
    process.exit(1);
  }
  console.log('screen reader: skipped');
  process.exit(0);
}

const scenarios = [];
for (const file of readdirSync(join(here, 'scenarios')).filter((f) => f.endsWith('.mjs')).sort()) {
  const module = await import(pathToFileURL(join(here, 'scenarios', file)).href);
  scenarios.push(...module.default);
}

const server = await startServer();
const transcriptsDir = process.env.WW_SR_TRANSCRIPTS;
if (transcriptsDir) mkdirSync(transcriptsDir, { recursive: true });
const totals = { passed: 0, failed: 0 };
const started = Date.now();

// A scenario that fails is run once more, in a fresh Orca and browser, and
// counts as passed only if that second attempt passes; the first attempt's
// error is printed either way. Speech timing depends on the machine's load
// (`npm test` runs this gate beside the node tests), and a defect in a widget
// fails both attempts.
const attempts = 2;

for (const browser of ['firefox', 'chromium']) {
  if (browserArg && browserArg !== browser) continue;
  const planned = scenarios.filter((s) => s.browsers.includes(browser) && (!filter || s.name.includes(filter)));
  if (!planned.length) continue;
  let sr;
  for (const scenario of planned) {
    const title = `${browser}: ${scenario.name}`;
    const scenarioStart = Date.now();
    const firstErrors = [];
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const transcript = [];
      const step = async (label, heardPromise) => {
        const text = await heardPromise;
        transcript.push(`> ${label}\n${text.split('\n').map((line) => `  ${line}`).join('\n')}`);
        if (verbose) console.log(transcript.at(-1));
        return text;
      };
      let failure;
      try {
        if (!sr) {
          sr = new ScreenReader({ browser, log: verbose ? console.log : () => {} });
          await sr.start(`${server.origin}/${scenario.page}`);
        } else {
          await sr.goto(`${server.origin}/${scenario.page}`);
        }
        await scenario.run({ sr, step, browser, server });
      } catch (error) {
        failure = error;
      }
      if (transcriptsDir) writeFileSync(join(transcriptsDir, `${title.replace(/\W+/g, '-').slice(0, 100)}.txt`), `${title}\n\n${transcript.join('\n')}\n`);
      const seconds = ((Date.now() - scenarioStart) / 1000).toFixed(1);
      if (!failure) {
        totals.passed++;
        console.log(`✔ ${title} (${seconds} s)${attempt > 1 ? ' — passed on the second attempt' : ''}`);
        for (const firstError of firstErrors) console.log(`    the first attempt failed: ${firstError.replace(/\n/g, '\n    ')}`);
        break;
      }
      const message = String(failure.message);
      // Whatever failed may have left the browser anywhere: the next attempt or
      // scenario gets a fresh Orca and browser.
      await sr?.stop();
      sr = undefined;
      if (attempt < attempts) {
        firstErrors.push(message);
        continue;
      }
      totals.failed++;
      console.log(`✘ ${title} (${seconds} s, ${attempts} attempts)\n    ${message.replace(/\n/g, '\n    ')}`);
      for (const firstError of firstErrors) console.log(`    the first attempt failed too: ${firstError.replace(/\n/g, '\n    ')}`);
      console.log(`    transcript of the last attempt:\n${transcript.join('\n').replace(/^/gm, '      ')}`);
    }
  }
  await sr?.stop();
}

await server.close();
console.log(`screen reader: ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`screen reader: ${totals.passed} passed, ${totals.failed} failed`);
process.exitCode = totals.failed ? 1 : 0;
