// Assertions on what a person hears (a step's transcript, one utterance a
// line) and on what the browser exposes (the AT-SPI tree). Failures quote the
// whole transcript or the matching part of the tree, so a red run explains itself.

const show = (pattern) => (pattern instanceof RegExp ? String(pattern) : JSON.stringify(pattern));
const matches = (text, pattern) => (pattern instanceof RegExp ? pattern.test(text) : text.includes(pattern));

export class ScenarioFailure extends Error {}

/** The step's transcript contains `pattern` (a string or a RegExp). */
export function heard(transcript, pattern, what = '') {
  if (!matches(transcript, pattern)) {
    throw new ScenarioFailure(`expected to hear ${show(pattern)}${what ? ` (${what})` : ''}, but heard:\n${indent(transcript)}`);
  }
}

/** The step's transcript does not contain `pattern`. */
export function notHeard(transcript, pattern, what = '') {
  if (matches(transcript, pattern)) {
    throw new ScenarioFailure(`expected not to hear ${show(pattern)}${what ? ` (${what})` : ''}, but heard:\n${indent(transcript)}`);
  }
}

/** How many utterances of the transcript match `pattern`. */
export function timesHeard(transcript, pattern) {
  return transcript.split('\n').filter((line) => matches(line, pattern)).length;
}

/** `pattern` is heard before `later` within one transcript. */
export function heardInOrder(transcript, first, later, what = '') {
  heard(transcript, first, what);
  heard(transcript, later, what);
  const lines = transcript.split('\n');
  const firstAt = lines.findIndex((line) => matches(line, first));
  const laterAt = lines.findIndex((line) => matches(line, later));
  if (firstAt > laterAt) {
    throw new ScenarioFailure(`expected to hear ${show(first)} before ${show(later)}${what ? ` (${what})` : ''}, but heard:\n${indent(transcript)}`);
  }
}

/** Nodes of the tree with this role (exact AT-SPI role name) and name (string: exact; RegExp: test). */
export function nodes(tree, { role, name, lang }) {
  return tree.filter(
    (node) =>
      (role === undefined || node.role === role) &&
      (name === undefined || (name instanceof RegExp ? name.test(node.name) : node.name === name)) &&
      (lang === undefined || (node.lang ?? '').startsWith(lang)),
  );
}

/** The tree has at least one such node; returns the first. */
export function exposes(tree, query, what = '') {
  const found = nodes(tree, query);
  if (!found.length) {
    const sameRole = tree.filter((node) => node.role === query.role).map((node) => `${node.role} ${JSON.stringify(node.name)}`);
    throw new ScenarioFailure(
      `expected the accessibility tree to have a ${query.role ?? 'node'} named ${show(query.name ?? '(any)')}${query.lang ? ` in ${query.lang}` : ''}${what ? ` (${what})` : ''}; nodes of that role: ${sameRole.length ? sameRole.join(', ') : 'none'}`,
    );
  }
  return found[0];
}

/** No node of this role lacks a name (a control without a label). */
export function allNamed(tree, role) {
  const unnamed = tree.filter((node) => node.role === role && node.name.trim() === '');
  if (unnamed.length) throw new ScenarioFailure(`${unnamed.length} ${role}(s) without an accessible name in the tree`);
}

function indent(text) {
  return (text || '(silence)')
    .split('\n')
    .map((line) => `      | ${line}`)
    .join('\n');
}
