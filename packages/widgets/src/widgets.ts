/** Each widget's tag and how to load the module that defines it. */
export const widgets: Readonly<Record<string, () => Promise<unknown>>> = {
  'ww-quick-exit': () => import('@wegweiser/quick-exit/define'),
  'ww-hours-badge': () => import('@wegweiser/hours/define'),
  'ww-service-finder': () => import('@wegweiser/service-finder/define'),
  'ww-stabilisation-checklist': () => import('@wegweiser/checklist/define'),
  'ww-pictogram-card': () => import('@wegweiser/pictogram-card/define'),
  'ww-contact-form': () => import('@wegweiser/contact-form/define'),
  'ww-contact-replies': () => import('@wegweiser/contact-form/replies'),
};
