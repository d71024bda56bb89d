/**
 * The browser side of the `contact-relay` test command (wtr-relay-plugin.mjs):
 * a real relay per test file, started and inspected from the test page.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export interface TestRelay {
  id: string;
  url: string;
  publicKey: string;
}

export const relayCommand = <T>(payload: Record<string, unknown>) => executeServerCommand<T, Record<string, unknown>>('contact-relay', payload);

/** A fresh relay that accepts this test page's origin; `options` go to the plugin's start action (e.g. `inboxCredential`). */
export const startRelay = (options: Record<string, unknown> = {}) => relayCommand<TestRelay>({ action: 'start', origin: location.origin, ...options });
