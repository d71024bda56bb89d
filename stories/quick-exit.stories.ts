/// <reference types="vite/client" />
import { html, nothing, type TemplateResult } from 'lit';
import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import { ManualClock, useClock } from '@wegweiser/core';
import { defaultDestination, type QuickExitEventDetail } from '@wegweiser/quick-exit';
import '@wegweiser/quick-exit/define';
import noScriptCss from '../packages/quick-exit/src/quick-exit.css?raw';
import './quick-exit.stories.css';

/** The element's attributes, by attribute name, as a site writes them. */
interface QuickExitArgs {
  href?: string;
  placement?: string;
  label?: string;
  hint?: string;
  'overlay-text'?: string;
  'pending-text'?: string;
  'expired-text'?: string;
  lang?: string;
  /** Read-only property; listed so the docs table can switch its control off. */
  destination?: never;
}

type Story = StoryObj<QuickExitArgs>;
type Context = StoryContext<QuickExitArgs>;
/*
 * The element type as `define` registers it. (Importing the class type from the package root can
 * give a second, structurally different copy: TypeScript reads dist/*.d.ts, Vite reads src/.)
 */
type QuickExit = HTMLElementTagNameMap['ww-quick-exit'];

/*
 * quick-exit.css styles `ww-quick-exit:not(:defined)`. Here the element is defined, so the
 * "Without JavaScript" story applies the same rules to a tag that never is.
 */
const noScriptSheet = new CSSStyleSheet();
noScriptSheet.replaceSync(noScriptCss.replaceAll('ww-quick-exit', 'ww-quick-exit-nojs'));
// Replace, not add, when hot reloading runs this module again.
const sheetSlot = globalThis as unknown as Record<symbol, CSSStyleSheet | undefined>;
const sheetKey = Symbol.for('@wegweiser/stories/no-javascript-sheet');
document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((sheet) => sheet !== sheetSlot[sheetKey]), noScriptSheet];
sheetSlot[sheetKey] = noScriptSheet;

/** How long a story shows the cover before lifting it again. */
const COVER_MS = 1500;

const linkText = { de: 'Seite verlassen', en: 'Leave this page' } as const;

function storyLocale(args: QuickExitArgs, context: Context): 'de' | 'en' {
  const lang = args.lang || String(context.globals['locale'] ?? 'de');
  return lang.toLowerCase().startsWith('en') ? 'en' : 'de';
}

function isWebAddress(value: string | undefined): value is string {
  return !!value && /^https?:\/\//i.test(value);
}

function cancelExit(event: CustomEvent<QuickExitEventDetail>): void {
  // preview.ts cancels every exit already; this logs it and lifts the cover so the story stays usable.
  event.preventDefault();
  action('ww-exit (cancelled in Storybook)')(event.detail);
  const element = event.target as QuickExit;
  setTimeout(() => element.reset(), COVER_MS);
}

function logError(event: CustomEvent): void {
  action('ww-error')(event.detail);
}

/** The markup a site pastes: the element, with a plain link inside for visitors without JavaScript. */
function quickExit(args: QuickExitArgs, context: Context): TemplateResult {
  return html`<ww-quick-exit
    href=${args.href || nothing}
    placement=${args.placement || nothing}
    label=${args.label || nothing}
    hint=${args.hint || nothing}
    overlay-text=${args['overlay-text'] || nothing}
    pending-text=${args['pending-text'] || nothing}
    expired-text=${args['expired-text'] || nothing}
    lang=${args.lang || nothing}
    @ww-exit=${cancelExit}
    @ww-error=${logError}
    ><a href=${isWebAddress(args.href) ? args.href : defaultDestination} rel="noreferrer"
      >${linkText[storyLocale(args, context)]}</a
    ></ww-quick-exit
  >`;
}

const demoText = {
  de: {
    region: 'Beispielseite (fiktiv)',
    note: 'Fiktiver Beispielinhalt. Die Beratungsstelle und alle Angaben sind erfunden.',
    title: 'Beratungsstelle Beispielstadt',
    paragraphs: [
      'Wir beraten Sie, wenn Sie den Job wechseln möchten. Sie können ohne Anmeldung zu uns kommen.',
      'Die Beratung ist kostenlos und vertraulich. Sie entscheiden, worüber wir sprechen.',
      'Wir unterstützen Sie bei Fragen zu Wohnung, Geld, Gesundheit und Ausbildung.',
      'Sie müssen nichts vorher entscheiden. Umstieg und Ausstieg brauchen Zeit.',
      'Sie erreichen uns montags bis freitags. Wir sprechen Deutsch, Englisch und Rumänisch.',
    ],
  },
  en: {
    region: 'Example page (fictional)',
    note: 'Fictional example content. The counselling service and all details are made up.',
    title: 'Example Town Counselling Service',
    paragraphs: [
      'We support sex workers who want to change jobs. You can come as you are.',
      'Counselling is free of charge and confidential. You decide what we talk about.',
      'We can help with questions about housing, money, health and training.',
      'You do not need to decide anything first. Changing jobs takes time.',
      'You can reach us Monday to Friday. We speak German, English and Romanian.',
    ],
  },
} as const;

