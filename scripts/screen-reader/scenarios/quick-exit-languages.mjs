// <ww-quick-exit> on an English, a Romanian and an Arabic page: the widget's
// own words (its hint, its countdown) heard in the page's language, and
// marked so for Orca. Pages: pages/quick-exit-en.html, -ro.html, -ar.html
// (fictional). The German page and the leaving are in quick-exit.mjs.
//
// Orca 43 speaks every language with its default voice (see
// pictogram-card.mjs); what is asserted is that it is told the language where
// it reads the page (the link), and the words themselves.
import { exposes, heard, notHeard } from '../expect.mjs';

const pages = [
  {
    lang: 'en',
    name: 'Leave this page',
    hint: 'Or press Shift 3 times.',
    countdown: 'Press Shift 2 more times to leave this page.',
  },
  {
    lang: 'ro',
    name: 'Părăsiți pagina',
    hint: 'Sau apăsați de 3 ori tasta Shift.',
    countdown: 'Mai apăsați de 2 ori tasta Shift pentru a părăsi pagina.',
  },
  {
    lang: 'ar',
    name: 'مغادرة الصفحة',
    hint: 'أو الضغط على مفتاح Shift 3 مرات.',
    countdown: 'لمغادرة هذه الصفحة، يُرجى الضغط على مفتاح Shift مرتين أخريين.',
  },
];

/** Records which voice languages Orca asked for and got in the last step, as a line of the transcript. */
async function noteVoice(sr, step, what) {
  const { requested, spoken } = sr.lastStepLanguages();
  await step(`voice (${what})`, Promise.resolve(`asked for: ${requested.join(', ') || '-'}; spoken in: ${spoken.join(', ') || '-'}`));
  return { requested, spoken };
}

export default pages.map(({ lang, name, hint, countdown }) => ({
  name: `quick exit in ${lang}: its name, hint and countdown heard in the page's language`,
  page: `quick-exit-${lang}.html`,
  browsers: ['firefox'],
  async run({ sr, step }) {
    await step('ctrl+Home', sr.press('ctrl+Home'));
    const exit = await step('Tab', sr.press('Tab'));
    heard(exit, new RegExp(`${name}.*link`), `the quick exit by its ${lang} name, a link`);
    heard(exit, hint, `its hint in ${lang}`);
    notHeard(exit, /Seite verlassen|Umschalttaste/, 'nothing of the German strings');
    const reached = await noteVoice(sr, step, 'the link');
    if (!reached.requested.includes(lang)) throw new Error(`Orca was not told that the link is in ${lang} (asked for ${reached.requested.join(', ') || 'no language'})`);

    const first = await step('Shift', sr.press('shift'));
    heard(first, countdown, `the countdown in ${lang}`);
    // A live region's words reach Orca without their language ("asked for: -"):
    // Orca 43 speaks announcements outside its speech generator. Recorded, not asserted.
    await noteVoice(sr, step, 'countdown');

    const tree = sr.accessibilityTree();
    const link = exposes(tree, { role: 'link', name, lang }, `the link named in ${lang}, its text marked ${lang}`);
    if (!(link.description ?? '').includes(hint)) throw new Error(`the ${lang} hint is not the link's description: ${JSON.stringify(link)}`);
  },
}));
