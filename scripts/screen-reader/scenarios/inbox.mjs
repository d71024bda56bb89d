// <ww-contact-inbox>: the team's sign-in, heard. Sending it empty gives the
// error summary with both errors; a wrong credential is said in words; the
// right one leads to step 2 (opening the key), said. Page: pages/inbox.html, on the
// scenario server's throwaway relay with the DEMO centre and DEMO credential.
//
// The second scenario opens the DEMO key (pasted, with its public passphrase),
// opens the conversation a person started, hears the message, and answers it:
// the limit as the field's description, typing not talked over, then "sent".
import { readFileSync } from 'node:fs';
import { demoInboxCredential } from '../server.mjs';
import { exposes, heard, notHeard } from '../expect.mjs';

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
      const signedIn = await listenUntil(sr, step, /Schritt 2 von 2/, 10000, await step('Return', sr.press('Return')));
      // Orca with Firefox does not say the focus move to step 2's heading; the inbox says the step
      // in its live region as well (before that, nothing at all was heard here).
      heard(signedIn, 'Angemeldet. Schritt 2 von 2: den privaten Schlüssel öffnen', 'signed in: step 2 said');
      const step2 = sr.accessibilityTree();
      exposes(step2, { role: 'heading', name: 'Privaten Schlüssel öffnen' }, 'signed in: step 2, opening the key');
      exposes(step2, { role: 'entry', name: 'Oder fügen Sie den Inhalt der Schlüsseldatei ein' }, 'the key can be pasted');

      exposes(tree, { role: 'entry', name: 'Kennung der Beratungsstelle' });
      exposes(tree, { role: 'password text', name: 'Team-Zugangscode' });
      exposes(tree, { role: 'push button', name: 'Anmelden' });
      exposes(tree, { role: 'link', name: 'Die Kennung oder der Team-Zugangscode stimmt nicht. Prüfen Sie beides und versuchen Sie es noch einmal' }, 'the error links to the field');
    },
  },
  {
    name: 'team inbox: the key opened, a conversation opened and its message heard, answered (the limit said, typing not talked over), then sent',
    page: 'inbox.html',
    browsers: ['firefox'],
    async run({ sr, step, server }) {
      const relay = await server.relay();
      await relay.receive('Ich suche eine Wohnung und eine neue Arbeit. Wer kann mir helfen? (Fiktive Prüfnachricht)');
      await step('ctrl+Home', sr.press('ctrl+Home'));
      heard(await pressUntil(sr, step, 'Tab', /Kennung der Beratungsstelle[^\n]*entry/, 4), /Kennung der Beratungsstelle[^\n]*entry/);
      await step('type the centre', sr.type('demo-beratungsstelle', { delayMs: 20 }));
      heard(await step('Tab', sr.press('Tab')), /Team-Zugangscode[^\n]*password text/);
      await step('type the DEMO credential', sr.type(demoInboxCredential, { delayMs: 20 }));
      const signedIn = await listenUntil(sr, step, /Schritt 2 von 2/, 10000, await step('Return', sr.press('Return')));
      heard(signedIn, 'Angemeldet. Schritt 2 von 2: den privaten Schlüssel öffnen', 'signed in: step 2 said');

      // Step 2: the key file's content pasted (a file chooser is the browser's, not the widget's).
      const paste = await pressUntil(sr, step, 'Tab', /Inhalt der Schlüsseldatei ein[^\n]*entry/, 5);
      heard(paste, /Oder fügen Sie den Inhalt der Schlüsseldatei ein[^\n]*entry/, 'the paste field by its label');
      const keyFile = JSON.stringify(JSON.parse(readFileSync(new URL('../../../packages/contact-relay/demo/demo-private-key.json', import.meta.url), 'utf8')));
      await step('type the key file', sr.type(keyFile, { delayMs: 2 }));
      heard(await pressUntil(sr, step, 'Tab', /Passphrase der Schlüsseldatei[^\n]*password text/, 3), /Passphrase der Schlüsseldatei[^\n]*password text/, 'the passphrase field by its label');
      await step('type the passphrase', sr.type('demo-passphrase-not-secret', { delayMs: 20 }));
      const opened = await listenUntil(sr, step, /Schlüssel ist geöffnet/, 40000, await step('Return (open the key)', sr.press('Return')));
      heard(opened, 'Der Schlüssel ist geöffnet', 'the key opened, said');
      exposes(sr.accessibilityTree(), { role: 'heading', name: 'Team-Postfach: demo-beratungsstelle' }, 'the inbox is shown');

      // The conversation, by its button (named by the message's beginning, described by its state).
      const conversation = await pressUntil(sr, step, 'Tab', /Ich suche eine Wohnung[^\n]*push button/, 12);
      heard(conversation, /Ich suche eine Wohnung[^\n]*push button/, 'the conversation by the beginning of its message');
      heard(conversation, /Neu[^\n]*1 Nachricht/, 'its state and count, as its description');
      const openedConversation = await listenUntil(sr, step, /Gespräch vom/, 10000, await step('Return (open it)', sr.press('Return')));
      heard(openedConversation, 'Gespräch vom', 'the conversation opened: its heading');
      const message = await pressUntil(sr, step, 'h', /Die Person schrieb/, 4);
      heard(message, 'Die Person schrieb', 'the message by its heading');
      const text = await pressUntil(sr, step, 'Down', /Ich suche eine Wohnung und eine neue Arbeit/, 4);
      heard(text, 'Ich suche eine Wohnung und eine neue Arbeit. Wer kann mir helfen?', 'the message read');

      // The answer.
      const field = await pressUntil(sr, step, 'Tab', /Ihre Antwort[^\n]*entry/, 12);
      heard(field, /Ihre Antwort[^\n]*entry/, 'the answer field by its label');
      heard(field, 'Das Relay kann sie nicht lesen', 'its hint');
      heard(field, 'Sie können bis zu 6.000 Zeichen eingeben.', 'the limit, as its description, a sentence of its own');
      // Far from the limit the count is shown, not said (GOV.UK); typing is not talked over.
      const typed = `${await step('type the answer', sr.type('Danke für Ihre Nachricht. Wir melden uns morgen.', { delayMs: 30 }))}\n${await step('(listening)', sr.listen(2500))}`;
      notHeard(typed, 'Das Relay kann sie nicht lesen', 'the description is not read again while typing');
      notHeard(typed, 'Sie haben noch', 'far from the limit, the count is not said');
      const send = await pressUntil(sr, step, 'Tab', /Antwort senden[^\n]*push button/, 4);
      heard(send, /Antwort senden[^\n]*push button/);
      const sent = await listenUntil(sr, step, /Ihre Antwort wurde gesendet/, 20000, await step('Return (send)', sr.press('Return')));
      heard(sent, 'Ihre Antwort wurde gesendet', 'sent, said');

      const tree = sr.accessibilityTree();
      exposes(tree, { role: 'heading', name: 'Antworten' });
      exposes(tree, { role: 'push button', name: 'Antwort senden' });
    },
  },
];
