// Builds every package in dependency order: tokens, localisation modules,
// JavaScript and types, custom-elements manifests. Storybook and the tests
// both start from here, so a fresh clone needs nothing else.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { packages } from './packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, cwd = root) => execFileSync(cmd, args, { cwd, stdio: 'inherit' });

run(process.execPath, ['packages/tokens/build.mjs']);
for (const pkg of packages) {
  const dir = join(root, 'packages', pkg);
  if (existsSync(join(dir, 'lit-localize.json'))) run(bin('lit-localize'), ['build', '--config', 'lit-localize.json'], dir);
  if (existsSync(join(dir, 'tsconfig.build.json'))) run(bin('tsc'), ['-p', 'tsconfig.build.json'], dir);
  if (existsSync(join(dir, 'custom-elements-manifest.config.mjs'))) run(bin('cem'), ['analyze', '--quiet'], dir);
}
