import { expect, fixture, html } from '@open-wc/testing';
import { ManualClock, useClock } from '@wegweiser/core';
import type { HoursBadge } from '../src/index.js';
import '../src/define.js';
import { collectErrors, itIsAccessibleInEveryState, itSurvivesBadInput, until } from '../../../scripts/testing/index.js';
import { $, $$ } from '../../../scripts/testing/dom.js';

const status = (el: HoursBadge) => $(el, '[part="status"]').textContent!.replace(/\s+/g, ' ').trim();
const hours = 'Mo-Th 10:00-18:00; Fr 14:00-02:00; PH off';
// Monday 23 November 2026, Berlin (UTC+1).
const monday = (time: string) => `2026-11-23T${time}:00+01:00`;

describe('ww-hours-badge: what it says', () => {
  it('says it is open, and until when', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} region="DE-BE" now=${monday('12:00')}></ww-hours-badge>`);
    expect(status(el)).to.equal('Jetzt geöffnet, bis 18:00');
  });

  it('says it closes soon in the last 30 minutes', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} region="DE-BE" now=${monday('17:30')}></ww-hours-badge>`);
    expect(status(el)).to.equal('Schließt bald, um 18:00');
    const before = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} region="DE-BE" now=${monday('17:29')}></ww-hours-badge>`);
    expect(status(before)).to.equal('Jetzt geöffnet, bis 18:00');
  });

  it('says when it opens: today, tomorrow, or on a weekday', async () => {
    const today = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now=${monday('08:00')}></ww-hours-badge>`);
    expect(status(today)).to.equal('Öffnet heute um 10:00');
    const tomorrow = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now=${monday('18:00')}></ww-hours-badge>`);
    expect(status(tomorrow)).to.equal('Öffnet morgen um 10:00');
    const weekday = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now="2026-11-28T12:00:00+01:00"></ww-hours-badge>`);
    expect(status(weekday)).to.equal('Öffnet Montag um 10:00');
  });

  it('names the date when it opens more than a week later', async () => {
    const el = await fixture<HoursBadge>(
      html`<ww-hours-badge hours="Mo-Fr 10:00-18:00; Dec 21-Jan 06 off" now="2026-12-22T12:00:00+01:00"></ww-hours-badge>`,
    );
    expect(status(el)).to.equal('Öffnet am 7. Januar um 10:00');
  });

  it('keeps a range past midnight open into the next day', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now="2026-11-27T23:30:00+01:00"></ww-hours-badge>`);
    expect(status(el)).to.equal('Jetzt geöffnet, bis morgen um 02:00');
    const after = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now="2026-11-28T01:45:00+01:00"></ww-hours-badge>`);
    expect(status(after)).to.equal('Schließt bald, um 02:00');
  });

  it('names the public holiday it is closed for', async () => {
    const el = await fixture<HoursBadge>(
      html`<ww-hours-badge hours="Mo-Fr 10:00-18:00; PH off" region="DE-BB" now="2025-10-31T12:00:00+01:00"></ww-hours-badge>`,
    );
    expect(status(el)).to.equal('Heute geschlossen (Reformationstag). Öffnet Montag um 10:00');
  });

  it('is open on the same day in a Land without that holiday', async () => {
    const el = await fixture<HoursBadge>(
      html`<ww-hours-badge hours="Mo-Fr 10:00-18:00; PH off" region="DE-BE" now="2025-10-31T12:00:00+01:00"></ww-hours-badge>`,
    );
    expect(status(el)).to.equal('Jetzt geöffnet, bis 18:00');
  });

  it('shows the comment of times without fixed hours', async () => {
    const el = await fixture<HoursBadge>(
      html`<ww-hours-badge hours='Mo-Fr unknown "nach Vereinbarung"' now=${monday('12:00')}></ww-hours-badge>`,
    );
    expect(status(el)).to.equal('Keine festen Zeiten: nach Vereinbarung');
  });

  it('says a change through a polite, whole live region that is empty when the badge appears, read as text, not as a status bar', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} region="DE-BE" channel="walk-in" now=${monday('12:00')}></ww-hours-badge>`);
    const region = $(el, '[aria-live]');
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(region.getAttribute('aria-atomic')).to.equal('true');
    // role="status" made Chromium expose a status bar, of which Orca read only the times
    // ("statusbar. 18:00."): scripts/screen-reader/scenarios/hours-badge.mjs.
    expect(region.hasAttribute('role')).to.equal(false);
    // Chromium reads out a live region inserted with its text: every badge of the finder's
    // results, while a postcode was typed (scripts/screen-reader/scenarios/service-finder.mjs).
    expect(region.textContent!.trim()).to.equal('', 'nothing to say when the badge appears');
    expect($(el, '[part="status"]').hasAttribute('aria-live')).to.equal(false, 'the shown sentence is not live itself');

    el.now = monday('17:30');
    const said = () => region.textContent!.replace(/\s+/g, ' ').trim();
    await until(() => said() !== '', 'the change is said');
    expect(said()).to.equal('Offene Sprechstunde: Schließt bald, um 18:00', 'the change is said, whole');
  });

  it('labels the channel in words', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} channel="phone" now=${monday('12:00')}></ww-hours-badge>`);
    expect(status(el)).to.equal('Telefon: Jetzt geöffnet, bis 18:00');
  });

  it('speaks English with the locale’s own clock', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge lang="en" hours=${hours} now=${monday('12:00')}></ww-hours-badge>`);
    expect(status(el)).to.equal('Open now, until 6:00 PM');
  });

  it('marks times with machine-readable <time datetime> in the centre’s offset', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now=${monday('12:00')}></ww-hours-badge>`);
    expect($(el, 'time').getAttribute('datetime')).to.equal('2026-11-23T18:00+01:00');
  });

  it('evaluates in the centre’s zone, and names it when it differs from the visitor’s', async () => {
    const el = await fixture<HoursBadge>(
      html`<ww-hours-badge hours="Mo-Fr 09:00-17:00" time-zone="Asia/Tokyo" now=${monday('12:00')}></ww-hours-badge>`,
    );
    // 12:00 in Berlin is 20:00 in Tokyo: closed there until tomorrow morning, Tokyo time.
    expect(status(el)).to.equal('Öffnet morgen um 09:00');
    expect($(el, '.zone').textContent).to.contain('Zeitzone:');
  });

  it('keeps the site’s own text as details', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now=${monday('12:00')}>Mo–Do 10–18 Uhr</ww-hours-badge>`);
    const details = $(el, 'details');
    expect(details.querySelector('summary')!.textContent).to.equal('Details');
    expect(details.querySelector('slot')!.assignedNodes()[0]!.textContent).to.equal('Mo–Do 10–18 Uhr');
  });
});

describe('ww-hours-badge: the week', () => {
  it('shows seven days as a table, today marked, holidays named, past-midnight ranges whole', async () => {
    const el = await fixture<HoursBadge>(
      html`<ww-hours-badge hours=${hours} region="DE-BE" show-week now="2026-12-21T12:00:00+01:00"></ww-hours-badge>`,
    );
    const rows = $$(el, 'tbody tr');
    expect(rows).to.have.length(7);
    expect(rows[0]!.getAttribute('aria-current')).to.equal('date');
    expect(rows[0]!.textContent).to.contain('(heute)');
    const cells = rows.map((r) => r.querySelector('td')!.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells[0]).to.equal('10:00–18:00'); // Mon 21 Dec
    expect(cells[3]).to.equal('10:00–18:00'); // Thu 24 Dec is no public holiday
    expect(cells[4]).to.match(/^geschlossen \(.*Weihnacht.*\)$/); // Fri 25 Dec: PH off wins over Fr 14:00-02:00
    expect(cells[5]).to.match(/^geschlossen \(.*Weihnacht.*\)$/); // Sat 26 Dec
    expect(cells[6]).to.equal('geschlossen'); // Sun
    expect($(el, 'caption').textContent!.trim()).to.equal('Öffnungszeiten der nächsten 7 Tage');
  });
});

describe('ww-hours-badge: the week, at its edges', () => {
  it('shows a range past midnight whole on the seventh day, and a range to midnight as 24:00', async () => {
    // Saturday 21 November 2026: the seventh day is Friday 27th, whose range ends on the 28th.
    const el = await fixture<HoursBadge>(
      html`<ww-hours-badge hours="Mo 10:00-24:00; Fr 14:00-02:00" show-week now="2026-11-21T12:00:00+01:00"></ww-hours-badge>`,
    );
    const cells = $$(el, 'tbody td').map((td) => td.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells[2]).to.equal('10:00–24:00'); // Monday
    expect(cells[6]).to.equal('14:00–02:00'); // Friday
  });
});

describe('ww-hours-badge: updates itself', () => {
  let manual: ManualClock;
  beforeEach(() => {
    manual = new ManualClock(monday('17:00'));
    useClock(manual);
  });
  afterEach(() => useClock(undefined));

  it('changes its words at the exact moments, with one timer', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours}></ww-hours-badge>`);
    expect(status(el)).to.equal('Jetzt geöffnet, bis 18:00');
    manual.advance(29 * 60_000);
    await el.updateComplete;
    expect(status(el)).to.equal('Jetzt geöffnet, bis 18:00');
    manual.advance(60_000);
    await el.updateComplete;
    expect(status(el)).to.equal('Schließt bald, um 18:00');
    manual.advance(30 * 60_000);
    await el.updateComplete;
    expect(status(el)).to.equal('Öffnet morgen um 10:00');
  });

  it('looks again when the page becomes visible', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours}></ww-hours-badge>`);
    // A sleeping tab: time moves on without the timer firing.
    (manual as unknown as { time: number }).time = Date.parse(monday('19:00'));
    document.dispatchEvent(new Event('visibilitychange'));
    await el.updateComplete;
    expect(status(el)).to.equal('Öffnet morgen um 10:00');
  });

  it('does not update by itself when the time is frozen', async () => {
    const el = await fixture<HoursBadge>(html`<ww-hours-badge hours=${hours} now=${monday('17:00')}></ww-hours-badge>`);
    manual.advance(2 * 60 * 60_000);
    await el.updateComplete;
    expect(status(el)).to.equal('Jetzt geöffnet, bis 18:00');
  });
});

describe('ww-hours-badge: bad input', () => {
  itSurvivesBadInput({
    'hours outside the syntax': { template: () => html`<ww-hours-badge hours="Mo-Fr 10-18 Uhr"></ww-hours-badge>`, code: 'hours/invalid-hours' },
    'no hours at all': { template: () => html`<ww-hours-badge></ww-hours-badge>`, code: 'hours/missing-hours' },
    'an unknown region': { template: () => html`<ww-hours-badge hours="Mo 10:00-12:00" region="DE-XX"></ww-hours-badge>`, code: 'hours/invalid-options' },
    'an unknown time zone': { template: () => html`<ww-hours-badge hours="Mo 10:00-12:00" time-zone="Mars/Olympus"></ww-hours-badge>`, code: 'hours/invalid-options' },
    'an unknown channel': { template: () => html`<ww-hours-badge hours="Mo 10:00-12:00" channel="fax"></ww-hours-badge>`, code: 'hours/invalid-channel' },
    'a now without offset': { template: () => html`<ww-hours-badge hours="Mo 10:00-12:00" now="2026-11-23T12:00"></ww-hours-badge>`, code: 'hours/invalid-now' },
  });

  it('says "Hours not available" and reports the position of the error', async () => {
    let el!: HoursBadge;
    const events = await collectErrors(async () => {
      el = await fixture<HoursBadge>(html`<ww-hours-badge hours="Mo-Fr 10:00-18:00; Sa 10-14"></ww-hours-badge>`);
    });
    expect(status(el)).to.equal('Öffnungszeiten nicht verfügbar');
    const detail = events[0]!.detail as { code: string; message: string; cause: { position: number } };
    expect(detail.code).to.equal('hours/invalid-hours');
    // "Sa 10-14": the time at index 22 lacks its minutes.
    expect(detail.cause.position).to.equal(22);
    expect(detail.message).to.contain('at 22');
  });
});

describe('ww-hours-badge: accessibility', () => {
  itIsAccessibleInEveryState({
    states: {
      open: () => html`<ww-hours-badge hours=${hours} now=${monday('12:00')}>Mo–Do 10–18 Uhr</ww-hours-badge>`,
      'closes soon': () => html`<ww-hours-badge hours=${hours} now=${monday('17:45')}></ww-hours-badge>`,
      closed: () => html`<ww-hours-badge hours=${hours} channel="chat" now=${monday('20:00')}></ww-hours-badge>`,
      holiday: () => html`<ww-hours-badge hours="Mo-Fr 10:00-18:00; PH off" region="DE-BB" now="2025-10-31T12:00:00+01:00"></ww-hours-badge>`,
      'no fixed hours': () => html`<ww-hours-badge hours='Mo-Fr unknown "nach Vereinbarung"' now=${monday('12:00')}></ww-hours-badge>`,
      week: () => html`<ww-hours-badge hours=${hours} region="DE-BE" show-week now="2026-12-21T12:00:00+01:00"></ww-hours-badge>`,
      'not available': () => html`<ww-hours-badge hours="nonsense"></ww-hours-badge>`,
    },
  });
});
