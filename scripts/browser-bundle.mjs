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
