// A test-runner command that emulates media features puppeteer's own API
// refuses, above all `forced-colors: active` (Windows high contrast), through
// the Chrome DevTools Protocol. Chromium only; elsewhere it answers false.
export function emulateMediaPlugin() {
  return {
    name: 'ww-emulate-media',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ww-emulate-media') return undefined;
      const getPage = session.browser?.getPage?.bind(session.browser);
      const page = getPage?.(session.id);
      if (!page || session.browser.type !== 'puppeteer' || !/chrom/i.test(session.browser.name)) return false;
      const client = await page.createCDPSession();
      await client.send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
      return true;
    },
  };
}
