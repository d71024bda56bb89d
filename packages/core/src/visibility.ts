/**
 * Calls back when the page is seen again, as a Lit reactive controller: background tabs sleep and
 * their timers drift or stop, so a widget that shows the time or polls looks again when its page
 * becomes visible (`visibilitychange`). Listens only while the host is connected.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class PageVisibility implements ReactiveController {
  private readonly whenVisible: () => void;
  private readonly onChange = (): void => {
    if (this.visible) this.whenVisible();
  };

  /** `whenVisible` runs each time the page becomes visible again. */
  constructor(host: ReactiveControllerHost, whenVisible: () => void) {
    this.whenVisible = whenVisible;
    host.addController(this);
  }

  /** Whether the page is seen now (a polite background job waits while it is not). */
  get visible(): boolean {
    return document.visibilityState === 'visible';
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onChange);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onChange);
  }
}
