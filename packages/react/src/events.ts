import type { EventName } from '@lit/react';

/**
 * The type of a widget's event: what the widget declares for it in
 * `HTMLElementEventMap` (every Wegweiser event is declared there), else a
 * plain `CustomEvent`. Gives `onWwError` and friends their `event.detail` type.
 */
export type WidgetEvent<N extends string> = EventName<N extends keyof HTMLElementEventMap ? HTMLElementEventMap[N] : CustomEvent<unknown>>;
