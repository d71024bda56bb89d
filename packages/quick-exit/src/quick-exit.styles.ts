/** The shadow styles of <ww-quick-exit> (QuickExit.ts). Tokens are read through core's token(), so the widget looks right without tokens.css. */
import { css } from 'lit';
import { token } from '@wegweiser/core';
import {
  borderWidthThick,
  colorExit,
  colorExitHover,
  colorOnExit,
  colorTextMuted,
  fontSizeSm,
  fontWeightBold,
  radiusMd,
  space2,
  space4,
  targetSizeComfortable,
  zIndexSticky,
} from '@wegweiser/tokens/defaults';

export const quickExitStyles = css`
  :host {
    --_bg: var(--ww-quick-exit-background, ${token('color-exit', colorExit)});
    --_bg-hover: var(--ww-quick-exit-background-hover, ${token('color-exit-hover', colorExitHover)});
    --_fg: var(--ww-quick-exit-color, ${token('color-on-exit', colorOnExit)});
  }
  :host([placement='sticky']) {
    position: sticky;
    inset-block-start: var(--ww-quick-exit-inset-block-start, 0);
    z-index: var(--ww-quick-exit-z-index, ${token('z-index-sticky', zIndexSticky)});
    /* The sticky strip spans the width but only the button takes clicks, so
       nothing underneath is blocked. */
    pointer-events: none;
  }
  .wrapper {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: ${token('space-2', space2)};
  }
  :host([placement='sticky']) .wrapper {
    align-items: flex-end;
    padding: ${token('space-2', space2)};
  }
  a {
    pointer-events: auto;
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    min-block-size: ${token('target-size-comfortable', targetSizeComfortable)};
    max-inline-size: 100%;
    padding-block: ${token('space-2', space2)};
    padding-inline: ${token('space-4', space4)};
    border: ${token('border-width-thick', borderWidthThick)} solid transparent;
    border-radius: ${token('radius-md', radiusMd)};
    background: var(--_bg);
    color: var(--_fg);
    font-weight: ${token('font-weight-bold', fontWeightBold)};
    text-decoration: none;
    text-align: center;
  }
  a:hover {
    background: var(--_bg-hover);
    text-decoration: underline;
  }
  .hint {
    margin: 0;
    font-size: ${token('font-size-sm', fontSizeSm)};
    color: ${token('color-text-muted', colorTextMuted)};
  }
  /* The shortcut only helps where there is a keyboard. */
  @media not ((hover: hover) and (pointer: fine)) {
    .hint {
      display: none;
    }
  }
  :host([placement='sticky']) .hint {
    display: none;
  }
  /* The count sits inside the button, below its text, as in GOV.UK's
     component: it belongs to the button and needs no room of its own. */
  .indicator {
    display: none;
    justify-content: center;
    gap: 0.375rem;
  }
  .indicator.active {
    display: flex;
  }
  .indicator span {
    inline-size: 0.5rem;
    block-size: 0.5rem;
    border: 1px solid currentColor;
    border-radius: 50%;
  }
  .indicator span.on {
    background: currentColor;
  }
  @media (forced-colors: active) {
    a {
      border-color: ButtonText;
    }
    .indicator span {
      border-color: LinkText;
    }
    .indicator span.on {
      background: LinkText;
    }
  }
`;
