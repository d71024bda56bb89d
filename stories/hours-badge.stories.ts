import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import '@wegweiser/hours/define';

/** The element's attributes, by attribute name, as a site writes them. */
interface HoursArgs {
  hours?: string;
  region?: string;
  subregion?: string;
  'time-zone'?: string;
  channel?: string;
  now?: string;
  'show-week'?: boolean;
  lang?: string;
  /** What the site wrote inside the element: shown without JavaScript, then under "Details". */
  text?: string;
}

type Story = StoryObj<HoursArgs>;

// Fictional hours of a fictional counselling centre, in the habits of the field:
// afternoons and evenings on weekdays, a late night on Friday, closed on holidays.
const demoHours = 'Mo-Th 10:00-18:00; Fr 14:00-02:00; PH off';
const demoText = 'Mo–Do 10–18 Uhr, Fr 14–2 Uhr (fiktive Beispielzeiten)';

function badge(args: HoursArgs): TemplateResult {
  return html`<ww-hours-badge
    hours=${args.hours ?? nothing}
    region=${args.region || nothing}
    subregion=${args.subregion || nothing}
    time-zone=${args['time-zone'] || nothing}
    channel=${args.channel || nothing}
    now=${args.now || nothing}
    ?show-week=${args['show-week']}
    lang=${args.lang || nothing}
    @ww-error=${(event: CustomEvent) => action('ww-error')(event.detail)}
    >${args.text ?? nothing}</ww-hours-badge
  >`;
}

const meta: Meta<HoursArgs> = {
  title: 'Widgets/Hours badge',
  component: 'ww-hours-badge',
  render: badge,
  args: { hours: demoHours, region: 'DE-BE', text: demoText },
  argTypes: {
    hours: { control: 'text' },
    region: {
      control: 'select',
      options: ['', 'DE-BW', 'DE-BY', 'DE-BE', 'DE-BB', 'DE-HB', 'DE-HH', 'DE-HE', 'DE-MV', 'DE-NI', 'DE-NW', 'DE-RP', 'DE-SL', 'DE-SN', 'DE-ST', 'DE-SH', 'DE-TH'],
    },
    subregion: { control: 'select', options: ['', 'DE-BY-AUGSBURG'] },
    'time-zone': { control: 'text' },
    channel: { control: 'select', options: ['', 'walk-in', 'phone', 'chat', 'email', 'streetwork'] },
    now: { control: 'text', description: 'A frozen instant, ISO 8601 with offset, e.g. 2026-11-23T12:00:00+01:00.' },
    'show-week': { control: 'boolean' },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
    text: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Whether a counselling service can be reached now, in words, evaluated in the centre’s time zone wherever the visitor is. Demo data is fictional. Every story freezes the clock with `now`; remove it to see the real time.',
      },
    },
  },
};
export default meta;

// Monday 23 November 2026 and the days around it, Berlin time.
export const OpenNow: Story = { args: { now: '2026-11-23T12:00:00+01:00' } };
export const ClosesSoon: Story = { args: { now: '2026-11-23T17:45:00+01:00' } };
export const OpensToday: Story = { args: { now: '2026-11-23T08:00:00+01:00' } };
export const OpensTomorrow: Story = { args: { now: '2026-11-23T19:00:00+01:00' } };
export const OpensMonday: Story = { args: { now: '2026-11-28T12:00:00+01:00' } };
export const OpensAfterABreak: Story = {
  name: 'Opens after a break (more than a week)',
  args: { hours: 'Mo-Fr 10:00-18:00; Dec 21-Jan 06 off', now: '2026-12-22T12:00:00+01:00', text: 'Mo–Fr 10–18 Uhr, Winterpause 21.12.–6.1.' },
};
export const OpenPastMidnight: Story = { name: 'Open past midnight', args: { now: '2026-11-27T23:30:00+01:00' } };
/** Reformationstag 2025 fell on a Friday; Brandenburg keeps it. */
export const ClosedForHoliday: Story = {
  name: 'Closed for a public holiday',
  args: { hours: 'Mo-Fr 10:00-18:00; PH off', region: 'DE-BB', now: '2025-10-31T12:00:00+01:00', text: 'Mo–Fr 10–18 Uhr' },
};
export const NoFixedHours: Story = {
  name: 'No fixed hours (by appointment)',
  args: { hours: 'Mo-Fr unknown "nach Vereinbarung"', now: '2026-11-23T12:00:00+01:00', text: 'Termine nach Vereinbarung' },
};
export const Channel: Story = { name: 'Channel: phone', args: { channel: 'phone', now: '2026-11-23T12:00:00+01:00' } };
export const Week: Story = { name: 'Week with a holiday', args: { 'show-week': true, now: '2026-12-21T12:00:00+01:00' } };
export const English: Story = { args: { lang: 'en', 'show-week': true, now: '2026-11-23T12:00:00+01:00' } };
export const OtherZone: Story = {
  name: 'Centre in another time zone',
  args: { hours: 'Mo-Fr 09:00-17:00', region: '', 'time-zone': 'America/New_York', now: '2026-11-23T12:00:00+01:00', text: '' },
};
export const HoursNotAvailable: Story = {
  name: 'Hours not available (invalid hours)',
  args: { hours: 'Mo-Fr 10-18 Uhr', now: '2026-11-23T12:00:00+01:00', text: 'Mo–Fr 10–18 Uhr' },
};
