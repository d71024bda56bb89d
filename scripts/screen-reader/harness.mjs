// A real screen reader in a box: Xvfb, a session bus, speech-dispatcher (with
// a silent audio driver), Orca and one browser, all private to this run.
// Keys go in through xdotool; what Orca says comes out of its debug output as
// `SPEECH OUTPUT: '…'` lines, which are split into steps by time.
//
// The recipe and its five traps are in ../shared/TOOLCHAIN.md ("A real screen
// reader: Orca under Xvfb"); each trap is named where it is avoided below.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findBrowsers } from '../browsers.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
// Orca's own Python: the tree check needs the system's gi, not a pyenv shim's.
export const systemPython = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** How long Orca must be silent before a step counts as finished. */
const QUIET_MS = 1200;
/** How long to wait for the first word after a key (the machine may be busy). */
const FIRST_WORD_MS = 8000;
/** A step never takes longer than this, even if Orca keeps talking. */
const STEP_MAX_MS = 30000;

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;

/** What this machine lacks for a screen-reader run, in words a contributor can act on. */
export function missingTools() {
  const missing = [];
  const apt = 'apt-get install -y --no-install-recommends orca speech-dispatcher speech-dispatcher-espeak-ng speech-dispatcher-audio-plugins libao4 at-spi2-core dbus-daemon xvfb xdotool bsdutils python3-gi gir1.2-atspi-2.0';
  for (const [command, what] of [
    ['orca', 'Orca (the screen reader)'],
    ['xdotool', 'xdotool (sends the keys)'],
    ['Xvfb', 'Xvfb (the invisible display)'],
    ['dbus-daemon', 'dbus-daemon (the session bus)'],
    ['speech-dispatcher', 'speech-dispatcher (Orca speaks through it)'],
    ['script', 'script from bsdutils (unbuffers Orca\'s debug output)'],
  ]) {
    if (!onPath(command)) missing.push(what);
  }
  if (spawnSync(systemPython, ['-c', "import gi; gi.require_version('Atspi', '2.0')"]).status !== 0) missing.push('python3-gi with gir1.2-atspi-2.0 (the accessibility-tree check)');
  if (spawnSync('sh', ['-c', 'ls /usr/lib/*/libao.so.4'], { stdio: 'ignore' }).status !== 0) missing.push('libao4 (silent audio for speech-dispatcher)');
  const browsers = findBrowsers();
  if (!browsers.firefox) missing.push('Firefox (FIREFOX_PATH, or apt-get install firefox-esr)');
  if (!browsers.chromium) missing.push('Chromium (CHROME_PATH, or apt-get install chromium)');
  return missing.length ? { missing, hint: `On Debian 12: ${apt}` } : undefined;
}

/** Is a process named orca running for this user? Orca refuses to start beside another one (trap 4). */
function orcaRunning() {
  // A killed Orca can linger as a zombie until it is reaped; that one no longer counts.
  const result = spawnSync('ps', ['-u', String(process.getuid()), '-o', 'stat=,comm='], { encoding: 'utf8' });
  return result.stdout.split('\n').some((line) => /^\s*[^Z\s]\S*\s+orca$/.test(line));
}

/** Waits until no other Orca of this user runs: never two at once (trap 4). Bounded. */
async function waitForNoOrca(timeoutMs = 180000) {
  const until = Date.now() + timeoutMs;
  while (orcaRunning()) {
    if (Date.now() > until) throw new Error('another Orca of this user is still running after 3 minutes; stop it first (one Orca at a time)');
    await sleep(500);
  }
}

/** Kills a detached child's whole process group, politely then firmly. */
async function stopGroup(child, graceMs = 3000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const exited = await Promise.race([done.then(() => true), sleep(graceMs).then(() => false)]);
  if (!exited) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await Promise.race([done, sleep(2000)]);
  }
}

