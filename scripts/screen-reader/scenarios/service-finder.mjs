// <ww-service-finder>: searching by postcode, hearing the count once, reaching
// a result by heading, its hours and its phone link.
// Page: pages/service-finder.html (fictional centres, time frozen).
import { exposes, heard, notHeard, timesHeard } from '../expect.mjs';

export default [
  {
    name: 'service finder: a postcode typed, the count heard once after typing stops; first result by heading, its hours and phone link',
    page: 'service-finder.html',
    browsers: ['firefox', 'chromium'],
    async run({ sr, step }) {
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const field = await step('Tab', sr.press('Tab'));
      heard(field, /Postleitzahl, Ort oder Name.*entry/, 'the search field by its label');
      heard(field, 'Was Sie eingeben, bleibt auf dieser Seite', 'its hint: nothing typed leaves the page');

      // Typed like a person, a quarter second a key; the count must wait for the end.
      const typed = await step('type 10997', sr.type('10997'));
      const counts = timesHeard(typed, /\d+ Beratungsstellen?\b/);
      if (counts !== 1) throw new Error(`expected the number of results once, heard it ${counts} times:\n${typed}`);
      heard(typed, '2 Beratungsstellen im Umkreis von 25 km um 10997', 'the count, with radius and postcode');
      // Nothing of the results' opening hours over the typing. It was read in both browsers
      // before the list was keyed (a card's badge changed under the fingers), and in Chromium
      // until the badge's live region started empty: Chromium reads out a live region inserted
      // with its text, so every badge of a new card was heard as it appeared.
      notHeard(typed, /Jetzt geöffnet|Öffnet|Sprechstunde|Telefon:|Streetwork:/, 'no opening hours talked over the search');

      await step('Tab (to the search button, browse mode)', sr.press('Tab'));
      const first = await step('h (next heading)', sr.press('h'));
      heard(first, /Lotsenhaus Berlin \(fiktiv\).*heading level 2/, 'the nearest centre first, as a heading');
      let details = '';
      for (let i = 0; i < 12 && !/Sprechstunde|statusbar/.test(details); i++) details += `\n${await step('Down', sr.press('Down'))}`;
      heard(details, '0,5 km entfernt', 'the distance');
      heard(details, /Jetzt geöffnet, bis[\s\S]*16:00/, 'its walk-in hours now');
      const link = await step('k (next link)', sr.press('k'));
      heard(link, /\+49 30 23125 040 anrufen.*link/, 'the phone number as a link that says what it does');

      const tree = sr.accessibilityTree();
      exposes(tree, { role: 'entry', name: 'Postleitzahl, Ort oder Name' });
      exposes(tree, { role: 'list', name: /^2 Beratungsstellen/ }, 'the result list is named by the count');
      // Chromium runs the name and its "(erfunden)" together (heard so too; minor, noted in the report).
      exposes(tree, { role: 'heading', name: /^Lotsenhaus Berlin \(fiktiv\) ?\(erfunden\)$/ });
      exposes(tree, { role: 'link', name: '+49 30 23125 040 anrufen' });
    },
  },
];
