import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { WegweiserElement, clock, registerMessages } from '@wegweiser/core';
import { checkedUrl, urlRules } from '@wegweiser/core/safe-url';
import { Announcer } from '@wegweiser/core/announcer';
import { colorOverlay, colorText } from '@wegweiser/tokens/defaults';
import { ExitOverlay } from './exit-overlay.js';
import { ShiftSequence } from './shift-sequence.js';
import { catalogue } from './generated/catalogue.js';
import { quickExitStyles } from './quick-exit.styles.js';

registerMessages('@wegweiser/quick-exit', catalogue);

/**
 * A neutral page that shows the same to everyone, needs no login and loads
 * fast. Sites should pick their own (see the README).
 */
export const defaultDestination = 'https://de.wikipedia.org/wiki/Wikipedia:Hauptseite';

export type QuickExitPlacement = 'inline' | 'sticky';

export interface QuickExitEventDetail {
  /** The page the browser is about to go to. */
  readonly href: string;
  /** How the exit was started. */
  readonly trigger: 'click' | 'shortcut';
}

declare global {
  interface HTMLElementEventMap {
    'ww-exit': CustomEvent<QuickExitEventDetail>;
  }
}

/** Presses of Shift needed, and the time they must fall within. */
const PRESSES = 3;
const WINDOW_MS = 5000;

/**
 * @summary A way to leave the page at once: a button, or Shift pressed three
 * times. Hides the page immediately, then goes to a neutral website.
 *
 * @slot - A plain link to the neutral destination, shown before JavaScript runs
 *   and used for its `href` when the `href` attribute is absent.
 *
 * @csspart button - The exit link, styled as a button.
 * @csspart hint - The keyboard shortcut hint under the button.
 * @csspart indicator - The three dots that count Shift presses (hidden from assistive technology).
 *
 * @cssproperty --ww-quick-exit-background - Button background; defaults to `--ww-color-exit`.
 * @cssproperty --ww-quick-exit-background-hover - Button background on hover; defaults to `--ww-color-exit-hover`.
 * @cssproperty --ww-quick-exit-color - Button text colour; defaults to `--ww-color-on-exit`.
 * @cssproperty --ww-quick-exit-inset-block-start - Distance from the top of the viewport when sticky.
 * @cssproperty --ww-quick-exit-z-index - Stacking order when sticky.
 *
 * @fires ww-exit - Before the page is left; `detail` has `href` and `trigger`. Cancelable: cancelling stops the navigation (for tests and previews).
 * @fires ww-error - When an attribute is invalid; the widget then uses its default.
 *
 * @status stable
 * @since 0.1.0
 */
export class QuickExit extends WegweiserElement {
  static override styles = [...WegweiserElement.styles, quickExitStyles];

  /** The neutral page to go to. Defaults to the slotted link's `href`, else Wikipedia's main page. */
  @property() href: string | null = null;

  /** `inline` (default) where it stands, or `sticky` at the top of the viewport while scrolling. */
  @property({ reflect: true }) placement: QuickExitPlacement = 'inline';

  /** Replaces the button text. */
  @property() label: string | null = null;

  /** Replaces the keyboard hint. */
  @property() hint: string | null = null;

  /** Replaces the text on the cover shown while leaving. */
  @property({ attribute: 'overlay-text' }) overlayText: string | null = null;

  /** Replaces the announcement after a Shift press; `{count}` stands for the presses still needed. */
  @property({ attribute: 'pending-text' }) pendingText: string | null = null;

  /** Replaces the announcement when the Shift count runs out. */
  @property({ attribute: 'expired-text' }) expiredText: string | null = null;

  @state() private presses = 0;
  private readonly announcer = new Announcer(this);

  /** Connected instances in order; only the first answers the shortcut, so two never announce at once. */
  private static readonly connected: QuickExit[] = [];

  private get isPrimary(): boolean {
    return QuickExit.connected[0] === this;
  }

  private readonly sequence = new ShiftSequence(PRESSES, WINDOW_MS, clock, {
    onPress: (count) => {
      if (!this.isPrimary) return;
      this.presses = count;
      if (count < PRESSES) this.announcer.say(this.pendingMessage(PRESSES - count));
    },
    onComplete: () => {
      if (this.isPrimary) this.exit('shortcut');
    },
    onExpire: () => {
      if (!this.isPrimary) return;
      this.presses = 0;
      this.announcer.say(this.expiredText ?? this.localize(() => msg('Time ran out. Press Shift 3 times in a row to leave this page.')));
    },
    onReset: () => {
      this.presses = 0;
    },
  });

