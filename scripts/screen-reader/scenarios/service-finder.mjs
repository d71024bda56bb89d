// <ww-service-finder>: searching by postcode, hearing the count once, reaching
// a result by heading, its hours and its phone link.
// Page: pages/service-finder.html (fictional centres, time frozen).
import { exposes, heard, notHeard, timesHeard } from '../expect.mjs';

export default [
  {
    name: 'service finder: a postcode typed, the count heard once after typing stops; first result by heading, its hours and phone link',
    page: 'service-finder.html',
    browsers: ['firefox', 'chromium'],
    async run({ sr, step, browser }) {
      await step('ctrl+Home', sr.press('ctrl+Home'));
      const field = await step('Tab', sr.press('Tab'));
      heard(field, /Postleitzahl, Ort oder Name.*entry/, 'the search field by its label');
      heard(field, 'Was Sie eingeben, bleibt auf dieser Seite', 'its hint: nothing typed leaves the page');

      // Typed like a person, a quarter second a key; the count must wait for the end.
      const typed = await step('type 10997', sr.type('10997'));
      const counts = timesHeard(typed, /\d+ Beratungsstellen?\b/);
      if (counts !== 1) throw new Error(`expected the number of results once, heard it ${counts} times:\n${typed}`);
      heard(typed, '2 Beratungsstellen im Umkreis von 25 km um 10997', 'the count, with radius and postcode');
      // Hours badges inside the results are status regions; the list must not read
      // them out while it changes (it did, in both browsers, before the list was keyed).
      // Chromium still reads a badge out when its card is first inserted: an open
      // finding, listed in docs/accessibility-statement.md.
      if (browser === 'firefox') {
        notHeard(typed, /Jetzt geöffnet|Öffnet|Sprechstunde|Telefon:|Streetwork:/, 'no opening hours talked over the search');
      } else {
        // What Chromium still reads varies (a sentence, a time); the count must come last.
        const last = typed.trim().split('\n').at(-1);
        if (!/^2 Beratungsstellen/.test(last)) throw new Error(`expected the count to be the last thing heard after typing, heard:\n${typed}`);
      }

      await step('Tab (to the search button, browse mode)', sr.press('Tab'));
      const first = await step('h (next heading)', sr.press('h'));
      heard(first, /Lotsenhaus Berlin \(fiktiv\).*heading level 2/, 'the nearest centre first, as a heading');
      let details = '';
      for (let i = 0; i < 12 && !/Sprechstunde|statusbar/.test(details); i++) details += `\n${await step('Down', sr.press('Down'))}`;
      heard(details, '0,5 km entfernt', 'the distance');
      if (browser === 'firefox') {
        heard(details, /Jetzt geöffnet, bis[\s\S]*16:00/, 'its walk-in hours now');
      } else {
        // Heard in Chromium: "statusbar. 16:00. 16:00. 16:00." - the badges' sentences
        // are lost in browse mode, only their times are read. Open finding, listed in
        // docs/accessibility-statement.md; this checks at least that the section is reached.
        heard(details, /statusbar|Sprechstunde/, 'the hours badges');
      }
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
