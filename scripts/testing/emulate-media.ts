import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Emulates media features such as `forced-colors: active` in Chromium.
 * Resolves to false where the browser cannot (the caller then skips).
 */
export async function emulateMedia(features: { name: string; value: string }[]): Promise<boolean> {
  return (await executeServerCommand<boolean, { features: typeof features }>('ww-emulate-media', { features })) === true;
}
