import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import '@wegweiser/service-finder/define';
import germany from '../packages/service-finder/demo/germany.json';
import rhinelandPalatinate from '../packages/service-finder/demo/rheinland-pfalz.json';

interface FinderArgs {
  data?: unknown;
  src?: string;
  radius?: number;
  debug?: boolean;
  'url-state'?: boolean;
  now?: string;
  lang?: string;
  /** What the site put inside the element: its own list, shown without JavaScript. */
  fallback?: boolean;
}

type Story = StoryObj<FinderArgs>;

// A Wednesday late morning, so "open now" has something to show.
const NOW = '2026-11-25T11:00:00+01:00';

function finder(args: FinderArgs): TemplateResult {
  return html`<ww-service-finder
    .data=${args.data}
    src=${args.src || nothing}
    radius=${args.radius ?? nothing}
    ?debug=${args.debug}
    ?url-state=${args['url-state']}
    now=${args.now || nothing}
    lang=${args.lang || nothing}
    @ww-error=${(event: CustomEvent) => action('ww-error')(event.detail)}
  >
    ${args.fallback
      ? html`<ul>
          <li>Beratungsstelle Lichtblick (fiktiv), Mainz, Telefon 06131 000000</li>
          <li>Anlaufstelle Morgenrot (fiktiv), Trier</li>
        </ul>`
      : nothing}
    <div slot="help">
      <p>
        Hilfetelefon Gewalt gegen Frauen: <a href="tel:116016">116 016</a> (kostenlos, anonym, rund um die Uhr, in 18 Sprachen)<br />
        Hilfetelefon Schwangere in Not: <a href="tel:08004040020">0800 40 40 020</a>
      </p>
    </div>
  </ww-service-finder>`;
}

const meta: Meta<FinderArgs> = {
  title: 'Widgets/Service finder',
  component: 'ww-service-finder',
  render: finder,
  args: { data: germany, now: NOW },
  argTypes: {
    data: { control: false },
    radius: { control: 'select', options: [0, 5, 10, 25, 50, 100] },
    lang: { control: 'select', options: ['', 'de', 'en'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Finds the counselling centre that fits, near a postcode or place, entirely in the browser. The demo directories are **fictional** (150 centres across Germany; five in Rhineland-Palatinate). Postcode data: GeoNames (CC BY 4.0).',
      },
    },
  },
};
export default meta;

export const Germany: Story = { name: 'Germany (150 fictional centres)' };
export const RhinelandPalatinate: Story = { name: 'Rhineland-Palatinate (5 fictional centres)', args: { data: rhinelandPalatinate } };
export const English: Story = { args: { lang: 'en' } };
export const LoadedFromSrc: Story = {
  name: 'Loaded from a URL (src)',
  args: { data: undefined, src: new URL('../packages/service-finder/demo/rheinland-pfalz.json', import.meta.url).href },
};
export const LoadFailed: Story = {
  name: 'Load failed (site list stays)',
  args: { data: undefined, src: '/no-such-directory.json', fallback: true },
};
export const InvalidEntries: Story = {
  name: 'Invalid entries (debug)',
  args: {
    debug: true,
    data: {
      version: 1,
      fictional: true,
      centres: [
        ...rhinelandPalatinate.centres.slice(0, 2),
        { id: 'Bad Id', name: '' },
        { ...rhinelandPalatinate.centres[2], hours: { 'walk-in': 'Mo-Fr 25:00-26:00' } },
        { ...rhinelandPalatinate.centres[3], unknownField: true },
      ],
    },
  },
};
export const NothingUsable: Story = { name: 'No usable entry', args: { data: { centres: 'none' }, fallback: true } };
export const HostileData: Story = {
  name: 'Hostile data renders as text',
  args: {
    data: {
      version: 1,
      fictional: true,
      centres: [
        {
          ...rhinelandPalatinate.centres[0],
          name: '<img src=x onerror=alert(1)> Beratung (fiktiv)',
          description: '<script>alert(1)</script> Beschreibung mit Markup',
        },
      ],
    },
  },
};
export const WithUrlState: Story = { name: 'Search kept in the URL (url-state)', args: { 'url-state': true } };
export const RightToLeft: Story = {
  name: 'Right to left (layout check)',
  decorators: [(story) => html`<div dir="rtl">${story()}</div>`],
};
