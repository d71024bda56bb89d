// esbuild settings shared by every bundle built for browsers without a build
// step (each package's dist/browser/ and @wegweiser/widgets).

/**
 * Node built-ins that libraries import only as a fallback outside browsers
 * (HPKE asks for `crypto` when `globalThis.crypto` is missing) become empty
 * modules: a bare `import("crypto")` left in a file served as it is would
 * trip dev servers and bundlers that read it, and never runs in a browser.
 */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(crypto)$/ }, (args) => ({ path: args.path, namespace: 'no-node-builtins' }));
    build.onLoad({ filter: /.*/, namespace: 'no-node-builtins' }, () => ({ contents: 'export const webcrypto = undefined; export default {};', loader: 'js' }));
  },
};

/**
 * Internal property names end in `_$` (the hours engine's day records, for example): readable in the
 * source, renamed to short ones in every bundle that ships or measures them. A `_$` property is never
 * read outside the bundle that made it, nor by a quoted name (`record['day_$']`).
 */
export const mangleInternalProperties = { mangleProps: /_\$$/ };
