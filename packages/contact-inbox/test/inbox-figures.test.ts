import { expect, html } from '@open-wc/testing';
import { fixtureInLocale, itIsAccessibleInEveryState, until } from '../../../scripts/testing/index.js';
import type { InboxClient } from '../src/inbox-client.js';
import type { InboxFigures } from '../src/InboxFigures.js';
import type { NetworkFiguresAnswer, TeamFiguresAnswer } from '../src/figures.js';
import '../src/define-figures.js';

const buckets = (values: number[]) => ({ 'under-1h': values[0]!, '1-4h': values[1]!, '4-24h': values[2]!, '1-3d': values[3]!, '3-7d': values[4]!, 'over-7d': values[5]! });

const teamAnswer: TeamFiguresAnswer = {
  centre: 'beratung-mainz',
  timeZone: 'Europe/Berlin',
  months: [
    { month: '2026-10', firstContacts: 12, followUps: 30, answers: 25, closed: 7, deletedByPerson: 1, firstAnswer: buckets([3, 4, 2, 1, 0, 0]) },
    { month: '2026-11', firstContacts: 1234, followUps: 8, answers: 40, closed: 9, deletedByPerson: 0, firstAnswer: buckets([5, 5, 1, 0, 0, 1]) },
  ],
};

const shown = (count: number) => (count < 5 ? { count: null, suppressed: true as const } : { count });
const shownCounts = (firstContacts: number, answers: number) => ({
  firstContacts: shown(firstContacts),
  followUps: shown(6),
  answers: shown(answers),
  closed: shown(0),
  deletedByPerson: shown(0),
  firstAnswer: { 'under-1h': shown(5), '1-4h': shown(0), '4-24h': shown(0), '1-3d': shown(0), '3-7d': shown(0), 'over-7d': shown(0) },
});
const networkAnswer: NetworkFiguresAnswer = {
  timeZone: 'Europe/Berlin',
  threshold: 5,
  centres: ['beratung-mainz', 'beratung-trier'],
  months: [{ month: '2026-11', centres: { 'beratung-mainz': shownCounts(3, 9), 'beratung-trier': shownCounts(3, 6) }, total: shownCounts(6, 15) }],
};

/** A client that answers like the relay (the routes themselves are tested in packages/contact-relay/test/network.test.mjs). */
const client = (overrides: Partial<Record<'figures' | 'networkFigures', () => Promise<unknown>>> = {}) =>
  ({ figures: async () => teamAnswer, networkFigures: async () => networkAnswer, ...overrides }) as unknown as InboxClient;

const firstMessages = [
  { topic: 'work', language: 'ro', createdAt: Date.UTC(2026, 10, 3) / 1000 },
  { topic: 'work', language: 'bg', createdAt: Date.UTC(2026, 10, 20) / 1000 },
  { topic: 'housing', language: 'ro', createdAt: Date.UTC(2026, 11, 1) / 1000 },
];

const ready = async (element: InboxFigures) => until(() => Boolean(element.shadowRoot?.querySelector('table, .box, p:not([role=status])')), 'figures shown');

/** The data table's body as text cells, numbers without grouping separators. */
function tableCells(element: InboxFigures): { month: string; cells: string[] }[] {
  return [...element.shadowRoot!.querySelectorAll('[part=table] tbody tr')].map((row) => ({
    month: row.getAttribute('data-month')!,
    cells: [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim().replace(/[.,\s\u202f\u00a0]/g, '')),
  }));
}

/** A CSV text parsed into rows (the figures' CSV has no quoted separators). */
const csvRows = (text: string) =>
  text
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));

