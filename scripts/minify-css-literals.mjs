// Shrinks the CSS inside Lit's css`…` tagged templates in compiled JavaScript:
// comments, indentation, newlines and the spaces around { } ; : , > go.
// esbuild minifies the code around them but leaves template text alone, so
// without this every widget would ship its stylesheet as written, and authors
// would be tempted to write it packed. The source map beside each file is
// moved along, so the lines after a stylesheet still point at the right
// source lines.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';

/** Minifies one static piece of CSS text (between `${…}` interpolations). */
export function minifyCss(text) {
  // Comments first, then quoted strings are kept as they are (`content: ", "`).
  const parts = text.replace(/\/\*[\s\S]*?\*\//g, ' ').split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')/);
  return parts
    .map((part, index) =>
      index % 2
        ? part
        : part
            // Whitespace around punctuation where CSS does not need it. Not
            // around `:` before a word (`a :hover` differs from `a:hover`),
            // not + - * / (calc() needs those spaces).
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            // Any other run of whitespace, newlines included, becomes one space.
            .replace(/\s+/g, ' ')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/**
 * Finds css`…` templates in `code` and minifies their static parts. Nested
 * `${ … }` expressions are skipped by matching braces; quotes and template
 * literals inside an expression are skipped too.
 */
export function minifyCssLiterals(code) {
  return minifyCssLiteralsWithEdits(code).code;
}

/**
 * The same, and the edits it made: `{ start, end, length }` per replaced piece
 * of CSS (its offsets in `code`, the length of what replaced it), in order.
 */
export function minifyCssLiteralsWithEdits(code) {
  const edits = [];
  // Space next to an interpolation can separate two values (`${a} ${b}`); at the
  // template's two ends it separates nothing.
  const minifyPiece = (start, end, { first, last }) => {
    let replacement = minifyCss(code.slice(start, end));
    if (first) replacement = replacement.trimStart();
    if (last) replacement = replacement.trimEnd();
    edits.push({ start, end, length: replacement.length });
    return replacement;
  };
  let out = '';
  let i = 0;
  // tsc writes `css \`…\`` with a space; esbuild and sources without.
  const opener = /(?<![\w$.])css\s*`/g;
  for (;;) {
    opener.lastIndex = i;
    const found = opener.exec(code);
    if (!found) return { code: out + code.slice(i), edits };
    const open = found.index + found[0].length;
    out += code.slice(i, open);
    let j = open;
    let pieceStart = open;
    while (j < code.length && code[j] !== '`') {
      if (code[j] === '\\') {
        j += 2;
      } else if (code[j] === '$' && code[j + 1] === '{') {
        out += minifyPiece(pieceStart, j, { first: pieceStart === open, last: false });
        const end = skipExpression(code, j + 2);
        out += code.slice(j, end);
        j = end;
        pieceStart = end;
      } else {
        j++;
      }
    }
    out += minifyPiece(pieceStart, j, { first: pieceStart === open, last: true }) + '`';
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

/** Offsets where each line starts. */
function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Moves a source map's generated positions from `before` to `after`, the same
 * code with `edits` made. Positions inside an edited piece of CSS (compilers
 * map none there) go to the piece's start.
 */
export function shiftSourceMap(map, before, after, edits) {
  const oldStarts = lineStarts(before);
  const newStarts = lineStarts(after);
  const newOffset = (offset) => {
    let shift = 0;
    for (const edit of edits) {
      if (offset < edit.start) break;
      if (offset < edit.end) return edit.start + shift;
      shift += edit.length - (edit.end - edit.start);
    }
    return offset + shift;
  };
  const lines = newStarts.map(() => []);
  let line = 0;
  decode(map.mappings).forEach((segments, oldLine) => {
    for (const [column, ...source] of segments) {
      const offset = newOffset(oldStarts[oldLine] + column);
      while (line + 1 < newStarts.length && newStarts[line + 1] <= offset) line++;
      lines[line].push([offset - newStarts[line], ...source]);
    }
  });
  return { ...map, mappings: encode(lines) };
}

/** Minifies the CSS literals of every .js file under `dir`, in place, and moves its source map along. */
export function minifyCssLiteralsIn(dir) {
  for (const file of readdirSync(dir, { recursive: true }).map(String)) {
    if (!file.endsWith('.js')) continue;
    const path = join(dir, file);
    const code = readFileSync(path, 'utf8');
    if (!/css\s*`/.test(code)) continue;
    const minified = minifyCssLiteralsWithEdits(code);
    if (minified.code === code) continue;
    writeFileSync(path, minified.code);
    if (existsSync(`${path}.map`)) {
      const map = JSON.parse(readFileSync(`${path}.map`, 'utf8'));
      writeFileSync(`${path}.map`, JSON.stringify(shiftSourceMap(map, code, minified.code, minified.edits)));
    }
  }
}
