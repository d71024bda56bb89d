import { bootstrapApplication } from '@angular/platform-browser';
import { provideZonelessChangeDetection } from '@angular/core';
import '@wegweiser/tokens/tokens.css';
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';
import '@wegweiser/service-finder/define';
import '@wegweiser/checklist/define';
import '@wegweiser/pictogram-card/define';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';
import { AppComponent } from './app.component.js';

// Zoneless: no zone.js; signals and template events drive change detection.
bootstrapApplication(AppComponent, { providers: [provideZonelessChangeDetection()] }).catch((error: unknown) => console.error(error));
