// <ww-hours-badge>: the state sentence and the week read as a table.
// Page: pages/hours.html (fictional, time frozen at Tuesday 14:00 in Berlin).
import { exposes, heard, heardInOrder, notHeard, ScenarioFailure } from '../expect.mjs';

export default [
  {
    name: 'hours badge: the state sentence, then the week as a table with row and column headers',
    page: 'hours.html',
    browsers: ['firefox', 'chromium'],
    async run({ sr, step }) {
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const state = await step('Down', sr.press('Down'));
      heardInOrder(state, 'Offene Sprechstunde:', /Jetzt geöffnet, bis/, 'the channel, then the state');
      heard(state, '18:00', 'the closing time');

      const caption = await step('t (next table)', sr.press('t'));
      heard(caption, /table with 8 rows 2 columns/, 'a real table: a header row and seven days');
      heard(caption, 'Öffnungszeiten der nächsten 7 Tage', 'its caption');
      heard(caption, /Tag column header/, 'column headers');

      const today = await step('Down', sr.press('Down'));
      // Chromium gives the day and "(heute)" a line each.
      heard(today, /Di\., 8\.12\.\s+\(heute\)/, 'the first day is today, and says so');
      heard(today, '10:00', 'its opening time');
      const tomorrow = await step('Down', sr.press('Down'));
      heard(tomorrow, 'Mi., 9.12.');
      notHeard(tomorrow, 'heute');

      const tree = sr.accessibilityTree();
      // The state is a live region (aria-live polite, atomic: the component tests check it), read as
      // text: with role="status", Chromium made it a status bar and Orca read only its times.
      const statusBars = tree.filter((node) => node.role === 'status bar');
      if (statusBars.length) throw new ScenarioFailure(`the state must be text in a live region, not a status bar (${statusBars.length} found)`);
      exposes(tree, { role: 'table', name: 'Öffnungszeiten der nächsten 7 Tage' }, 'the week is a table named by its caption');
      exposes(tree, { role: 'column header', name: 'Tag' });
      exposes(tree, { role: 'row header', name: 'Di., 8.12. (heute)' }, 'each day is a row header');
      exposes(tree, { role: 'table cell', name: 'geschlossen' }, 'closed days say so in words');
    },
  },
];
