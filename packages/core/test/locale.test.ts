import { expect, fixture, html } from '@open-wc/testing';
import { inheritedLang, matchLocale } from '../src/locale.js';
import '../../../scripts/testing/index.js';

describe('inheritedLang', () => {
  it('prefers the element’s own lang attribute', async () => {
    const el = await fixture(html`<div lang="ro"><span lang="en-GB"></span></div>`);
    expect(inheritedLang(el.querySelector('span')!)).to.equal('en-GB');
  });

  it('takes the nearest ancestor’s lang', async () => {
    const el = await fixture(html`<div lang="bg"><p><span></span></p></div>`);
    expect(inheritedLang(el.querySelector('span')!)).to.equal('bg');
  });

  it('crosses shadow-root boundaries to the host’s ancestors', async () => {
    const host = await fixture(html`<div lang="hu"><div id="host"></div></div>`);
    const root = host.querySelector('#host')!.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    expect(inheritedLang(inner)).to.equal('hu');
  });

  it('falls back to the document’s lang', async () => {
    const el = await fixture(html`<span></span>`);
    expect(inheritedLang(el)).to.equal(document.documentElement.lang);
  });

  it('ignores empty lang attributes', async () => {
    const el = await fixture(html`<div lang="es"><span lang=" "></span></div>`);
    expect(inheritedLang(el.querySelector('span')!)).to.equal('es');
  });
});

describe('matchLocale', () => {
  const available = ['en', 'de', 'pt-BR'];
  it('matches exactly, case-insensitively', () => {
    expect(matchLocale('DE', available)).to.equal('de');
    expect(matchLocale('pt-br', available)).to.equal('pt-BR');
  });
  it('drops subtags until something matches', () => {
    expect(matchLocale('de-AT', available)).to.equal('de');
    expect(matchLocale('en_GB', available)).to.equal('en');
    expect(matchLocale('de-Latn-CH-1996', available)).to.equal('de');
  });
  it('falls back to German for unknown or missing languages', () => {
    expect(matchLocale('ro', available)).to.equal('de');
    expect(matchLocale('', available)).to.equal('de');
  });
  it('uses the fallback it is given', () => {
    expect(matchLocale('xx', available, 'en')).to.equal('en');
  });
});
