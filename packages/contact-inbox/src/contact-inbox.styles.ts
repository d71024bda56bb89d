/**
 * The look of <ww-contact-inbox>: the contact form's fields, buttons, boxes and error summary
 * (contactStyles, shared), adjusted for the team's wider page, plus the toolbar, the list and the
 * conversation.
 */
import { css } from 'lit';
import { token } from '@wegweiser/core';
import {
  colorAccent,
  colorBorderStrong,
  colorOnAccent,
  colorTextMuted,
  fontWeightBold,
  radiusSm,
  space1,
  space2,
  space3,
  space4,
} from '@wegweiser/tokens/defaults';
import { attachmentFileStyles } from '@wegweiser/contact-form/attachment-files';

export const inboxStyles = css`
  :host {
    --_accent: var(--ww-contact-inbox-accent, ${token('color-accent', colorAccent)});
    --_muted: ${token('color-text-muted', colorTextMuted)};
    --_border: ${token('color-border-strong', colorBorderStrong)};
    max-inline-size: 60rem;
  }
  h3,
  h4 {
    font-size: 1em;
    margin: 0 0 ${token('space-2', space2)};
  }
  .meta {
    color: var(--_muted);
    margin: 0 0 ${token('space-2', space2)};
  }
  input[type='file'] {
    padding: ${token('space-1', space1)};
  }
  textarea {
    min-block-size: 8em;
  }
  button.secondary,
  button.secondary:hover {
    border-color: var(--_border);
  }
  button.danger {
    background: var(--_danger);
    color: ${token('color-on-accent', colorOnAccent)};
  }
  .actions {
    gap: ${token('space-2', space2)};
    align-items: center;
    margin-block: ${token('space-3', space3)};
  }
  .box.warning {
    border-color: var(--_danger);
    border-width: 4px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-2', space2)} ${token('space-4', space4)};
    align-items: center;
    justify-content: space-between;
    border-block-end: 2px solid var(--_border);
    padding-block-end: ${token('space-3', space3)};
    margin-block-end: ${token('space-4', space4)};
  }
  .toolbar p {
    margin: 0;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: ${token('space-1', space1)} ${token('space-4', space4)};
  }
  .choice {
    align-items: center;
    min-block-size: 24px;
    margin-block: 0;
  }
  ul.conversations,
  ol.items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  ul.conversations > li,
  ol.items > li {
    border-block-end: 1px solid var(--_border);
    padding-block: ${token('space-3', space3)};
  }
  .open {
    display: block;
    inline-size: 100%;
    text-align: start;
    background: transparent;
    color: inherit;
    font-weight: normal;
    padding: ${token('space-2', space2)};
    border: 2px solid var(--_border);
    overflow-wrap: anywhere;
  }
  .open:hover {
    background: transparent;
    border-color: var(--_accent);
  }
  .badge {
    display: inline-block;
    font-weight: ${token('font-weight-bold', fontWeightBold)};
    border: 2px solid currentColor;
    border-radius: ${token('radius-sm', radiusSm)};
    padding: 0 ${token('space-1', space1)};
  }
  .badge.new {
    color: var(--_accent);
  }
  .no-reply {
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  .text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    margin: 0 0 ${token('space-2', space2)};
    /* A message aligns by its own direction (dir=auto), not its list item's: Firefox's li is match-parent. */
    text-align: start;
  }
  /* A message's files: @wegweiser/contact-form/attachment-files. */
  ${attachmentFileStyles}
  .item.centre {
    border-inline-start: 4px solid var(--_accent);
    padding-inline-start: ${token('space-3', space3)};
  }
  dl {
    display: grid;
    /* Labels wrap at 40 % in a narrow container too (a sidebar), not only a narrow window. */
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    gap: ${token('space-1', space1)} ${token('space-3', space3)};
    margin: 0 0 ${token('space-2', space2)};
  }
  dt {
    font-weight: ${token('font-weight-bold', fontWeightBold)};
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  progress {
    inline-size: 100%;
    block-size: 1em;
  }
  @media (max-width: 30rem) {
    dl {
      grid-template-columns: 1fr;
    }
  }
  @media (forced-colors: active) {
    .open {
      border-color: ButtonText;
    }
  }
`;
