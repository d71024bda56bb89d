import { css, unsafeCSS } from 'lit';
import {
  colorFocus,
  colorFocusInner,
  colorSurface,
  colorText,
  focusOffset,
  focusWidth,
  fontFamilySans,
  fontLineHeightBody,
} from '@wegweiser/tokens/defaults';

/**
 * A token with its default-theme value as fallback, so a widget looks right
 * even on a page that does not load the tokens' CSS. `name` is the token's
 * name without the `--ww-` prefix.
 */
export function token(name: string, fallback: string) {
  return unsafeCSS(`var(--ww-${name}, ${fallback})`);
}

/**
 * A visible focus indicator: a real outline (forced-colours mode keeps
 * outlines but drops box-shadows) plus an inner ring that keeps 3:1 against
 * dark backgrounds such as the accent colour.
 */
export const focusRing = css`
  outline: ${token('focus-width', focusWidth)} solid ${token('color-focus', colorFocus)};
  outline-offset: ${token('focus-offset', focusOffset)};
  box-shadow: 0 0 0 ${token('focus-offset', focusOffset)} ${token('color-focus-inner', colorFocusInner)};
`;

/** Hides text visually but keeps it for screen readers. */
export const visuallyHidden = css`
  position: absolute !important;
  inline-size: 1px !important;
  block-size: 1px !important;
  margin: -1px !important;
  padding: 0 !important;
  overflow: hidden !important;
  clip-path: inset(50%) !important;
  white-space: nowrap !important;
  border: 0 !important;
`;

/** What every widget's shadow root starts from. */
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: ${token('font-family-sans', fontFamilySans)};
    line-height: ${token('font-line-height-body', fontLineHeightBody)};
    color: ${token('color-text', colorText)};
    /* Long words in German compounds and URLs must not break the layout at 320 px. */
    overflow-wrap: break-word;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    ${focusRing}
  }
  .visually-hidden {
    ${visuallyHidden}
  }
  .ww-failure {
    padding: 0.75rem 1rem;
    border: 1px solid currentColor;
    border-radius: 0.5rem;
    background: ${token('color-surface', colorSurface)};
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
`;
