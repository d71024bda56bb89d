// The plugin's translation files, without gettext tools: the .pot from the
// sources, .mo (GNU gettext's binary format, which WordPress reads) and the
// JSON (Jed 1.x locale data) that wp.i18n reads for the editor script, both
// from the hand-kept .po. Small on purpose: the plugin uses only __(), _e(),
// esc_html__(), esc_html_e(), esc_attr__(), esc_attr_e() and _x() with
// single-quoted literals, and no plural forms.

const literal = String.raw`'((?:[^'\\]|\\.)*)'`;
const comment = String.raw`(?:\/\*[\s\S]*?\*\/\s*)?`;
const domain = String.raw`\s*,\s*'wegweiser'\s*\)`;
const simpleCall = new RegExp(String.raw`\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\(\s*${comment}${literal}${domain}`, 'g');
const contextCall = new RegExp(String.raw`\b(?:_x|esc_html_x|esc_attr_x)\(\s*${comment}${literal}\s*,\s*${literal}${domain}`, 'g');

/** A single-quoted PHP or JavaScript literal's value (only \' and \\ are escapes in PHP). */
const unquote = (text) => text.replace(/\\(['\\])/g, '$1');

const keyOf = (msgid, context) => (context ? `${context}\u0004${msgid}` : msgid);

/**
 * Every translatable string, in order of first appearance, with where it appears.
 * @returns {{ msgid: string, context?: string, key: string, refs: string[] }[]}
 */
export function extractMessages({ php, js, blockJson }) {
  const found = new Map();
  const add = (msgid, context, ref) => {
    const key = keyOf(msgid, context);
    const message = found.get(key) ?? { msgid, context, key, refs: [] };
    if (!message.refs.includes(ref)) message.refs.push(ref);
    found.set(key, message);
  };
  for (const { file, source } of php) {
    // WordPress translates the plugin's name and description in the plugin list.
    for (const header of ['Plugin Name', 'Description']) {
      const value = new RegExp(String.raw`^[ \t/*#@]*${header}:\s*(.+)$`, 'm').exec(source)?.[1]?.trim();
      if (value && /^\s*\*\s*Text Domain:\s*wegweiser/m.test(source)) add(value, undefined, file);
    }
  }
  for (const { file, source } of [...php, ...js]) {
    for (const match of source.matchAll(simpleCall)) add(unquote(match[1]), undefined, file);
    for (const match of source.matchAll(contextCall)) add(unquote(match[1]), unquote(match[2]), file);
  }
  // WordPress translates these block.json fields with these contexts (block-i18n.json).
  for (const { file, json } of blockJson) {
    add(json.title, 'block title', file);
    if (json.description) add(json.description, 'block description', file);
    for (const keyword of json.keywords ?? []) add(keyword, 'block keyword', file);
  }
  return [...found.values()];
}

const poString = (text) =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

export function writePot(messages, version) {
  const header = [
    '# Copyright (C) Wegweiser contributors',
    '# This file is distributed under the GPL-2.0-or-later.',
    'msgid ""',
    'msgstr ""',
    `"Project-Id-Version: Wegweiser ${version}\\n"`,
    '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    '"X-Domain: wegweiser\\n"',
    '',
  ];
  const entries = messages.map((m) =>
    [`#: ${m.refs.join(' ')}`, ...(m.context ? [`msgctxt ${poString(m.context)}`] : []), `msgid ${poString(m.msgid)}`, 'msgstr ""', ''].join('\n'),
  );
  return `${header.join('\n')}\n${entries.join('\n')}`;
}

/** Reads a .po file into a map from key (context\u0004msgid) to translation; the header is under ''. */
export function parsePo(text) {
  const translations = new Map();
  let entry = {};
  let field;
  const unescape = (s) => s.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t' })[c] ?? c);
  const flush = () => {
    if (entry.msgid !== undefined && entry.msgstr) translations.set(keyOf(entry.msgid, entry.msgctxt), entry.msgstr);
    entry = {};
    field = undefined;
  };
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (trimmed === '') flush();
      continue;
    }
    const start = /^(msgctxt|msgid|msgstr)\s+"(.*)"$/.exec(trimmed);
    if (start) {
      if (start[1] === 'msgctxt' || (start[1] === 'msgid' && entry.msgstr !== undefined)) flush();
      field = start[1];
      entry[field] = unescape(start[2]);
    } else if (/^"(.*)"$/.test(trimmed) && field) {
      entry[field] += unescape(trimmed.slice(1, -1));
    } else {
      throw new Error(`.po: cannot read the line ${JSON.stringify(line)}`);
    }
  }
  flush();
  return translations;
}

/** GNU .mo: magic, revision, count, offsets of the two string tables, no hash table; keys sorted. */
export function writeMo(translations) {
  const keys = [...translations.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  const originals = keys.map((k) => Buffer.from(k));
  const targets = keys.map((k) => Buffer.from(translations.get(k)));
  const headerSize = 28;
  const tableSize = keys.length * 8;
  let offset = headerSize + 2 * tableSize;
  const head = Buffer.alloc(headerSize + 2 * tableSize);
  head.writeUInt32LE(0x950412de, 0);
  head.writeUInt32LE(0, 4);
  head.writeUInt32LE(keys.length, 8);
  head.writeUInt32LE(headerSize, 12);
  head.writeUInt32LE(headerSize + tableSize, 16);
  head.writeUInt32LE(0, 20);
  head.writeUInt32LE(offset, 24);
  const strings = [];
  for (const [table, list] of [
    [headerSize, originals],
    [headerSize + tableSize, targets],
  ]) {
    list.forEach((bytes, i) => {
      head.writeUInt32LE(bytes.length, table + i * 8);
      head.writeUInt32LE(offset, table + i * 8 + 4);
      strings.push(bytes, Buffer.from([0]));
      offset += bytes.length + 1;
    });
  }
  return Buffer.concat([head, ...strings]);
}

/** The JSON wp.i18n reads for one script: only the strings of its source files. */
export function scriptTranslations(messages, translations, locale, sourceFiles) {
  const data = { '': { domain: 'messages', lang: locale, 'plural-forms': 'nplurals=2; plural=(n != 1);' } };
  for (const message of messages) {
    if (message.refs.some((ref) => sourceFiles.includes(ref)) && translations.has(message.key)) data[message.key] = [translations.get(message.key)];
  }
  return `${JSON.stringify({ domain: 'messages', locale_data: { messages: data } })}\n`;
}
