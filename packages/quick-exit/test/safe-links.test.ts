import { itNeverLinksHostileUrls, renderMarkup } from '../../../scripts/testing/safe-links.js';
import type { QuickExit } from '../src/QuickExit.js';
import { defaultDestination } from '../src/QuickExit.js';
import '../src/define.js';

const defaultHost = new URL(defaultDestination).hostname;

describe('ww-quick-exit: its destination keeps core\'s safe-URL rule', () => {
  itNeverLinksHostileUrls([
    {
      via: 'href attribute',
      code: 'quick-exit/invalid-href',
      markup: true,
      otherHosts: [defaultHost],
      render: (url, spelling) => renderMarkup<QuickExit>('<ww-quick-exit href="{url}"></ww-quick-exit>', url, spelling),
      afterClicks: (element) => (element as QuickExit).reset(),
    },
    {
      via: 'the slotted link (no href attribute)',
      code: 'quick-exit/invalid-href',
      markup: true,
      otherHosts: [defaultHost],
      render: (url, spelling) => renderMarkup<QuickExit>('<ww-quick-exit><a href="{url}">Seite verlassen</a></ww-quick-exit>', url, spelling),
      afterClicks: (element) => (element as QuickExit).reset(),
    },
  ]);
});
