// A test-runner command that emulates media features puppeteer's own API
// refuses, above all `forced-colors: active` (Windows high contrast), through
// the Chrome DevTools Protocol. Chromium only; elsewhere it answers false.
export function emulateMediaPlugin() {
  // One DevTools session per page: emulation belongs to the session that set
  // it, so a second session could not clear what the first one set.
  const sessions = new WeakMap();
  return {
    name: 'ww-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ww-emulate-media') return undefined;
      const getPage = session.browser?.getPage?.bind(session.browser);
      const page = getPage?.(session.id);
      if (!page || session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name)) return false;
      let client = sessions.get(page);
      if (!client) {
        client = await page.createCDPSession();
        sessions.set(page, client);
      }
      await client.send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
      return true;
    },
  };
}
