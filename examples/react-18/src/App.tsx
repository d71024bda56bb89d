// React 18 sets every prop of a custom element as a string attribute and
// cannot listen to custom events, so it uses the wrappers from
// @wegweiser/react: props become properties, `onWwError` listens to `ww-error`.
import { useState, version } from 'react';
import '@wegweiser/tokens/tokens.css';
import { ContactForm, ContactReplies, HoursBadge, PictogramCard, QuickExit, ServiceFinder, StabilisationChecklist } from '@wegweiser/react';
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
      <QuickExit href={exitHref} onWwError={onError}>
        <a href={exitHref} rel="noreferrer">
          Seite verlassen
        </a>
      </QuickExit>
      <main>
        <h1>Wegweiser in React 18</h1>
        <p>
          Beispielseite mit fiktiven Daten, React <span id="react-version">{version}</span>.
        </p>

        <h2>Öffnungszeiten</h2>
        <HoursBadge hours={demoHours} region="DE-RP" onWwError={onError}>
          Mo–Do 10–18 Uhr, Fr 14–2 Uhr
        </HoursBadge>
        <p>
          Absichtlich falsch (Stunde 25), um das Ereignis <code>ww-error</code> zu zeigen:
        </p>
        <HoursBadge hours={brokenHours} onWwError={onError} />

        <h2>Ereignisse der Widgets</h2>
        <ul aria-live="polite">
          {events.map((e, i) => (
            <li key={i} data-event={e.type} data-code={e.code}>
              {e.type}: {e.text}
            </li>
          ))}
        </ul>

        <h2>Beratungsstelle finden</h2>
        <ServiceFinder data={demoDirectory} onWwError={onError} />

        <h2>Erste Schritte</h2>
        <StabilisationChecklist onWwError={onError} />

        <h2>Karte</h2>
        <PictogramCard
          content={demoCard}
          onWwError={onError}
          onWwLanguageChange={(event) => show({ type: event.type, code: event.detail.lang, text: event.detail.lang })}
        />

        <h2>Schreiben Sie uns</h2>
        <ContactForm relay={demoRelay} publicKey={demoPublicKey} onWwError={onError} />
        <ContactReplies relay={demoRelay} publicKey={demoPublicKey} onWwError={onError} />
      </main>
    </>
  );
}
