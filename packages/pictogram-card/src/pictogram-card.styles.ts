/** The shadow styles of <ww-pictogram-card> (PictogramCard.ts). Tokens are read through core's token(), so the widget looks right without tokens.css. */
import { css } from 'lit';
import { token } from '@wegweiser/core';
import {
  colorAccent,
  colorBorder,
  colorBorderStrong,
  colorLink,
  colorOnAccent,
  colorSurfaceRaised,
  colorTextMuted,
  fontSizeLg,
  fontSizeSm,
  fontWeightBold,
  radiusMd,
  radiusPill,
  space1,
  space2,
  space3,
  space4,
} from '@wegweiser/tokens/defaults';

export const pictogramCardStyles = css`
  :host {
    --_pictogram-size: var(--ww-pictogram-card-pictogram-size, 3rem);
    break-inside: avoid;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: ${token('space-3', space3)};
    block-size: 100%;
    padding: ${token('space-4', space4)};
    border: 1px solid ${token('color-border', colorBorder)};
    border-radius: ${token('radius-md', radiusMd)};
    background: var(--ww-pictogram-card-background, ${token('color-surface-raised', colorSurfaceRaised)});
  }
  .content {
    display: flex;
    flex-direction: column;
    gap: ${token('space-2', space2)};
  }
  p {
    margin: 0;
  }
  .languages {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-1', space1)};
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
    min-block-size: 24px;
    min-inline-size: 24px;
  }
  .languages button {
    padding: 0 ${token('space-2', space2)};
    font-size: ${token('font-size-sm', fontSizeSm)};
    border: 1px solid ${token('color-border-strong', colorBorderStrong)};
    border-radius: ${token('radius-pill', radiusPill)};
    background: transparent;
  }
  /* Pressed: filled and bold, so it does not rest on colour alone. */
  .languages [aria-pressed='true'] {
    background: ${token('color-accent', colorAccent)};
    border-color: ${token('color-accent', colorAccent)};
    color: ${token('color-on-accent', colorOnAccent)};
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  .head {
    display: flex;
    align-items: center;
    gap: ${token('space-3', space3)};
  }
  .pictogram {
    flex: none;
    inline-size: var(--_pictogram-size);
    block-size: var(--_pictogram-size);
    color: var(--ww-pictogram-card-pictogram-color, ${token('color-accent', colorAccent)});
  }
  .pictogram svg {
    display: block;
    inline-size: 100%;
    block-size: 100%;
  }
  .title {
    /* Beside the pictogram in a flex row, the title would never be narrower than its longest
       word: "Krankenversicherung" pushed a card past a 320 px screen (WCAG 1.4.10). */
    min-inline-size: 0;
    overflow-wrap: anywhere;
    hyphens: auto;
    font-size: ${token('font-size-lg', fontSizeLg)};
    font-weight: ${token('font-weight-bold', fontWeightBold)};
    line-height: 1.25;
  }
  .variant {
    align-self: start;
    padding: 0 ${token('space-2', space2)};
    border: 1px solid currentColor;
    border-radius: ${token('radius-pill', radiusPill)};
    font-size: ${token('font-size-sm', fontSizeSm)};
  }
  .more-button,
  .speak {
    align-self: start;
    display: inline-flex;
    align-items: center;
    gap: ${token('space-1', space1)};
    padding: ${token('space-1', space1)} ${token('space-2', space2)};
    border: 1px solid ${token('color-border-strong', colorBorderStrong)};
    border-radius: ${token('radius-md', radiusMd)};
    background: transparent;
  }
  .more-button svg,
  .speak svg {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  [aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  a {
    color: ${token('color-link', colorLink)};
    align-self: start;
  }
  .notice {
    font-size: ${token('font-size-sm', fontSizeSm)};
    color: ${token('color-text-muted', colorTextMuted)};
  }
  .url {
    display: none;
  }
  @media (forced-colors: active) {
    .languages [aria-pressed='true'] {
      forced-color-adjust: none;
      background: SelectedItem;
      border-color: SelectedItem;
      color: SelectedItemText;
    }
    .card {
      border-color: CanvasText;
    }
  }
  /* On paper: no controls, the "more" text open, and the link's address written out. */
  @media print {
    .languages,
    .speak,
    .more-button {
      display: none;
    }
    .more[hidden] {
      display: block;
    }
    .url {
      display: inline;
    }
    .card {
      padding: 3mm 4mm;
      border-color: currentColor;
      background: none;
    }
  }
`;
