/** What a `ww-error` event carries. `code` is stable: sites may switch on it. */
export interface WegweiserErrorDetail {
  /** Stable, namespaced code such as `quick-exit/invalid-href`. */
  readonly code: string;
  /** A developer-facing explanation in English: what is wrong and how to fix it. */
  readonly message: string;
  /** The tag name of the widget that reports it. */
  readonly tag: string;
  /** The underlying error, when there is one. */
  readonly cause?: unknown;
}

export type WegweiserErrorEvent = CustomEvent<WegweiserErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'ww-error': WegweiserErrorEvent;
  }
}

/**
 * Tells everyone who needs to know that a widget met bad input or a failure:
 * the console (for the developer who embeds it) and a `ww-error` event that
 * bubbles out of shadow roots (for the site's own monitoring). Never throws:
 * a widget's trouble must not become the host page's.
 */
export function reportError(element: HTMLElement, code: string, message: string, cause?: unknown): WegweiserErrorDetail {
  const tag = element.localName;
  const detail: WegweiserErrorDetail = cause === undefined ? { code, message, tag } : { code, message, tag, cause };
  try {
    if (cause === undefined) console.error(`[${tag}] ${code}: ${message}`);
    else console.error(`[${tag}] ${code}: ${message}`, cause);
    element.dispatchEvent(new CustomEvent('ww-error', { detail, bubbles: true, composed: true }));
  } catch {
    // A console or listener that throws is the host's affair; the widget goes on.
  }
  return detail;
}
