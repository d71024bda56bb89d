import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import '@wegweiser/contact-inbox/define';
import type { ContactInbox } from '@wegweiser/contact-inbox';
// The DEMO key file: its passphrase is public (packages/contact-relay/demo/README.md).
import { $, $$, type, until } from '../scripts/testing/dom.js';
import demoKeyFile from '../packages/contact-relay/demo/demo-private-key.json';
import { demoPdf, demoPhoto } from './attachment-demo-files.js';

/** The element's attributes, as a page writes them. */
interface InboxArgs {
  relay?: string;
  centre?: string;
  lang?: string;
}

type Story = StoryObj<InboxArgs>;

// `npm start` runs the DEMO relay on port 8787 with these public DEMO values (see
// `wegweiser-relay demo`). Without it, the stories that sign in show the calm
// "relay cannot be reached" state.
const demoRelay = 'http://127.0.0.1:8787';
const demoCentre = 'demo-beratungsstelle';
const demoCredential = 'DEMO0-CREDE-NTIAL-NOTSE-CRET0';
const demoPassphrase = 'demo-passphrase-not-secret';

function contactInbox(args: InboxArgs): TemplateResult {
  return html`<ww-contact-inbox
    relay=${args.relay || nothing}
    centre=${args.centre || nothing}
    lang=${args.lang || nothing}
    @ww-error=${(event: CustomEvent) => action('ww-error')(event.detail)}
  ></ww-contact-inbox>`;
}

const meta: Meta<InboxArgs> = {
  title: 'Widgets/Contact inbox (DEMO)',
  component: 'ww-contact-inbox',
  render: contactInbox,
  args: { relay: demoRelay, centre: demoCentre },
  argTypes: {
    relay: { control: 'text' },
    centre: { control: 'text' },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
  },
  parameters: {
    docs: {
      description: {
        component: `The counselling team's inbox. **DEMO only:** with \`npm start\`, a DEMO relay runs on port 8787. Sign in with centre \`${demoCentre}\` and the DEMO credential \`${demoCredential}\`, then open \`packages/contact-relay/demo/demo-private-key.json\` with the passphrase \`${demoPassphrase}\`. These values are public: never use them for real messages. Messages sent with the contact form stories appear here.`,
      },
    },
  },
};
export default meta;

const inbox = (canvas: HTMLElement) => canvas.querySelector('ww-contact-inbox') as ContactInbox;
/** Waits up to `ms` for `check`; without the demo relay some steps never come, and the story shows where it stopped. */
const whenReached = (check: () => boolean, ms = 10000) => until(check, 'the next step', ms).catch(() => {});

async function signIn(el: ContactInbox) {
  await el.updateComplete;
  await type(el, '#centre', demoCentre);
  await type(el, '#credential', demoCredential);
  $<HTMLButtonElement>(el, '[part=sign-in] button[type=submit]').click();
  // Either the key step (relay running) or the calm notice (no relay).
  await until(() => Boolean($(el, '#key-title') ?? $(el, '[part=status]')), 'the key step or the notice', 10000);
}

async function unlock(el: ContactInbox) {
  await signIn(el);
  if (!$(el, '#key-title')) return;
  await type(el, '#key-paste', JSON.stringify(demoKeyFile));
  await type(el, '#passphrase', demoPassphrase);
  $<HTMLButtonElement>(el, '[part=key] button[type=submit]').click();
  await until(() => Boolean($(el, '[part=list]') ?? $(el, '.summary')), 'the list or the error summary', 20000);
}

/** Sign in: the first of two steps. */
export const SignIn: Story = { name: 'Sign in (DEMO)' };

export const English: Story = { name: 'Sign in, English (DEMO)', args: { lang: 'en' } };

export const SignInErrors: Story = {
  name: 'Sign in with mistakes (error summary)',
  args: { centre: '' },
  play: async ({ canvasElement }) => {
    const el = inbox(canvasElement);
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part=sign-in] button[type=submit]').click();
  },
};

export const KeyStep: Story = {
  name: 'Open the key file (DEMO; needs the demo relay from npm start)',
  play: async ({ canvasElement }) => signIn(inbox(canvasElement)),
};

export const WrongPassphrase: Story = {
  name: 'Wrong passphrase (DEMO; needs the demo relay)',
  play: async ({ canvasElement }) => {
    const el = inbox(canvasElement);
    await signIn(el);
    if (!$(el, '#key-title')) return;
    await type(el, '#key-paste', JSON.stringify(demoKeyFile));
    await type(el, '#passphrase', 'not the passphrase');
    $<HTMLButtonElement>(el, '[part=key] button[type=submit]').click();
  },
};

export const Inbox: Story = {
  name: 'The inbox with the DEMO key (needs the demo relay; send messages from the contact form stories)',
  play: async ({ canvasElement }) => unlock(inbox(canvasElement)),
};

export const EarlierKey: Story = {
  name: 'Open an earlier key beside the current one, after a key change (DEMO; needs the demo relay)',
  play: async ({ canvasElement }) => {
    const el = inbox(canvasElement);
    await unlock(el);
    if (!$(el, '[part=list]')) return;
    $$<HTMLButtonElement>(el, '[part=toolbar] button').find((button) => ['Open an earlier key', 'Früheren Schlüssel öffnen'].includes(button.textContent!.trim()))?.click();
    await whenReached(() => Boolean($(el, '#key-title')));
  },
};

export const OpenConversation: Story = {
  name: 'The newest conversation opened (DEMO; needs the demo relay and a message)',
  play: async ({ canvasElement }) => {
    const el = inbox(canvasElement);
    await unlock(el);
    await whenReached(() => Boolean($(el, 'button.open')));
    $$<HTMLButtonElement>(el, 'button.open')[0]?.click();
  },
};

export const AnswerWithFiles: Story = {
  name: 'An answer with a photo and a PDF attached (DEMO; needs the demo relay and a message with a code)',
  play: async ({ canvasElement }) => {
    const el = inbox(canvasElement);
    await unlock(el);
    await whenReached(() => Boolean($(el, 'button.open')));
    $$<HTMLButtonElement>(el, 'button.open')[0]?.click();
    // The picker's code loads with the answer form; a conversation without a code has no answer form.
    await whenReached(() => Boolean($(el, '[part=reply] input[type=file]')), 20000);
    const picker = el.openId ? el.answerFiles(el.openId) : null;
    if (!picker) return;
    await picker.add([await demoPhoto(), demoPdf()]);
  },
};

export const RelayUnreachable: Story = {
  name: 'Relay not reachable (calm notice)',
  args: { relay: 'http://127.0.0.1:9' },
  play: async ({ canvasElement }) => signIn(inbox(canvasElement)),
};

export const Misconfigured: Story = {
  name: 'Relay address wrong (not set up correctly)',
  args: { relay: 'ftp://relay.example' },
};

export const NarrowScreen: Story = {
  name: 'Narrow screen (320 px)',
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
};
