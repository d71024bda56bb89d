export type ContrastKind = 'text' | 'ui';

export interface RGBA {
  /** 0-255 */ r: number;
  /** 0-255 */ g: number;
  /** 0-255 */ b: number;
  /** 0-1 */ a: number;
}

export interface ContrastCheck {
  ratio: number;
  required: number;
  pass: boolean;
}

/** WCAG 2.2 AA minimums: 4.5 for text (1.4.3), 3 for non-text/UI (1.4.11). */
export declare const minimumRatio: Readonly<Record<ContrastKind, number>>;
/** Parses #rgb, #rgba, #rrggbb, #rrggbbaa, rgb() and rgba(). Throws a TypeError otherwise. */
export declare function parseColor(color: string): RGBA;
/** WCAG relative luminance, 0-1. */
export declare function luminance(color: string | Pick<RGBA, 'r' | 'g' | 'b'>): number;
/** WCAG contrast ratio, 1-21. The background must be opaque. */
export declare function contrastRatio(fg: string, bg: string): number;
/** Checks a pair against the WCAG 2.2 AA minimum for its kind. */
export declare function checkContrast(fg: string, bg: string, kind: ContrastKind): ContrastCheck;
