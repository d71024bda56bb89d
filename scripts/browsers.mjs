// Finds the browsers the component tests run in: an environment variable
// first, then the usual install paths. Says plainly what is missing.
import { existsSync } from 'node:fs';

const first = (paths) => paths.find((p) => p && existsSync(p));

export function findBrowsers(env = process.env) {
  const chromium = first([
    env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
  ]);
  const firefox = first([
    env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
  const webkitDriver = first([env.WEBKIT_DRIVER_PATH, '/usr/bin/WebKitWebDriver']);
  const webkitBrowser = first([
    env.WEBKIT_BROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  ]);
  const xvfb = first(['/usr/bin/xvfb-run']);
  const missing = [];
  if (!chromium) missing.push('Chromium/Chrome: set CHROME_PATH, or on Debian: apt-get install chromium');
  if (!firefox) missing.push('Firefox: set FIREFOX_PATH, or on Debian: apt-get install firefox-esr');
  if (!webkitDriver || !webkitBrowser)
    missing.push('WebKit: set WEBKIT_DRIVER_PATH and WEBKIT_BROWSER_PATH, or on Debian: apt-get install webkit2gtk-driver xvfb xauth');
  else if (!env.DISPLAY && !xvfb) missing.push('WebKit needs a display: apt-get install xvfb xauth');
  return { chromium, firefox, webkit: webkitDriver && webkitBrowser ? { driver: webkitDriver, browser: webkitBrowser, xvfb } : undefined, missing };
}

// Flags that keep Chromium quiet on a closed network and in containers.
export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
