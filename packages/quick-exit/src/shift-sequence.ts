import type { Clock } from '@wegweiser/core';

export interface ShiftSequenceCallbacks {
  /** A counted press; `count` is 1 … presses. */
  onPress(count: number): void;
  onComplete(): void;
  /** The time window ran out before the sequence was complete. */
  onExpire(): void;
  /** Another key broke the sequence. */
  onReset(): void;
}

/**
 * Counts Shift presses that stand alone: Shift pressed and released with no
 * other key in between. Shift used as a modifier (capitals, Shift+Tab) and
 * any other key reset the count, so ordinary typing never leaves the page.
 * Knows nothing of the widget; it only listens to key events.
 */
export class ShiftSequence {
  private count = 0;
  private shiftDown = false;
  private usedAsModifier = false;
  private timer: number | undefined;
  private target: EventTarget | undefined;

  constructor(
    private readonly presses: number,
    private readonly windowMs: number,
    private readonly clock: () => Clock,
    private readonly callbacks: ShiftSequenceCallbacks,
  ) {}

  attach(target: EventTarget): void {
    this.detach();
    this.target = target;
    // Capture phase: a host page that stops propagation must not disable the exit.
    target.addEventListener('keydown', this.onKeyDown as EventListener, true);
    target.addEventListener('keyup', this.onKeyUp as EventListener, true);
  }

  detach(): void {
    this.target?.removeEventListener('keydown', this.onKeyDown as EventListener, true);
    this.target?.removeEventListener('keyup', this.onKeyUp as EventListener, true);
    this.target = undefined;
    this.reset();
  }

  reset(): void {
    this.clock().clearTimeout(this.timer);
    this.timer = undefined;
    this.count = 0;
    this.shiftDown = false;
    this.usedAsModifier = false;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Shift') {
      if (event.repeat) return;
      this.shiftDown = true;
      this.usedAsModifier = event.ctrlKey || event.altKey || event.metaKey;
      return;
    }
    if (this.shiftDown) this.usedAsModifier = true;
    if (this.count > 0) {
      this.reset();
      this.callbacks.onReset();
    }
  };

  private readonly onKeyUp = (event: KeyboardEvent): void => {
    if (event.key !== 'Shift' || !this.shiftDown) return;
    this.shiftDown = false;
    if (this.usedAsModifier) {
      this.usedAsModifier = false;
      return;
    }
    this.count += 1;
    if (this.count === 1) {
      this.timer = this.clock().setTimeout(() => {
        this.reset();
        this.callbacks.onExpire();
      }, this.windowMs);
    }
    if (this.count >= this.presses) {
      this.reset();
      this.callbacks.onComplete();
    } else {
      this.callbacks.onPress(this.count);
    }
  };
}
