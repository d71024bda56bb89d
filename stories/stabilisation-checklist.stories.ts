import { html, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { expect, userEvent, waitFor } from 'storybook/test';
import '@wegweiser/checklist/define';
import { StabilisationChecklist } from '@wegweiser/checklist';

/** The element's attributes, as a site writes them, plus what the story starts from. */
interface ChecklistArgs {
  mode?: 'person' | 'counsellor';
  simple?: boolean;
  lang?: string;
  dir?: string;
  /** The site's own content, written into a child <script type="application/json">. */
  siteJson?: string;
  /** A fictional saved list, opened as if from a file. */
  open?: string;
  /** A fictional list kept on the device before the story starts (under the story's own storage key). */
  kept?: string;
}

type Story = StoryObj<ChecklistArgs>;

// Fictional progress of a fictional person.
const demoList = JSON.stringify({
  format: 'wegweiser-checklist',
  version: 1,
  saved: '2026-11-20T16:30:00Z',
  entries: {
    'residence/eu': { status: 'done' },
    'money/benefits': { status: 'doing', note: 'Termin Jobcenter Do 10 Uhr (Beispiel)' },
    'money/account': { status: 'done' },
    'money/postal-address': { status: 'done' },
    'housing/shelter': { status: 'done' },
    'housing/registration': { status: 'doing' },
    'health/insurance': { status: 'doing' },
    'residence/non-eu': { status: 'skip' },
  },
});

// A fictional counselling centre adds its own contact and a step of its own.
const demoSiteJson = JSON.stringify(
  {
    sections: [
      {
        id: 'money',
        items: [
          {
            id: 'benefits',
            contact: {
              name: 'Beratungsstelle Beispielstadt (fiktiv)',
              address: 'Musterweg 1, 00000 Beispielstadt',
              phone: '0000 000000',
              email: 'beratung@example.org',
              hours: 'Mo–Do 10–18 Uhr',
            },
          },
        ],
      },
      {
        id: 'everyday',
        title: 'Alltag (Beispiel)',
        items: [
          {
            id: 'cafe',
            title: 'Ins offene Café kommen',
            text: 'Jeden Dienstag ab 16 Uhr, ohne Anmeldung. Ein fiktives Beispiel für einen eigenen Schritt der Beratungsstelle.',
            link: { href: 'https://example.org/cafe', label: 'Mehr zum Café (Beispiel)' },
          },
        ],
      },
    ],
  },
  null,
  2,
);

// What the site writes inside the element: shown before and without JavaScript.
const fallback = html`<p>
  Erste Schritte: Geld, Wohnen, Gesundheit, Aufenthalt, neue Arbeit. Die Beratungsstelle Beispielstadt (fiktiv) hilft bei jedem Schritt:
  <a href="tel:0000000000">0000 000000</a>.
</p>`;

// Each story keeps under its own key, so stories do not see each other's lists.
const storageKey = (storyId: string) => `wegweiser-checklist-story-${storyId}`;

function checklist(args: ChecklistArgs, { id }: StoryContext<ChecklistArgs>): TemplateResult {
  const after = async (el: StabilisationChecklist | undefined) => {
    if (!el) return;
    await el.updateComplete;
    if (args.open) await el.importFile(new Blob([args.open]));
  };
  const el = html`<ww-stabilisation-checklist
    mode=${args.mode ?? 'person'}
    ?simple=${args.simple}
    lang=${args.lang || 'de'}
    storage-key=${storageKey(id)}
    @ww-error=${(event: CustomEvent) => action('ww-error')(event.detail)}
    ${refCallback(after)}
    >${args.siteJson ? html`<script type="application/json">${args.siteJson}</script>` : fallback}</ww-stabilisation-checklist
  >`;
  return args.dir ? html`<div dir=${args.dir}>${el}</div>` : el;
}

function refCallback(after: (el: StabilisationChecklist | undefined) => Promise<void>) {
  let done = false;
  return ref((element) => {
    if (done || !element) return;
    done = true;
    void after(element as StabilisationChecklist);
  });
}

/** The story's checklist. */
const checklistIn = (canvasElement: HTMLElement) => canvasElement.querySelector<StabilisationChecklist>('ww-stabilisation-checklist')!;

/** The text of the checklist's privacy panel, where keeping and deleting are. */
const privacyText = (el: StabilisationChecklist) => el.shadowRoot!.querySelector('[part=privacy]')?.textContent?.replace(/\s+/g, ' ') ?? '';

/**
 * Presses a button by its German or English text (`Deutsch|English`), once it is there: the
 * buttons appear only after the content has loaded, which takes longer in a static build.
 */
async function press(el: StabilisationChecklist, label: string): Promise<void> {
  const button = await waitFor(
    () => {
      const found = [...el.shadowRoot!.querySelectorAll('button')].find((b) => label.split('|').includes(b.textContent!.trim()));
      if (!found) throw new Error(`No button “${label}” (yet)`);
      return found;
    },
    { timeout: 10_000 },
  );
  await userEvent.click(button);
  await el.updateComplete;
}

const meta: Meta<ChecklistArgs> = {
  title: 'Widgets/Stabilisation checklist',
  component: 'ww-stabilisation-checklist',
  render: checklist,
  // A story starts with nothing kept, or with its own `kept` list, and takes it away when it is
  // left. (A static Storybook closed on a story keeps it: such stories are tagged keeps-storage.)
  beforeEach: ({ args, id }) => {
    const key = storageKey(id);
    if (args.kept) localStorage.setItem(key, args.kept);
    else localStorage.removeItem(key);
    return () => localStorage.removeItem(key);
  },
  argTypes: {
    mode: { control: 'inline-radio', options: ['person', 'counsellor'] },
    simple: { control: 'boolean' },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
    siteJson: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The first steps to a stable life (money, housing, health, residence, then new work) as a checklist a person keeps in their own hands, alone or with a counsellor. Nothing is stored unless the person chooses “Keep on this device”. Statuses, notes, centres and addresses in these stories are fictional.',
      },
    },
  },
};
export default meta;

