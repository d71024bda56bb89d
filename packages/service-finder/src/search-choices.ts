/**
 * What a person can choose in the finder besides the text: the radius, and the flags under
 * "What matters to you". Shared by the form, the address (url-state) and the labels.
 */

/** The radii offered, in km; 0 (any distance) is offered too. */
export const RADII = [5, 10, 25, 50, 100] as const;

/** The radius when none is chosen, and the one used for an invalid `radius`. */
export const DEFAULT_RADIUS = 25;

export type Flag = 'anonymous' | 'free' | 'stepFree' | 'openNow' | 'responsible';
export const FLAGS: readonly Flag[] = ['anonymous', 'free', 'stepFree', 'openNow', 'responsible'];

/** A radius the form offers: 0 or one of RADII. */
export function isOfferedRadius(km: number): boolean {
  return km === 0 || (RADII as readonly number[]).includes(km);
}
