// Run after the build: `node packages/tokens/build.mjs && node --test packages/tokens/test/`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { base, themeNames, themes } from '../dist/index.js';
import { checkContrast, contrastRatio, luminance, parseColor } from '../contrast.mjs';

const read = (path) => readFileSync(new URL(path, import.meta.url), 'utf8');
const pairs = JSON.parse(read('../contrast-pairs.json'));
const prop = (token) => `--ww-${token.replace('.', '-')}`;

// The contract components rely on; adding a token means adding it here on purpose.
const colorTokens = [
  'surface', 'surface-raised', 'surface-sunken', 'text', 'text-muted', 'border', 'border-strong',
  'accent', 'accent-hover', 'on-accent', 'link', 'link-visited', 'focus', 'focus-inner',
  'exit', 'exit-hover', 'on-exit', 'danger', 'danger-surface', 'success', 'success-surface',
  'info-surface', 'overlay',
].map((name) => `--ww-color-${name}`);

describe('contrast computation', () => {
  test('black on white is 21:1 in either order', () => {
    assert.equal(contrastRatio('#000', '#fff'), 21);
    assert.equal(contrastRatio('#ffffff', '#000000'), 21);
  });

  test('a colour on itself is 1:1', () => {
    assert.equal(contrastRatio('#1d5c63', '#1d5c63'), 1);
  });

  test('#767676 on white is about 4.54:1, the lightest grey that passes AA text', () => {
    assert.ok(Math.abs(contrastRatio('#767676', '#fff') - 4.54) < 0.01);
    assert.equal(checkContrast('#767676', '#fff', 'text').pass, true);
  });

  test('parses #rgb, #rrggbb, #rrggbbaa and both rgb() syntaxes alike', () => {
    const white = { r: 255, g: 255, b: 255, a: 1 };
    assert.deepEqual(parseColor('#fff'), white);
    assert.deepEqual(parseColor('#FFFFFF'), white);
    assert.deepEqual(parseColor('#ffffffff'), white);
    assert.deepEqual(parseColor('rgb(255, 255, 255)'), white);
    assert.deepEqual(parseColor('rgb(100% 100% 100%)'), white);
    assert.deepEqual(parseColor('rgba(0, 0, 0, 0.5)'), { r: 0, g: 0, b: 0, a: 0.5 });
    assert.equal(luminance('#fff'), 1);
    assert.equal(luminance('#000'), 0);
  });

  test('rejects what it cannot read instead of guessing', () => {
    for (const bad of ['red', '#ggg', '#12345', 'rgb(1, 2)', 'Canvas', '']) {
      assert.throws(() => parseColor(bad), TypeError, bad);
    }
    assert.throws(() => contrastRatio('#000', 'rgba(255, 255, 255, 0.5)'), RangeError);
  });

  test('a translucent foreground is measured as it looks on the background', () => {
    // 50 % black on white looks like #808080 (3.95:1 against white).
    assert.ok(Math.abs(contrastRatio('rgba(0, 0, 0, 0.5)', '#fff') - contrastRatio('#808080', '#fff')) < 0.05);
  });

  test('detects failing pairs and does not round them up', () => {
    const grey = checkContrast('#777777', '#ffffff', 'text'); // 4.48:1
    assert.equal(grey.pass, false);
    assert.equal(grey.required, 4.5);
    assert.ok(grey.ratio > 4.47 && grey.ratio < 4.5);
    assert.equal(checkContrast('#777777', '#ffffff', 'ui').pass, true);
    assert.equal(checkContrast('#999999', '#ffffff', 'ui').pass, false); // 2.85:1
    assert.throws(() => checkContrast('#000', '#fff', 'large'), TypeError);
  });
});

describe('themes', () => {
  test('the three themes are exported in a fixed order', () => {
    assert.deepEqual([...themeNames], ['default', 'dark', 'high-contrast']);
    assert.deepEqual(Object.keys(themes), [...themeNames]);
  });

  for (const theme of themeNames) {
    test(`${theme} defines exactly the colour tokens, each as an opaque colour`, () => {
      assert.deepEqual(Object.keys(themes[theme]).sort(), [...colorTokens].sort());
      for (const [name, value] of Object.entries(themes[theme])) {
        assert.equal(parseColor(value).a, 1, `${name} must be opaque, is ${value}`);
      }
    });
  }

  test('contrast-pairs.json names only existing colour tokens and known kinds', () => {
    for (const pair of pairs) {
      assert.ok(colorTokens.includes(prop(pair.fg)), pair.fg);
      assert.ok(colorTokens.includes(prop(pair.bg)), pair.bg);
      assert.ok(['text', 'ui'].includes(pair.kind), pair.kind);
      assert.ok(pair.where, `${pair.fg} on ${pair.bg} says where it is used`);
    }
  });
});

for (const theme of themeNames) {
  describe(`contrast in the ${theme} theme`, () => {
    for (const { fg, bg, kind, where } of pairs) {
      test(`${fg} on ${bg} (${kind}: ${where})`, () => {
        const [fgValue, bgValue] = [themes[theme][prop(fg)], themes[theme][prop(bg)]];
        const { ratio, required, pass } = checkContrast(fgValue, bgValue, kind);
        assert.ok(pass, `${fgValue} on ${bgValue} is ${ratio.toFixed(3)}:1, needs ${required}:1`);
      });
    }
  });
}

describe('built CSS', () => {
  const tokensCss = read('../dist/css/tokens.css');
  const mediaBlock = (query) => {
    const start = tokensCss.indexOf(`@media ${query} {`);
    assert.ok(start >= 0, `tokens.css has @media ${query}`);
    return tokensCss.slice(start, tokensCss.indexOf('\n}\n', start));
  };

  for (const theme of themeNames) {
    test(`${theme}.css declares every base and colour token with its value`, () => {
      const css = read(`../dist/css/${theme}.css`);
      for (const [name, value] of Object.entries({ ...base, ...themes[theme] })) {
        assert.ok(css.includes(`${name}: ${value};`), name);
      }
    });
  }

  test('auto follows a dark preference, and a request for more contrast wins over it', () => {
    const dark = tokensCss.indexOf('@media (prefers-color-scheme: dark)');
    const more = tokensCss.indexOf('@media (prefers-contrast: more)');
    assert.ok(dark >= 0 && more > dark);
    assert.ok(mediaBlock('(prefers-contrast: more)').includes(`--ww-color-surface: ${themes['high-contrast']['--ww-color-surface']};`));
  });

  test('reduced motion brings every duration token to (almost) zero', () => {
    const block = mediaBlock('(prefers-reduced-motion: reduce)');
    const durations = Object.keys(base).filter((name) => name.startsWith('--ww-motion-duration-'));
    assert.ok(durations.length > 0);
    for (const name of durations) assert.match(block, new RegExp(`${name}: 0(\\.01m)?s;`));
  });

  test('forced colours map every colour token to a CSS system colour', () => {
    const block = mediaBlock('(forced-colors: active)');
    const system = /^(Canvas|CanvasText|LinkText|VisitedText|ButtonFace|ButtonText|ButtonBorder|Highlight|HighlightText|GrayText|Field|FieldText|Mark|MarkText|AccentColor|AccentColorText)$/;
    for (const name of colorTokens) {
      const value = new RegExp(`${name}: ([^;]+);`).exec(block)?.[1];
      assert.match(value ?? '(missing)', system, name);
    }
  });
});
