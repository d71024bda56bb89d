// Angular: CUSTOM_ELEMENTS_SCHEMA lets the template use the ww- tags,
// `[data]="…"` binds a property, `(ww-error)="…"` listens to the event.
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal, VERSION } from '@angular/core';
import { brokenHours, demoCard, demoDirectory, demoHours, demoPublicKey, demoRelay, exitHref } from '../../shared/demo.js';

interface Shown {
  type: string;
  code: string;
  text: string;
}

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <ww-quick-exit [href]="exitHref" (ww-error)="onError($event)">
      <a [href]="exitHref" rel="noreferrer">Seite verlassen</a>
    </ww-quick-exit>
    <main>
      <h1>Wegweiser in Angular</h1>
      <p>Beispielseite mit fiktiven Daten, Angular <span id="angular-version">{{ version }}</span>.</p>

      <h2>Öffnungszeiten</h2>
      <ww-hours-badge [hours]="demoHours" region="DE-RP" (ww-error)="onError($event)">Mo–Do 10–18 Uhr, Fr 14–2 Uhr</ww-hours-badge>
      <p>Absichtlich falsch (Stunde 25), um das Ereignis <code>ww-error</code> zu zeigen:</p>
      <ww-hours-badge [hours]="brokenHours" (ww-error)="onError($event)"></ww-hours-badge>

      <h2>Ereignisse der Widgets</h2>
      <ul aria-live="polite">
        @for (e of events(); track $index) {
          <li [attr.data-event]="e.type" [attr.data-code]="e.code">{{ e.type }}: {{ e.text }}</li>
        }
      </ul>

      <h2>Beratungsstelle finden</h2>
      <ww-service-finder [data]="demoDirectory" (ww-error)="onError($event)"></ww-service-finder>

      <h2>Erste Schritte</h2>
      <ww-stabilisation-checklist (ww-error)="onError($event)"></ww-stabilisation-checklist>

      <h2>Karte</h2>
      <ww-pictogram-card [content]="demoCard" (ww-error)="onError($event)" (ww-language-change)="onLanguageChange($event)"></ww-pictogram-card>

      <h2>Schreiben Sie uns</h2>
      <ww-contact-form [relay]="demoRelay" [publicKey]="demoPublicKey" (ww-error)="onError($event)"></ww-contact-form>
      <ww-contact-replies [relay]="demoRelay" [publicKey]="demoPublicKey" (ww-error)="onError($event)"></ww-contact-replies>
    </main>
  `,
})
export class AppComponent {
  protected readonly version = VERSION.full;
  protected readonly exitHref = exitHref;
  protected readonly demoHours = demoHours;
  protected readonly brokenHours = brokenHours;
  protected readonly demoDirectory = demoDirectory;
  protected readonly demoCard = demoCard;
  protected readonly demoRelay = demoRelay;
  protected readonly demoPublicKey = demoPublicKey;
  protected readonly events = signal<Shown[]>([]);

  // With CUSTOM_ELEMENTS_SCHEMA, Angular types $event on custom elements as Event.
  protected onError(event: Event): void {
    const { detail } = event as HTMLElementEventMap['ww-error'];
    this.events.update((list) => [...list, { type: event.type, code: detail.code, text: `${detail.tag} ${detail.code}` }]);
  }

  protected onLanguageChange(event: Event): void {
    const { detail } = event as HTMLElementEventMap['ww-language-change'];
    this.events.update((list) => [...list, { type: event.type, code: detail.lang, text: detail.lang }]);
  }
}
