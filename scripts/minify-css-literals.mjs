// Shrinks the CSS inside Lit's css`…` tagged templates in compiled JavaScript:
// comments go, indentation and spaces around { } ; : , > go. esbuild minifies
// the code around them but leaves template text alone, so without this every
// widget would ship its stylesheet as written. Newlines are kept (one per
// line of the original) so the source maps of the lines after a stylesheet
// still point at the right lines.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Minifies one static piece of CSS text (between `${…}` interpolations). */
export function minifyCss(text) {
  const keepLines = (s) => '\n'.repeat((s.match(/\n/g) ?? []).length);
  // Comments first (a comment that spanned lines leaves its newlines), then
  // quoted strings are kept as they are (`content: ", "`).
  const parts = text.replace(/\/\*[\s\S]*?\*\//g, (c) => keepLines(c)).split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  return parts
    .map((part, index) =>
      index % 2
        ? part
        : part
            // Whitespace around punctuation where CSS does not need it. Not
            // around `:` before a word (`a :hover` differs from `a:hover`),
            // not + - * / (calc() needs those spaces).
            .replace(/\s*([{};,>])\s*/g, (m, p) => keepLines(m) + p)
            .replace(/:\s+/g, (m) => `:${keepLines(m)}`)
            // Any other run of whitespace becomes one space, or its newlines.
            .replace(/\s{2,}|\n/g, (m) => keepLines(m) || ' ')
            .replace(/;(\n*)}/g, '$1}'),
    )
    .join('');
}

/**
 * Finds css`…` templates in `code` and minifies their static parts. Nested
 * `${ … }` expressions are skipped by matching braces; quotes and template
 * literals inside an expression are skipped too.
 */
export function minifyCssLiterals(code) {
  let out = '';
  let i = 0;
  // tsc writes `css \`…\`` with a space; esbuild and sources without.
  const opener = /(?<![\w$.])css\s*`/g;
  for (;;) {
    opener.lastIndex = i;
    const found = opener.exec(code);
    if (!found) return out + code.slice(i);
    const open = found.index + found[0].length;
    out += code.slice(i, open);
    let j = open;
    let chunk = '';
    while (j < code.length && code[j] !== '`') {
      if (code[j] === '\\') {
        chunk += code.slice(j, j + 2);
        j += 2;
      } else if (code[j] === '$' && code[j + 1] === '{') {
        out += minifyCss(chunk);
        chunk = '';
        const end = skipExpression(code, j + 2);
        out += code.slice(j, end);
        j = end;
      } else {
        chunk += code[j++];
      }
    }
    out += minifyCss(chunk) + '`';
    i = j + 1;
  }
}

/** Index just past the `}` that closes an interpolation opened before `from`. */
function skipExpression(code, from) {
  let depth = 1;
  let j = from;
  while (j < code.length && depth > 0) {
    const c = code[j];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '"' || c === "'" || c === '`') {
      j++;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
    }
    j++;
  }
  return j;
}

/** Minifies the CSS literals of every .js file under `dir`, in place. */
export function minifyCssLiteralsIn(dir) {
  for (const file of readdirSync(dir, { recursive: true }).map(String)) {
    if (!file.endsWith('.js')) continue;
    const path = join(dir, file);
    const code = readFileSync(path, 'utf8');
    if (!/css\s*`/.test(code)) continue;
    const next = minifyCssLiterals(code);
    if (next !== code) writeFileSync(path, next);
  }
}