function killPidFile(file) {
  if (!existsSync(file)) return;
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (pid > 1) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Orca's settings: no Say All and no page summary on load (trap 3), plain speech. */
function orcaSettings() {
  const general = {
    sayAllOnLoad: false,
    pageSummaryOnLoad: false,
    enableTutorialMessages: false,
    presentToolTips: false,
    // Orca would name every key pressed ("tab", "left shift"); the transcript
    // is about what the page says back.
    enableKeyEcho: false,
    enableSpeech: true,
    enableBraille: false,
    enableSound: false,
    speechServerFactory: 'orca.speechdispatcherfactory',
    // Orca's profile name pair; "default" is the one it loads on start.
    profile: ['Default', 'default'],
    activeProfile: ['Default', 'default'],
    startingProfile: ['Default', 'default'],
  };
  return {
    general,
    profiles: { default: { ...general, pronunciations: {}, keybindings: {} } },
    pronunciations: {},
    keybindings: {},
  };
}

/** Firefox: no first-run page, no new-tab preloading, no update or telemetry traffic (trap 5). */
const firefoxPrefs = {
  'browser.aboutwelcome.enabled': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.startup.firstrunSkipsHomepage': true,
  'browser.newtabpage.enabled': false,
  'browser.newtab.preload': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.tabs.warnOnClose': false,
  'browser.sessionstore.resume_from_crash': false,
  'browser.startup.page': 0,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'trailhead.firstrun.didSeeAboutWelcome': true,
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.translations.enable': false,
  'browser.uitour.enabled': false,
  'extensions.pocket.enabled': false,
  'identity.fxaccounts.enabled': false,
  // Accessibility on from the start, whatever Firefox guesses.
  'accessibility.force_disabled': -1,
  // A leaving quick exit must not open a real site on this closed network.
  'network.proxy.type': 0,
  // No "Save password?" prompt after the inbox's sign-in: it takes the focus
  // from the page, and the keys that follow go to the prompt.
  'signon.rememberSignons': false,
};

/** Text of one SPEECH OUTPUT line: the quoted part, without Orca's voice details. */
export function utteranceOf(line) {
  const match = /SPEECH OUTPUT: '(.*?)'\s*(?:voice=\S+\s*)?(?:\{.*\}|ACSS.*)?\s*$/.exec(line);
  // Bidi isolates and marks (Chromium passes on the ones around a phone number
  // in a sentence) are invisible and not spoken; they would only trip the matching.
  return match ? match[1].replace(/[\u200e\u200f\u2066-\u2069]/g, '') : undefined;
}

/**
 * The language in one line of Orca's debug output: the language Orca asked a
 * voice for ("SPEECH GENERATOR: default voice requested with language='ro'"),
 * or the one speech-dispatcher was set to for an utterance ("SD rate 2, pitch
 * 10, volume 100, language en-us"). Whether a `lang` on the page changes the
 * voice shows in the difference between the two.
 */
export function languageOf(line) {
  const requested = /voice requested with language='([^']+)'/.exec(line);
  if (requested && requested[1] !== 'None') return { kind: 'requested', lang: requested[1] };
  const spoken = /^\s*SD rate .*, language (\S+)\s*$/.exec(line);
  return spoken ? { kind: 'spoken', lang: spoken[1] } : undefined;
}

export class ScreenReader {
  /**
   * @param {{ browser: 'firefox' | 'chromium', log?: (line: string) => void }} options
   */
  constructor({ browser, log = () => {} }) {
    this.browserName = browser;
    this.log = log;
    this.utterances = []; // { at: ms, text }
    // Which language Orca asked a voice for (from the text's language in the
    // tree) and which language speech-dispatcher was then told to speak in.
    this.languages = []; // { at: ms, kind: 'requested' | 'spoken', lang }
    this.processes = [];
    this.dir = mkdtempSync(join(tmpdir(), 'ww-sr-'));
  }