  private overlay: ExitOverlay | undefined;
  private referrerPolicy: HTMLMetaElement | undefined;

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back from the bfcache: the page must be usable again, not stuck behind the cover.
    if (event.persisted) this.reset();
  };

  /*
   * WCAG 2.4.11: when sticky, the button must not hide what has focus. The
   * browser scrolls a focused element into view without knowing about sticky
   * bars, so move it out from under the button when they overlap.
   */
  private readonly onFocusIn = (event: FocusEvent): void => {
    if (this.placement !== 'sticky') return;
    const target = event.composedPath()[0];
    if (!(target instanceof Element) || this.contains(target) || this.shadowRoot?.contains(target)) return;
    const button = this.shadowRoot?.querySelector('a')?.getBoundingClientRect();
    if (!button) return;
    const focused = target.getBoundingClientRect();
    const overlaps =
      focused.top < button.bottom && focused.bottom > button.top && focused.left < button.right && focused.right > button.left;
    if (overlaps) window.scrollBy({ top: focused.top - button.bottom - 8, behavior: 'instant' });
  };

  override connectedCallback(): void {
    super.connectedCallback();
    QuickExit.connected.push(this);
    this.sequence.attach(window);
    window.addEventListener('pageshow', this.onPageShow);
    document.addEventListener('focusin', this.onFocusIn);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    QuickExit.connected.splice(QuickExit.connected.indexOf(this), 1);
    this.sequence.detach();
    window.removeEventListener('pageshow', this.onPageShow);
    document.removeEventListener('focusin', this.onFocusIn);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('placement') && this.placement !== 'inline' && this.placement !== 'sticky') {
      this.reportError('quick-exit/invalid-placement', `placement="${String(this.placement)}" is not "inline" or "sticky"; using "inline".`);
      this.placement = 'inline';
    }
  }

  /** The address the exit goes to: `href`, else the slotted link's, else the default; only http(s) (core's safe-URL rule). */
  get destination(): string {
    const slottedHref = this.querySelector('a[href]')?.getAttribute('href');
    return (
      checkedUrl(this, this.href, urlRules.webAddress, 'href', 'quick-exit/invalid-href') ??
      checkedUrl(this, slottedHref, urlRules.webAddress, "the slotted link's href", 'quick-exit/invalid-href') ??
      defaultDestination
    );
  }

  protected override render() {
    return html`<div class="wrapper" lang=${this.locale} dir=${this.localeDir}>
      <a
        part="button"
        href=${this.destination}
        rel="nofollow noreferrer"
        aria-describedby="hint"
        @click=${this.onClick}
        >${this.label ?? msg('Leave this page')}
        <span part="indicator" class="indicator ${this.presses > 0 ? 'active' : ''}" aria-hidden="true">
          ${Array.from({ length: PRESSES }, (_, i) => html`<span class=${i < this.presses ? 'on' : ''}></span>`)}
        </span></a
      >
      <p part="hint" class="hint" id="hint">${this.hint ?? msg('Or press Shift 3 times.')}</p>
      <div class="visually-hidden" role="status">${this.announcer.text}</div>
    </div>`;
  }

  private onClick(event: MouseEvent): void {
    event.preventDefault();
    this.exit('click');
  }

  /** Hides the page at once, then goes to the destination. Safe to call more than once. */
  exit(trigger: QuickExitEventDetail['trigger'] = 'click'): void {
    if (this.overlay) return;
    const href = this.destination;
    const style = getComputedStyle(this);
    this.overlay = new ExitOverlay(this.overlayText ?? this.localize(() => msg('Leaving this page…')), this.locale, {
      background: style.getPropertyValue('--ww-color-overlay').trim() || colorOverlay,
      color: style.getPropertyValue('--ww-color-text').trim() || colorText,
    });
    this.overlay.show();
    const proceed = this.dispatchEvent(
      new CustomEvent<QuickExitEventDetail>('ww-exit', { detail: { href, trigger }, bubbles: true, composed: true, cancelable: true }),
    );
    if (!proceed) return;
    // A script navigation ignores the link's rel="noreferrer"; this tells the
    // browser not to send the neutral site the address of the help page.
    this.referrerPolicy = document.createElement('meta');
    this.referrerPolicy.name = 'referrer';
    this.referrerPolicy.content = 'no-referrer';
    document.head.append(this.referrerPolicy);
    // replace(), not assign(): the Back button then does not lead straight back here.
    window.location.replace(href);
  }

  /** Removes the cover and clears the count, as after returning with the Back button. */
  reset(): void {
    this.overlay?.remove();
    this.overlay = undefined;
    this.referrerPolicy?.remove();
    this.referrerPolicy = undefined;
    this.sequence.reset();
    this.presses = 0;
    this.announcer.clear();
  }

  private pendingMessage(remaining: number): string {
    if (this.pendingText) return this.pendingText.replaceAll('{count}', new Intl.NumberFormat(this.locale).format(remaining));
    // Only two counts occur, so each is a whole sentence: every language can
    // translate it with its own plural form, no plural rules needed.
    return this.localize(() =>
      remaining === 1 ? msg('Press Shift 1 more time to leave this page.') : msg('Press Shift 2 more times to leave this page.'),
    );
  }
}
