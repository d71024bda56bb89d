/** The shadow styles of <ww-hours-badge> (HoursBadge.ts). Tokens are read through core's token(), so the widget looks right without tokens.css. */
import { css } from 'lit';
import { token } from '@wegweiser/core';
import {
  colorBorderStrong,
  colorSuccess,
  colorTextMuted,
  fontSizeSm,
  fontWeightBold,
  space1,
  space2,
  space3,
} from '@wegweiser/tokens/defaults';

export const hoursBadgeStyles = css`
  :host {
    --_open: var(--ww-hours-badge-open-color, ${token('color-success', colorSuccess)});
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: ${token('space-1', space1)} ${token('space-2', space2)};
    margin: 0;
  }
  .channel {
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  /* A shape as well as a colour: a filled dot while open, a ring when closed. */
  .marker {
    display: inline-block;
    inline-size: 0.75em;
    block-size: 0.75em;
    border-radius: 50%;
    border: 2px solid ${token('color-border-strong', colorBorderStrong)};
    align-self: center;
    flex: none;
  }
  .open .marker,
  .closing .marker {
    background: var(--_open);
    border-color: var(--_open);
  }
  .unknown .marker {
    border-style: dashed;
  }
  .zone {
    margin: ${token('space-1', space1)} 0 0;
    font-size: ${token('font-size-sm', fontSizeSm)};
    color: ${token('color-text-muted', colorTextMuted)};
  }
  table {
    margin-block-start: ${token('space-3', space3)};
    border-collapse: collapse;
    inline-size: 100%;
  }
  caption {
    text-align: start;
    font-weight: ${token('font-weight-bold', fontWeightBold)};
    padding-block-end: ${token('space-2', space2)};
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: ${token('space-1', space1)} ${token('space-2', space2)} ${token('space-1', space1)} 0;
    border-block-end: 1px solid ${token('color-border-strong', colorBorderStrong)};
  }
  thead th {
    font-size: ${token('font-size-sm', fontSizeSm)};
  }
  tr[aria-current] th,
  tr[aria-current] td {
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  /* "10:00 AM–6:00 PM" reads as one thing; it wraps between ranges, not inside one. */
  .range {
    white-space: nowrap;
  }
  details {
    margin-block-start: ${token('space-2', space2)};
  }
  summary {
    cursor: pointer;
    min-block-size: 24px;
  }
  @media (forced-colors: active) {
    .open .marker,
    .closing .marker {
      background: CanvasText;
      border-color: CanvasText;
    }
  }
`;
