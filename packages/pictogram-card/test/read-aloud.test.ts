import { expect, fixture } from '@open-wc/testing';
import { loadPictogram, type PictogramCard } from '../src/index.js';
import '../src/define.js';
import { withLang } from '../../../scripts/testing/index.js';
import { demoCard } from '../../../stories/pictogram-demo-content.js';

/*
 * The browser's speech synthesis, replaced in these tests only: headless
 * browsers have no voices, and a test must not talk. The product reads the
 * real `speechSynthesis` every time.
 */
class FakeUtterance extends EventTarget {
  lang = '';
  voice: SpeechSynthesisVoice | null = null;
  constructor(readonly text: string) {
    super();
  }
}

class FakeSynthesis extends EventTarget {
  voices: Partial<SpeechSynthesisVoice>[] = [];
  spoken: FakeUtterance[] = [];
  current: FakeUtterance | undefined;
  getVoices() {
    return this.voices as SpeechSynthesisVoice[];
  }
  speak(utterance: FakeUtterance) {
    this.spoken.push(utterance);
    this.current = utterance;
  }
  cancel() {
    const current = this.current;
    this.current = undefined;
    current?.dispatchEvent(new Event('error'));
  }
  finish() {
    const current = this.current;
    this.current = undefined;
    current?.dispatchEvent(new Event('end'));
  }
  setVoices(voices: Partial<SpeechSynthesisVoice>[]) {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
}

const voice = (lang: string, localService = true): Partial<SpeechSynthesisVoice> => ({ lang, localService, name: `Test ${lang}`, default: false, voiceURI: lang });

let synth: FakeSynthesis;
const originalSynthesis = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');
const originalUtterance = Object.getOwnPropertyDescriptor(window, 'SpeechSynthesisUtterance');

function install(value: FakeSynthesis | undefined) {
  Object.defineProperty(window, 'speechSynthesis', { configurable: true, writable: true, value });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, writable: true, value: value ? FakeUtterance : undefined });
}

beforeEach(() => {
  synth = new FakeSynthesis();
  install(synth);
});
afterEach(() => {
  synth.cancel();
  delete (window as { speechSynthesis?: unknown }).speechSynthesis;
  delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  if (originalSynthesis) Object.defineProperty(window, 'speechSynthesis', originalSynthesis);
  if (originalUtterance) Object.defineProperty(window, 'SpeechSynthesisUtterance', originalUtterance);
});

const speakButton = (el: PictogramCard) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="read-aloud"]');
const langButton = (el: PictogramCard, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="languages"] button')].find((b) => b.textContent!.trim() === name)!;

async function card(lang = 'de'): Promise<PictogramCard> {
  const el = await fixture<PictogramCard>(demoCard('anonymous'), { parentNode: withLang(lang) });
  await loadPictogram('anonymous');
  await el.updateComplete;
  return el;
}

describe('ww-pictogram-card: read aloud', () => {
  it('is not offered where the browser has no speech synthesis', async () => {
    install(undefined);
    const el = await card();
    expect(speakButton(el)).to.equal(null);
  });

  it('is not offered without a voice for the card’s language', async () => {
    synth.voices = [voice('en-GB')];
    const el = await card();
    expect(speakButton(el)).to.equal(null);
  });

  it('ignores online voices: the text must not leave the device', async () => {
    synth.voices = [voice('de-DE', false)];
    const el = await card();
    expect(speakButton(el)).to.equal(null);
  });

  it('appears when the browser reports a fitting voice later (voiceschanged)', async () => {
    const el = await card();
    expect(speakButton(el)).to.equal(null);
    synth.setVoices([voice('de-DE')]);
    await el.updateComplete;
    expect(speakButton(el)!.textContent!.trim()).to.equal('Vorlesen');
  });

  it('follows the shown language: offered in German, not in Romanian without a Romanian voice', async () => {
    synth.voices = [voice('de-DE')];
    const el = await card();
    expect(speakButton(el)).to.not.equal(null);
    langButton(el, 'Română').click();
    await el.updateComplete;
    expect(speakButton(el)).to.equal(null);
    synth.setVoices([voice('de-DE'), voice('ro-RO')]);
    await el.updateComplete;
    expect(speakButton(el)).to.not.equal(null);
  });

  it('reads title and text in the card’s language with that voice, and stops on request', async () => {
    synth.voices = [voice('de-DE'), voice('ro-RO')];
    const el = await card('ro');
    speakButton(el)!.click();
    await el.updateComplete;
    expect(synth.spoken.length).to.equal(1);
    const spoken = synth.spoken[0]!;
    expect(spoken.lang).to.equal('ro');
    expect(spoken.voice!.lang).to.equal('ro-RO');
    expect(spoken.text).to.equal('Anonim\nNu trebuie să ne spuneți numele.');
    expect(speakButton(el)!.textContent!.trim()).to.equal('Opriți citirea');
    speakButton(el)!.click();
    await el.updateComplete;
    expect(synth.current).to.equal(undefined);
    expect(speakButton(el)!.textContent!.trim()).to.equal('Citire cu voce tare');
  });

  it('reads the "more" section too when it is open, and resets when speech ends', async () => {
    synth.voices = [voice('de-DE')];
    const el = await card();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more-button"]')!.click();
    await el.updateComplete;
    speakButton(el)!.click();
    expect(synth.spoken[0]!.text).to.contain('Für manche Anträge brauchen wir später Ihren Namen.');
    synth.finish();
    await el.updateComplete;
    expect(speakButton(el)!.textContent!.trim()).to.equal('Vorlesen');
  });

  it('stops reading when the reader switches language', async () => {
    synth.voices = [voice('de-DE'), voice('en-US')];
    const el = await card();
    speakButton(el)!.click();
    langButton(el, 'English').click();
    await el.updateComplete;
    expect(synth.current).to.equal(undefined);
    expect(speakButton(el)!.textContent!.trim()).to.equal('Read aloud');
  });

  it('is accessible while offered and while reading', async () => {
    synth.voices = [voice('de-DE')];
    const el = await card();
    await expect(el).to.be.accessible();
    speakButton(el)!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
