/*
 * The loader: include it once and it fetches only the widgets the page uses,
 * when they appear. It looks at the page when it runs and then watches for
 * widgets added later (a CMS block, a single-page app). Until a widget's code
 * has arrived, the element shows the site's own content inside it.
 */
import { widgets } from './widgets.js';

const pending = new Map(Object.entries(widgets));

function fail(tag: string, error: unknown): void {
  const message = `Could not load the code for <${tag}>: check that every file of @wegweiser/widgets was copied to the server, beside wegweiser-loader.js.`;
  console.error(`[${tag}] widgets/load-failed: ${message}`, error);
  for (const element of document.querySelectorAll(tag)) {
    element.dispatchEvent(
      new CustomEvent('ww-error', { detail: { code: 'widgets/load-failed', message, tag, cause: error }, bubbles: true, composed: true }),
    );
  }
}

function scan(): void {
  for (const [tag, load] of pending) {
    if (customElements.get(tag)) {
      pending.delete(tag);
    } else if (document.querySelector(tag)) {
      pending.delete(tag);
      load().catch((error: unknown) => {
        // Allow a later scan (a widget added again) to retry.
        pending.set(tag, load);
        fail(tag, error);
      });
    }
  }
  if (!pending.size) observer?.disconnect();
}

let queued = false;
const observer =
  typeof MutationObserver === 'undefined'
    ? undefined
    : new MutationObserver(() => {
        // One scan per task, however many nodes a page adds at once.
        if (queued) return;
        queued = true;
        queueMicrotask(() => {
          queued = false;
          scan();
        });
      });
observer?.observe(document.documentElement, { childList: true, subtree: true });
scan();
