import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia as emulateMediaType, sendKeys } from '@web/test-runner-commands';
import { ManualClock, useClock } from '@wegweiser/core';
import { StabilisationChecklist, statuses, type Status } from '../src/index.js';
import '../src/define.js';
import { collectErrors, itIsAccessibleInEveryState, shadowText } from '../../../scripts/testing/index.js';
import { $, $$ } from '../../../scripts/testing/dom.js';

const KEY = 'wegweiser-checklist';
const button = (el: Element, text: string) => {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
};
const radio = (el: Element, key: string, status: Status) => $$<HTMLInputElement>(el, `input[name="${key}"]`)[statuses.indexOf(status)]!;
const checked = (el: Element, key: string) => statuses[$$<HTMLInputElement>(el, `input[name="${key}"]`).findIndex((r) => r.checked)];
const live = (el: Element) => $(el, '.root > p[role="status"]').textContent!.trim();
const notice = (el: Element) => $(el, '[part="privacy"] > p[role="status"]').textContent!.trim();
/** A step's visible title (without the status that only prints). */
const titleOf = (el: Element, key: string) => {
  const heading = $(el, `[id="${key}"]`).cloneNode(true) as HTMLElement;
  heading.querySelector('.print')?.remove();
  return heading.textContent!.trim();
};
const overview = (el: Element) => $(el, '.overview').textContent!.replace(/\s+/g, ' ').trim();

async function ready(el: StabilisationChecklist): Promise<StabilisationChecklist> {
  await waitUntil(() => el.shadowRoot?.querySelector('.overview') || el.shadowRoot?.querySelector('.panel[role="note"]'), 'the checklist did not render');
  await el.updateComplete;
  return el;
}
const make = async (template = html`<ww-stabilisation-checklist lang="en"></ww-stabilisation-checklist>`) =>
  ready(await fixture<StabilisationChecklist>(template));

async function choose(el: StabilisationChecklist, key: string, status: Status): Promise<void> {
  radio(el, key, status).click();
  await el.updateComplete;
}

/** Clicks "Save as a file" and returns the file's name and text instead of downloading it. */
async function exportViaButton(el: StabilisationChecklist): Promise<{ name: string; text: string }> {
  const click = HTMLAnchorElement.prototype.click;
  const links: HTMLAnchorElement[] = [];
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    links.push(this);
  };
  try {
    button(el, 'Save as a file').click();
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
  await el.updateComplete;
  expect(links, 'one download link is clicked').to.have.length(1);
  return { name: links[0]!.download, text: await (await fetch(links[0]!.href)).text() };
}

/** Chooses a file in the "Open a saved file" input, as the browser's file picker would. */
async function chooseFile(el: StabilisationChecklist, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type="file"]');
  const before = notice(el);
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'checklist.json', { type: 'application/json' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await waitUntil(() => notice(el) !== before, 'the file was not read');
}

let manual: ManualClock;
beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  manual = new ManualClock('2026-11-23T14:05:00+01:00');
  useClock(manual);
});
afterEach(() => {
  useClock(undefined);
  localStorage.clear();
});

