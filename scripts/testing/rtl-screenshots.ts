// Every widget in Arabic (lang="ar" dir="rtl" on the container), saved as
// docs/screenshots/rtl/<widget>.png by rtl-screenshots.config.mjs.
import { html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../packages/quick-exit/src/define.js';
import '../../packages/hours/src/define.js';
import '../../packages/service-finder/src/define.js';
import '../../packages/checklist/src/define.js';
import '../../packages/pictogram-card/src/define.js';
import '../../packages/contact-form/src/define.js';
import '../../packages/contact-form/src/define-replies.js';
import '../../packages/contact-inbox/src/define.js';
import { loadPictogram, type PictogramCard } from '../../packages/pictogram-card/src/index.js';
import type { ContactForm } from '../../packages/contact-form/src/ContactForm.js';
import type { ContactReplies } from '../../packages/contact-form/src/ContactReplies.js';
import type { ContactInbox } from '../../packages/contact-inbox/src/ContactInbox.js';
import { demoCard } from '../../stories/pictogram-demo-content.js';
import { openArabic, relayCommand, startSeededRelay, until } from '../../packages/contact-inbox/test/fixtures/locale-helpers.js';
import { $ } from './dom.js';
import { fixtureInLocale } from './index.js';


async function shoot(name: string, template: TemplateResult, settle: (el: HTMLElement) => Promise<unknown> = async () => {}, width = 420) {
  const el = await fixtureInLocale<HTMLElement>(template, 'ar', width);
  const container = el.parentElement!;
  container.dataset['wwShot'] = '';
  container.style.padding = '16px';
  container.style.background = '#fff';
  container.style.boxSizing = 'content-box';
  await settle(el);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  // Let fonts and images settle before the picture.
  await document.fonts.ready;
  await new Promise((r) => setTimeout(r, 100));
  await executeServerCommand('ww-save-screenshot', { name });
  delete container.dataset['wwShot'];
}

const monday = '2026-11-23T12:00:00+01:00';
const directory = {
  version: 1,
  fictional: true,
  centres: [
    {
      id: 'mainz',
      name: 'Beratung Lichtblick (fiktiv)',
      address: { street: 'Beispielgasse 1', postcode: '55116', city: 'Mainz' },
      location: { lat: 50.0, lon: 8.271 },
      land: 'DE-RP',
      topics: ['money', 'housing'],
      languages: ['de', 'ro', 'ar'],
      anonymous: true,
      free: true,
      lastChecked: '2026-10-01',
      fictional: true,
      contacts: { phone: '+49 6131 000000', email: 'beratung@example.org', website: 'https://example.org/lichtblick' },
      hours: { 'walk-in': 'Mo-Fr 10:00-16:00' },
    },
  ],
};

describe('right-to-left screenshots (Arabic)', () => {
  it('ww-quick-exit', () => shoot('quick-exit', html`<ww-quick-exit></ww-quick-exit>`));
  it('ww-hours-badge', () =>
    shoot('hours-badge', html`<ww-hours-badge hours="Mo-Th 10:00-18:00; Fr 14:00-02:00; PH off" region="DE-BE" channel="phone" show-week now=${monday}></ww-hours-badge>`));
  it('ww-service-finder', () =>
    shoot('service-finder', html`<ww-service-finder now=${monday} .data=${directory}></ww-service-finder>`, (el) =>
      waitUntil(() => el.shadowRoot!.querySelector('.status'), 'results', { timeout: 8000 }),
    ));
  it('ww-stabilisation-checklist', () =>
    shoot('stabilisation-checklist', html`<ww-stabilisation-checklist></ww-stabilisation-checklist>`, (el) =>
      waitUntil(() => el.shadowRoot!.querySelector('.overview'), 'the checklist', { timeout: 8000 }),
    ));
  it('ww-pictogram-card', () =>
    shoot('pictogram-card', demoCard('anonymous'), async (el) => {
      const card = el as PictogramCard;
      if (card.pictogram) await loadPictogram(card.pictogram);
      await card.updateComplete;
      $<HTMLButtonElement>(card, '[part="more-button"]').click();
    }));

  describe('contact', () => {
    let relay: { id: string; url: string; publicKey: string };
    let keyFile: string;
    before(async () => {
      ({ relay, keyFile } = await startSeededRelay());
    });
    after(() => relayCommand({ action: 'stop', id: relay.id }));

    it('ww-contact-form', () =>
      shoot('contact-form', html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#"></ww-contact-form>`, async (el) => {
        $<HTMLInputElement>(el, '#reply-code').click();
        await (el as ContactForm).updateComplete;
      }));
    it('ww-contact-replies', async () => {
      // A first message with a code, written in the Arabic form, and an answer.
      const form = await fixtureInLocale<ContactForm>(html`<ww-contact-form relay=${relay.url} public-key=${relay.publicKey} replies-href="#"></ww-contact-form>`, 'ar');
      form.minFillTime = 0;
      const text = $<HTMLTextAreaElement>(form, '#message');
      text.value = 'أبحث عن عمل آخر. من يستطيع مساعدتي؟';
      text.dispatchEvent(new Event('input', { bubbles: true }));
      $<HTMLInputElement>(form, '#reply-code').click();
      await form.updateComplete;
      $<HTMLButtonElement>(form, 'button[type=submit]').click();
      await until(() => !!form.shadowRoot!.querySelector('.code'), 'the code', 20000);
      const code = $(form, '.code span[aria-hidden]').textContent!.trim();
      form.remove();
      await relayCommand({ action: 'answer', id: relay.id, text: 'شكرًا على رسالتك. يمكننا التحدث يوم الاثنين.' });
      await shoot('contact-replies', html`<ww-contact-replies relay=${relay.url} public-key=${relay.publicKey}></ww-contact-replies>`, async (el) => {
        const input = $<HTMLInputElement>(el, '#code');
        input.value = code;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await (el as ContactReplies).updateComplete;
        $<HTMLButtonElement>(el, 'form button[type=submit]').click();
        await until(() => !!el.shadowRoot!.querySelector('[part=conversation]'), 'the conversation', 20000);
      });
    });
    it('ww-contact-inbox', () =>
      shoot('contact-inbox', html`<ww-contact-inbox relay=${relay.url}></ww-contact-inbox>`, (el) => openArabic(el as ContactInbox, keyFile), 640));
  });
});
