// `npm run localize:extract`: writes every package's messages into its XLIFF
// files (packages/<pkg>/xliff/<locale>.xlf), keeping existing translations.
// `npm run localize:build`: turns the XLIFF files into the locale modules the
// widgets load (src/generated/locales/), and says what is still untranslated.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packages } from './packages.mjs';

const command = process.argv[2];
if (command !== 'extract' && command !== 'build') {
  console.error('usage: node scripts/localize.mjs extract|build');
  process.exit(2);
}
const root = fileURLToPath(new URL('..', import.meta.url));
for (const pkg of packages) {
  const dir = join(root, 'packages', pkg);
  if (!existsSync(join(dir, 'lit-localize.json'))) continue;
  console.log(`${pkg}:`);
  execFileSync(join(root, 'node_modules', '.bin', 'lit-localize'), [command, '--config', 'lit-localize.json'], { cwd: dir, stdio: 'inherit' });
}
