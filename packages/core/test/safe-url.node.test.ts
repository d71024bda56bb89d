import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { refusedUrlMessage, safeUrl, urlPattern, urlRuleOfFormat, urlRules, type UrlRule } from '../src/safe-url.js';
import { validate } from '../src/validate.js';
import { decodedAttribute, hostileHrefAttributes, hostileUrls } from '../../../scripts/testing/hostile-urls.js';

const page = 'https://beratung.example/hilfe/kontakt.html';
const rules = Object.entries(urlRules) as [string, UrlRule][];

describe('safeUrl: the one rule for every link a widget renders', () => {
  for (const [name, rule] of rules) {
    it(`${name}: refuses every hostile spelling, in the browser and on the server`, () => {
      for (const hostile of hostileUrls.filter((h) => h.refusedEverywhere)) {
        assert.equal(safeUrl(hostile.value, rule, page), null, `${hostile.name} (page)`);
        assert.equal(safeUrl(hostile.value, rule, undefined), null, `${hostile.name} (server)`);
      }
      for (const attribute of hostileHrefAttributes) {
        assert.equal(safeUrl(decodedAttribute(attribute.html), rule, page), null, attribute.name);
      }
    });
  }

  it('what it accepts resolves to an allowed scheme, and never to another host where only this site is allowed', () => {
    for (const [name, rule] of rules) {
      for (const hostile of hostileUrls) {
        const url = safeUrl(hostile.value, rule, page);
        if (url === null) continue;
        const resolved = new URL(url);
        assert.ok((rule.schemes as readonly string[]).includes(resolved.protocol.slice(0, -1)), `${name}: ${hostile.name} → ${url}`);
        assert.equal(resolved.origin, new URL(page).origin, `${name}: ${hostile.name} → ${url}`);
      }
    }
  });

  it('resolves relative addresses against the page, as the browser will', () => {
    assert.equal(safeUrl('antworten.html', urlRules.sitePage, page), 'https://beratung.example/hilfe/antworten.html');
    assert.equal(safeUrl('/antworten', urlRules.link, page), 'https://beratung.example/antworten');
    assert.equal(safeUrl('../', urlRules.webAddress, page), 'https://beratung.example/');
    assert.equal(safeUrl('#oben', urlRules.link, page), 'https://beratung.example/hilfe/kontakt.html#oben');
  });

  it('keeps the web, e-mail and phone where the field allows them, and trims what HTML trims', () => {
    assert.equal(safeUrl(' https://example.org/a b \n', urlRules.webPage, page), 'https://example.org/a%20b');
    assert.equal(safeUrl('HTTPS://Example.org', urlRules.securePage, page), 'https://example.org/');
    assert.equal(safeUrl('mailto:team@example.org?subject=Frage', urlRules.link, page), 'mailto:team@example.org?subject=Frage');
    assert.equal(safeUrl('tel:+4930123456', urlRules.link, page), 'tel:+4930123456');
    assert.equal(safeUrl('mailto:team@example.org', urlRules.webPage, page), null);
    assert.equal(safeUrl('http://example.org/', urlRules.securePage, page), null);
  });

  it('takes a full address only where the field wants one', () => {
    assert.equal(safeUrl('/kontakt', urlRules.webPage, page), null);
    assert.equal(safeUrl('kontakt.html', urlRules.securePage, page), null);
  });

  it('"a page of this website" means the page\'s origin', () => {
    assert.equal(safeUrl('https://beratung.example/antworten', urlRules.sitePage, page), 'https://beratung.example/antworten');
    assert.equal(safeUrl('https://other.example/antworten', urlRules.sitePage, page), null);
    assert.equal(safeUrl('http://beratung.example/antworten', urlRules.sitePage, page), null, 'another scheme is another origin');
    assert.equal(safeUrl('https://beratung.example:8443/', urlRules.sitePage, page), null, 'another port is another origin');
  });

  it('on the server, relative addresses stay relative and other origins cannot be proven to be this site', () => {
    assert.equal(safeUrl(' antworten.html ', urlRules.sitePage, undefined), 'antworten.html');
    assert.equal(safeUrl('https://beratung.example/antworten', urlRules.sitePage, undefined), null);
    assert.equal(safeUrl('https://example.org', urlRules.webAddress, undefined), 'https://example.org/');
  });

  it('refuses what is not a string, and empty values', () => {
    for (const value of [undefined, null, 42, {}, ['https://example.org'], '', '   ']) {
      assert.equal(safeUrl(value, urlRules.link, page), null, JSON.stringify(value));
    }
  });

  it('the message names the field and what it takes', () => {
    assert.equal(
      refusedUrlMessage('replies-href', 'javascript:x', urlRules.sitePage),
      'replies-href "javascript:x" is not used: it must be an address on this website.',
    );
  });
});

describe('urlPattern: the same rule as a JSON Schema pattern', () => {
  it('never accepts a value that safeUrl refuses on the server (the data check is at least as strict as the widget)', () => {
    const samples = [...hostileUrls.map((h) => h.value), 'https://example.org', 'kontakt.html', '/x', 'mailto:a@b.example', ' https://x.example'];
    for (const [name, rule] of rules) {
      const pattern = new RegExp(urlPattern(rule), 'u');
      for (const value of samples) {
        if (pattern.test(value) && !rule.sameOrigin) assert.notEqual(safeUrl(value, rule, undefined), null, `${name}: ${JSON.stringify(value)}`);
      }
    }
  });

  it('the validator applies the rule for its format, with a readable message', () => {
    const schema = { type: 'string', format: urlRules.link.format, pattern: urlPattern(urlRules.link) } as const;
    assert.deepEqual(validate(schema, 'https://example.org/'), []);
    assert.deepEqual(validate(schema, '/\\127.0.0.2/offsite'), [
      { path: '$', keyword: 'format', message: '"/\\\\127.0.0.2/offsite" is not allowed here: it must be an http(s), mailto: or tel: address, or a path on this website' },
    ]);
    assert.equal(urlRuleOfFormat('link-url'), urlRules.link);
    assert.equal(urlRuleOfFormat('uri'), undefined);
  });
});
