// Serves the demo site the way a careful small web host would: static files
// from site/ (the Wegweiser bundle is site/wegweiser/0.1.0/, a link to
// packages/widgets/dist/ standing in for the copied folder), compressed,
// cached, with a strict Content Security Policy, and the DEMO contact relay
// under /relay on the same origin, so the contact form sends nothing to
// another host.
//
//   npm run build && node examples/demo-site/serve.mjs [port]
//
// bench/lighthouse.mjs and the browser test use startDemoSite().
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const here = fileURLToPath(new URL('.', import.meta.url));
const siteDir = join(here, 'site');
const root = join(here, '..', '..');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** What the demo sends with every page: only its own origin, no referrer, no framing by others. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

const compressedCache = new Map();
function compressed(body, encoding, key) {
  const cacheKey = `${encoding}:${key}`;
  if (!compressedCache.has(cacheKey)) {
    compressedCache.set(
      cacheKey,
      encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }),
    );
  }
  return compressedCache.get(cacheKey);
}

async function serveFile(request, response, path) {
  let file = normalize(join(siteDir, decodeURIComponent(path)));
  if (!file.startsWith(siteDir + sep) && file !== siteDir) return notFound(response);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const { mtimeMs } = await stat(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    const headers = {
      'Content-Type': type,
      'Content-Security-Policy': contentSecurityPolicy,
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      // Chunks carry a content hash in their names; pages and the two entry files do not.
      'Cache-Control': /-[A-Z0-9]{8}\.js$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    const accepts = String(request.headers['accept-encoding'] ?? '');
    const encoding = /^(text|application\/json|image\/svg)/.test(type) ? (/\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null) : null;
    const payload = encoding ? compressed(body, encoding, `${file}@${mtimeMs}`) : body;
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = payload.length;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : payload);
  } catch {
    notFound(response);
  }
}

function notFound(response) {
  response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy });
  response.end('Not found');
}

/** The DEMO relay (public key pairs from packages/contact-relay/demo/, the network's too), mounted under /relay. */
async function demoRelay(origin) {
  const relayDist = join(root, 'packages', 'contact-relay', 'dist', 'index.js');
  if (!existsSync(relayDist)) return null;
  const { readConfig, createRelay } = await import(relayDist);
  const demoKey = JSON.parse(readFileSync(join(root, 'packages', 'contact-relay', 'demo', 'demo-private-key.json'), 'utf8'));
  // The six DEMO keys of the fictional Rhineland-Palatinate network, for the state portal page.
  const networkDir = join(root, 'packages', 'contact-relay', 'demo', 'network');
  const networkKeys = readdirSync(networkDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(networkDir, name), 'utf8')).publicKey);
  const config = await readConfig({
    RELAY_PUBLIC_KEYS: [demoKey.publicKey, ...networkKeys].join(' '),
    RELAY_ALLOWED_ORIGINS: origin,
    RELAY_DB: process.env.RELAY_DB ?? join(tmpdir(), 'wegweiser-demo-site-relay.sqlite'),
    RELAY_POW_COUNTER_MIN: '100',
    RELAY_POW_COUNTER_MAX: '300',
    RELAY_MIN_FILL_SECONDS: '2',
    RELAY_RETENTION_DAYS: '1',
    RELAY_LOG: 'quiet',
  });
  return createRelay(config);
}

/**
 * Starts the demo site. `relay: false` leaves the contact form without its
 * relay (it then says it cannot send, calmly, once someone starts writing).
 */
export async function startDemoSite({ port = 0, host = '127.0.0.1', relay = true } = {}) {
  let relayInstance = null;
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/relay' || url.pathname.startsWith('/relay/')) {
      if (!relayInstance) return notFound(response);
      request.url = url.pathname.slice('/relay'.length) + url.search || '/';
      return relayInstance.listener(request, response);
    }
    void serveFile(request, response, url.pathname);
    return undefined;
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const url = `http://${host}:${address.port}`;
  if (relay) relayInstance = await demoRelay(url);
  return {
    url,
    relay: Boolean(relayInstance),
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await relayInstance?.close?.();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (!existsSync(join(siteDir, 'wegweiser', '0.1.0', 'wegweiser.js'))) {
    console.error('The bundle is missing: run `npm run build` first (it writes packages/widgets/dist/).');
    process.exit(1);
  }
  const site = await startDemoSite({ port: Number(process.argv[2] ?? 8080) });
  console.log(`Demo site (a FICTIONAL counselling centre) on ${site.url}/`);
  console.log(
    site.relay
      ? 'The contact form sends to the DEMO relay under /relay (public demo key: never send real messages). Read them with:\n' +
          `  WEGWEISER_KEY_PASSPHRASE=demo-passphrase-not-secret node packages/contact-relay/dist/cli.js read --key packages/contact-relay/demo/demo-private-key.json --db ${join(tmpdir(), 'wegweiser-demo-site-relay.sqlite')}\n` +
          'The state portal page (landesportal-rlp.html) sends to the six network centres: read with --key packages/contact-relay/demo/network/demo-rlp-<city>.json.'
      : 'No relay (packages/contact-relay is not built): the contact form shows that it cannot send.',
  );
}