describe('<ww-inbox-figures>', () => {
  itIsAccessibleInEveryState({
    states: {
      team: () => html`<ww-inbox-figures .client=${client()} name="beratung-mainz" .firstMessages=${firstMessages}></ww-inbox-figures>`,
      network: () => html`<ww-inbox-figures .client=${client()} mode="network" name="koordination-rlp"></ww-inbox-figures>`,
      unavailable: () =>
        html`<ww-inbox-figures
          .client=${client({
            figures: async () => {
              throw new Error('down');
            },
          })}
        ></ww-inbox-figures>`,
      empty: () => html`<ww-inbox-figures .client=${client({ figures: async () => ({ ...teamAnswer, months: [] }) })}></ww-inbox-figures>`,
    },
    interact: {
      team: (element) => ready(element as InboxFigures),
      network: (element) => ready(element as InboxFigures),
      unavailable: (element) => ready(element as InboxFigures),
      empty: (element) => ready(element as InboxFigures),
    },
  });

  it('draws in the chart exactly the numbers of the table', async () => {
    const element = await fixtureInLocale<InboxFigures>(html`<ww-inbox-figures .client=${client()}></ww-inbox-figures>`, 'de');
    await ready(element);
    const bars = [...element.shadowRoot!.querySelectorAll('svg rect')];
    expect(bars.length).to.equal(4, 'two series over two months');
    for (const bar of bars) {
      const row = element.shadowRoot!.querySelector(`tbody tr[data-month="${bar.getAttribute('data-month')}"]`)!;
      const cell = row.querySelector(`td[data-column="${bar.getAttribute('data-column')}"]`)!;
      expect(cell.textContent!.replace(/\D/g, '')).to.equal(bar.getAttribute('data-value'));
    }
    const tallest = bars.reduce((a, b) => (Number(b.getAttribute('height')) > Number(a.getAttribute('height')) ? b : a));
    expect(tallest.getAttribute('data-value')).to.equal('1234', 'the largest number is the tallest bar');
    expect(element.shadowRoot!.querySelector('svg')!.getAttribute('role')).to.equal('img');
    expect(element.shadowRoot!.querySelector('svg title')!.textContent).to.match(/Tabelle/);
  });

  it('writes into the CSV exactly the table, month by month and column by column', async () => {
    const element = await fixtureInLocale<InboxFigures>(html`<ww-inbox-figures .client=${client()}></ww-inbox-figures>`, 'de');
    await ready(element);
    const [header, ...rows] = csvRows(element.figuresCsv());
    const headings = [...element.shadowRoot!.querySelectorAll('[part=table] thead th')].map((th) => th.textContent!.trim());
    expect(header).to.deep.equal(headings);
    expect(rows.map(([month, ...cells]) => ({ month, cells }))).to.deep.equal(tableCells(element));
    expect(header[1]).to.equal('Erstkontakte');
  });

  it('shows the network side by side with the sum, small counts as “< 5” in the table and the CSV alike', async () => {
    const element = await fixtureInLocale<InboxFigures>(html`<ww-inbox-figures .client=${client()} mode="network"></ww-inbox-figures>`, 'en');
    await ready(element);
    const rowNames = [...element.shadowRoot!.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('th')[1]!.textContent!.trim());
    expect(rowNames).to.deep.equal(['beratung-mainz', 'beratung-trier', 'All centres']);
    const [header, ...rows] = csvRows(element.figuresCsv());
    expect(header.slice(0, 3)).to.deep.equal(['Month', 'Centre', 'First contacts']);
    expect(rows.map((row) => row[2])).to.deep.equal(['< 5', '< 5', '6']);
    const tableFirstContacts = [...element.shadowRoot!.querySelectorAll('td[data-column=firstContacts]')].map((cell) => cell.textContent!.trim());
    expect(tableFirstContacts).to.deep.equal(['< 5', '< 5', '6']);
    expect(element.shadowRoot!.querySelectorAll('svg rect').length).to.equal(2, 'the chart draws the sums only');
    expect(element.shadowRoot!.textContent).not.to.match(/Topics/, 'the coordination office sees no topics');
  });

  it('counts topics and answer languages over the conversations it is given, and says which period they cover', async () => {
    const element = await fixtureInLocale<InboxFigures>(html`<ww-inbox-figures .client=${client()} .firstMessages=${firstMessages}></ww-inbox-figures>`, 'en');
    await ready(element);
    const section = element.shadowRoot!.querySelector('section[aria-labelledby=counts-title]')!;
    expect(section.textContent).to.match(/3 conversations the inbox holds now, begun between Nov 3, 2026 and Dec 1, 2026/);
    const [period, ...lines] = element.countsCsv().trim().split('\r\n');
    expect(period).to.match(/^"3 conversations the inbox holds now, begun between Nov 3, 2026 and Dec 1, 2026\. .*",,$/);
    expect(lines.slice(1).map((line) => line.split(','))).to.deep.equal([
      ['Topic', 'Changing jobs or leaving sex work', '2'],
      ['Topic', 'Housing', '1'],
      ['Answer language', 'Romanian', '2'],
      ['Answer language', 'Bulgarian', '1'],
    ]);
  });

  it('fits 320 px: the table scrolls inside its own region, the page does not', async () => {
    const element = await fixtureInLocale<InboxFigures>(html`<ww-inbox-figures .client=${client()} mode="network"></ww-inbox-figures>`, 'de', 320);
    await ready(element);
    expect(element.getBoundingClientRect().width).to.be.at.most(320);
    const region = element.shadowRoot!.querySelector<HTMLElement>('[part=table]')!;
    expect(region.getBoundingClientRect().width).to.be.at.most(320);
    expect(region.scrollWidth).to.be.greaterThan(region.clientWidth, 'the wide table scrolls');
    expect(region.tabIndex).to.equal(0, 'and can be scrolled with the keyboard');
  });
});
