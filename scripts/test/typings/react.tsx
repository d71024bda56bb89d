// React 19 consumer code: every widget with a property, an attribute and an
// event handler, as React 19 maps them. Each `@ts-expect-error` line must be
// an error; the other lines must not be (without the typings they all are).
import type {} from '@wegweiser/quick-exit/jsx-react';
import type {} from '@wegweiser/hours/jsx-react';
import type {} from '@wegweiser/service-finder/jsx-react';
import type {} from '@wegweiser/checklist/jsx-react';
import type {} from '@wegweiser/pictogram-card/jsx-react';
import type {} from '@wegweiser/contact-form/jsx-react';
import type {} from '@wegweiser/contact-inbox/jsx-react';
import type { QuickExit } from '@wegweiser/quick-exit';

export function Page({ exitRef }: { exitRef: { current: QuickExit | null } }) {
  return (
    <main>
      <ww-quick-exit
        ref={exitRef}
        href="https://de.wikipedia.org/"
        placement="sticky"
        overlay-text="Einen Moment …"
        onww-exit={(event) => console.log(event.detail.trigger, event.detail.href)}
        onww-error={(event) => console.log(event.detail.code)}
      />
      <ww-hours-badge hours="Mo-Fr 10:00-16:00" region="DE-BE" channel="phone" show-week timeZone="Europe/Berlin" />
      <ww-service-finder src="/directory.json" radius={25} heading-level={3} urlState />
      <ww-stabilisation-checklist mode="counsellor" simple storage-key="beratung" />
      <ww-pictogram-card pictogram="anonymous" heading-level="2" onww-language-change={(event) => console.log(event.detail.lang)} />
      <ww-contact-form relay="/relay" public-key="wwk1.x.y.z" retryDelay={1000} onww-contact-sent={(event) => console.log(event.detail.reply)} />
      <ww-contact-replies relay="/relay" publicKey="wwk1.x.y.z" />
      <ww-contact-inbox relay="/relay" centre="beratung-rostock" />

      {/* @ts-expect-error placement is inline or sticky */}
      <ww-quick-exit placement="floating" />
      {/* @ts-expect-error channel is one of walk-in, phone, chat, email, streetwork */}
      <ww-hours-badge channel="bus" />
      {/* @ts-expect-error radius is a number as a property */}
      <ww-service-finder radius="far" />
      {/* @ts-expect-error mode is person or counsellor */}
      <ww-stabilisation-checklist mode="admin" />
      {/* @ts-expect-error retryDelay is a number */}
      <ww-contact-form retryDelay="soon" />
      {/* @ts-expect-error the exit event's detail has no url */}
      <ww-quick-exit onww-exit={(event) => console.log(event.detail.url)} />
      {/* @ts-expect-error no such attribute */}
      <ww-contact-inbox relays="/relay" />
    </main>
  );
}
