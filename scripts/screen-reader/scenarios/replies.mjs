// <ww-contact-replies> in Chromium: the right code; the conversation must be
// heard when it opens. Firefox hears the same page, with a mistyped code first,
// after a real send in contact-form-sent.mjs; here the scenario server's relay
// receives the message (server.mjs), and the mistyped code is left out, for
// the gate's time (Chromium's error summary is heard in contact-form.mjs).
// Page: pages/replies.html.
import { exposes, heard } from '../expect.mjs';

/** Listens until `pattern` is heard (deriving the keys takes its time on a busy machine), at most `ms`. */
async function listenUntil(sr, step, pattern, ms, heardBefore) {
  let all = heardBefore;
  const until = Date.now() + ms;
  while (!pattern.test(all) && Date.now() < until) all += `\n${await step('(listening)', sr.listen(1500))}`;
  return all;
}

export default [
  {
    name: 'replies: the right code opens the conversation, heard with the team\'s answer',
    page: 'replies.html',
    browsers: ['chromium'],
    async run({ sr, step, server }) {
      const relay = await server.relay();
      const code = await relay.receive('Hallo, ich habe eine Frage zu meinem Konto.');
      await relay.answer('Guten Tag, wir rufen Sie gern zurück. Das ist eine erfundene Antwort für den Test.');
      // The page was opened before the conversation existed; it reads nothing before the code is sent.
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const codeField = await step('Tab', sr.press('Tab'));
      heard(codeField, /Ihr Code.*entry/, 'the code field by its label');

      await step('type the code', sr.type(code, { delayMs: 40 }));
      // Focus moves to the conversation. It used to move to its heading, and Orca with
      // Chromium then said nothing at all: not the heading, and nothing on Down either.
      const opened = await listenUntil(sr, step, /Ihr Gespräch/, 30000, await step('Return', sr.press('Return')));
      heard(opened, /Ihr Gespräch/, 'the conversation, by its name');
      let answer = opened;
      for (let i = 0; i < 10 && !/erfundene Antwort/.test(answer); i++) answer += `\n${await step('Down', sr.press('Down'))}`;
      heard(answer, 'Das Team hat geantwortet.', 'that the team answered');
      heard(answer, 'Das Beratungsteam hat geschrieben', 'who wrote');
      heard(answer, 'Guten Tag, wir rufen Sie gern zurück.', 'the answer itself');

      const tree = sr.accessibilityTree();
      exposes(tree, { role: 'panel', name: 'Ihr Gespräch' }, 'the conversation is a group named by its heading');
      exposes(tree, { role: 'heading', name: 'Ihr Gespräch' });
    },
  },
];
