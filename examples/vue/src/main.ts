import { createApp } from 'vue';
import '@wegweiser/tokens/tokens.css';
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';
import '@wegweiser/service-finder/define';
import '@wegweiser/checklist/define';
import '@wegweiser/pictogram-card/define';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';
// Template types for the tags, generated from the manifests (for vue-tsc and the Vue language tools).
import type {} from '@wegweiser/quick-exit/jsx-vue';
import type {} from '@wegweiser/hours/jsx-vue';
import type {} from '@wegweiser/service-finder/jsx-vue';
import type {} from '@wegweiser/checklist/jsx-vue';
import type {} from '@wegweiser/pictogram-card/jsx-vue';
import type {} from '@wegweiser/contact-form/jsx-vue';
import App from './App.vue';

createApp(App).mount('#app');
