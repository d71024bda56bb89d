// The team inbox page the relay serves at /inbox/ (src/inbox-page.ts). Needs
// `npm run build` first: it serves @wegweiser/contact-inbox's dist/browser/.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRelay, credentialEntry, readConfig } from '../dist/index.js';
import { inboxAssetsFolder, inboxPageCsp } from '../dist/inbox-page.js';
import { demoPublicKey } from './helpers.mjs';

const centre = demoPublicKey.split('.')[1];

async function relayWith(env) {
  const config = await readConfig({
    RELAY_PUBLIC_KEYS: demoPublicKey,
    RELAY_DB: join(mkdtempSync(join(tmpdir(), 'ww-inbox-page-')), 'relay.sqlite'),
    RELAY_LOG: 'quiet',
    ...env,
  });
  return createRelay(config, { log: { info() {}, error() {} } });
}

describe('the inbox page at /inbox/', () => {
  let relay;
  let off;
  before(async () => {
    relay = await relayWith({ RELAY_INBOX_CREDENTIALS: await credentialEntry(centre, 'TEST0-CREDE-NTIAL-NOTSE-CRET0') });
    off = await relayWith({});
  });
  after(async () => {
    await relay.close();
    await off.close();
  });

  it('serves the page with the inbox element and a strict Content Security Policy', async () => {
    const response = await relay.app.request('/inbox/');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^text\/html/);
    assert.equal(response.headers.get('content-security-policy'), inboxPageCsp);
    assert.match(inboxPageCsp, /script-src 'self';/);
    assert.doesNotMatch(inboxPageCsp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    const html = await response.text();
    assert.match(html, /<html lang="de">/);
    assert.match(html, /<ww-contact-inbox relay="\/">/);
    assert.match(html, /<script type="module" src="\/inbox\/assets\/contact-inbox.js"><\/script>/);
    assert.match(html, /href="\/inbox\/assets\/tokens.css"/);
    // No inline script or style: the CSP would block it.
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
    assert.doesNotMatch(html, /<style|style=/);
  });

  it('redirects /inbox to /inbox/', async () => {
    const response = await relay.app.request('/inbox');
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/inbox/');
  });

  it('serves every file of the built inbox with its content type and the same policy', async () => {
    const folder = inboxAssetsFolder();
    assert.ok(folder, 'packages/contact-inbox/dist/browser exists (run npm run build)');
    const files = readdirSync(folder);
    assert.ok(files.includes('contact-inbox.js') && files.includes('tokens.css') && files.includes('inbox-page.css'));
    for (const file of files) {
      const response = await relay.app.request(`/inbox/assets/${file}`);
      assert.equal(response.status, 200, file);
      assert.equal(response.headers.get('content-security-policy'), inboxPageCsp);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const type = response.headers.get('content-type');
      if (file.endsWith('.js')) assert.equal(type, 'text/javascript; charset=utf-8');
      else if (file.endsWith('.css')) assert.equal(type, 'text/css; charset=utf-8');
      else assert.equal(type, 'text/plain; charset=utf-8');
      assert.ok((await response.arrayBuffer()).byteLength > 0);
    }
  });

  it('serves nothing outside that folder, and nothing that is not there', async () => {
    for (const path of [
      '/inbox/assets/../package.json',
      '/inbox/assets/..%2Fpackage.json',
      '/inbox/assets/..%2F..%2Fpackage.json',
      '/inbox/assets/%2e%2e%2fdemo%2fdemo-private-key.json',
      '/inbox/assets/.hidden.js',
      '/inbox/assets/nothing-here.js',
      '/inbox/assets/contact-inbox.js%00.css',
      '/inbox/assets/sub/contact-inbox.js',
      '/inbox/assets/',
      '/inbox/../demo/demo-private-key.json',
    ]) {
      const response = await relay.app.request(path);
      assert.notEqual(response.status, 200, path);
      const body = await response.text();
      assert.doesNotMatch(body, /privateKey|"ciphertext"|"name": "@wegweiser/, path);
    }
  });

  it('is not there when the relay has no team credentials', async () => {
    for (const path of ['/inbox/', '/inbox', '/inbox/assets/contact-inbox.js']) {
      const response = await off.app.request(path);
      assert.equal(response.status, 404, path);
    }
  });
});
