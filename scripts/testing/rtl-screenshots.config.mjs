// Right-to-left screenshots of every widget in Arabic, for reviewers and
// docs/localisation.md: docs/screenshots/rtl/<widget>.png. Chromium only.
//   npx web-test-runner --config scripts/testing/rtl-screenshots.config.mjs
// The layout assertions themselves are in each package's test/locales.test.ts;
// this run only takes the pictures.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

process.env.WW_BROWSERS = 'chromium';
const { default: base } = await import('../../web-test-runner.config.mjs');
const out = fileURLToPath(new URL('../../docs/screenshots/rtl/', import.meta.url));

/** `executeServerCommand('ww-save-screenshot', { name })`: the element marked data-ww-shot, as a PNG. */
function screenshotPlugin() {
  return {
    name: 'ww-save-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'ww-save-screenshot') return undefined;
      const page = session.browser.getPage(session.id);
      if (!/^[a-z-]+$/.test(payload?.name ?? '')) throw new Error('ww-save-screenshot needs a name of letters and hyphens');
      const element = await page.$('[data-ww-shot]');
      const box = await element.boundingBox();
      mkdirSync(out, { recursive: true });
      // A long widget (the checklist) is cut at 1600 px: the picture is about the layout, not every step.
      await page.screenshot({ path: `${out}${payload.name}.png`, clip: { ...box, height: Math.min(box.height, 1600) }, captureBeyondViewport: true });
      return true;
    },
  };
}

export default {
  ...base,
  files: ['scripts/testing/rtl-screenshots.ts'],
  plugins: [...base.plugins, screenshotPlugin()],
  testFramework: { config: { timeout: 60000 } },
};
