import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import '@wegweiser/service-finder/define';
import germany from '../packages/service-finder/demo/germany.json';
import rhinelandPalatinate from '../packages/service-finder/demo/rheinland-pfalz.json';
import rlpNetwork from '../packages/service-finder/demo/rlp-network.json';
import type { ServiceFinder } from '@wegweiser/service-finder';
import type { ContactForm } from '@wegweiser/contact-form';

interface FinderArgs {
  data?: unknown;
  src?: string;
  radius?: number;
  debug?: boolean;
  'url-state'?: boolean;
  now?: string;
  lang?: string;
  'anonymous-contact'?: 'inline' | 'page';
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
    anonymous-contact=${args['anonymous-contact'] || nothing}
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

// The fictional Rhineland-Palatinate network (demo/rlp-network.json): six centres on one DEMO
// relay, each with its own DEMO key (packages/contact-relay/demo/network/). With `npm start` the
// demo relay on port 8787 holds all six keys, so a message written here really arrives, encrypted
// to that centre only. Never use the demo keys for real messages.
const networkDocs = {
  docs: {
    description: {
      story:
        'Fictional demo data: a Land-wide network of six counselling centres (Mainz, Ludwigshafen, Trier, Koblenz, Kaiserslautern, Landau) on one demo relay. "Write anonymously (encrypted)" opens that centre\u2019s encrypted contact form inside the result. Sending needs the demo relay from `npm start`.',
    },
  },
};

const finderIn = (canvas: HTMLElement) => canvas.querySelector('ww-service-finder') as ServiceFinder;

/** Polls until `find` returns something (the finder and the form load parts of their code on demand). */
async function waitFor<T>(find: () => T | null | undefined, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${what} did not appear`);
}

/** Presses the result's "Write anonymously" button and waits for the form with its message field. */
async function openForm(canvas: HTMLElement, centreId: string): Promise<ContactForm> {
  const el = finderIn(canvas);
  const button = await waitFor(() => el.shadowRoot?.querySelector<HTMLButtonElement>(`#write-${centreId}`), 'the write button');
  button.click();
  const form = await waitFor(() => el.shadowRoot!.querySelector<ContactForm>(`#write-panel-${centreId} ww-contact-form`), 'the contact form');
  await waitFor(() => form.shadowRoot?.querySelector('textarea'), 'the message field');
  return form;
}

export const NetworkWriteButton: Story = {
  name: 'Network: write anonymously (button in every result)',
  args: { data: rlpNetwork },
  parameters: networkDocs,
};

export const NetworkFormOpen: Story = {
  name: 'Network: the form open in a result',
  args: { data: rlpNetwork },
  parameters: networkDocs,
  play: async ({ canvasElement }) => {
    await openForm(canvasElement, 'demo-rlp-trier');
  },
};

export const NetworkFormSent: Story = {
  name: 'Network: message sent (needs the demo relay from npm start)',
  args: { data: rlpNetwork },
  parameters: networkDocs,
  play: async ({ canvasElement }) => {
    const form = await openForm(canvasElement, 'demo-rlp-koblenz');
    form.minFillTime = 0;
    const textarea = form.shadowRoot!.querySelector('textarea')!;
    textarea.value = 'Eine Beispielnachricht aus Storybook an die fiktive Anlaufstelle in Koblenz.';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  },
};

/** Mainz's key damaged by copy and paste, Ludwigshafen given Trier's key: both channels left out, both centres shown. */
function damagedNetwork(): unknown {
  const [mainz, ludwigshafen, trier, ...rest] = rlpNetwork.centres;
  const key = mainz!.contacts.anonymous.publicKey.split('.');
  key[2] = `${key[2]![0] === 'A' ? 'B' : 'A'}${key[2]!.slice(1)}`;
  return {
    ...rlpNetwork,
    centres: [
      { ...mainz, contacts: { ...mainz!.contacts, anonymous: { ...mainz!.contacts.anonymous, publicKey: key.join('.') } } },
      { ...ludwigshafen, contacts: { ...ludwigshafen!.contacts, anonymous: trier!.contacts.anonymous } },
      trier,
      ...rest,
    ],
  };
}

export const NetworkDamagedChannel: Story = {
  name: 'Network: damaged channel left out (debug)',
  args: { data: damagedNetwork(), debug: true },
  parameters: networkDocs,
  play: async ({ canvasElement }) => {
    const el = finderIn(canvasElement);
    await waitFor(() => el.shadowRoot?.querySelector('#write-demo-rlp-trier'), 'Trier\u2019s write button');
    if (el.shadowRoot!.querySelector('#write-demo-rlp-mainz, #write-demo-rlp-ludwigshafen')) throw new Error('a damaged channel is shown');
  },
};

export const NetworkContactPage: Story = {
  name: "Network: to the centre's own page (anonymous-contact=page)",
  args: { data: rlpNetwork, 'anonymous-contact': 'page' },
  parameters: networkDocs,
};

export const NetworkArabic: Story = {
  name: 'Network: the form open, Arabic (right to left)',
  args: { data: rlpNetwork, lang: 'ar' },
  parameters: networkDocs,
  play: async ({ canvasElement }) => {
    await openForm(canvasElement, 'demo-rlp-landau');
  },
};
