// <ww-contact-form>: sending an empty message gives the error summary first,
// each error a link to its field. Page: pages/contact-form.html (fictional;
// no relay behind it, nothing is sent).
import { exposes, heard, heardInOrder } from '../expect.mjs';

export default [
  {
    name: 'contact form: sending empty gives the error summary first, its error links to the field',
    page: 'contact-form.html',
    browsers: ['firefox', 'chromium'],
    async run({ sr, step, browser }) {
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const field = await step('Tab', sr.press('Tab'));
      heard(field, /Ihre Nachricht.*entry/, 'the message field by its label');
      heard(field, 'Ihren Namen müssen Sie nicht nennen', 'the hint: no name needed');
      let toButton = '';
      for (let i = 0; i < 6 && !/Nachricht senden/.test(toButton); i++) toButton += `\n${await step('Tab', sr.press('Tab'))}`;
      heard(toButton, /Nachricht senden.*push button/, 'the send button');

      const sent = await step('Return', sr.press('Return'));
      if (browser === 'firefox') {
        heardInOrder(sent, 'Bitte prüfen Sie Ihre Angaben', 'Geben Sie Ihre Nachricht ein', 'the summary heading, then the error');
        heard(sent, /Geben Sie Ihre Nachricht ein.*link/, 'the error is a link');
      } else {
        // Heard in Chromium: Orca reads the alert's text (the error without "link"),
        // sometimes the summary's first item before its heading. Open finding,
        // listed in docs/accessibility-statement.md; the tree check below holds the link.
        heard(sent, 'Bitte prüfen Sie Ihre Angaben', 'the summary heading in the same step');
        heard(sent, 'Geben Sie Ihre Nachricht ein', 'the error in the same step');
      }

      // Follow the error's link: it leads to the field, which now carries the error.
      let toLink = '';
      for (let i = 0; i < 4 && !/Geben Sie Ihre Nachricht ein.*link/.test(toLink); i++) toLink = await step('Tab', sr.press('Tab'));
      heard(toLink, /Geben Sie Ihre Nachricht ein.*link/, 'the error link is reached by Tab');
      const followed = await step('Return (on the error link)', sr.press('Return'));
      heard(followed, /Ihre Nachricht.*entry/, 'the link moves to the field');
      heard(followed, 'Fehler: Geben Sie Ihre Nachricht ein', 'the field says what is wrong');

      const tree = sr.accessibilityTree();
      // role="alert" is "alert" in Firefox's AT-SPI tree and "notification" in Chromium's.
      exposes(tree, { role: browser === 'firefox' ? 'alert' : 'notification', name: 'Bitte prüfen Sie Ihre Angaben' }, 'the summary is an alert named by its heading');
      exposes(tree, { role: 'link', name: 'Geben Sie Ihre Nachricht ein' });
      const entry = exposes(tree, { role: 'entry', name: 'Ihre Nachricht' });
      if (!/Fehler: Geben Sie Ihre Nachricht ein/.test(entry.description ?? '')) throw new Error(`the field's error is not in its description: ${JSON.stringify(entry)}`);
      exposes(tree, { role: 'push button', name: 'Nachricht senden' });
    },
  },
];
