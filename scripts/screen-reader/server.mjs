// A small static server for the scenario pages: pages/ at /, the built
// one-file bundle (packages/widgets/dist, from `npm run build`) at /wegweiser/.
// Same origin for everything, so the widgets need no other host.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = join(here, '..', '..');
// WW_SR_DIST points at another build, e.g. a deliberately broken copy to show a scenario failing.
export const distDir = process.env.WW_SR_DIST ?? join(root, 'packages', 'widgets', 'dist');
const mounts = [
  ['/wegweiser/', distDir],
  ['/', join(here, 'pages')],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Starts the server on a free port of 127.0.0.1; resolves to { origin, close }. */
export async function startServer() {
  if (!existsSync(join(distDir, 'wegweiser.js'))) throw new Error(`${distDir}/wegweiser.js is missing: run \`npm run build\` first`);
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    for (const [prefix, dir] of mounts) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'));
      if (!file.startsWith(dir + sep) && file !== dir) break;
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        response.end(body);
        return;
      } catch {
        break;
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
