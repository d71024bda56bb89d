import { itNeverLinksHostileUrls, renderMarkup } from '../../../scripts/testing/safe-links.js';
import { relayCommand, type TestRelay, startRelay } from '../../contact-relay/test/relay-command.js';
import type { ContactForm } from '../src/ContactForm.js';
import type { ContactReplies } from '../src/ContactReplies.js';
import '../src/define.js';
import '../src/define-replies.js';

let relay: TestRelay;
before(async () => {
  relay = await startRelay();
});
after(async () => {
  await relayCommand({ action: 'stop', id: relay.id });
});

describe("ww-contact-form and ww-contact-replies: addresses keep core's safe-URL rule", () => {
  itNeverLinksHostileUrls([
    {
      // The code that opens the conversation must never be handed to a script or another site.
      via: 'replies-href (answers by code are not offered)',
      code: 'contact-form/invalid-replies-href',
      markup: true,
      render: (url, spelling) =>
        renderMarkup<ContactForm>(`<ww-contact-form relay="${relay.url}" public-key="${relay.publicKey}" replies-href="{url}"></ww-contact-form>`, url, spelling),
    },
    {
      via: 'relay of the form',
      code: 'contact-form/invalid-relay',
      markup: true,
      render: (url, spelling) =>
        renderMarkup<ContactForm>(`<ww-contact-form relay="{url}" public-key="${relay.publicKey}"><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-form>`, url, spelling),
    },
    {
      via: 'relay of the replies page',
      code: 'contact-replies/invalid-relay',
      markup: true,
      render: (url, spelling) =>
        renderMarkup<ContactReplies>(`<ww-contact-replies relay="{url}" public-key="${relay.publicKey}"><p>Telefon: 0381 000000 (Beispiel)</p></ww-contact-replies>`, url, spelling),
    },
  ]);
});
