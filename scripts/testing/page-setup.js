// Runs first in every test page. Lit's dev build warns (with a lit.dev/msg
// link) about mistakes such as a property that shadows a class field or an
// update scheduled after an update; the shared test hooks fail on any of them.
const warnings = [];
globalThis.__wwLitWarnings = warnings;
const warn = console.warn.bind(console);
console.warn = (...args) => {
  const text = args.map(String).join(' ');
  if (/lit\.dev\/msg\//.test(text) && !/lit\.dev\/msg\/dev-mode/.test(text)) warnings.push(text);
  warn(...args);
};