export const ForThePerson: Story = { name: 'For the person (German)' };
export const English: Story = { args: { lang: 'en' } };
export const SimpleLanguage: Story = { name: 'Simple language', args: { simple: true } };
export const WithACounsellor: Story = { name: 'With a counsellor (compact, notes)', args: { mode: 'counsellor', open: demoList } };
export const WithStatuses: Story = { name: 'With statuses (opened from a file)', args: { open: demoList } };
// `keeps-storage`: a story about a list kept on the device leaves it there on purpose
// (scripts/storybook-check.mjs fails any other story that leaves browser storage behind).
export const KeptOnThisDevice: Story = {
  name: 'Kept on this device',
  tags: ['keeps-storage'],
  args: { kept: demoList },
  play: async ({ canvasElement }) => {
    const el = checklistIn(canvasElement);
    await waitFor(() => expect(privacyText(el)).toMatch(/Die Liste wird auf diesem Gerät aufbewahrt|The list is kept on this device/));
    await expect(el.kept).toBe(true);
  },
};
// The deleting stories press the buttons in their play functions, which the docs page does not
// run: they are shown on their own only (!autodocs), never in a state they are not named for.
export const AskingBeforeDeleting: Story = {
  name: 'Asking before deleting',
  tags: ['keeps-storage', '!autodocs'],
  args: { kept: demoList },
  play: async ({ canvasElement, id }) => {
    const el = checklistIn(canvasElement);
    await press(el, 'Alles löschen|Delete everything');
    await waitFor(() => expect(privacyText(el)).toMatch(/Jeden Status und jede Notiz löschen, auch auf diesem Gerät\?|Delete every status and note, also from this device\?/));
    // Nothing is deleted yet: the list is still kept.
    await expect(el.kept).toBe(true);
    await expect(localStorage.getItem(storageKey(id))).not.toBeNull();
  },
};
export const AfterDeleting: Story = {
  name: 'After deleting everything',
  tags: ['!autodocs'],
  args: { kept: demoList },
  play: async ({ canvasElement, id }) => {
    const el = checklistIn(canvasElement);
    await press(el, 'Alles löschen|Delete everything');
    await press(el, 'Ja, alles löschen|Yes, delete everything');
    await waitFor(() => expect(privacyText(el)).toMatch(/Alles ist gelöscht|Everything is deleted/));
    await expect(el.kept).toBe(false);
    await expect(localStorage.getItem(storageKey(id))).toBeNull();
  },
};
export const DamagedFile: Story = { name: 'A damaged file was opened', args: { open: '{"not": "a checklist"}' } };
export const SiteContent: Story = { name: 'With the site’s own contact and step', args: { siteJson: demoSiteJson } };
export const ReplacedContent: Story = {
  name: 'The site’s own list only (replace)',
  args: {
    siteJson: JSON.stringify({
      replace: true,
      sections: [
        {
          id: 'first-weeks',
          title: 'Die ersten Wochen (Beispiel)',
          pillar: true,
          items: [
            { id: 'talk', title: 'Ein erstes Gespräch führen', text: 'Sie erzählen, was Sie brauchen. Sie entscheiden, was Sie erzählen. (Fiktives Beispiel)' },
            { id: 'plan', title: 'Einen Plan machen', text: 'Gemeinsam legen wir fest, was zuerst kommt. (Fiktives Beispiel)' },
          ],
        },
      ],
    }),
  },
};
export const BadSiteContent: Story = {
  name: 'The site’s content is broken (built-in list shown)',
  args: { siteJson: '{ "sections": [ { "id": "Money", "titel": "Geld" } ] }' },
};
export const NoJavaScript: Story = {
  name: 'Without JavaScript (the site’s fallback)',
  render: () => fallback,
  parameters: { docs: { description: { story: 'What the site writes inside the element is all that shows before the script runs or where it cannot.' } } },
};
// A checklist whose built-in content cannot be fetched (as when the chunk is missing on the server).
class OfflineDemo extends StabilisationChecklist {
  static override contentSets = { de: () => Promise.reject(new Error('demo: content not reachable')) };
}
if (!customElements.get('ww-checklist-offline-demo')) customElements.define('ww-checklist-offline-demo', OfflineDemo);

export const ContentUnavailable: Story = {
  name: 'The built-in content cannot load',
  render: () => html`<ww-checklist-offline-demo lang="de" @ww-error=${(event: CustomEvent) => action('ww-error')(event.detail)}>${fallback}</ww-checklist-offline-demo>`,
};
export const RightToLeft: Story = { name: 'Right-to-left layout', args: { dir: 'rtl', lang: 'en', open: demoList } };
export const Narrow: Story = {
  name: 'Narrow screen (320 px)',
  args: { open: demoList },
  decorators: [(story) => html`<div style="max-inline-size: 320px; border: 1px dashed #857a70">${story()}</div>`],
};
