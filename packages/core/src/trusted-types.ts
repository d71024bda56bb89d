/*
 * Trusted Types. A page may forbid plain strings at the DOM's script sinks
 * (CSP `require-trusted-types-for 'script'`). Lit renders through its own
 * `lit-html` policy; widgets need two more sinks, and one policy named
 * `wegweiser` serves both and nothing else: the URL of a module worker that
 * sits beside the widget's code on the page's own origin, and DOMParser for
 * SVG a site registers (parsed into an inert document only to be rebuilt
 * element by element from an allow-list). The policy object never leaves this
 * module, so no other script can use it to get around the page's rules. It is
 * created on first use, so pages that need neither sink need not allow it.
 */
interface Policy {
  createHTML(input: string): string;
  createScriptURL(input: string): string;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createHTML(input: string): string; createScriptURL(input: string): string }): Policy;
}

let policy: Policy | null | undefined;

function wegweiserPolicy(): Policy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  try {
    policy = factory
      ? factory.createPolicy('wegweiser', {
          createHTML: (input) => input,
          createScriptURL: (input) => {
            const url = new URL(input, location.href);
            // `pow.worker.js`, or as a build tool renamed it (`pow.worker-3f2a.js`).
            if (url.origin !== location.origin || !/\.worker[\w.-]*\.js$/.test(url.pathname)) throw new TypeError(`wegweiser policy: not a worker of this site: ${input}`);
            return url.href;
          },
        })
      : null;
  } catch {
    // The page's CSP does not list `wegweiser` (or another copy created it):
    // strings go to the sinks and the browser decides, and reports.
    policy = null;
  }
  return policy;
}

/** A module worker's URL, as the page's Trusted Types rules need it. */
export function workerUrl(url: URL): string | URL {
  try {
    return wegweiserPolicy()?.createScriptURL(url.href) ?? url;
  } catch {
    // Not a worker file of this site (a build tool inlined it as a data: URL):
    // the browser's own rules decide, as if there were no policy.
    return url;
  }
}

/** Parses markup into an inert document (nothing in it runs or loads), for sanitising. */
export function parseInert(markup: string, type: DOMParserSupportedType): Document {
  const input = wegweiserPolicy()?.createHTML(markup) ?? markup;
  return new DOMParser().parseFromString(input, type);
}