describe('ww-stabilisation-checklist: content', () => {
  it('shows the German default set on a German page', async () => {
    const el = await make(html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`);
    const headings = $$(el, 'section.section h2').map((h) => h.textContent!.trim());
    expect(headings).to.deep.equal(['Geld und finanzielle Sicherheit', 'Wohnen', 'Gesundheit', 'Aufenthalt', 'Neue Arbeit']);
    expect(overview(el)).to.contain('Insgesamt: 0 von 24 erledigt');
    expect($(el, '.root').getAttribute('lang')).to.equal('de');
  });

  it('shows the English default set with lang="en", with the same item ids', async () => {
    const el = await make();
    expect($$(el, 'section.section h2').map((h) => h.textContent!.trim())).to.deep.equal(['Money and financial security', 'Housing', 'Health', 'Residence', 'New work']);
    expect($$(el, '.item h3').map((h) => h.id)).to.include.members(['money/account', 'housing/registration', 'health/checkup', 'residence/non-eu', 'work/first-weeks']);
    expect(overview(el)).to.contain('Overall: 0 of 24 done');
  });

  it('shows the slotted fallback until the list has loaded', async () => {
    // Hold the site's content back, so the moment before it arrives can be seen.
    const fetch = window.fetch;
    let answer: (response: Response) => void = () => {};
    window.fetch = () => new Promise<Response>((resolve) => (answer = resolve));
    try {
      const el = await fixture<StabilisationChecklist>(
        html`<ww-stabilisation-checklist lang="en" src="/site.json"><a href="/checklist.pdf">Checklist as PDF</a></ww-stabilisation-checklist>`,
      );
      await waitUntil(() => answer.length === 1 && el.shadowRoot!.querySelector('slot'), 'no fallback slot while loading');
      expect(el.shadowRoot!.querySelector('.overview')).to.equal(null);
      answer(new Response('{"sections":[{"id":"money","title":"Money"}]}', { headers: { 'content-type': 'application/json' } }));
      await ready(el);
      expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
      expect($(el, '#h-money').textContent!.trim()).to.equal('Money');
    } finally {
      window.fetch = fetch;
    }
  });

  it('switches to simpler words and back, and keeps the statuses', async () => {
    const el = await make();
    await choose(el, 'money/account', 'done');
    const title = () => titleOf(el, 'money/account');
    expect(title()).to.equal('Open your own bank account');
    $<HTMLInputElement>(el, '.controls input[type="checkbox"]').click();
    await el.updateComplete;
    expect(el.simple).to.equal(true);
    expect(title()).to.equal('Your own bank account');
    expect(shadowText(el)).to.contain('Every bank must give you a basic account.');
    expect(checked(el, 'money/account')).to.equal('done');
    $<HTMLInputElement>(el, '.controls input[type="checkbox"]').click();
    await el.updateComplete;
    expect(title()).to.equal('Open your own bank account');
  });

  it('follows a change of language and keeps the statuses', async () => {
    const el = await make();
    await choose(el, 'housing/shelter', 'doing');
    el.lang = 'de';
    await waitUntil(() => $(el, 'section.section h2').textContent!.includes('Geld'), 'German content did not load');
    expect(checked(el, 'housing/shelter')).to.equal('doing');
    expect(overview(el)).to.contain('Wohnen: 0 von 4 erledigt');
  });
});

class OfflineChecklist extends StabilisationChecklist {
  static override contentSets = { de: () => Promise.reject(new Error('offline')), en: () => Promise.reject(new Error('offline')) };
}
customElements.define('ww-test-offline-checklist', OfflineChecklist);

describe('ww-stabilisation-checklist: when the built-in content cannot load', () => {
  it('says so calmly, keeps the site’s fallback visible and reports it', async () => {
    let el: OfflineChecklist | undefined;
    const errors = await collectErrors(async () => {
      el = await ready(
        await fixture<OfflineChecklist>(html`<ww-test-offline-checklist lang="en"><p>Call us: <a href="tel:0000000000">0000 000000</a></p></ww-test-offline-checklist>`),
      );
    });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['checklist/content-unavailable']);
    expect(shadowText(el!)).to.equal('The checklist cannot be shown at the moment.');
    expect(el!.shadowRoot!.querySelector('slot')).to.not.equal(null);
    await expect(el!).to.be.accessible();
  });
});

describe('ww-stabilisation-checklist: statuses and progress', () => {
  it('counts done steps per section and overall, in words and as a bar', async () => {
    const el = await make();
    await choose(el, 'housing/shelter', 'done');
    await choose(el, 'housing/registration', 'done');
    expect(overview(el)).to.contain('Overall: 2 of 24 done');
    expect(overview(el)).to.contain('Housing: 2 of 4 done');
    const bar = $$<HTMLProgressElement>(el, '.overview li progress')[1]!;
    expect([bar.value, bar.max]).to.deep.equal([2, 4]);
    // The words say it; the bar is hidden from assistive technology so it is not said twice.
    expect(bar.getAttribute('aria-hidden')).to.equal('true');
    expect($$(el, 'section.section .count')[1]!.textContent).to.equal('2 of 4 done');
  });

  it('leaves "not relevant" steps out of the count and says how many there are', async () => {
    const el = await make();
    await choose(el, 'residence/eu', 'skip');
    await choose(el, 'residence/non-eu', 'done');
    expect(overview(el)).to.contain('Residence: 1 of 2 done (1 not relevant)');
    expect(overview(el)).to.contain('Overall: 1 of 23 done (1 not relevant)');
    await choose(el, 'residence/non-eu', 'skip');
    await choose(el, 'residence/documents', 'skip');
    expect(overview(el)).to.contain('Residence: Every step is marked not relevant. (3 not relevant)');
  });

  it('announces each change politely: the step, its status and the section’s progress', async () => {
    const el = await make();
    expect(live(el)).to.equal('');
    await choose(el, 'health/doctor', 'doing');
    expect(live(el)).to.equal('Find a doctor: In progress. Health: 0 of 5 done');
    await choose(el, 'health/doctor', 'done');
    expect(live(el)).to.equal('Find a doctor: Done. Health: 1 of 5 done');
    expect($(el, '.root > p[role="status"]').classList.contains('visually-hidden')).to.equal(true);
  });

  it('groups each step’s four statuses as a labelled radio group, and sections as labelled regions', async () => {
    const el = await make();
    const group = $(el, '[id="money/benefits"]').closest('li')!.querySelector('fieldset')!;
    expect(group.querySelector('legend')!.textContent).to.equal('Status: Find out which benefits you can get');
    expect([...group.querySelectorAll('label')].map((l) => l.textContent!.trim())).to.deep.equal(['Open', 'In progress', 'Done', 'Not relevant']);
    expect(checked(el, 'money/benefits')).to.equal('open');
    const section = $$(el, 'section.section')[0]!;
    expect(section.getAttribute('aria-labelledby')).to.equal('h-money');
  });

  it('lists next steps: in progress first, from the first pillars, then the rest', async () => {
    const el = await make();
    const next = () => $$(el, '.next li button').map((b) => b.textContent!.trim());
    expect(next()).to.deep.equal(['Find out which benefits you can get', 'Open your own bank account', 'Have your tax ID']);
    await choose(el, 'health/insurance', 'doing');
    expect(next()[0]).to.equal('Have health insurance');
    expect($(el, '.next li').textContent!.replace(/\s+/g, ' ')).to.contain('(Health: In progress)');
    // Once every pillar step is settled, new work comes next.
    for (const h of $$(el, 'section.section')) {
      if (h.getAttribute('aria-labelledby') === 'h-work') continue;
      for (const item of h.querySelectorAll('.item h3')) await choose(el, item.id, 'done');
    }
    expect(next()[0]).to.equal('Discover your strengths and wishes');
    for (const item of $$(el, '[aria-labelledby="h-work"] .item h3')) await choose(el, item.id, 'skip');
    expect($(el, '.next').textContent).to.contain('Every step is done or marked not relevant.');
  });

  it('opens the section of a next step and moves focus to it', async () => {
    const el = await make();
    await choose(el, 'money/benefits', 'done');
    await choose(el, 'money/account', 'done');
    await choose(el, 'money/tax-id', 'skip');
    // Money is done as far as the next steps go; but budget and others remain in money.
    await choose(el, 'health/checkup', 'doing');
    const first = $$<HTMLButtonElement>(el, '.next li button')[0]!;
    expect(first.textContent!.trim()).to.equal('Health check and protection');
    expect($(el, '#s-health').hidden).to.equal(true);
    first.click();
    await el.updateComplete;
    expect($(el, '#s-health').hidden).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[id="health/checkup"]'));
  });
});

describe('ww-stabilisation-checklist: two modes', () => {
  it('for the person: one section open at a time by default, each with a disclosure button', async () => {
    const el = await make();
    expect(el.mode).to.equal('person');
    const toggles = $$<HTMLButtonElement>(el, 'button.toggle');
    expect(toggles.map((t) => t.getAttribute('aria-expanded'))).to.deep.equal(['true', 'false', 'false', 'false', 'false']);
    expect($(el, '#s-housing').hidden).to.equal(true);
    toggles[1]!.click();
    await el.updateComplete;
    expect(toggles[1]!.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '#s-housing').hidden).to.equal(false);
    toggles[0]!.click();
    await el.updateComplete;
    expect($(el, '#s-money').hidden).to.equal(true);
    expect($$(el, 'textarea')).to.have.length(0);
  });

  it('with a counsellor: compact, every section open, explanations folded, a note per step', async () => {
    const el = await make(html`<ww-stabilisation-checklist lang="en" mode="counsellor"></ww-stabilisation-checklist>`);
    expect($$(el, 'button.toggle')).to.have.length(0);
    expect($$(el, '.items').every((list) => !list.hidden)).to.equal(true);
    expect($$(el, 'details')).to.have.length(24);
    const note = $<HTMLTextAreaElement>(el, 'textarea');
    expect(note.closest('label')!.textContent).to.contain('Note on: Find out which benefits you can get');
    expect(note.maxLength).to.equal(500);
    note.value = 'Appointment at the Jobcenter on Thursday';
    note.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '.item .print').textContent).to.equal(' (Open)');
    expect($$(el, '.item p.print')[0]!.textContent).to.equal('Appointment at the Jobcenter on Thursday');
  });

  it('lets the person switch the view, and keeps the notes in memory', async () => {
    const el = await make();
    const views = $$<HTMLInputElement>(el, '.controls input[type="radio"]');
    views[1]!.click();
    await el.updateComplete;
    expect(el.mode).to.equal('counsellor');
    expect(el.getAttribute('mode')).to.equal('counsellor');
    const note = $<HTMLTextAreaElement>(el, 'textarea');
    note.value = 'Bring passport';
    note.dispatchEvent(new Event('input'));
    views[0]!.click();
    await el.updateComplete;
    views[1]!.click();
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('Bring passport');
  });

  it('reports an unknown mode and shows the person’s view', async () => {
    let el: StabilisationChecklist | undefined;
    const errors = await collectErrors(async () => {
      el = await make(html`<ww-stabilisation-checklist lang="en" mode="expert"></ww-stabilisation-checklist>`);
    });
    expect(errors.map((e) => e.detail.code)).to.include('checklist/invalid-mode');
    expect(el!.mode).to.equal('person');
    expect($$(el!, 'button.toggle')).to.have.length(5);
  });
});

describe('ww-stabilisation-checklist: nothing is kept unless the person chooses it', () => {
  it('stores nothing by default: a reload starts empty', async () => {
    const el = await make();
    await choose(el, 'money/account', 'done');
    $(el, '.controls input[type="checkbox"]').click();
    await el.updateComplete;
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect(shadowText(el)).to.contain('The list is only kept while this page is open.');
    expect(shadowText(el)).to.contain('anyone who uses this phone or computer can see it');
    el.remove();
    const again = await make();
    expect(checked(again, 'money/account')).to.equal('open');
    expect(again.simple).to.equal(false);
  });

  it('keeps the list on the device after the person chooses it, with the date it was saved', async () => {
    const el = await make();
    await choose(el, 'money/account', 'done');
    button(el, 'Keep on this device').click();
    await el.updateComplete;
    expect(el.kept).to.equal(true);
    const stored = JSON.parse(localStorage.getItem(KEY)!);
    expect(stored).to.deep.equal({ format: 'wegweiser-checklist', version: 1, saved: '2026-11-23T13:05:00.000Z', entries: { 'money/account': { status: 'done' } } });
    expect(shadowText(el)).to.contain('Last saved: Monday, November 23, 2026');
    manual.advance(60_000);
    await choose(el, 'housing/viewings', 'doing');
    expect(JSON.parse(localStorage.getItem(KEY)!).saved).to.equal('2026-11-23T13:06:00.000Z');
    expect(sessionStorage.length).to.equal(0);

    // Reload: a new element finds the list.
    el.remove();
    const again = await make();
    expect(again.kept).to.equal(true);
    expect(checked(again, 'money/account')).to.equal('done');
    expect(checked(again, 'housing/viewings')).to.equal('doing');
    expect(overview(again)).to.contain('Overall: 1 of 24 done');
    expect(button(again, 'Stop keeping it on this device').localName).to.equal('button');
  });

  it('keeps notes and the simple-language choice too, once kept', async () => {
    const el = await make(html`<ww-stabilisation-checklist lang="en" mode="counsellor"></ww-stabilisation-checklist>`);
    button(el, 'Keep on this device').click();
    const note = $<HTMLTextAreaElement>(el, 'textarea');
    note.value = 'Call on Monday';
    note.dispatchEvent(new Event('input'));
    $(el, '.controls input[type="checkbox"]').click();
    await el.updateComplete;
    el.remove();
    const again = await make(html`<ww-stabilisation-checklist lang="en" mode="counsellor"></ww-stabilisation-checklist>`);
    expect($<HTMLTextAreaElement>(again, 'textarea').value).to.equal('Call on Monday');
    expect(again.simple).to.equal(true);
  });

  it('stops keeping on request: storage emptied, the list stays for this visit', async () => {
    const el = await make();
    button(el, 'Keep on this device').click();
    await choose(el, 'money/budget', 'done');
    button(el, 'Stop keeping it on this device').click();
    await el.updateComplete;
    expect(localStorage.getItem(KEY)).to.equal(null);
    expect(checked(el, 'money/budget')).to.equal('done');
    expect(notice(el)).to.equal('The list is no longer kept on this device. It is gone when you close the page.');
    await choose(el, 'money/debt', 'done');
    expect(localStorage.length).to.equal(0);
  });

  it('uses its own storage key when given one', async () => {
    const el = await make(html`<ww-stabilisation-checklist lang="en" storage-key="centre-a-list"></ww-stabilisation-checklist>`);
    button(el, 'Keep on this device').click();
    await el.updateComplete;
    expect(Object.keys(localStorage)).to.deep.equal(['centre-a-list']);
  });

  it('“Delete everything” asks once, then leaves no trace in the browser’s storage and says so', async () => {
    const el = await make(html`<ww-stabilisation-checklist lang="en" mode="counsellor"></ww-stabilisation-checklist>`);
    button(el, 'Keep on this device').click();
    await choose(el, 'health/doctor', 'done');
    const note = $<HTMLTextAreaElement>(el, 'textarea');
    note.value = 'private';
    note.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(localStorage.length).to.equal(1);

    button(el, 'Delete everything').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Yes, delete everything'));
    button(el, 'Cancel').click();
    await el.updateComplete;
    expect(localStorage.length).to.equal(1);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Delete everything'));

    button(el, 'Delete everything').click();
    await el.updateComplete;
    button(el, 'Yes, delete everything').click();
    await el.updateComplete;
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
    expect(el.kept).to.equal(false);
    expect(checked(el, 'health/doctor')).to.equal('open');
    expect($<HTMLTextAreaElement>(el, 'textarea').value).to.equal('');
    expect(live(el)).to.equal('');
    expect(notice(el)).to.equal('Everything is deleted: every status and note, also from this browser’s storage. Files you saved yourself are not affected.');
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Delete everything'));
    el.remove();
    const again = await make();
    expect(again.kept).to.equal(false);
    expect(overview(again)).to.contain('Overall: 0 of 24 done');
  });

  it('ignores a damaged kept list, reports it, and starts empty', async () => {
    localStorage.setItem(KEY, '{"format":"wegweiser-checklist","version":1,"saved":"yesterday","entries":{}}');
    let el: StabilisationChecklist | undefined;
    const errors = await collectErrors(async () => {
      el = await make();
    });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['checklist/storage-damaged']);
    expect(errors[0]!.detail.message).to.contain('$.saved');
    expect(el!.kept).to.equal(false);
  });

  it('says so calmly when the browser refuses to store, and keeps the list in memory', async () => {
    const el = await make();
    await choose(el, 'money/debt', 'doing');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    let errors: CustomEvent[];
    try {
      errors = await collectErrors(async () => {
        button(el, 'Keep on this device').click();
        await el.updateComplete;
      });
    } finally {
      Storage.prototype.setItem = setItem;
    }
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['checklist/storage-unavailable']);
    expect(el.kept).to.equal(false);
    expect(notice(el)).to.equal('This browser does not allow keeping the list. It stays only until you close the page.');
    expect(checked(el, 'money/debt')).to.equal('doing');
  });
});

describe('ww-stabilisation-checklist: a file the person keeps', () => {
  it('round-trips through an exported file', async () => {
    const el = await make(html`<ww-stabilisation-checklist lang="en" mode="counsellor"></ww-stabilisation-checklist>`);
    await choose(el, 'money/account', 'done');
    await choose(el, 'residence/eu', 'skip');
    const note = $$<HTMLTextAreaElement>(el, 'textarea')[2]!;
    note.value = 'Finanzamt letter';
    note.dispatchEvent(new Event('input'));
    const file = await exportViaButton(el);
    expect(file.name).to.equal('checklist-2026-11-23.json');
    expect(JSON.parse(file.text)).to.deep.equal({
      format: 'wegweiser-checklist',
      version: 1,
      saved: '2026-11-23T13:05:00.000Z',
      entries: { 'money/account': { status: 'done' }, 'residence/eu': { status: 'skip' }, 'money/tax-id': { status: 'open', note: 'Finanzamt letter' } },
    });
    expect(notice(el)).to.contain('checklist-2026-11-23.json');
    expect(notice(el)).to.contain('Anyone who has the file can read it.');
    expect(localStorage.length).to.equal(0);

    el.remove();
    const again = await make(html`<ww-stabilisation-checklist lang="en" mode="counsellor"></ww-stabilisation-checklist>`);
    await chooseFile(again, file.text);
    expect(notice(again)).to.equal('Your list saved on Monday, November 23, 2026 at 2:05 PM is loaded.');
    expect(checked(again, 'money/account')).to.equal('done');
    expect(checked(again, 'residence/eu')).to.equal('skip');
    expect($$<HTMLTextAreaElement>(again, 'textarea')[2]!.value).to.equal('Finanzamt letter');
    expect(localStorage.length).to.equal(0);
  });

  it('stores an opened file when the person keeps the list on the device', async () => {
    const el = await make();
    button(el, 'Keep on this device').click();
    await el.updateComplete;
    const ok = await el.importFile(new Blob(['{"format":"wegweiser-checklist","version":1,"saved":"2026-10-01T08:00:00Z","entries":{"health/doctor":{"status":"done"}}}']));
    expect(ok).to.equal(true);
    expect(JSON.parse(localStorage.getItem(KEY)!).entries).to.deep.equal({ 'health/doctor': { status: 'done' } });
  });

  const damaged: Record<string, string> = {
    'not JSON': 'this is not json {',
    'an empty file': '',
    'JSON of another kind': '{"sections":[]}',
    'a wrong format name': '{"format":"other","version":1,"saved":"2026-11-23T13:05:00Z","entries":{}}',
    'an unknown status': '{"format":"wegweiser-checklist","version":1,"saved":"2026-11-23T13:05:00Z","entries":{"money/account":{"status":"finished"}}}',
    'a malformed item key': '{"format":"wegweiser-checklist","version":1,"saved":"2026-11-23T13:05:00Z","entries":{"<script>":{"status":"done"}}}',
    'a note that is too long': `{"format":"wegweiser-checklist","version":1,"saved":"2026-11-23T13:05:00Z","entries":{"money/account":{"status":"done","note":"${'x'.repeat(501)}"}}}`,
    'a future version': '{"format":"wegweiser-checklist","version":2,"saved":"2026-11-23T13:05:00Z","entries":{}}',
  };
  for (const [name, text] of Object.entries(damaged)) {
    it(`says clearly that ${name} cannot be read, and changes nothing`, async () => {
      const el = await make();
      button(el, 'Keep on this device').click();
      await choose(el, 'money/account', 'doing');
      const before = localStorage.getItem(KEY);
      const errors = await collectErrors(() => chooseFile(el, text));
      expect(notice(el)).to.equal('This file cannot be read as a saved checklist. Nothing was changed. Please choose a file this page saved.');
      expect(checked(el, 'money/account')).to.equal('doing');
      expect(localStorage.getItem(KEY)).to.equal(before);
      // The person's file is their business, not the site's monitoring.
      expect(errors).to.have.length(0);
    });
  }
});

describe('ww-stabilisation-checklist: the site’s own content', () => {
  const fixtureUrl = new URL('./fixtures/site-content.json', import.meta.url).href;

  it('adds a local contact and a new section from a src URL', async () => {
    const el = await make(html`<ww-stabilisation-checklist lang="en" src=${fixtureUrl}></ww-stabilisation-checklist>`);
    await waitUntil(() => $$(el, 'section.section').length === 6, 'the site content did not arrive');
    const benefits = $(el, '[id="money/benefits"]').closest('li')!;
    expect(benefits.querySelector('address')!.textContent).to.contain('Beratungsstelle Beispielstadt (fictional)');
    expect(benefits.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.href).to.equal('tel:0000000000');
    expect(benefits.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.textContent).to.equal('beratung@example.org');
    expect(titleOf(el, 'money/benefits')).to.equal('Find out which benefits you can get');
    expect($$(el, 'section.section h2').at(-1)!.textContent!.trim()).to.equal('Everyday life (fictional example)');
    expect($<HTMLAnchorElement>(el, '[id="everyday/cafe"] ~ p a').href).to.equal('https://example.org/cafe');
    expect(overview(el)).to.contain('Overall: 0 of 25 done');
  });

  it('reads content from a child <script type="application/json">, which wins over src', async () => {
    const el = await make(html`<ww-stabilisation-checklist lang="en" src="/does-not-exist.json"
      ><script type="application/json">
        { "replace": true, "sections": [{ "id": "ours", "title": "Our list", "pillar": true, "items": [{ "id": "one", "title": "First step", "text": "Come by." }] }] }
      </script></ww-stabilisation-checklist
    >`);
    await waitUntil(() => $$(el, 'section.section').length === 1, 'the replaced content did not show');
    expect($(el, 'section.section h2').textContent!.trim()).to.equal('Our list');
    expect($$(el, '.next li button').map((b) => b.textContent!.trim())).to.deep.equal(['First step']);
  });

  it('takes content as a property', async () => {
    const el = await make();
    el.content = { sections: [{ id: 'housing', title: 'A roof', items: [{ id: 'shelter', title: 'A bed tonight' }] }] };
    await waitUntil(() => $(el, '#h-housing').textContent!.includes('A roof'));
    expect(titleOf(el, 'housing/shelter')).to.equal('A bed tonight');
    // The default explanation stays where the site gave none.
    expect($(el, '[id="housing/shelter"]').nextElementSibling!.textContent).to.contain('emergency shelters');
  });

  const bad: Record<string, { json: string; code: string; says: string }> = {
    'malformed JSON': { json: '{ "sections": [ }', code: 'checklist/invalid-content', says: 'not valid JSON' },
    'a missing sections field': { json: '{ "section": [] }', code: 'checklist/invalid-content', says: '$: missing required field "sections"' },
    'an id with capitals': { json: '{ "sections": [{ "id": "Money" }] }', code: 'checklist/invalid-content', says: '$.sections[0].id' },
    'a new item without text': { json: '{ "sections": [{ "id": "money", "items": [{ "id": "new-one", "title": "New" }] }] }', code: 'checklist/invalid-content', says: 'needs "title" and "text"' },
    'a new section without items': { json: '{ "sections": [{ "id": "extra", "title": "Extra" }] }', code: 'checklist/invalid-content', says: 'needs "title" and at least one item' },
    'a javascript: link': {
      json: '{ "sections": [{ "id": "money", "items": [{ "id": "debt", "link": { "href": "javascript:alert(1)", "label": "x" } }] }] }',
      code: 'checklist/invalid-content',
      says: '$.sections[0].items[0].link.href',
    },
    'a repeated id': { json: '{ "sections": [{ "id": "money" }, { "id": "money" }] }', code: 'checklist/invalid-content', says: 'appears twice' },
  };
  for (const [name, example] of Object.entries(bad)) {
    it(`reports ${name}, shows the built-in list and a calm note`, async () => {
      let el: StabilisationChecklist | undefined;
      const errors = await collectErrors(async () => {
        el = await make(html`<ww-stabilisation-checklist lang="en"><script type="application/json">${example.json}</script></ww-stabilisation-checklist>`);
      });
      expect(errors.map((e) => e.detail.code)).to.include(example.code);
      expect(errors.map((e) => e.detail.message).join('\n')).to.contain(example.says);
      expect($$(el!, 'section.section')).to.have.length(5);
      expect(shadowText(el!)).to.contain('Local information from this website could not be loaded. The general list is shown.');
      await expect(el!).to.be.accessible();
    });
  }

  it('reports unknown fields but uses the rest', async () => {
    let el: StabilisationChecklist | undefined;
    const errors = await collectErrors(async () => {
      el = await make(html`<ww-stabilisation-checklist lang="en"
        ><script type="application/json">
          { "sections": [{ "id": "money", "colour": "red", "items": [{ "id": "debt", "contact": { "name": "Schuldnerberatung (fictional)", "fax": "1" } }] }] }
        </script></ww-stabilisation-checklist
      >`);
      await waitUntil(() => el!.shadowRoot!.querySelector('address'));
    });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['checklist/unknown-field']);
    expect(errors[0]!.detail.message).to.contain('$.sections[0].colour: unknown field "colour"');
    expect(errors[0]!.detail.message).to.contain('$.sections[0].items[0].contact.fax');
    expect($(el!, 'address').textContent).to.contain('Schuldnerberatung (fictional)');
    expect(shadowText(el!)).to.not.contain('could not be loaded');
  });

  it('reports a src that cannot be loaded and shows the built-in list', async () => {
    let el: StabilisationChecklist | undefined;
    const errors = await collectErrors(async () => {
      el = await make(html`<ww-stabilisation-checklist lang="en" src="/packages/checklist/test/fixtures/missing.json"></ww-stabilisation-checklist>`);
    });
    expect(errors.map((e) => e.detail.code)).to.deep.equal(['checklist/content-unavailable']);
    expect(errors[0]!.detail.message).to.contain('404');
    expect($$(el!, 'section.section')).to.have.length(5);
  });
});

describe('ww-stabilisation-checklist: keyboard, small screens, print', () => {
  it('can be used with the keyboard alone: open a section, set statuses with arrow keys, keep and delete', async () => {
    const el = await make();
    button(el, 'Print').focus();
    // Tab order: Print, Keep, Save, Open, Delete, next steps (3), then the first section's toggle.
    for (let i = 0; i < 8; i++) await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Money and financial security');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#s-money').hidden).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($(el, '#s-housing').hidden).to.equal(false);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(radio(el, 'housing/shelter', 'open'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(checked(el, 'housing/shelter')).to.equal('doing');
    $(el, 'button.toggle').click();
    await el.updateComplete;
    // Into the first step's radio group (the first section is open).
    $<HTMLInputElement>(el, 'input[name="money/benefits"]').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(checked(el, 'money/benefits')).to.equal('doing');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(checked(el, 'money/benefits')).to.equal('done');
    expect(live(el)).to.equal('Find out which benefits you can get: Done. Money and financial security: 1 of 7 done');
    button(el, 'Keep on this device').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(localStorage.length).to.equal(1);
    // The same button, now the way back: focus stays where it was.
    expect(el.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Stop keeping it on this device');
    expect(notice(el)).to.equal('The list is now kept on this device. You can delete it at any time.');
    button(el, 'Delete everything').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(localStorage.length).to.equal(0);
    expect(checked(el, 'money/benefits')).to.equal('open');
  });

  it('fits 320 px without sideways scrolling, in both modes', async () => {
    // The widget has no media queries for width: a 320 px column is what a 320 px screen gives it,
    // and this works in every browser (WebDriver cannot resize the window).
    for (const mode of ['person', 'counsellor']) {
      const column = await fixture<HTMLElement>(html`<div style="inline-size: 320px"><ww-stabilisation-checklist lang="de" mode=${mode} simple></ww-stabilisation-checklist></div>`);
      const el = await ready(column.firstElementChild as StabilisationChecklist);
      const edge = column.getBoundingClientRect().right;
      for (const part of $$(el, '.root *')) {
        expect(part.getBoundingClientRect().right, `${mode}: ${part.localName}.${part.className}`).to.be.at.most(edge + 0.5);
      }
      expect(column.scrollWidth).to.be.at.most(320);
    }
  });

  it('prints a clean list: titles with statuses and notes, no controls, every section', async function () {
    const el = await make(html`<ww-stabilisation-checklist lang="en" mode="counsellor"></ww-stabilisation-checklist>`);
    await choose(el, 'money/account', 'done');
    const note = $$<HTMLTextAreaElement>(el, 'textarea')[1]!;
    note.value = 'Bring ID';
    note.dispatchEvent(new Event('input'));
    el.mode = 'person';
    await el.updateComplete;
    try {
      await emulateMediaType({ media: 'print' });
    } catch {
      this.skip(); // Only Chromium can emulate print media here.
    }
    try {
      const shown = (selector: string) => getComputedStyle($(el, selector)).display !== 'none';
      expect(shown('.controls')).to.equal(false);
      expect(shown('[part="privacy"]')).to.equal(false);
      expect(shown('.choices')).to.equal(false);
      expect(shown('.item .text')).to.equal(false);
      expect(shown('#s-work')).to.equal(true);
      expect(shown('[id="money/account"] .print')).to.equal(true);
      expect($(el, '[id="money/account"]').textContent).to.equal('Open your own bank account (Done)');
      expect(shown('.item p.print')).to.equal(true);
      expect(shown('.root > p.print')).to.equal(true);
      expect($(el, '.root > p.print').textContent).to.equal('Status on November 23, 2026');
    } finally {
      await emulateMediaType({ media: 'screen' });
    }
  });
});

describe('ww-stabilisation-checklist: accessibility', () => {
  const settle = async (element: HTMLElement) => {
    await ready(element as StabilisationChecklist);
  };
  itIsAccessibleInEveryState({
    states: {
      'for the person': () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      'with a counsellor': () => html`<ww-stabilisation-checklist mode="counsellor"></ww-stabilisation-checklist>`,
      'in simple language': () => html`<ww-stabilisation-checklist simple></ww-stabilisation-checklist>`,
      'with statuses set': () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      'kept on the device': () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      'asking before deleting': () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      'after deleting': () => html`<ww-stabilisation-checklist mode="counsellor"></ww-stabilisation-checklist>`,
      'after a damaged file': () => html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`,
      'with a site contact and link': () =>
        html`<ww-stabilisation-checklist src=${new URL('./fixtures/site-content.json', import.meta.url).href}></ww-stabilisation-checklist>`,
      'with content that could not be used': () => html`<ww-stabilisation-checklist><script type="application/json">{}</script></ww-stabilisation-checklist>`,
    },
    interact: {
      'for the person': settle,
      'with a counsellor': settle,
      'in simple language': settle,
      'with statuses set': async (element) => {
        await settle(element);
        for (const [key, status] of [
          ['money/benefits', 'doing'],
          ['money/account', 'done'],
          ['residence/eu', 'skip'],
        ] as const) {
          radio(element, key, status).click();
        }
        await (element as StabilisationChecklist).updateComplete;
      },
      'kept on the device': async (element) => {
        await settle(element);
        $(element, '.panel button.primary').click();
        await (element as StabilisationChecklist).updateComplete;
      },
      'asking before deleting': async (element) => {
        await settle(element);
        $(element, '.panel button.danger').click();
        await (element as StabilisationChecklist).updateComplete;
      },
      'after deleting': async (element) => {
        await settle(element);
        (element as StabilisationChecklist).deleteEverything();
        await (element as StabilisationChecklist).updateComplete;
      },
      'after a damaged file': async (element) => {
        await settle(element);
        await (element as StabilisationChecklist).importFile(new Blob(['nonsense']));
        await (element as StabilisationChecklist).updateComplete;
      },
      'with a site contact and link': async (element) => {
        await settle(element);
        await waitUntil(() => element.shadowRoot!.querySelectorAll('section.section').length === 6);
        element.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.toggle').forEach((t) => t.click());
        await (element as StabilisationChecklist).updateComplete;
      },
      'with content that could not be used': async (element) => {
        await settle(element);
        await waitUntil(() => element.shadowRoot!.querySelector('.root > p.muted[role="note"]'));
      },
    },
  });
});
