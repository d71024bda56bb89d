import { mount } from 'svelte';
import '@wegweiser/tokens/tokens.css';
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';
import '@wegweiser/service-finder/define';
import '@wegweiser/checklist/define';
import '@wegweiser/pictogram-card/define';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
