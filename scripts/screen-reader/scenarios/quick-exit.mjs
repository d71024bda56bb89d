// <ww-quick-exit>: what a person hears who reaches it by keyboard and uses
// the Shift shortcut. Page: pages/quick-exit.html (fictional).
import { exposes, heard, notHeard } from '../expect.mjs';

export default [
  {
    name: 'quick exit: Tab after the skip link gives its name and hint; Shift three times counts down, then leaves',
    page: 'quick-exit.html',
    browsers: ['firefox', 'chromium'],
    async run({ sr, step }) {
      // From the top of the page (browse mode puts Orca on the first link).
      const top = await step('ctrl+Home', sr.press('ctrl+Home'));
      heard(top, 'Zum Inhalt springen', 'the skip link comes first');
      exposes(sr.accessibilityTree(), { role: 'link', name: 'Zum Inhalt springen' });

      const exit = await step('Tab', sr.press('Tab'));
      heard(exit, /Seite verlassen.*link/i, 'the quick exit is a link named "Seite verlassen"');
      heard(exit, 'Oder 3-mal die Umschalttaste (Shift) drücken', 'its hint, as the description');

      // Names and roles from the browser, not from Orca's guesses.
      const tree = sr.accessibilityTree();
      const link = exposes(tree, { role: 'link', name: 'Seite verlassen' }, 'a real link, also without JavaScript');
      if (!/Umschalttaste/.test(link.description ?? '')) throw new Error(`the quick exit's hint is not its description: ${JSON.stringify(link)}`);

      const first = await step('Shift', sr.press('shift'));
      heard(first, /noch 2-mal/, 'the countdown after the first press');
      const second = await step('Shift', sr.press('shift'));
      heard(second, /noch 1-mal/, 'the countdown after the second press');
      notHeard(second, /noch 2-mal/, 'no repeat of the old count');

      // The third press hides the page at once and goes to the neutral site.
      const leaving = await step('Shift (third time)', sr.press('shift', { listenMs: 4000 }));
      heard(leaving, /Wetter heute/, 'the neutral page is what the person hears next');
      notHeard(leaving, /Beratung \(fiktive/, 'nothing of the counselling page after leaving');
    },
  },
];
