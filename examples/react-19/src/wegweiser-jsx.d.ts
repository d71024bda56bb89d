// JSX types for the Wegweiser elements in React 19: each tag accepts the
// element's own properties and an `onww-…` prop for each of its events.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { QuickExit } from '@wegweiser/quick-exit';
import type { HoursBadge } from '@wegweiser/hours';
import type { ServiceFinder } from '@wegweiser/service-finder';
import type { StabilisationChecklist } from '@wegweiser/checklist';
import type { PictogramCard } from '@wegweiser/pictogram-card';
import type { ContactForm, ContactReplies } from '@wegweiser/contact-form';

type WidgetEvents = {
  [Name in keyof HTMLElementEventMap as Name extends `ww-${string}` ? `on${Name}` : never]?: (event: HTMLElementEventMap[Name]) => void;
};
type Own<E extends HTMLElement> = Partial<Omit<E, keyof HTMLElement>>;
// The element's own properties win over React's HTML attributes of the same name (`content`).
type Widget<E extends HTMLElement> = Own<E> & WidgetEvents & Omit<DetailedHTMLProps<HTMLAttributes<E>, E>, keyof Own<E>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ww-quick-exit': Widget<QuickExit>;
      'ww-hours-badge': Widget<HoursBadge>;
      'ww-service-finder': Widget<ServiceFinder>;
      'ww-stabilisation-checklist': Widget<StabilisationChecklist>;
      'ww-pictogram-card': Widget<PictogramCard>;
      'ww-contact-form': Widget<ContactForm>;
      'ww-contact-replies': Widget<ContactReplies>;
    }
  }
}