  /** Starts the display, the buses, Orca and the browser on `url`; resolves when the page was announced. */
  async start(url) {
    const missing = missingTools();
    if (missing) throw new Error(`screen reader: cannot run, missing: ${missing.missing.join('; ')}. ${missing.hint}`);
    await waitForNoOrca();
    const home = join(this.dir, 'home');
    const runtime = join(this.dir, 'runtime');
    const config = join(home, '.config');
    mkdirSync(config, { recursive: true });
    mkdirSync(runtime, { recursive: true });
    chmodSync(runtime, 0o700);

    // Trap 1: speech-dispatcher's default PulseAudio output fails here and Orca
    // freezes after two utterances. libao with the null driver plays into nothing.
    const speechdDir = join(config, 'speech-dispatcher');
    cpSync('/etc/speech-dispatcher', speechdDir, { recursive: true, dereference: true });
    const speechdConf = readFileSync(join(speechdDir, 'speechd.conf'), 'utf8')
      .replace(/^#?\s*AudioOutputMethod .*$/m, 'AudioOutputMethod "libao"')
      .replace(/^#?\s*DefaultModule .*$/m, 'DefaultModule espeak-ng');
    writeFileSync(join(speechdDir, 'speechd.conf'), `${speechdConf}\nAudioOutputMethod "libao"\n`);
    writeFileSync(join(home, '.libao'), 'default_driver=null\n');

    const prefs = join(this.dir, 'orca');
    mkdirSync(prefs);
    writeFileSync(join(prefs, 'user-settings.conf'), JSON.stringify(orcaSettings(), null, 2));

    this.env = {
      PATH: process.env.PATH,
      HOME: home,
      XDG_RUNTIME_DIR: runtime,
      XDG_CONFIG_HOME: config,
      XDG_CACHE_HOME: join(home, '.cache'),
      XDG_DATA_HOME: join(home, '.local', 'share'),
      // Orca speaks its own words (roles, states) in English: the only UTF-8
      // locale every machine has. The pages' German comes from the pages.
      LANG: 'C.UTF-8',
      GTK_MODULES: 'gail:atk-bridge',
      GNOME_ACCESSIBILITY: '1',
      ACCESSIBILITY_ENABLED: '1',
      NO_AT_BRIDGE: '0',
      TZ: 'Europe/Berlin',
    };

    // Xvfb picks a free display itself and tells us which (others run Xvfb on this machine too).
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp', '-ac'], {
      env: this.env,
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    this.processes.push(xvfb);
    const display = await new Promise((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('Xvfb did not start within 30 s')), 30000);
      xvfb.stdio[3].on('data', (chunk) => {
        text += chunk;
        if (text.includes('\n')) {
          clearTimeout(timer);
          resolve(`:${text.trim()}`);
        }
      });
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
    });
    this.env.DISPLAY = display;

    // The session bus; the accessibility bus is started from it on demand.
    const busAddress = `unix:path=${join(runtime, 'bus')}`;
    const dbus = spawn('dbus-daemon', ['--session', '--nofork', `--address=${busAddress}`, '--nopidfile'], { env: this.env, detached: true, stdio: 'ignore' });
    this.processes.push(dbus);
    this.env.DBUS_SESSION_BUS_ADDRESS = busAddress;
    await this.#waitFor(() => existsSync(join(runtime, 'bus')), 15000, 'the session bus');

    // Trap 2: Orca's debug file is block-buffered; on a terminal it is written
    // line by line. `script` gives it one and copies everything to its stdout.
    this.orcaLog = join(this.dir, 'orca.log');
    const orca = spawn('script', ['-qfec', `orca -u ${prefs} --debug-file=/dev/tty`, this.orcaLog], {
      env: this.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    this.processes.push(orca);
    let pending = '';
    orca.stdout.on('data', (chunk) => {
      pending += chunk.toString('utf8');
      const lines = pending.split(/\r?\n/);
      pending = lines.pop();
      for (const line of lines) {
        const language = languageOf(line);
        if (language) this.languages.push({ at: Date.now(), ...language });
        const text = utteranceOf(line);
        if (text !== undefined && text.trim() !== '') {
          this.utterances.push({ at: Date.now(), text });
          this.log(`  [orca] ${text}`);
        }
      }
    });
    // Orca has started when it greets ("Screen reader on" in some language).
    await this.#waitFor(() => this.utterances.length > 0, 60000, 'Orca to speak');

    const browsers = findBrowsers();
    const profile = join(this.dir, 'profile');
    mkdirSync(profile);
    let browser;
    if (this.browserName === 'firefox') {
      writeFileSync(join(profile, 'user.js'), Object.entries(firefoxPrefs).map(([key, value]) => `user_pref(${JSON.stringify(key)}, ${JSON.stringify(value)});`).join('\n'));
      browser = spawn(browsers.firefox, ['--no-remote', '--new-instance', '--profile', profile, '--width', '1280', '--height', '1000', url], { env: { ...this.env, MOZ_CRASHREPORTER_DISABLE: '1' }, detached: true, stdio: 'ignore' });
    } else {
      browser = spawn(
        browsers.chromium,
        [
          // The project's quiet-network flags, but with a window: Orca reads a browser shown under Xvfb.
          ...chromiumArgs.filter((flag) => !flag.startsWith('--headless')),
          '--no-default-browser-check',
          '--password-store=basic',
          '--disable-features=Translate,MediaRouter',
          // Trap 5: without it Chromium exposes no web content to AT-SPI.
          '--force-renderer-accessibility',
          `--user-data-dir=${profile}`,
          '--window-position=0,0',
          '--window-size=1280,1000',
          `--lang=de`,
          url,
        ],
        { env: this.env, detached: true, stdio: 'ignore' },
      );
    }
    this.processes.push(browser);
    this.browser = browser;
    await this.#focusBrowserWindow();
    // The page counts as loaded when Orca has said something after the browser
    // started and then fallen quiet; what it said on load varies and is not asserted.
    await this.#waitForPage();
  }

  /** Waits for Orca's "Finished loading" of a page, then for quiet; what it said on load varies and is not asserted. */
  async #waitForPage(since = Date.now()) {
    // Orca sometimes says "Finished loading" only at the first key; then the
    // page is there anyway, and the first quiet moment after the window
    // title has to do.
    const loaded = () => this.utterances.some((u) => u.at >= since && /Finished loading/i.test(u.text));
    const until = Date.now() + 45000;
    while (!loaded() && Date.now() < until) await sleep(100);
    if (!loaded()) this.log('  [harness] no "Finished loading" heard; going on after quiet');
    await this.#waitQuiet(since, 0, 2000);
  }

  /**
   * Opens another page in the same browser (address bar, as a person would),
   * so Orca and the browser start once per run, not once per scenario.
   * Scenarios then press ctrl+Home first (trap 3: start from a known place).
   */
  async goto(url) {
    const since = Date.now();
    for (const key of ['ctrl+l']) spawnSync('xdotool', ['key', '--clearmodifiers', key], { env: this.env, timeout: 15000 });
    await sleep(800);
    spawnSync('xdotool', ['type', '--delay', '20', url], { env: this.env, timeout: 60000 });
    await sleep(300);
    spawnSync('xdotool', ['key', '--clearmodifiers', 'Return'], { env: this.env, timeout: 15000 });
    await this.#waitForPage(since);
  }

  async #focusBrowserWindow() {
    const className = this.browserName === 'firefox' ? 'firefox' : 'chromium';
    let windowId;
    const until = Date.now() + 60000;
    while (!windowId) {
      if (Date.now() > until) throw new Error(`no ${className} window appeared within 60 s`);
      const found = spawnSync('xdotool', ['search', '--onlyvisible', '--class', className], { env: this.env, encoding: 'utf8' });
      windowId = found.stdout.trim().split('\n').filter(Boolean).pop();
      if (!windowId) await sleep(500);
    }
    // No window manager: give the window the keyboard focus ourselves.
    spawnSync('xdotool', ['windowfocus', '--sync', windowId], { env: this.env, timeout: 10000 });
    spawnSync('xdotool', ['mousemove', '640', '500'], { env: this.env, timeout: 10000 });
    this.windowId = windowId;
  }

