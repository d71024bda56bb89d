/**
 * The cover that hides the page the moment someone leaves, before the next
 * page has loaded. It lives on <body>, outside the widget, so no ancestor's
 * `transform` or `overflow` can shrink it, and in the top layer where the
 * browser supports popovers, so no dialog of the host page stays on top.
 */
export class ExitOverlay {
  private readonly host: HTMLElement;

  constructor(
    private readonly text: string,
    lang: string,
    colors: { background: string; color: string },
  ) {
    this.host = document.createElement('div');
    this.host.lang = lang;
    this.host.setAttribute('data-ww-quick-exit-overlay', '');
    // CSSOM writes are allowed under a strict Content Security Policy; style
    // attributes in markup would not be.
    Object.assign(this.host.style, {
      position: 'fixed',
      inset: '0',
      zIndex: '2147483647',
      margin: '0',
      padding: '1.5rem',
      border: '0',
      inlineSize: '100vw',
      blockSize: '100vh',
      maxInlineSize: 'none',
      maxBlockSize: 'none',
      display: 'flex',
      alignItems: 'center',
      justifyContent: 'center',
      background: colors.background,
      color: colors.color,
      font: '1.25rem/1.5 system-ui, sans-serif',
      textAlign: 'center',
    } satisfies Partial<CSSStyleDeclaration>);
  }

  show(): void {
    const body = document.body ?? document.documentElement;
    body.append(this.host);
    if (typeof this.host.showPopover === 'function') {
      this.host.popover = 'manual';
      try {
        this.host.showPopover();
      } catch {
        // Not in the top layer, but the fixed cover still hides the page.
      }
    }
    // The alert role and its text go in after insertion: screen readers
    // announce a live region's change more reliably than a region that
    // arrives already filled.
    this.host.setAttribute('role', 'alert');
    this.host.textContent = this.text;
  }

  remove(): void {
    this.host.remove();
  }
}
