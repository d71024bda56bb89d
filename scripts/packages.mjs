// The workspace packages in build order (each only depends on earlier ones).
export const packages = ['tokens', 'core', 'quick-exit', 'hours', 'pictogram-card', 'checklist', 'contact-form', 'service-finder', 'ssr', 'react', 'contact-inbox', 'contact-relay', 'widgets'];