  async #waitFor(condition, timeoutMs, what) {
    const until = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > until) throw new Error(`screen reader: timed out waiting for ${what} (${this.browserName}); Orca's log: ${this.orcaLog ?? 'none'}`);
      await sleep(100);
    }
  }

  /** Waits until nothing new has been said for `quietMs`, counting from `since`. */
  async #waitQuiet(since, firstWordMs, quietMs = QUIET_MS) {
    const until = since + STEP_MAX_MS;
    // Some steps are silent on purpose; give the first word a bounded chance.
    while (!this.utterances.some((u) => u.at >= since) && Date.now() < since + firstWordMs) await sleep(100);
    for (;;) {
      const last = this.utterances.at(-1)?.at ?? 0;
      const quietFor = Date.now() - Math.max(last, since);
      if (quietFor >= quietMs || Date.now() > until) return;
      await sleep(100);
    }
  }

  /**
   * Presses keys (xdotool names, e.g. 'Tab', 'shift+Tab', 'h', 'Return') one
   * after another, then waits until Orca is quiet. Returns what was said
   * during the step, one utterance a line.
   */
  async press(...keys) {
    // A last argument { listenMs } keeps listening at least that long (a page
    // that navigates, a timer); otherwise the step ends at the first quiet.
    const { listenMs = 0 } = typeof keys.at(-1) === 'object' ? keys.pop() : {};
    const since = Date.now();
    for (const key of keys) {
      const result = spawnSync('xdotool', ['key', '--clearmodifiers', key], { env: this.env, timeout: 15000 });
      if (result.status !== 0) throw new Error(`xdotool key ${key} failed: ${result.stderr}`);
      if (keys.length > 1) await sleep(150);
    }
    if (listenMs) await sleep(listenMs);
    await this.#waitQuiet(since, FIRST_WORD_MS);
    return this.#heardSince(since);
  }

  /** Types text character by character with a human pause between keys, then waits. */
  async type(text, { delayMs = 250 } = {}) {
    const since = Date.now();
    const result = spawnSync('xdotool', ['type', '--delay', String(delayMs), text], { env: this.env, timeout: 60000 });
    if (result.status !== 0) throw new Error(`xdotool type failed: ${result.stderr}`);
    await this.#waitQuiet(since, FIRST_WORD_MS);
    return this.#heardSince(since);
  }

  /** Waits (for a timer in the page) and returns what was said meanwhile. */
  async listen(ms) {
    const since = Date.now();
    await sleep(ms);
    await this.#waitQuiet(since, 0);
    return this.#heardSince(since);
  }

  #heardSince(since) {
    this.lastStep = { since, until: Date.now() };
    return this.utterances
      .filter((u) => u.at >= since)
      .map((u) => u.text)
      .join('\n');
  }

  /**
   * The languages of the last step: `requested`, those Orca asked a voice for
   * (it knows the text's language from the tree), and `spoken`, those
   * speech-dispatcher was set to. Both sorted, without repeats.
   */
  lastStepLanguages() {
    const { since = 0, until = Date.now() } = this.lastStep ?? {};
    const of = (kind) => [...new Set(this.languages.filter((l) => l.kind === kind && l.at >= since && l.at <= until).map((l) => l.lang))].sort();
    return { requested: of('requested'), spoken: of('spoken') };
  }

  /** The page's accessibility tree as AT-SPI sees it: [{ depth, role, name, lang, states }]. */
  accessibilityTree() {
    const result = spawnSync(systemPython, [join(here, 'atspi-tree.py'), this.browserName], { env: this.env, encoding: 'utf8', timeout: 90000 });
    if (result.status !== 0) throw new Error(`AT-SPI tree check failed: ${result.stderr || result.error}`);
    // Chromium keeps the bidi isolates of a sentence ("⁨+49 30 …⁩ anrufen") in names; they are not spoken.
    return JSON.parse(result.stdout).map((node) => ({ ...node, name: node.name.replace(/[\u200e\u200f\u2066-\u2069]/g, '') }));
  }

  async stop() {
    for (const child of [...this.processes].reverse()) await stopGroup(child);
    // `script` runs Orca in a session of its own, outside script's process group;
    // a busy Orca can outlive script's hangup. Find ours by its private prefs dir.
    const ours = spawnSync('pgrep', ['-f', `orca -u ${join(this.dir, 'orca')} `], { encoding: 'utf8' });
    for (const pid of ours.stdout.split('\n').map(Number).filter((n) => n > 1)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    // Started by Orca through the bus, outside our process groups.
    killPidFile(join(this.env?.XDG_RUNTIME_DIR ?? '/nonexistent', 'speech-dispatcher', 'pid', 'speech-dispatcher.pid'));
    await waitForNoOrca(30000).catch(() => {});
    if (!process.env.WW_SR_KEEP) rmSync(this.dir, { recursive: true, force: true });
  }
}
