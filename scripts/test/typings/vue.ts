// Vue 3 consumer types: the props and events Vue's template checker (vue-tsc,
// Volar) reads from GlobalComponents. Checked here without vue-tsc through the
// same `$props` types.
import type { GlobalComponents } from 'vue';
import type {} from '@wegweiser/quick-exit/jsx-vue';
import type {} from '@wegweiser/hours/jsx-vue';
import type {} from '@wegweiser/service-finder/jsx-vue';
import type {} from '@wegweiser/checklist/jsx-vue';
import type {} from '@wegweiser/pictogram-card/jsx-vue';
import type {} from '@wegweiser/contact-form/jsx-vue';
import type {} from '@wegweiser/contact-inbox/jsx-vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];

export const quickExit: Props<'ww-quick-exit'> = { href: 'https://de.wikipedia.org/', placement: 'sticky', 'overlay-text': 'Einen Moment …', lang: 'de' };
export const hours: Props<'ww-hours-badge'> = { hours: 'Mo-Fr 10:00-16:00', channel: 'walk-in', 'show-week': true };
export const finder: Props<'ww-service-finder'> = { src: '/directory.json', radius: 25 };
export const checklist: Props<'ww-stabilisation-checklist'> = { mode: 'person', simple: true };
export const card: Props<'ww-pictogram-card'> = { pictogram: 'anonymous', 'heading-level': '2' };
export const form: Props<'ww-contact-form'> = { relay: '/relay', 'public-key': 'wwk1.x.y.z', retryDelay: 1000 };
export const replies: Props<'ww-contact-replies'> = { relay: '/relay', publicKey: 'wwk1.x.y.z' };
export const inbox: Props<'ww-contact-inbox'> = { centre: 'beratung-rostock' };

// @ts-expect-error placement is inline or sticky
export const badPlacement: Props<'ww-quick-exit'> = { placement: 'floating' };
// @ts-expect-error channel is one of walk-in, phone, chat, email, streetwork
export const badChannel: Props<'ww-hours-badge'> = { channel: 'bus' };
// @ts-expect-error radius is a number
export const badRadius: Props<'ww-service-finder'> = { radius: 'far' };

// Events: `@ww-exit` gets the typed CustomEvent.
type Emit<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$emit'];
export function listen(emit: Emit<'ww-quick-exit'>, event: HTMLElementEventMap['ww-exit']) {
  emit('ww-exit', event);
  // @ts-expect-error not an event of the quick exit
  emit('ww-contact-sent', event);
}
