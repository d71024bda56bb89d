import { html, nothing, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';
import type { ContactForm, ContactReplies } from '@wegweiser/contact-form';
import { $, $$, type, until } from '../scripts/testing/dom.js';

interface RepliesArgs {
  relay?: string;
  'public-key'?: string;
  lang?: string;
}

type Story = StoryObj<RepliesArgs>;

// The DEMO relay and key from `npm start` (packages/contact-relay/demo/): public, never for real messages.
const demoRelay = 'http://127.0.0.1:8787';
const demoKey = 'wwk1.demo-beratungsstelle.6_ZxqlgAB1CKbp52csKcy-QEfE3aAPALv7GXMYvP5RA.sKHM_1k2';

function replies(args: RepliesArgs): TemplateResult {
  return html`<ww-contact-replies
    relay=${args.relay || nothing}
    public-key=${args['public-key'] || nothing}
    lang=${args.lang || nothing}
    @ww-error=${(event: CustomEvent) => action('ww-error')(event.detail)}
  >
    <p>Sie erreichen uns auch per Telefon: 0381 000000 (fiktive Beispielnummer).</p>
  </ww-contact-replies>`;
}

const meta: Meta<RepliesArgs> = {
  title: 'Widgets/Contact replies',
  component: 'ww-contact-replies',
  render: replies,
  args: { relay: demoRelay, 'public-key': demoKey },
  argTypes: {
    relay: { control: 'text' },
    'public-key': { control: 'text' },
    lang: { control: 'inline-radio', options: ['', 'de', 'en'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Read the answer and write back with the code `<ww-contact-form>` gave after the first message. The code never leaves the browser; the conversation is decrypted here. With `npm start`, the DEMO relay on port 8787 takes part: send a message with "answer by code" in the contact form, answer it in the DEMO inbox (http://127.0.0.1:8787/inbox/), then open it here. Demo data only.',
      },
    },
  },
};
export default meta;

const el = (canvas: HTMLElement) => canvas.querySelector('ww-contact-replies') as ContactReplies;

async function typeCode(replies: ContactReplies, code: string) {
  await replies.updateComplete;
  await type(replies, '#code', code);
  $<HTMLButtonElement>(replies, 'form button[type=submit]').click();
}

export const EnterTheCode: Story = { name: 'Enter the code' };

export const English: Story = { args: { lang: 'en' } };

export const TypingMistake: Story = {
  name: 'A typing mistake in the code (caught in the browser)',
  play: async ({ canvasElement }) => typeCode(el(canvasElement), '7KQM-2XWH-9R3B-TD5N-8FJ5'),
};

export const UnknownCode: Story = {
  name: 'A code without a conversation (needs the demo relay)',
  play: async ({ canvasElement }) => typeCode(el(canvasElement), 'ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZQG'),
};

/** The person's whole path: a first message with a code, then the conversation opened with it. */
export const WholeConversation: Story = {
  name: 'First message, then the conversation (needs the demo relay)',
  render: (args) => html`<ww-contact-form relay=${args.relay || nothing} public-key=${args['public-key'] || nothing} replies-href="#replies"></ww-contact-form>
    <hr />
    <div id="replies">${replies(args)}</div>`,
  play: async ({ canvasElement }) => {
    const form = canvasElement.querySelector('ww-contact-form') as ContactForm;
    form.minFillTime = 0;
    await form.updateComplete;
    await type(form, '#message', 'Beispielnachricht aus Storybook: Ich möchte eine Ausbildung machen. Wer hilft mir?');
    $<HTMLInputElement>(form, '#reply-code').click();
    await form.updateComplete;
    $<HTMLButtonElement>(form, 'button[type=submit]').click();
    // Without the demo relay no code comes, and the story shows the form's calm message.
    await until(() => Boolean($(form, '.code')), 'the code', 20000).catch(() => {});
    const code = $$(form, '.code span[aria-hidden]')[0]?.textContent?.trim();
    if (code) await typeCode(el(canvasElement), code);
  },
};

export const RelayUnreachable: Story = {
  name: 'Relay unreachable (calm message, code kept)',
  args: { relay: 'http://127.0.0.1:9' },
  play: async ({ canvasElement }) => typeCode(el(canvasElement), '7KQM-2XWH-9R3B-TD5N-8FRD'),
};

export const NoPublicKey: Story = {
  name: 'No public key (cannot show answers securely)',
  args: { 'public-key': '' },
};
