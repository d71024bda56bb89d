import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseVersion, languageName, readAction, variantName, type ContentProblem } from '../src/content.js';
import { hostileUrls } from '../../../scripts/testing/hostile-urls.js';
import { searchPictograms } from '../src/search.js';
import { allPictograms } from '../src/generated/all-pictograms.js';
import { catalogue } from '../pictograms/catalogue.mjs';

const versions = [{ lang: 'de' }, { lang: 'de', variant: 'einfache-sprache' as const }, { lang: 'en' }, { lang: 'ro' }, { lang: 'ar' }];

describe('chooseVersion: which language a card shows', () => {
  it('shows the wanted language, also from a more specific tag', () => {
    assert.deepEqual(chooseVersion(versions, 'ro'), { index: 3, missing: false });
    assert.deepEqual(chooseVersion(versions, 'ro-RO'), { index: 3, missing: false });
    assert.deepEqual(chooseVersion(versions, 'EN_gb'), { index: 2, missing: false });
  });

  it('finds a regional version for a plain tag', () => {
    assert.deepEqual(chooseVersion([{ lang: 'de' }, { lang: 'pt-BR' }], 'pt'), { index: 1, missing: false });
  });

  it('falls back to the first version and says a translation is missing', () => {
    assert.deepEqual(chooseVersion(versions, 'hu'), { index: 0, missing: true });
  });

  it('shows the first version without a wanted language, and nothing is missing', () => {
    assert.deepEqual(chooseVersion(versions, ''), { index: 0, missing: false });
  });

  it('never picks a simplified version for a plain tag, but does for -x-ls', () => {
    assert.equal(chooseVersion(versions, 'de').index, 0);
    assert.deepEqual(chooseVersion(versions, 'de-x-ls'), { index: 1, missing: false });
  });

  it('lets the reader’s pick win over the page language', () => {
    assert.deepEqual(chooseVersion(versions, 'de', 'ar|'), { index: 4, missing: false });
    assert.deepEqual(chooseVersion(versions, 'ro', 'de|einfache-sprache'), { index: 1, missing: false });
    // A pick that no longer exists (the content changed) is ignored.
    assert.deepEqual(chooseVersion(versions, 'ro', 'bg|'), { index: 3, missing: false });
  });
});

describe('languageName: endonyms', () => {
  it('names each language in itself, capitalised for a menu', () => {
    assert.equal(languageName('ro'), 'Română');
    assert.equal(languageName('bg'), 'Български');
    assert.equal(languageName('hu'), 'Magyar');
    assert.equal(languageName('de'), 'Deutsch');
    assert.equal(languageName('ar'), 'العربية');
  });

  it('names a language in another language when asked', () => {
    assert.equal(languageName('ro', 'de'), 'Rumänisch');
  });

  it('falls back to the tag for nonsense', () => {
    assert.equal(languageName('not a tag'), 'not a tag');
  });

  it('names the variants in German', () => {
    assert.equal(variantName('leichte-sprache'), 'Leichte Sprache');
    assert.equal(variantName('einfache-sprache'), 'Einfache Sprache');
  });
});

describe('readAction: the link a card may carry (core\'s safe-URL rule)', () => {
  it('keeps the web, e-mail, phone and relative URLs', () => {
    for (const href of ['https://example.org/', 'http://a.example', 'mailto:a@b.example', 'tel:+49800000000', '/kontakt', '#kontakt', 'kontakt.html', '?a=1']) {
      const problems: ContentProblem[] = [];
      assert.ok(readAction(href, 'Kontakt', 'de', problems), href);
      assert.deepEqual(problems, [], href);
    }
  });

  it('leaves out script, data and other-host URLs in every spelling, and says which version', () => {
    for (const hostile of [...hostileUrls.filter((h) => h.refusedEverywhere).map((h) => h.value), '', 'file:///etc/passwd']) {
      const problems: ContentProblem[] = [];
      assert.equal(readAction(hostile, 'Kontakt', 'ro', problems), undefined, JSON.stringify(hostile));
      assert.equal(problems[0]?.code, 'pictogram-card/invalid-action');
      assert.match(problems[0]!.message, /"ro" version/);
    }
  });
});

describe('the pictogram set', () => {
  it('has at least 40 pictograms, each with a name and search words in English and German', () => {
    assert.ok(allPictograms.length >= 40, `${allPictograms.length}`);
    assert.equal(allPictograms.length, catalogue.length);
    for (const p of allPictograms) {
      assert.match(p.id, /^[a-z][a-z0-9-]*$/);
      assert.ok(p.label().length > 0, p.id);
      assert.ok(p.keywords('en').length > 0 && p.keywords('de').length > 0, p.id);
      assert.notEqual(p.keywords('en'), p.keywords('de'), p.id);
      assert.ok((p.paths?.length ?? 0) > 0, p.id);
    }
  });

  it('uses one pictogram for one meaning: no source drawn twice', () => {
    const sources = catalogue.map((e) => e.source);
    assert.equal(new Set(sources).size, sources.length);
  });

  it('finds pictograms by German and English words, accents ignored', () => {
    assert.equal(searchPictograms(allPictograms, 'dusche', 'de')[0]?.id, 'shower');
    assert.equal(searchPictograms(allPictograms, 'gebardensprache', 'de')[0]?.id, 'sign-language');
    assert.equal(searchPictograms(allPictograms, 'shower', 'en')[0]?.id, 'shower');
    assert.deepEqual(
      searchPictograms(allPictograms, 'health insurance', 'en').map((p) => p.id),
      ['health-insurance'],
    );
  });

  it('finds by id, returns everything for an empty query and nothing for nonsense', () => {
    assert.equal(searchPictograms(allPictograms, 'step-free', 'en')[0]?.id, 'step-free');
    assert.equal(searchPictograms(allPictograms, '  ', 'en').length, allPictograms.length);
    assert.deepEqual(searchPictograms(allPictograms, 'xyzzy', 'en'), []);
  });
});

describe('pictogram module sizes', () => {
  it('keeps every pictogram module under 1 kB gzip, even unminified', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const dir = new URL('../src/generated/pictograms/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    assert.equal(files.length, catalogue.length);
    for (const file of files) {
      const size = gzipSync(readFileSync(new URL(file, dir)), { level: 9 }).length;
      assert.ok(size <= 1000, `${file}: ${size} bytes`);
    }
  });
});
