import { css } from 'lit';
import { focusRing, token, visuallyHidden } from '@wegweiser/core';
import {
  colorAccent,
  colorAccentHover,
  colorBorder,
  colorBorderStrong,
  colorInfoSurface,
  colorLink,
  colorOnAccent,
  colorSurface,
  colorSurfaceSunken,
  colorTextMuted,
  fontSizeLg,
  fontSizeSm,
  fontWeightBold,
  radiusMd,
  radiusSm,
  space1,
  space2,
  space3,
  space4,
  targetSizeComfortable,
} from '@wegweiser/tokens/defaults';

// The debug list of problems is deliberately not a scroll box: that would need
// its own keyboard focus (WCAG 2.1.1); the element caps it at 200 lines.
export const finderStyles = css`
  .hidden {
    ${visuallyHidden}
  }
  form {
    display: grid;
    gap: ${token('space-3', space3)};
  }
  label,
  legend {
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  .hint,
  .meta,
  .credit {
    color: ${token('color-text-muted', colorTextMuted)};
    font-size: ${token('font-size-sm', fontSizeSm)};
  }
  .hint {
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2', space2)};
    align-items: end;
  }
  .row > .grow {
    flex: 1 1 14rem;
    display: grid;
    gap: ${token('space-1', space1)};
  }
  input[type='search'],
  select {
    font: inherit;
    min-block-size: ${token('target-size-comfortable', targetSizeComfortable)};
    padding-inline: ${token('space-2', space2)};
    border: 2px solid ${token('color-border-strong', colorBorderStrong)};
    border-radius: ${token('radius-sm', radiusSm)};
    background: ${token('color-surface', colorSurface)};
    color: inherit;
    inline-size: 100%;
    box-sizing: border-box;
  }
  button {
    font: inherit;
    min-block-size: ${token('target-size-comfortable', targetSizeComfortable)};
    padding-inline: ${token('space-3', space3)};
    border-radius: ${token('radius-sm', radiusSm)};
    border: 2px solid ${token('color-accent', colorAccent)};
    background: ${token('color-surface', colorSurface)};
    color: ${token('color-accent', colorAccent)};
    cursor: pointer;
  }
  button.primary {
    background: ${token('color-accent', colorAccent)};
    color: ${token('color-on-accent', colorOnAccent)};
  }
  button.primary:hover {
    background: ${token('color-accent-hover', colorAccentHover)};
  }
  button.link {
    border: none;
    background: none;
    padding-inline: ${token('space-1', space1)};
    text-decoration: underline;
    color: ${token('color-link', colorLink)};
  }
  :is(input, select, button, a, summary, [tabindex='-1']):focus-visible {
    ${focusRing}
  }
  details.filters {
    border: 1px solid ${token('color-border', colorBorder)};
    border-radius: ${token('radius-md', radiusMd)};
    padding: ${token('space-2', space2)} ${token('space-3', space3)};
  }
  summary {
    cursor: pointer;
    min-block-size: 24px;
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  fieldset {
    border: none;
    margin: ${token('space-2', space2)} 0 0;
    padding: 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-1', space1)} ${token('space-3', space3)};
  }
  .choices label {
    font-weight: normal;
    display: inline-flex;
    gap: ${token('space-1', space1)};
    align-items: center;
    min-block-size: 24px;
  }
  input[type='checkbox'] {
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0;
  }
  .places {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-1', space1)};
    align-items: center;
    margin: 0;
  }
  .status {
    margin-block: ${token('space-3', space3)};
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  ol.results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: ${token('space-3', space3)};
  }
  ol.results > li {
    border: 1px solid ${token('color-border', colorBorder)};
    border-radius: ${token('radius-md', radiusMd)};
    padding: ${token('space-3', space3)};
    background: ${token('color-surface', colorSurface)};
    /* The facts below lay out by the result's own width (a phone, a narrow sidebar), not the window's. */
    container-type: inline-size;
  }
  .name {
    margin: 0;
    font-size: ${token('font-size-lg', fontSizeLg)};
  }
  .result p,
  .result dl {
    margin: ${token('space-1', space1)} 0 0;
  }
  dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: ${token('space-1', space1)} ${token('space-3', space3)};
  }
  dt {
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  dd {
    margin: 0;
    min-inline-size: 0;
    /* Long German compounds break at syllables (the result has the page's language), not anywhere. */
    hyphens: auto;
  }
  /* Narrow: each label above its values, which then get the whole width: at 375 px beside the
     labels a topic broke mid-word ("Krankenversiche-rung") and a line began with a comma. */
  @container (max-width: 26rem) {
    dl {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    dd + dt {
      margin-block-start: ${token('space-1', space1)};
    }
  }
  ul.contacts {
    list-style: none;
    padding: 0;
    margin: ${token('space-2', space2)} 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-1', space1)} ${token('space-3', space3)};
  }
  ul.contacts a {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 2px;
    color: ${token('color-link', colorLink)};
  }
  /* The contact form inside a result, set off from the result's facts. */
  .write {
    margin-block-start: ${token('space-3', space3)};
    padding-block-start: ${token('space-3', space3)};
    border-block-start: 2px solid ${token('color-border-strong', colorBorderStrong)};
  }
  .write-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-2', space2)};
    margin-block-end: ${token('space-3', space3)};
  }
  .badges {
    display: grid;
    gap: ${token('space-1', space1)};
  }
  .note,
  .fictional {
    background: ${token('color-info-surface', colorInfoSurface)};
    border-radius: ${token('radius-sm', radiusSm)};
    padding: ${token('space-2', space2)} ${token('space-3', space3)};
    margin-block: ${token('space-2', space2)};
  }
  .help {
    margin-block-start: ${token('space-4', space4)};
    padding: ${token('space-3', space3)};
    background: ${token('color-surface-sunken', colorSurfaceSunken)};
    border-radius: ${token('radius-md', radiusMd)};
  }
  .help h2 {
    margin-block: 0 ${token('space-2', space2)};
    font-size: inherit;
  }
  .more {
    margin-block-start: ${token('space-3', space3)};
  }
  .problems {
    font-family: monospace;
    font-size: ${token('font-size-sm', fontSizeSm)};
  }
  @media (forced-colors: active) {
    ol.results > li,
    details.filters {
      border-color: CanvasText;
    }
  }
  @media print {
    form,
    .write,
    .more {
      display: none;
    }
    ol.results > li {
      break-inside: avoid;
    }
  }
`;
