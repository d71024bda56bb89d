import { expect, fixture, html } from '@open-wc/testing';
import '../../../scripts/testing/index.js';
import { fetchJson, readInlineJson, JsonLoadError } from '../src/index.js';

describe('readInlineJson', () => {
  it('reads a direct child <script type="application/json">', async () => {
    const host = await fixture(html`<div><script type="application/json">{"a": [1, "<b>"]}</script></div>`);
    expect(readInlineJson(host)).to.deep.equal({ a: [1, '<b>'] });
  });

  it('is undefined without one, and ignores other scripts and deeper ones', async () => {
    const host = await fixture(html`<div><script type="text/plain">{}</script><p><script type="application/json">{}</script></p></div>`);
    expect(readInlineJson(host)).to.equal(undefined);
  });

  it('throws a parse error that names the element when the text is not JSON', async () => {
    const host = await fixture(html`<section><script type="application/json">{"a": </script></section>`);
    expect(() => readInlineJson(host)).to.throw(JsonLoadError, /inside <section> is not valid JSON/);
  });
});

describe('fetchJson', () => {
  const kind = async (url: string) => {
    try {
      await fetchJson(url);
      return 'ok';
    } catch (e) {
      return e instanceof JsonLoadError ? e.kind : String(e);
    }
  };

  it('loads JSON', async () => {
    const manifest = (await fetchJson('/packages/core/package.json')) as { name: string };
    expect(manifest.name).to.equal('@wegweiser/core');
  });

  it('tells a missing file, a file that is not JSON and a failed connection apart', async () => {
    expect(await kind('/packages/core/no-such-file.json')).to.equal('status');
    expect(await kind('/packages/core/README.md')).to.equal('parse');
    expect(await kind('http://127.0.0.1:9/nothing.json')).to.equal('network');
  });

  it('passes an abort through as an abort', async () => {
    const controller = new AbortController();
    controller.abort();
    let error: unknown;
    try {
      await fetchJson('/packages/core/package.json', controller.signal);
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).to.equal('AbortError');
  });
});
