/**
 * Solves the relay's proof-of-work challenge off the main thread, while the
 * person is still typing. A module worker loaded from the package's own files
 * (no blob: URL, no eval), so it runs under a strict Content Security Policy
 * that allows `worker-src 'self'` (or `script-src 'self'`).
 */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';

self.onmessage = async (event: MessageEvent<Challenge>) => {
  try {
    self.postMessage({ solution: await solveChallenge({ challenge: event.data, deriveKey, timeout: 0 }) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};

// Say when listening: a message posted to a module worker before its script
// has run can be lost (seen in Chromium), so the page waits for this.
self.postMessage({ ready: true });
