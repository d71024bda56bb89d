/**
 * What <ww-contact-form> and <ww-contact-replies> share: the look (GOV.UK-style
 * fields, error summary and boxes, from the design tokens) and the check of
 * their relay and public-key attributes.
 */
import { css, type CSSResult } from 'lit';
import { token } from '@wegweiser/core';
import { refusedUrlMessage, safeUrl, urlRules } from '@wegweiser/core/safe-url';
import {
  borderWidthThick,
  colorAccent,
  colorAccentHover,
  colorBorderStrong,
  colorDanger,
  colorOnAccent,
  colorSuccess,
  colorTextMuted,
  fontSizeLg,
  fontSizeSm,
  fontWeightBold,
  radiusSm,
  space1,
  space2,
  space3,
  space4,
  space5,
  targetSizeComfortable,
} from '@wegweiser/tokens/defaults';

export const contactStyles = css`
      :host {
        --_accent: var(--ww-contact-form-accent, ${token('color-accent', colorAccent)});
        --_danger: ${token('color-danger', colorDanger)};
        max-inline-size: 40rem;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-inline-size: 0;
      }
      .group {
        margin-block-end: ${token('space-5', space5)};
      }
      label,
      legend,
      h2,
      h3 {
        display: block;
        font-weight: ${token('font-weight-bold', fontWeightBold)};
        margin: 0 0 ${token('space-1', space1)};
        padding: 0;
      }
      h2 {
        font-size: ${token('font-size-lg', fontSizeLg)};
      }
      .hint,
      .counter {
        color: ${token('color-text-muted', colorTextMuted)};
        margin: 0 0 ${token('space-2', space2)};
      }
      .counter {
        margin: ${token('space-1', space1)} 0 0;
        font-size: ${token('font-size-sm', fontSizeSm)};
      }
      .error,
      .counter.over {
        color: var(--_danger);
        font-weight: ${token('font-weight-bold', fontWeightBold)};
      }
      .error {
        margin: 0 0 ${token('space-2', space2)};
      }
      .invalid {
        border-inline-start: 4px solid var(--_danger);
        padding-inline-start: ${token('space-3', space3)};
      }
      textarea,
      select,
      input:not([type='radio']) {
        font: inherit;
        color: inherit;
        background: transparent;
        inline-size: 100%;
        min-block-size: ${token('target-size-comfortable', targetSizeComfortable)};
        padding: ${token('space-2', space2)};
        border: ${token('border-width-thick', borderWidthThick)} solid ${token('color-border-strong', colorBorderStrong)};
        border-radius: ${token('radius-sm', radiusSm)};
      }
      textarea {
        min-block-size: 10em;
        resize: vertical;
      }
      [aria-invalid='true'] {
        border-color: var(--_danger);
      }
      .choice {
        display: flex;
        align-items: flex-start;
        gap: ${token('space-2', space2)};
        margin-block: ${token('space-2', space2)};
      }
      .choice input {
        inline-size: 24px;
        block-size: 24px;
        margin: 0;
        flex: none;
        accent-color: var(--_accent);
      }
      .choice label {
        font-weight: normal;
        margin: 0;
      }
      button {
        font: inherit;
        font-weight: ${token('font-weight-bold', fontWeightBold)};
        min-block-size: ${token('target-size-comfortable', targetSizeComfortable)};
        padding: ${token('space-2', space2)} ${token('space-4', space4)};
        border: 2px solid transparent;
        border-radius: ${token('radius-sm', radiusSm)};
        background: var(--_accent);
        color: ${token('color-on-accent', colorOnAccent)};
        cursor: pointer;
      }
      button:hover {
        background: ${token('color-accent-hover', colorAccentHover)};
      }
      button[aria-disabled='true'] {
        cursor: progress;
      }
      .summary,
      .box {
        border: 4px solid var(--_danger);
        padding: ${token('space-4', space4)};
        margin-block-end: ${token('space-5', space5)};
      }
      .box {
        border-color: currentColor;
        border-width: 2px;
      }
      .box.done {
        border-color: ${token('color-success', colorSuccess)};
        border-width: 4px;
      }
      .summary ul {
        margin: 0;
        padding-inline-start: ${token('space-4', space4)};
      }
      .summary a {
        color: var(--_danger);
        font-weight: ${token('font-weight-bold', fontWeightBold)};
      }
      .box > :first-child,
      .summary > :first-child {
        margin-block-start: 0;
      }
      .box > :last-child {
        margin-block-end: 0;
      }
      button.secondary,
      button.secondary:hover {
        background: transparent;
        color: inherit;
        border-color: currentColor;
      }
      button.secondary:hover {
        text-decoration: underline;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: ${token('space-3', space3)};
        margin-block: ${token('space-4', space4)};
      }
      @media (forced-colors: active) {
        button {
          border-color: ButtonText;
        }
      }
    `;

/** The relay attribute as the address to send to (core's safe-URL rule: http(s), full or relative to the page); null when refused. */
/**
 * Adds styles to an element's shadow root after it rendered, for parts that
 * load on demand (the file picker, a conversation's files) and so cannot be
 * in its static styles without loading with it.
 */
export function addStyles(root: ShadowRoot, styles: CSSResult): void {
  if (styles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet];
  else root.append(Object.assign(document.createElement('style'), { textContent: styles.cssText }));
}

export function relayUrl(relay: string | null): string | null {
  return safeUrl(relay, urlRules.webAddress);
}

/** What is wrong with the attributes before the key is even read: `[code, message]` for reportError, or null. */
export function setupProblem(element: string, relay: string | null, publicKey: string | null): [string, string] | null {
  if (!publicKey?.trim()) return [`${element}/missing-public-key`, 'No public-key attribute: nothing can be encrypted (see `wegweiser-relay keygen`).'];
  if (!relay?.trim()) return [`${element}/missing-relay`, 'No relay attribute: give the URL of your wegweiser-relay.'];
  return relayUrl(relay) === null ? [`${element}/invalid-relay`, refusedUrlMessage('relay', relay, urlRules.webAddress)] : null;
}
