import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../packages/contact-inbox/src/define-figures.js';
import type { InboxClient } from '../packages/contact-inbox/src/inbox-client.js';
import type { FirstMessageFacts, NetworkFiguresAnswer, TeamFiguresAnswer } from '../packages/contact-inbox/src/figures.js';

// The figures as a relay answers them (docs/network.md); a stub client, so the stories need no relay.
// Inside the inbox, `<ww-contact-inbox>` shows this element behind its "Figures" button, and to a coordinator after sign-in.
interface FiguresArgs {
  mode: 'team' | 'network';
  lang?: string;
  failing?: boolean;
}

const buckets = (values: number[]) => ({ 'under-1h': values[0]!, '1-4h': values[1]!, '4-24h': values[2]!, '1-3d': values[3]!, '3-7d': values[4]!, 'over-7d': values[5]! });
const team: TeamFiguresAnswer = {
  centre: 'beratung-mainz',
  timeZone: 'Europe/Berlin',
  months: [
    { month: '2026-09', firstContacts: 9, followUps: 21, answers: 18, closed: 5, deletedByPerson: 1, firstAnswer: buckets([2, 3, 2, 1, 0, 0]) },
    { month: '2026-10', firstContacts: 12, followUps: 30, answers: 25, closed: 7, deletedByPerson: 1, firstAnswer: buckets([3, 4, 2, 1, 0, 0]) },
    { month: '2026-11', firstContacts: 17, followUps: 41, answers: 40, closed: 9, deletedByPerson: 2, firstAnswer: buckets([5, 5, 4, 1, 0, 1]) },
  ],
};
const shown = (count: number) => (count < 5 ? { count: null, suppressed: true as const } : { count });
const counts = (firstContacts: number, answers: number) => ({
  firstContacts: shown(firstContacts),
  followUps: shown(answers + 3),
  answers: shown(answers),
  closed: shown(2),
  deletedByPerson: shown(0),
  firstAnswer: { 'under-1h': shown(answers), '1-4h': shown(1), '4-24h': shown(0), '1-3d': shown(0), '3-7d': shown(0), 'over-7d': shown(0) },
});
const network: NetworkFiguresAnswer = {
  timeZone: 'Europe/Berlin',
  threshold: 5,
  centres: ['beratung-koblenz', 'beratung-mainz', 'beratung-trier'],
  months: [
    { month: '2026-10', centres: { 'beratung-koblenz': counts(6, 5), 'beratung-mainz': counts(12, 25), 'beratung-trier': counts(3, 7) }, total: counts(21, 37) },
    { month: '2026-11', centres: { 'beratung-koblenz': counts(8, 9), 'beratung-mainz': counts(17, 40), 'beratung-trier': counts(7, 6) }, total: counts(32, 55) },
  ],
};
const firstMessages: FirstMessageFacts[] = [
  { topic: 'work', language: 'ro', createdAt: Date.UTC(2026, 10, 12) / 1000 },
  { topic: 'money', language: 'bg', createdAt: Date.UTC(2026, 10, 20) / 1000 },
  { topic: 'work', language: 'de', createdAt: Date.UTC(2026, 11, 2) / 1000 },
];

function client(failing = false): InboxClient {
  const answer = <T>(value: T) => (failing ? Promise.reject(new Error('relay down')) : Promise.resolve(value));
  return { figures: () => answer(team), networkFigures: () => answer(network) } as unknown as InboxClient;
}

function inboxFigures(args: FiguresArgs): TemplateResult {
  return html`<ww-inbox-figures .client=${client(args.failing)} mode=${args.mode} lang=${args.lang ?? 'de'} name="beratung-mainz" .firstMessages=${firstMessages}></ww-inbox-figures>`;
}

const meta: Meta<FiguresArgs> = {
  title: 'Widgets/Contact inbox: figures',
  component: 'ww-inbox-figures',
  render: inboxFigures,
  args: { mode: 'team' },
};
export default meta;

type Story = StoryObj<FiguresArgs>;

export const Team: Story = { name: 'A centre’s figures (Zahlen)' };
export const TeamEnglish: Story = { name: 'A centre’s figures, English', args: { lang: 'en' } };
export const Network: Story = { name: 'The network, for the coordination office (< 5 suppressed)', args: { mode: 'network' } };
export const Unavailable: Story = { name: 'Relay cannot be reached', args: { failing: true } };
export const NarrowScreen: Story = {
  name: 'Narrow screen (320 px)',
  args: { mode: 'network' },
  decorators: [(story) => html`<div style="inline-size: 320px">${story()}</div>`],
};
