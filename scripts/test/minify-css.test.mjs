// The CSS-literal minifier changes shipped stylesheets; it must never change their meaning,
// and the source maps of the files it changes must still point at the right source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode, encode } from '@jridgewell/sourcemap-codec';
import { minifyCss, minifyCssLiterals, minifyCssLiteralsWithEdits, shiftSourceMap } from '../minify-css-literals.mjs';

test('removes comments, indentation, newlines and optional spaces', () => {
  const input = '\n  :host {\n    display: block; /* why */\n  }\n  a > b , c { margin: 0 }\n';
  assert.equal(minifyCss(input).trim(), ':host{display:block}a>b,c{margin:0}');
  // A selector written over two lines is still a descendant selector.
  assert.equal(minifyCss('.list\n  .item { color: red }'), '.list .item{color:red}');
});

test('keeps what carries meaning: descendant pseudo-classes, calc() operators, strings', () => {
  assert.equal(minifyCss('a :hover { width: calc(1px + 2%) }'), 'a :hover{width:calc(1px + 2%)}');
  assert.equal(minifyCss('a::before { content: ", "; }'), 'a::before{content:", "}');
  assert.equal(minifyCss("q { quotes: '{ ' ' }'; }"), "q{quotes:'{ ' ' }'}");
});

test('minifies only css`…` templates, around interpolations, and leaves other code alone', () => {
  const code = "const x = html` <p> a </p> `; const s = css `\n  .a { margin: ${a} ${token('c', `x ${1}`)}; }\n  ${b}\n`; const notcss = xcss` a  b `;";
  const out = minifyCssLiterals(code);
  assert.ok(out.startsWith("const x = html` <p> a </p> `;"));
  // The space between two interpolated values stays; the template's ends lose theirs.
  assert.ok(out.includes("css `.a{margin:${a} ${token('c', `x ${1}`)}}${b}`;"), out);
  assert.ok(out.endsWith('const notcss = xcss` a  b `;'));
});

test('the source map moves with the code: what followed a stylesheet still maps to its source', () => {
  // Generated code: line 0 holds the start of a css`…` literal, line 4 the code after it.
  const before = 'const s = css`\n  .a {\n    color: red;\n  }\n`;\nrun(s);\n';
  // Each line maps to the same line of a source, column for column (as tsc's maps do).
  const map = { version: 3, sources: ['x.ts'], names: [], mappings: encode([[[0, 0, 0, 0]], [], [], [], [[0, 0, 4, 0]], [[0, 0, 5, 0], [4, 0, 5, 4]]]) };
  const { code: after, edits } = minifyCssLiteralsWithEdits(before);
  assert.equal(after, 'const s = css`.a{color:red}`;\nrun(s);\n');
  const shifted = decode(shiftSourceMap(map, before, after, edits).mappings);
  // `run(s)` is on generated line 1 now, still from source line 5; `s` still at column 4.
  assert.deepEqual(shifted[1], [[0, 0, 5, 0], [4, 0, 5, 4]]);
  // The literal's closing `;` (source line 4) now follows it on line 0: column 27.
  assert.deepEqual(shifted[0], [[0, 0, 0, 0], [27, 0, 4, 0]]);
});
