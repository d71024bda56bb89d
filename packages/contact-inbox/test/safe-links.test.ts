import { itNeverLinksHostileUrls, renderMarkup } from '../../../scripts/testing/safe-links.js';
import type { ContactInbox } from '../src/ContactInbox.js';
import '../src/define.js';

describe("ww-contact-inbox: the relay address keeps core's safe-URL rule", () => {
  itNeverLinksHostileUrls([
    {
      via: 'relay',
      code: 'contact-inbox/invalid-relay',
      markup: true,
      render: (url, spelling) => renderMarkup<ContactInbox>('<ww-contact-inbox relay="{url}"></ww-contact-inbox>', url, spelling),
    },
  ]);
});
