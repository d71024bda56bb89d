/**
 * Reading aloud with the browser's own speech synthesis. Only voices that run
 * on the device count (`localService`): Chrome also lists online voices that
 * send the text to a server, and a card's text (and the fact that someone
 * listened to it) must not leave the device.
 */

/** The page's speech synthesis, or `undefined` where there is none. */
export function speechEngine(): SpeechSynthesis | undefined {
  const synth = (globalThis as { speechSynthesis?: SpeechSynthesis }).speechSynthesis;
  return synth && typeof globalThis.SpeechSynthesisUtterance === 'function' ? synth : undefined;
}

/** An on-device voice for `lang`: the exact tag first, then the same language (`ro` finds `ro-RO`). */
export function voiceFor(lang: string): SpeechSynthesisVoice | undefined {
  const synth = speechEngine();
  if (!synth) return undefined;
  let voices: SpeechSynthesisVoice[];
  try {
    voices = synth.getVoices().filter((voice) => voice.localService);
  } catch {
    return undefined;
  }
  const norm = (tag: string) => tag.toLowerCase().replace(/_/g, '-');
  const wanted = norm(lang);
  const language = wanted.split('-')[0];
  return voices.find((v) => norm(v.lang) === wanted) ?? voices.find((v) => norm(v.lang).split('-')[0] === language);
}
