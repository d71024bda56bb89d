// <ww-contact-inbox>: the team's sign-in, heard. Sending it empty gives the
// error summary with both errors; a wrong credential is said in words; the
// right one leads to step 2 (opening the key; shown, not yet heard in Firefox). Page: pages/inbox.html, on the
// scenario server's throwaway relay with the DEMO centre and DEMO credential.
//
// Not yet here (issue 21): opening the key file, a conversation opened and
// answered, the answer's character count.
import { demoInboxCredential } from '../server.mjs';
import { exposes, heard } from '../expect.mjs';

/** Presses `key` until `pattern` is heard (at most `times`); returns everything heard. */
async function pressUntil(sr, step, key, pattern, times) {
  let all = '';
  for (let i = 0; i < times && !pattern.test(all); i++) all += `\n${await step(key, sr.press(key))}`;
  return all;
}

/** Listens until `pattern` is heard, at most `ms`; `heardBefore` counts. */
async function listenUntil(sr, step, pattern, ms, heardBefore = '') {
  let all = heardBefore;
  const until = Date.now() + ms;
  while (!pattern.test(all) && Date.now() < until) all += `\n${await step('(listening)', sr.listen(1500))}`;
  return all;
}

export default [
  {
    name: 'team inbox: sign-in sent empty gives both errors, a wrong credential is said, the right one leads to step 2',
    page: 'inbox.html',
    browsers: ['firefox'],
    async run({ sr, step, server }) {
      await server.relay();
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const centre = await step('Tab', sr.press('Tab'));
      heard(centre, /Kennung der Beratungsstelle.*entry/, 'the centre field by its label');
      heard(centre, 'zum Beispiel beratung-rostock', 'its hint');

      const button = await pressUntil(sr, step, 'Tab', /Anmelden.*push button/, 4);
      heard(button, /Team-Zugangscode[^\n]*password text/, 'the credential field by its label');
      heard(button, '25 Zeichen in Fünfergruppen', 'its hint');
      const empty = await listenUntil(sr, step, /Team-Zugangscode ein/, 10000, await step('Return (sign in, empty)', sr.press('Return')));
      heard(empty, 'Es gibt ein Problem', 'the error summary, by its heading');
      heard(empty, 'Geben Sie die Kennung Ihrer Beratungsstelle ein', 'the first error');
      heard(empty, 'Geben Sie den Team-Zugangscode ein', 'the second error');

      // Both fields filled, the credential wrong.
      heard(await pressUntil(sr, step, 'Tab', /Kennung der Beratungsstelle[^\n]*entry/, 4), /Kennung der Beratungsstelle[^\n]*entry/);
      await step('type the centre', sr.type('demo-beratungsstelle', { delayMs: 30 }));
      heard(await step('Tab', sr.press('Tab')), /Team-Zugangscode[^\n]*password text/);
      await step('type a wrong credential', sr.type('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE', { delayMs: 30 }));
      const wrong = await listenUntil(sr, step, /stimmt nicht/, 20000, await step('Return', sr.press('Return')));
      heard(wrong, 'Die Kennung oder der Team-Zugangscode stimmt nicht. Prüfen Sie beides und versuchen Sie es noch einmal', 'the wrong sign-in, in words');
      const tree = sr.accessibilityTree();

      // The right credential.
      heard(await pressUntil(sr, step, 'Tab', /Team-Zugangscode[^\n]*password text/, 5), /Team-Zugangscode[^\n]*password text/, 'back in the credential field');
      await step('ctrl+a', sr.press('ctrl+a'));
      await step('type the DEMO credential', sr.type(demoInboxCredential, { delayMs: 30 }));
      await listenUntil(sr, step, /Schritt 2 von 2/, 10000, await step('Return', sr.press('Return')));
      // Heard in Firefox: "Anmeldung läuft …" (when Orca is quick enough), then nothing. Step 2 is shown and
      // the inbox moves the focus to its heading, but Orca does not say so. Open finding, listed
      // in docs/accessibility-statement.md; the tree check below holds that step 2
      // is there, the transcript shows whether it was heard.
      const step2 = sr.accessibilityTree();
      exposes(step2, { role: 'heading', name: 'Privaten Schlüssel öffnen' }, 'signed in: step 2, opening the key');
      exposes(step2, { role: 'entry', name: 'Oder fügen Sie den Inhalt der Schlüsseldatei ein' }, 'the key can be pasted');

      exposes(tree, { role: 'entry', name: 'Kennung der Beratungsstelle' });
      exposes(tree, { role: 'password text', name: 'Team-Zugangscode' });
      exposes(tree, { role: 'push button', name: 'Anmelden' });
      exposes(tree, { role: 'link', name: 'Die Kennung oder der Team-Zugangscode stimmt nicht. Prüfen Sie beides und versuchen Sie es noch einmal' }, 'the error links to the field');
    },
  },
];
