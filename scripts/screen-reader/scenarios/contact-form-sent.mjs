// <ww-contact-form>, sent for real: a message with "answer by code" goes to a
// real relay (the scenario server starts one at /relay/, DEMO key, throwaway
// database), then the confirmation is heard and the code is spelled out
// character by character, group by group. Page: pages/contact-form-sent.html.
import { exposes, heard, notHeard } from '../expect.mjs';

/** A code as the form spells it for screen readers: "7 K Q M , 2 X W H , …" (five groups of four). */
const spelledCode = /\b([0-9A-Z] ){3}[0-9A-Z] , ([0-9A-Z] ){3}[0-9A-Z] , ([0-9A-Z] ){3}[0-9A-Z] , ([0-9A-Z] ){3}[0-9A-Z] , ([0-9A-Z] ){3}[0-9A-Z]\b/;

/** Presses `key` until `pattern` is heard (at most `times`); returns everything heard. */
async function pressUntil(sr, step, key, pattern, times) {
  let all = '';
  for (let i = 0; i < times && !pattern.test(all); i++) all += `\n${await step(key, sr.press(key))}`;
  return all;
}

/** Listens until `pattern` is heard (the relay and the encryption take their time on a busy machine), at most `ms`. */
async function listenUntil(sr, step, pattern, ms, heardBefore = '') {
  let all = heardBefore;
  const until = Date.now() + ms;
  while (!pattern.test(all) && Date.now() < until) all += `\n${await step('(listening)', sr.listen(1500))}`;
  return all;
}

