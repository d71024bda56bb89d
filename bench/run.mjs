// Benchmarks, never run as tests: timings vary with the machine. Run with
// `npm run bench` after `npm run build`; writes docs/benchmarks.md.
import { writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import os from 'node:os';
import { benchQuickExit } from './quick-exit.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const sections = [await benchQuickExit()];
if (existsSync(join(root, 'bench/hours.mjs'))) {
  const { benchHours } = await import('./hours.mjs');
  sections.push(await benchHours());
}
if (existsSync(join(root, 'packages/service-finder/scripts/synthetic.mjs'))) {
  const { benchServiceFinder } = await import('./service-finder.mjs');
  sections.push(await benchServiceFinder());
}
if (existsSync(join(root, 'bench/relay-load.mjs'))) {
  const { benchRelayLoad } = await import('./relay-load.mjs');
  sections.push(await benchRelayLoad());
}
if (existsSync(join(root, 'bench/relay-flood.mjs'))) {
  const { benchRelayFlood } = await import('./relay-flood.mjs');
  sections.push(await benchRelayFlood());
}
if (existsSync(join(root, 'bench/lighthouse.mjs'))) {
  const { benchLighthouse } = await import('./lighthouse.mjs');
  sections.push(await benchLighthouse());
}

const report = `# Benchmarks

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}, on a machine with
${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}) and Node ${process.version}. Timings depend on
the machine; compare ratios, and runs on the same machine, not absolute numbers across machines.

${sections.join('\n')}`;
writeFileSync(join(root, 'docs/benchmarks.md'), report);
console.log(report);
