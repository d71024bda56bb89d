import { html, type TemplateResult } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
// The picker alone, in the small host element its tests use; <ww-contact-form> renders the same
// picker under the message (packages/contact-form/src/attachments/).
import { AttachmentHost } from '../packages/contact-form/test/attachment-host.js';
import { demoPdf, demoPhoto, unreadablePhoto } from './attachment-demo-files.js';

// Defined here by name as well: the package's `sideEffects` list names only its define files, so
// the static Storybook build dropped a bare import of the host's module, and the stories found an
// element that was never defined (the 320 px story check caught it).
if (!customElements.get('ww-attachment-host')) customElements.define('ww-attachment-host', AttachmentHost);

interface AttachmentArgs {
  lang: string;
}

type Story = StoryObj<AttachmentArgs>;

const host = (canvas: HTMLElement) => canvas.querySelector('ww-attachment-host') as AttachmentHost;

const meta: Meta<AttachmentArgs> = {
  title: 'Widgets/Contact form/Photos and documents',
  component: 'ww-attachment-host',
  render: (args): TemplateResult => html`<div lang=${args.lang}><ww-attachment-host></ww-attachment-host></div>`,
  args: { lang: 'de' },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en', 'ar'] } },
  parameters: {
    docs: {
      description: {
        component:
          'The file picker of `<ww-contact-form>` (issue 23): every limit said before choosing; photos redrawn and PDFs rewritten in the browser, so that location, camera and document information never leave the device; a thumbnail for photos, name and size for PDFs; a file that cannot be cleaned refused with what to do instead. The letter, the PDF and the names in them are fictional DEMO content made in this story.',
      },
    },
  },
};
export default meta;

/** Before choosing: the label, the limits and what is removed. */
export const NothingChosen: Story = {};

/** A photo (camera name replaced), a PDF (author removed) and a refused file. */
export const PhotoPdfAndRefused: Story = {
  name: 'A photo, a PDF and a refused file',
  play: async ({ canvasElement }) => {
    const element = host(canvasElement);
    await element.updateComplete;
    await element.picker.add([await demoPhoto(), demoPdf()]);
    await element.picker.add([unreadablePhoto()]);
  },
};

export const English: Story = { ...PhotoPdfAndRefused, name: 'A photo, a PDF and a refused file (English)', args: { lang: 'en' } };

export const RightToLeft: Story = { ...PhotoPdfAndRefused, name: 'A photo, a PDF and a refused file (Arabic, right to left)', args: { lang: 'ar' } };
