/**
 * The live-region message every widget keeps for screen readers, as a Lit reactive controller
 * (Spectrum's pattern): the host renders `announcer.text` in its own live region (a visually hidden
 * `role="status"` or `aria-live="polite"` element), and says things through the controller.
 *
 * - `say(text)`: now. The region is emptied first and filled after the next render, so the same
 *   sentence twice in a row is announced twice (screen readers read a change, not a repeat).
 * - `sayAfterPause(text)`: after a pause, each call restarting the wait, so that typing is not
 *   talked over (GOV.UK's character count waits for a pause too). `text` is read when the pause ends.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class Announcer implements ReactiveController {
  /** What the live region says now. */
  text = '';
  private readonly host: ReactiveControllerHost;
  private readonly pause: number;
  private pauseTimer: ReturnType<typeof setTimeout> | undefined;

  /** `pause`: the quiet time in milliseconds for `sayAfterPause`. */
  constructor(host: ReactiveControllerHost, pause = 1000) {
    this.host = host;
    this.pause = pause;
    host.addController(this);
  }

  say(text: string | (() => string)): void {
    clearTimeout(this.pauseTimer);
    this.show('');
    void this.host.updateComplete.then(() => this.show(typeof text === 'function' ? text() : text));
  }

  sayAfterPause(text: () => string): void {
    clearTimeout(this.pauseTimer);
    this.pauseTimer = setTimeout(() => this.show(text()), this.pause);
  }

  /** Empties the region, and forgets a sentence still waiting for its pause. */
  clear(): void {
    clearTimeout(this.pauseTimer);
    this.show('');
  }

  hostDisconnected(): void {
    clearTimeout(this.pauseTimer);
  }

  private show(text: string): void {
    this.text = text;
    this.host.requestUpdate();
  }
}
