/**
 * The counselling team's inbox page, served by the relay itself for centres
 * that have no internal page of their own: `GET /inbox/` (a small HTML page
 * with `<ww-contact-inbox relay="/">`) and `GET /inbox/assets/*` (the files of
 * @wegweiser/contact-inbox's `dist/browser/`).
 *
 * These responses carry a strict Content Security Policy: scripts, styles and
 * requests from this origin only, no inline code, no framing, no form posts.
 * The page is same-origin with the API, so the inbox API needs no CORS entry
 * for it. Without RELAY_INBOX_CREDENTIALS there is no inbox, and no page.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { Hono } from 'hono';

export const inboxPageCsp =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};
// Plain names only: no folders, nothing hidden, no `..`.
const assetName = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** The folder with the inbox's ready-to-serve files, or null when the package is not built. */
export function inboxAssetsFolder(): string | null {
  try {
    const folder = join(dirname(createRequire(import.meta.url).resolve('@wegweiser/contact-inbox/package.json')), 'dist', 'browser');
    return statSync(folder).isDirectory() ? folder : null;
  } catch {
    return null;
  }
}

const page = `<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <meta name="robots" content="noindex, nofollow" />
    <title>Team-Postfach · Team inbox</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="/inbox/assets/tokens.css" />
    <link rel="stylesheet" href="/inbox/assets/inbox-page.css" />
    <script type="module" src="/inbox/assets/contact-inbox.js"></script>
  </head>
  <body>
    <main>
      <h1>Team-Postfach <span lang="en">(Team inbox)</span></h1>
      <ww-contact-inbox relay="/">
        <p>Das Team-Postfach braucht JavaScript. <span lang="en">The team inbox needs JavaScript.</span></p>
      </ww-contact-inbox>
    </main>
  </body>
</html>
`;

/**
 * Serves the inbox page and its files on `app`; nothing (404) while the inbox
 * is off, asked on each request: a credential added with `wegweiser-relay
 * centres add` turns the page on without a restart.
 */
export function mountInboxPage(app: Hono, inboxOn: () => Promise<boolean>): void {
  const folder = inboxAssetsFolder();

  app.use('/inbox', async (c, next) => ((await inboxOn()) ? next() : c.json({ error: 'not-found' }, 404)));
  app.use('/inbox/*', async (c, next) => ((await inboxOn()) ? next() : c.json({ error: 'not-found' }, 404)));

  app.get('/inbox', (c) => c.redirect('/inbox/', 301));

  app.get('/inbox/', (c) => {
    c.header('Content-Security-Policy', inboxPageCsp);
    return c.html(page);
  });

  app.get('/inbox/assets/:name', (c) => {
    const name = c.req.param('name');
    const type = contentTypes[extname(name)];
    if (!folder || !type || !assetName.test(name)) return c.json({ error: 'not-found' }, 404);
    const path = join(folder, name);
    let body: Buffer;
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
      body = readFileSync(path);
    } catch {
      return c.json({ error: 'not-found' }, 404);
    }
    c.header('Content-Security-Policy', inboxPageCsp);
    c.header('Content-Type', type);
    return c.body(new Uint8Array(body), 200);
  });
}