/** A scrolling page around a sticky quick exit, so the sticky placement can be seen at work. */
function demoPage(args: QuickExitArgs, context: Context): TemplateResult {
  const text = demoText[storyLocale(args, context)];
  // The scroller is focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable).
  return html`<div class="demo-scroller" role="region" aria-label=${text.region} tabindex="0">
    ${quickExit({ placement: 'sticky', ...args }, context)}
    <p class="demo-note">${text.note}</p>
    <h2>${text.title}</h2>
    ${[0, 1, 2].map(() => text.paragraphs.map((p) => html`<p>${p}</p>`))}
  </div>`;
}

/**
 * A visible copy of what the widget's status region says, so a designer can see the announcement
 * that screen readers hear. Demo only: the widget itself keeps that region visually hidden.
 */
function announcementMirror(): TemplateResult {
  return html`<p class="demo-announcement">
    <span class="demo-announcement__label">Screen readers hear (demo only):</span>
    <output data-announcement>–</output>
  </p>`;
}

async function mirrorAnnouncements(canvasElement: HTMLElement): Promise<QuickExit> {
  const element = canvasElement.querySelector('ww-quick-exit');
  const output = canvasElement.querySelector<HTMLElement>('[data-announcement]');
  if (!element || !output) throw new Error('The story did not render a <ww-quick-exit> and its announcement mirror.');
  await element.updateComplete;
  const status = element.shadowRoot?.querySelector('[role="status"]');
  if (!status) throw new Error('<ww-quick-exit> has no status region.');
  const copy = () => {
    output.textContent = status.textContent?.trim() || '–';
  };
  new MutationObserver(copy).observe(status, { childList: true, characterData: true, subtree: true });
  copy();
  return element;
}

/** One Shift press on its own, as a person makes it (down, up, no other key). */
function pressShift(target: EventTarget): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Shift', code: 'ShiftLeft', shiftKey: true, bubbles: true, composed: true }));
  target.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', code: 'ShiftLeft', bubbles: true, composed: true }));
}

/** Waits until the widget has rendered whatever the last press or tick changed. */
async function settle(element: QuickExit): Promise<void> {
  await element.updateComplete;
  // The announcement is written one update later (cleared first, then set).
  await element.updateComplete;
}

/*
 * The Shift count runs out after 5 seconds. Stories that show a count stop time with a manual
 * clock, so the state stays on screen, and the expired story moves it on without waiting.
 */
let manualClock: ManualClock | undefined;
function stopTime({ viewMode }: Context): (() => void) | undefined {
  // The docs page shows every story at once and plays none of them: leave its clock alone.
  if (viewMode !== 'story') return undefined;
  manualClock = new ManualClock(0);
  useClock(manualClock);
  return () => {
    useClock(undefined);
    manualClock = undefined;
  };
}

const withCaption: (caption: string) => Decorator = (caption) => (story) =>
  html`${story()}<p class="demo-caption">${caption}</p>`;

const meta: Meta<QuickExitArgs> = {
  title: 'Widgets/Quick exit',
  component: 'ww-quick-exit',
  render: (args, context) => quickExit(args, context),
  args: {},
  // Descriptions come from the element's JSDoc via custom-elements.json; these only pick the controls.
  argTypes: {
    href: { control: 'text' },
    placement: { control: 'inline-radio', options: ['inline', 'sticky'] },
    label: { control: 'text' },
    hint: { control: 'text' },
    'overlay-text': { control: 'text' },
    'pending-text': { control: 'text' },
    'expired-text': { control: 'text' },
    // A read-only getter: shown in the table, nothing to set.
    destination: { control: false },
    lang: {
      control: 'inline-radio',
      options: ['inherited', 'de', 'en'],
      mapping: { inherited: undefined },
      description: 'Language of this widget. When absent, the nearest `lang` of an ancestor or the document applies; fallback `de`.',
      table: { category: 'attributes', type: { summary: 'string' } },
    },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'A way to leave the page at once: a button, or Shift pressed three times within 5 seconds.',
          'It hides the page immediately, then goes to a neutral website.',
          '',
          '**In Storybook every exit is cancelled** and logged in the Actions panel as `ww-exit`;',
          `the cover disappears again after ${COVER_MS / 1000} seconds.`,
        ].join('\n'),
      },
    },
  },
};
export default meta;

export const Inline: Story = {
  parameters: {
    docs: { description: { story: 'The default placement: the button stands where it is put, with the keyboard hint below.' } },
  },
};

export const Sticky: Story = {
  render: (args, context) => demoPage(args, context),
  args: { placement: 'sticky' },
  parameters: {
    docs: {
      description: {
        story:
          'Scroll the fictional page: the button stays at the top. Only the button takes clicks; the strip around it lets them through. The hint is hidden when sticky.',
      },
    },
  },
};

