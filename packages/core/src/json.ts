/**
 * Reading JSON that sites hand to widgets: from the page (inline) or from a
 * URL the site configured. (Checking it: validate.ts.)
 */

/** A JSON document could not be loaded: the network, the server's answer, or the text was at fault. */
export class JsonLoadError extends Error {
  constructor(
    readonly kind: 'network' | 'status' | 'parse',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JsonLoadError';
  }
}

/**
 * Loads JSON from a URL the site configured. No cookies or credentials go
 * with it (the directory is public data; a visitor's session on the site is
 * none of its business) and no referrer leaves the page.
 */
export async function fetchJson(url: string | URL, signal?: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: signal ?? null, headers: { accept: 'application/json' } });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw new JsonLoadError('network', `could not load ${String(url)}: the network request failed`, { cause });
  }
  if (!response.ok) throw new JsonLoadError('status', `could not load ${String(url)}: the server answered ${response.status}`);
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new JsonLoadError('parse', `${String(url)} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

/** The `<script type="application/json">` child that holds a widget's data in the page, if there is one. */
export function inlineJsonScript(host: Element): Element | undefined {
  return [...host.children].find((child) => child.localName === 'script' && (child as HTMLScriptElement).type === 'application/json');
}

/**
 * The JSON a site wrote into the element as `<script type="application/json">`
 * (a direct child), or `undefined` when there is none. Throws a `JsonLoadError`
 * of kind `parse` when the text is not JSON.
 */
export function readInlineJson(host: Element): unknown {
  const script = inlineJsonScript(host);
  if (!script) return undefined;
  try {
    return JSON.parse(script.textContent ?? '') as unknown;
  } catch (cause) {
    throw new JsonLoadError('parse', `the <script type="application/json"> inside <${host.localName}> is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
}
