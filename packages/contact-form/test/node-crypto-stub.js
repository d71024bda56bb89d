// @hpke/common keeps a Node <= 18 fallback, `await import("crypto")`, on a
// branch browsers never take. The test server resolves every import up front
// and cannot resolve a Node built-in, so it gets this stand-in (see
// packages/contact-relay/test/wtr-relay-plugin.mjs). Bundlers leave the import alone.
export const webcrypto = globalThis.crypto;
