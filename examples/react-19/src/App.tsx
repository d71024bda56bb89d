// React 19 uses the custom elements directly: a prop the element has (`data`,
// `content`, `publicKey`) is set as a property, `onww-error={…}` listens to the
// `ww-error` event. No wrapper package needed.
import { useState, version } from 'react';
import '@wegweiser/tokens/tokens.css';
import '@wegweiser/quick-exit/define';
import '@wegweiser/hours/define';
import '@wegweiser/service-finder/define';
import '@wegweiser/checklist/define';
import '@wegweiser/pictogram-card/define';
import '@wegweiser/contact-form/define';
import '@wegweiser/contact-form/replies';
// JSX types for the tags: their properties and `onww-…` events (generated from the manifests).
import type {} from '@wegweiser/quick-exit/jsx-react';
import type {} from '@wegweiser/hours/jsx-react';
import type {} from '@wegweiser/service-finder/jsx-react';
import type {} from '@wegweiser/checklist/jsx-react';
import type {} from '@wegweiser/pictogram-card/jsx-react';
import type {} from '@wegweiser/contact-form/jsx-react';
import { brokenHours, demoCard, demoDirectory, demoHours, demoPublicKey, demoRelay, exitHref } from '../../shared/demo.js';

interface Shown {
  type: string;
  code: string;
  text: string;
}

export function App() {
  const [events, setEvents] = useState<Shown[]>([]);
  const show = (shown: Shown) => setEvents((list) => [...list, shown]);
  const onError = (event: HTMLElementEventMap['ww-error']) => show({ type: event.type, code: event.detail.code, text: `${event.detail.tag} ${event.detail.code}` });

  return (
    <>
      <ww-quick-exit href={exitHref} onww-error={onError}>
        <a href={exitHref} rel="noreferrer">
          Seite verlassen
        </a>
      </ww-quick-exit>
      <main>
        <h1>Wegweiser in React 19</h1>
        <p>
          Beispielseite mit fiktiven Daten, React <span id="react-version">{version}</span>.
        </p>

        <h2>Öffnungszeiten</h2>
        <ww-hours-badge hours={demoHours} region="DE-RP" onww-error={onError}>
          Mo–Do 10–18 Uhr, Fr 14–2 Uhr
        </ww-hours-badge>
        <p>
          Absichtlich falsch (Stunde 25), um das Ereignis <code>ww-error</code> zu zeigen:
        </p>
        <ww-hours-badge hours={brokenHours} onww-error={onError}></ww-hours-badge>

        <h2>Ereignisse der Widgets</h2>
        <ul aria-live="polite">
          {events.map((e, i) => (
            <li key={i} data-event={e.type} data-code={e.code}>
              {e.type}: {e.text}
            </li>
          ))}
        </ul>

        <h2>Beratungsstelle finden</h2>
        <ww-service-finder data={demoDirectory} onww-error={onError}></ww-service-finder>

        <h2>Erste Schritte</h2>
        <ww-stabilisation-checklist onww-error={onError}></ww-stabilisation-checklist>

        <h2>Karte</h2>
        <ww-pictogram-card
          content={demoCard}
          onww-error={onError}
          onww-language-change={(event) => show({ type: event.type, code: event.detail.lang, text: event.detail.lang })}
        ></ww-pictogram-card>

        <h2>Schreiben Sie uns</h2>
        <ww-contact-form relay={demoRelay} publicKey={demoPublicKey} onww-error={onError}></ww-contact-form>
        <ww-contact-replies relay={demoRelay} publicKey={demoPublicKey} onww-error={onError}></ww-contact-replies>
      </main>
    </>
  );
}
