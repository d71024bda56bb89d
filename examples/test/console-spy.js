// Injected first into the built example pages during the tests (see
// wtr-plugin.mjs), before any module script: records console errors and
// warnings, uncaught errors and unhandled rejections, so a test can require
// that only the deliberate ones happened.
(() => {
  const log = [];
  window.__wwConsole = log;
  const text = (args) => args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' ');
  for (const level of ['error', 'warn']) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      log.push({ level, text: text(args) });
      original(...args);
    };
  }
  window.addEventListener('error', (event) => log.push({ level: 'uncaught', text: String(event.message) }));
  window.addEventListener('unhandledrejection', (event) => log.push({ level: 'unhandled rejection', text: text([event.reason]) }));
})();