export default [
  {
    name: 'contact form sent for real: answer by code chosen, the confirmation heard, the code spelled out group by group; replies: a mistyped code, the right one, the answer, a new answer',
    page: 'contact-form-sent.html',
    // Firefox only, for the gate's time: Chromium was heard once by hand (the code
    // is part of its reading of the confirmation). The replies page runs in Chromium
    // in replies.mjs, with a conversation the scenario relay receives; the contact
    // form's empty send runs in both (contact-form.mjs).
    browsers: ['firefox'],
    async run({ sr, step, server }) {
      await server.relay(); // started before the page needs it, so the first send does not wait for it
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const field = await step('Tab', sr.press('Tab'));
      heard(field, /Ihre Nachricht.*entry/, 'the message field');
      heard(field, 'Sie können bis zu 6.000 Zeichen eingeben.', 'the limit, as its description');
      const typing = `${await step('type a message', sr.type('Hallo, ich habe eine Frage zu meinem Konto.', { delayMs: 40 }))}\n${await step('(listening)', sr.listen(2000))}`;
      // The count is shown, not in the description: Orca used to read the whole description again while typing.
      notHeard(typing, 'Sie können bis zu', 'the description is not read again while typing');
      notHeard(typing, 'Sie haben noch', 'far from the limit, the count is not said');

      // To the answer choices: the checked one ("no answer") is reached by Tab.
      const choices = await pressUntil(sr, step, 'Tab', /Keine Antwort nötig/, 5);
      heard(choices, 'Möchten Sie eine Antwort?', 'the choices as a group with its question');
      const code = await step('shift+r (previous radio button)', sr.press('shift+r'));
      heard(code, /Ja, hier auf dieser Website mit einem Code \(anonym\)[\s\S]*not selected radio button/, 'the code choice');
      const chosen = await step('space', sr.press('space'));
      heard(chosen, /selected/, 'chosen');

      const send = await pressUntil(sr, step, 'Tab', /Nachricht senden.*push button/, 6);
      heard(send, /Nachricht senden.*push button/);
      const sent = await listenUntil(sr, step, /Noch eine Nachricht schreiben/, 30000, await step('Return (send)', sr.press('Return')));
      heard(sent, 'Ihre Nachricht ist gesendet', 'the confirmation');
      // Orca reads the focused confirmation line by line as laid out, so a long sentence is cut where its line ends.
      heard(sent, 'Die Antwort wartet hier auf dieser Website auf Sie.', 'where the answer will be');

      // The code, read as a person would: to its heading, then the next line.
      // (Orca's reading of the focused confirmation above skips it; open finding.)
      const heading = await pressUntil(sr, step, 'h', /Ihr Code/, 4);
      heard(heading, /Ihr Code[\s\S]*heading level 3/, 'the code\'s heading');
      const codeLine = await step('Down', sr.press('Down'));
      heard(codeLine, spelledCode, 'the code, character by character, groups apart');
      const warning = await step('Down', sr.press('Down'));
      heard(warning, 'Schreiben Sie sich den Code jetzt auf', 'the warning after the code');

      let tree = sr.accessibilityTree();
      exposes(tree, { role: 'heading', name: 'Ihre Nachricht ist gesendet' });
      exposes(tree, { role: 'heading', name: 'Ihr Code' });
      exposes(tree, { role: 'link', name: 'Antwort lesen und zurückschreiben' }, 'the way to the answers page');

      // <ww-contact-replies> (pages/replies.html): the team answers (as the inbox
      // would, see server.mjs), the person enters the code heard above.
      const heardCode = spelledCode.exec(codeLine)[0].replace(/ , /g, '-').replace(/ /g, '');
      await (await server.relay()).answer('Guten Tag, wir rufen Sie gern zurück. Das ist eine erfundene Antwort für den Test.');
      await sr.goto(`${server.origin}/replies.html`);
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const codeField = await step('Tab', sr.press('Tab'));
      heard(codeField, /Ihr Code.*entry/, 'the code field by its label');
      heard(codeField, 'Groß- oder Kleinschreibung und Leerzeichen sind egal', 'its hint');

      // A typing mistake first: one character changed.
      const last = heardCode.at(-1);
      const mistyped = `${heardCode.slice(0, -1)}${last === '7' ? '8' : '7'}`;
      await step('type the code with a mistake', sr.type(mistyped, { delayMs: 40 }));
      const wrong = await listenUntil(sr, step, /Tippfehler|kein Gespräch/, 15000, await step('Return', sr.press('Return')));
      heard(wrong, /Im Code ist ein Tippfehler|Zu diesem Code wurde kein Gespräch gefunden/, 'the mistake is said');

      heard(wrong, /Im Code ist ein Tippfehler[^\n]*link/, 'the error summary, its error a link to the field');
      heard(wrong, 'Fehler: Im Code ist ein Tippfehler', 'the field says what is wrong');
      exposes(sr.accessibilityTree(), { role: 'link', name: 'Im Code ist ein Tippfehler. Vergleichen Sie jedes Zeichen mit Ihrer Notiz' }, 'the error is a link to the field');

      // Then the right code: the conversation opens, the team's answer is heard.
      // (Focus is on the error summary: back to the field by Tab.)
      heard(await pressUntil(sr, step, 'Tab', /Ihr Code[^\n]*entry/, 3), /Ihr Code[^\n]*entry/, 'back in the field');
      await step('ctrl+a', sr.press('ctrl+a'));
      await step('type the code', sr.type(heardCode, { delayMs: 40 }));
      const opened = await listenUntil(sr, step, /Ihr Gespräch/, 30000, await step('Return', sr.press('Return')));
      heard(opened, /Ihr Gespräch/, 'the conversation, by its heading');
      let answer = opened;
      for (let i = 0; i < 10 && !/erfundene Antwort/.test(answer); i++) answer += `\n${await step('Down', sr.press('Down'))}`;
      heard(answer, 'Das Team hat geantwortet.', 'that the team answered');
      heard(answer, 'Das Beratungsteam hat geschrieben', 'who wrote');
      heard(answer, 'Guten Tag, wir rufen Sie gern zurück.', 'the answer itself');

      // A second answer arrives; "look for new answers" says so.
      await (await server.relay()).answer('Noch eine erfundene Antwort: Wir sind am Donnerstag da.');
      const button = await pressUntil(sr, step, 'Tab', /Nach neuen Antworten sehen/, 6);
      heard(button, /Nach neuen Antworten sehen.*push button/);
      const fresh = await listenUntil(sr, step, /neue Antwort/, 15000, await step('Return', sr.press('Return')));
      heard(fresh, 'Es gibt 1 neue Antwort.', 'the new answer announced');

      tree = sr.accessibilityTree();
      exposes(tree, { role: 'heading', name: 'Ihr Gespräch' });
      exposes(tree, { role: 'push button', name: 'Nach neuen Antworten sehen' });
    },
  },
];