export const WithoutJavaScript: Story = {
  name: 'Without JavaScript',
  render: (args, context) => {
    const text = linkText[storyLocale(args, context)];
    const follow = (event: Event) => {
      event.preventDefault();
      action('link followed (prevented in Storybook)')(defaultDestination);
    };
    return html`<p class="demo-caption">With the optional <code>quick-exit.css</code> in the page's head:</p>
      <ww-quick-exit-nojs><a href=${defaultDestination} rel="noreferrer" @click=${follow}>${text}</a></ww-quick-exit-nojs>
      <p class="demo-caption">Without it, the site's own link style applies:</p>
      <ww-quick-exit-unstyled><a href=${defaultDestination} rel="noreferrer" @click=${follow}>${text}</a></ww-quick-exit-unstyled>`;
  },
  decorators: [
    withCaption(
      'Before the script loads, or where it never runs, the browser shows only the link inside the element. ' +
        'Shown here inside tags that are never defined, so they are never upgraded.',
    ),
  ],
  parameters: {
    docs: {
      description: {
        story:
          'What visitors get without JavaScript: the inner link. It leaves the page like any link, without the cover and without the Shift shortcut. `quick-exit.css` makes it look and sit like the button.',
      },
    },
  },
};

export const CountingShiftPresses: Story = {
  name: 'Counting Shift presses',
  render: (args, context) => html`${quickExit(args, context)}${announcementMirror()}`,
  beforeEach: stopTime,
  play: async ({ canvasElement }) => {
    const element = await mirrorAnnouncements(canvasElement);
    pressShift(canvasElement);
    await settle(element);
  },
  parameters: {
    docs: {
      description: {
        story:
          'After one Shift press: the first dot is filled and the status region announces the presses still needed. Time is stopped in this story, so the count does not run out.',
      },
    },
  },
};

export const CountExpired: Story = {
  name: 'Count expired',
  render: (args, context) => html`${quickExit(args, context)}${announcementMirror()}`,
  beforeEach: stopTime,
  play: async ({ canvasElement }) => {
    const element = await mirrorAnnouncements(canvasElement);
    pressShift(canvasElement);
    await settle(element);
    manualClock?.advance(5000);
    await settle(element);
  },
  parameters: {
    docs: {
      description: {
        story: 'One press, then 5 seconds without the other two: the dots clear and the status region says how to start again.',
      },
    },
  },
};

export const Leaving: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('ww-quick-exit');
    if (!element) throw new Error('No <ww-quick-exit> rendered.');
    await element.updateComplete;
    element.shadowRoot?.querySelector<HTMLAnchorElement>('a[part="button"]')?.click();
  },
  parameters: {
    docs: {
      description: {
        story: `The cover that hides the page at once while the browser goes to the neutral page. Open this story in the Canvas to see it: navigation is cancelled and the cover is lifted after ${COVER_MS / 1000} seconds. Click the button to see it again.`,
      },
    },
  },
};

export const CustomTexts: Story = {
  name: 'Custom texts',
  render: (args, context) => html`${quickExit(args, context)}${announcementMirror()}`,
  // A site that says "du" everywhere overrides the widget's "Sie" texts (see the content guidelines).
  args: {
    label: 'Diese Seite verlassen',
    hint: 'Oder drück 3-mal die Umschalttaste (Shift).',
    'overlay-text': 'Die Seite wird verlassen …',
    'pending-text': 'Drück noch {count}-mal die Umschalttaste, um die Seite zu verlassen.',
    'expired-text': 'Die Zeit ist abgelaufen. Drück 3-mal hintereinander die Umschalttaste, um die Seite zu verlassen.',
    lang: 'de',
  },
  beforeEach: stopTime,
  play: async ({ canvasElement }) => {
    const element = await mirrorAnnouncements(canvasElement);
    pressShift(canvasElement);
    await settle(element);
  },
  parameters: {
    docs: {
      description: {
        story: 'Every text can be replaced by an attribute, for example to address visitors with "du". One Shift press shows `pending-text`.',
      },
    },
  },
};

export const English: Story = {
  args: { lang: 'en' },
  parameters: {
    docs: { description: { story: 'With `lang="en"` on the element, whatever the page language.' } },
  },
};

export const InvalidAttributes: Story = {
  name: 'Invalid attributes',
  args: { placement: 'floating', href: 'javascript:alert(1)' },
  decorators: [
    withCaption(
      'placement="floating" and href="javascript:…" are refused: the widget stays inline, goes to the default destination and fires two ww-error events (see the Actions panel and the console).',
    ),
  ],
  parameters: {
    docs: {
      description: {
        story: 'Bad input never breaks the widget: each invalid attribute falls back to its default and is reported with `ww-error`.',
      },
    },
  },
};

export const Narrow: Story = {
  name: 'Narrow (320 px)',
  render: (args, context) => demoPage(args, context),
  args: { placement: 'sticky' },
  globals: { viewport: { value: 'narrow', isRotated: false } },
  parameters: {
    docs: {
      description: {
        story: 'At 320 CSS px (WCAG 1.4.10 Reflow) the button keeps its full size and nothing scrolls sideways.',
      },
    },
  },
};
