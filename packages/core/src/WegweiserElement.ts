import { LitElement, ReactiveElement, html, isServer, render, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { fallbackLocale, inheritedLang, matchLocale, onLangChange, textDirection } from './locale.js';
import { availableLocales, loadMessages, messagesReady, registerMessages, withLocale } from './localization.js';
import { reportError, type WegweiserErrorDetail } from './errors.js';
import { baseStyles } from './styles.js';
import { catalogue } from './generated/catalogue.js';

// Core's own strings (the fallback state), one module per locale, loaded on
// demand. Registered here, not in a side-effect-only module that a bundler
// honouring "sideEffects": false would drop.
registerMessages('@wegweiser/core', catalogue);

/**
 * The base of every Wegweiser widget. It resolves the widget's language and
 * re-renders when it changes, renders in that language even when other widgets
 * on the page use another, and turns a rendering failure into a calm visible
 * state plus a `ww-error` event instead of an exception in the host page.
 */
export abstract class WegweiserElement extends LitElement {
  static override styles = [baseStyles];

  /**
   * Languages other packages on the page offer but this element's messages do
   * not (the team inbox has no Leichte Sprache): the element matches its
   * language without them, so `de-x-ls` falls back to `de`, not to English.
   */
  static unsupportedLocales: readonly string[] = [];

  /** The locale this widget renders in, resolved from `lang` attributes. */
  @state() protected locale = fallbackLocale;

  private messagesLoading: Promise<void> | undefined;
  private stopListening: (() => void) | undefined;

  /**
   * True during the first render over a shadow root the server rendered
   * (Declarative Shadow DOM, @wegweiser/ssr): that render must repeat the
   * server's, so it leaves out what only the browser knows (the viewer's
   * time zone, storage, voices); an update right after brings those in.
   * Read it; only the base class sets it.
   */
  protected hydrating = false;

  /**
   * Resolves when the data the first render needs is there (inline JSON read,
   * modules loaded). The server waits for it before rendering, and a browser
   * taking over server-rendered HTML waits before its first render, so both
   * render the same content. `undefined`: nothing to wait for.
   */
  protected whenContentReady(): Promise<unknown> | undefined {
    return undefined;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && this.isConnected) this.resolveLocale();
  }

  override connectedCallback(): void {
    if (!isServer && !this.hasUpdated && this.shadowRoot?.hasChildNodes()) {
      // Without Lit's hydration support the server's markup would stay beside the new render.
      if ('litElementHydrateSupport' in globalThis) this.hydrating = true;
      else this.shadowRoot.replaceChildren();
    }
    super.connectedCallback();
    this.stopListening = onLangChange(() => this.resolveLocale());
    this.resolveLocale();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
    this.stopListening = undefined;
  }

  /** Text direction of the resolved locale, for the widget's outermost element. */
  protected get localeDir(): 'ltr' | 'rtl' {
    return textDirection(this.locale);
  }

  private resolveLocale(): void {
    const unsupported = (this.constructor as typeof WegweiserElement).unsupportedLocales;
    const locale = matchLocale(inheritedLang(this), availableLocales().filter((l) => !unsupported.includes(l)));
    if (locale !== this.locale) this.locale = locale;
    if (messagesReady(locale)) return;
    const loading = loadMessages(locale).catch((error: unknown) => {
      this.reportError('core/messages-unavailable', `The "${locale}" messages could not be loaded; texts show in English.`, error);
    });
    this.messagesLoading = loading;
    void loading.then(() => {
      if (this.messagesLoading === loading) this.messagesLoading = undefined;
      this.requestUpdate();
    });
  }

  // Hold the render until the language's messages are there, so a German page
  // never flashes English text.
  protected override async scheduleUpdate(): Promise<void> {
    if (this.messagesLoading) await this.messagesLoading;
    if (this.hydrating) await this.whenContentReady()?.catch(() => undefined);
    super.scheduleUpdate();
  }

  protected override update(changed: PropertyValues): void {
    withLocale(this.locale, () => {
      try {
        super.update(changed);
      } catch (error) {
        this.reportError('core/render-failed', 'The widget could not be rendered; it shows a fallback.', error);
        // Finish the update cycle (attribute reflection, pending state) without
        // the render that failed, then show the fallback.
        (ReactiveElement.prototype as unknown as { update(this: ReactiveElement, c: PropertyValues): void }).update.call(this, changed);
        // A server render that did not match is cleared, but for its styles.
        if (this.hydrating) for (const node of [...this.renderRoot.childNodes]) if (!(node instanceof HTMLStyleElement)) node.remove();
        render(this.renderFailure(), this.renderRoot, this.renderOptions);
      }
    });
    if (this.hydrating) {
      this.hydrating = false;
      void this.updateComplete.then(() => this.requestUpdate());
    }
  }

  /**
   * What the widget shows when it cannot work: a calm sentence and whatever
   * the site put inside the element (often the no-JavaScript fallback).
   */
  protected renderFailure(): TemplateResult {
    return html`<div class="ww-failure" role="note" lang=${this.locale} dir=${this.localeDir}>
      <p>${msg('This part of the page cannot be shown at the moment.')}</p>
      <slot></slot>
    </div>`;
  }

  /** Runs `lookup` with msg() answering in this widget's locale (for texts built outside render). */
  protected localize<T>(lookup: () => T): T {
    return withLocale(this.locale, lookup);
  }

  /** Logs, fires `ww-error` and returns the detail. Never throws. */
  protected reportError(code: string, message: string, cause?: unknown): WegweiserErrorDetail {
    return reportError(this, code, message, cause);
  }
}
