// The CSS-literal minifier changes shipped stylesheets; it must never change their meaning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCss, minifyCssLiterals } from '../minify-css-literals.mjs';

test('removes comments, indentation and optional spaces, keeping line count', () => {
  const input = '\n  :host {\n    display: block; /* why */\n  }\n  a > b , c { margin: 0 }\n';
  const output = minifyCss(input);
  assert.equal(output.replace(/\n/g, ''), ':host{display:block}a>b,c{margin:0}');
  assert.equal(output.split('\n').length, input.split('\n').length);
});

test('keeps what carries meaning: descendant pseudo-classes, calc() operators, strings', () => {
  assert.equal(minifyCss('a :hover { width: calc(1px + 2%) }'), 'a :hover{width:calc(1px + 2%)}');
  assert.equal(minifyCss('a::before { content: ", "; }'), 'a::before{content:", "}');
  assert.equal(minifyCss("q { quotes: '{ ' ' }'; }"), "q{quotes:'{ ' ' }'}");
});

test('minifies only css`…` templates, around interpolations, and leaves other code alone', () => {
  const code = "const x = html` <p> a </p> `; const s = css `\n  .a { color: ${token('c', `x ${1}`)}; }\n  ${b}\n`; const notcss = xcss` a  b `;";
  const out = minifyCssLiterals(code);
  assert.ok(out.startsWith("const x = html` <p> a </p> `;"));
  assert.ok(out.includes("css `\n.a{color:${token('c', `x ${1}`)}\n}"), out);
  assert.ok(out.endsWith('const notcss = xcss` a  b `;'));
});
