/** The shadow styles of <ww-stabilisation-checklist> (StabilisationChecklist.ts). Tokens are read through core's token(), so the widget looks right without tokens.css. */
import { css } from 'lit';
import { token } from '@wegweiser/core';
import {
  colorAccent,
  colorBorder,
  colorBorderStrong,
  colorDanger,
  colorOnAccent,
  colorSurfaceRaised,
  colorSurfaceSunken,
  colorTextMuted,
  fontSizeSm,
  fontWeightBold,
  radiusMd,
  space1,
  space2,
  space3,
  space4,
  space5,
  targetSizeComfortable,
} from '@wegweiser/tokens/defaults';

export const stabilisationChecklistStyles = css`
  :host {
    --_accent: ${token('color-accent', colorAccent)};
    --_line: 1px solid ${token('color-border', colorBorder)};
    --_gap: ${token('space-3', space3)};
  }
  :host([mode='counsellor']) {
    --_gap: ${token('space-2', space2)};
  }
  h2,
  h3,
  p,
  ul,
  ol,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: 1.25em;
    margin-block: ${token('space-5', space5)} ${token('space-2', space2)};
  }
  h3 {
    font-size: 1em;
  }
  .root > * + *,
  .panel > * + *,
  .item > * + * {
    margin-block-start: var(--_gap);
  }
  .muted,
  .count {
    color: ${token('color-text-muted', colorTextMuted)};
    font-size: ${token('font-size-sm', fontSizeSm)};
  }
  .controls,
  .actions,
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2', space2)} ${token('space-4', space4)};
    align-items: center;
    border: 0;
    padding: 0;
  }
  .controls fieldset {
    display: contents;
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: ${token('space-1', space1)};
    min-block-size: 24px;
    cursor: pointer;
  }
  input {
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  button {
    font: inherit;
    cursor: pointer;
    min-block-size: ${token('target-size-comfortable', targetSizeComfortable)};
    padding: 0 ${token('space-3', space3)};
    border: 2px solid var(--_accent);
    border-radius: ${token('radius-md', radiusMd)};
    background: ${token('color-surface-raised', colorSurfaceRaised)};
    color: var(--_accent);
  }
  .primary {
    background: var(--_accent);
    color: ${token('color-on-accent', colorOnAccent)};
  }
  .danger {
    border-color: currentColor;
    color: ${token('color-danger', colorDanger)};
  }
  .link,
  .toggle {
    min-block-size: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    text-align: start;
    text-decoration: underline;
  }
  .toggle {
    min-block-size: ${token('target-size-comfortable', targetSizeComfortable)};
    inline-size: 100%;
    font-weight: inherit;
    text-decoration: none;
    display: flex;
    gap: ${token('space-2', space2)};
    align-items: center;
  }
  /* A triangle that turns: a shape for the state that aria-expanded names. */
  /* forced-color-adjust: forced colours would paint the transparent sides too, and the triangle would be a box. */
  .toggle::before {
    content: '';
    border-block: 0.35em solid transparent;
    border-inline-start: 0.55em solid;
    forced-color-adjust: none;
  }
  [aria-expanded='true']::before {
    rotate: 90deg;
  }
  [dir='rtl'] [aria-expanded='true']::before {
    rotate: -90deg;
  }
  .panel {
    padding: ${token('space-3', space3)};
    border: var(--_line);
    border-radius: ${token('radius-md', radiusMd)};
    background: ${token('color-surface-sunken', colorSurfaceSunken)};
  }
  .panel h2 {
    margin: 0;
    font-size: 1em;
  }
  progress {
    display: block;
    inline-size: 100%;
    block-size: 0.5rem;
    accent-color: ${token('color-accent', colorAccent)};
  }
  .overview ul,
  .items {
    list-style: none;
    padding: 0;
  }
  li + li {
    margin-block-start: ${token('space-2', space2)};
  }
  .next ol {
    padding-inline-start: 1.5em;
  }
  .item {
    padding-block: var(--_gap);
    border-block-start: var(--_line);
  }
  .done h3 {
    text-decoration: line-through 1px;
  }
  summary {
    cursor: pointer;
    min-block-size: 24px;
  }
  .note {
    display: flex;
    flex-direction: column;
    align-items: stretch;
  }
  textarea {
    font: inherit;
    min-block-size: 3em;
    padding: ${token('space-1', space1)};
    border: 1px solid ${token('color-border-strong', colorBorderStrong)};
    border-radius: ${token('radius-md', radiusMd)};
  }
  address {
    font-style: normal;
  }
  .print,
  [hidden] {
    display: none !important;
  }
  strong {
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  /* The list people take to an appointment: titles, statuses, notes, contacts. */
  @media print {
    .controls,
    .panel,
    .choices,
    progress,
    .text,
    details,
    .note,
    .toggle::before {
      display: none !important;
    }
    .print,
    .items[hidden] {
      display: block !important;
    }
    span.print {
      display: inline !important;
    }
    h2 {
      margin-block: 0.8em 0.2em;
      break-after: avoid;
    }
    .item {
      padding-block: 0.2em;
      break-inside: avoid;
    }
    li + li {
      margin: 0;
    }
    .link,
    .toggle {
      min-block-size: 0;
      text-decoration: none;
    }
  }
`;
