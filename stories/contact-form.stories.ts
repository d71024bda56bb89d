import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import '@wegweiser/contact-form/define';
import type { ContactForm } from '@wegweiser/contact-form';
import { $, type } from '../scripts/testing/dom.js';

/** The element's attributes, as a site writes them. */
interface ContactArgs {
  relay?: string;
  'public-key'?: string;
  'answer-time'?: string;
  'replies-href'?: string;
  lang?: string;
}

type Story = StoryObj<ContactArgs>;

// The DEMO key pair (packages/contact-relay/demo/): its private key and passphrase are public.
// `npm start` runs a demo relay with it on port 8787, so messages typed here really arrive,
// encrypted, and can be read with the command the relay prints.
const demoRelay = 'http://127.0.0.1:8787';
const demoKey = 'wwk1.demo-beratungsstelle.6_ZxqlgAB1CKbp52csKcy-QEfE3aAPALv7GXMYvP5RA.sKHM_1k2';

function contactForm(args: ContactArgs): TemplateResult {
  return html`<ww-contact-form
    relay=${args.relay || nothing}
    public-key=${args['public-key'] || nothing}
    answer-time=${args['answer-time'] || nothing}
    replies-href=${args['replies-href'] || nothing}
    lang=${args.lang || nothing}
    @ww-error=${(event: CustomEvent) => action('ww-error')(event.detail)}
    @ww-contact-sent=${(event: CustomEvent) => action('ww-contact-sent')(event.detail)}
  >
    <p>Sie erreichen uns auch per Telefon: 0381 000000 (fiktive Beispielnummer).</p>
  </ww-contact-form>`;
}

const meta: Meta<ContactArgs> = {
  title: 'Widgets/Contact form',
  component: 'ww-contact-form',
  render: contactForm,
  args: { relay: demoRelay, 'public-key': demoKey, 'answer-time': 'Wir antworten meist innerhalb von 2 Werktagen (Beispieltext).' },
  argTypes: {
    relay: { control: 'text' },
    'public-key': { control: 'text' },
    'answer-time': { control: 'text' },
    'replies-href': { control: 'text' },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'An anonymous first message, encrypted in the browser (HPKE) so that only the counselling team can read it. With `npm start`, a DEMO relay runs on port 8787 with the public DEMO key: what you send here really arrives, as ciphertext, and the relay prints how to decrypt it. Never use the demo key for real messages.',
      },
    },
  },
};
export default meta;

const form = (canvas: HTMLElement) => canvas.querySelector('ww-contact-form') as ContactForm;

async function fill(el: ContactForm, text: string) {
  await el.updateComplete;
  await type(el, '#message', text);
}

/** Ready to write; sends to the demo relay when `npm start` runs it. */
export const Ready: Story = {};

export const English: Story = { args: { lang: 'en', 'answer-time': 'We usually answer within 2 working days (example text).' } };

export const ErrorsAfterSubmit: Story = {
  name: 'Errors after submit (error summary)',
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await el.updateComplete;
    $(el, '#reply-phone').click();
    await el.updateComplete;
    $(el, 'button[type=submit]').click();
  },
};

export const AnswerByEmail: Story = {
  name: 'Answer by e-mail chosen (not anonymous)',
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el, 'Ich möchte wissen, wie ein Basiskonto geht. (Beispieltext)');
    $(el, '#reply-email').click();
  },
};

export const AnswerByCode: Story = {
  name: 'Answer by code offered and chosen (anonymous)',
  args: { 'replies-href': '?path=/story/widgets-contact-replies--enter-the-code' },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    await fill(el, 'Ich möchte aus der Prostitution aussteigen und brauche Hilfe. (Beispieltext)');
    $(el, '#reply-code').click();
  },
};

export const SentWithCode: Story = {
  name: 'Sent with a code (needs the demo relay from npm start)',
  args: { 'replies-href': '?path=/story/widgets-contact-replies--enter-the-code' },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    el.minFillTime = 0;
    await fill(el, 'Eine Beispielnachricht aus Storybook, Antwort per Code.');
    $(el, '#reply-code').click();
    await el.updateComplete;
    $(el, 'button[type=submit]').click();
  },
};

export const Sent: Story = {
  name: 'Sent (needs the demo relay from npm start)',
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    el.minFillTime = 0;
    await fill(el, 'Eine Beispielnachricht aus Storybook.');
    $(el, 'button[type=submit]').click();
  },
};

export const RelayUnreachable: Story = {
  name: 'Relay unreachable (text kept, retrying)',
  args: { relay: 'http://127.0.0.1:9' },
  play: async ({ canvasElement }) => {
    const el = form(canvasElement);
    el.minFillTime = 0;
    await fill(el, 'Dieser Text bleibt stehen, auch wenn das Senden nicht klappt.');
    $(el, 'button[type=submit]').click();
  },
};

export const NoPublicKey: Story = {
  name: 'No public key (cannot send securely)',
  args: { 'public-key': '' },
};

export const DamagedPublicKey: Story = {
  name: 'Damaged public key (cannot send securely)',
  args: { 'public-key': demoKey.replace('6_Zx', '6_Zy') },
};

export const NarrowScreen: Story = {
  name: 'Narrow screen (320 px)',
  decorators: [(story) => html`<div style="max-inline-size: 320px">${story()}</div>`],
};
