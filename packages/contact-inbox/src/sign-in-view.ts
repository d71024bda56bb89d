/**
 * The two forms before the inbox opens: signing in to the relay (step 1) and opening the centre's
 * private key file (step 2), with the notice that says why the sign-in form is shown again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { ContactInbox } from './ContactInbox.js';
import { describedBy, errorMessage, errorSummary, type SummaryProblem } from '@wegweiser/contact-form/form-feedback';
import { keyProblemText, noticeText, signInProblemText } from './inbox-labels.js';

export function noticeView(inbox: ContactInbox): TemplateResult | typeof nothing {
  const { notice } = inbox;
  if (!notice) return nothing;
  const [heading, text] = noticeText(notice);
  return html`<div class="box ${notice === 'locked' ? 'done' : notice === 'session-ended' ? '' : 'warning'}" part="status" tabindex="-1" role="status">
    <h3>${heading}</h3>
    <p>${text}</p>
  </div>`;
}

export function signInView(inbox: ContactInbox): TemplateResult {
  const p = inbox.signInProblems;
  const centreError = signInProblemText(p.centre);
  const credentialError = signInProblemText(p.credential);
  const entries: SummaryProblem[] = [];
  if (centreError) entries.push(['centre', centreError]);
  if (credentialError) entries.push(['credential', credentialError]);
  return html`${noticeView(inbox)} ${errorSummary(entries)}
    <form part="sign-in" novalidate autocomplete="off" @submit=${inbox.signIn}>
      <h2 id="sign-in-title" tabindex="-1">${msg('Sign in to the team inbox')}</h2>
      <p class="hint">${msg('Step 1 of 2. After signing in, you open your centre’s private key file.')}</p>
      <div class="group ${centreError ? 'invalid' : ''}">
        <label for="centre">${msg('Centre id')}</label>
        <p class="hint" id="centre-hint">${msg('As in your centre’s public key, for example beratung-rostock.')}</p>
        ${errorMessage('centre', centreError)}
        <input
          id="centre"
          name="centre"
          autocomplete="off"
          spellcheck="false"
          autocapitalize="none"
          .value=${inbox.centreInput}
          aria-describedby=${describedBy('centre-hint', centreError && 'centre-error')}
          aria-invalid=${centreError ? 'true' : 'false'}
          @input=${(e: Event) => (inbox.centreInput = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="group ${credentialError ? 'invalid' : ''}">
        <label for="credential">${msg('Team credential')}</label>
        <p class="hint" id="credential-hint">${msg('25 characters in groups of five, from whoever runs your relay.')}</p>
        ${errorMessage('credential', credentialError)}
        <input
          id="credential"
          name="credential"
          type="password"
          autocomplete="off"
          spellcheck="false"
          .value=${inbox.credential}
          aria-describedby=${describedBy('credential-hint', credentialError && 'credential-error')}
          aria-invalid=${credentialError ? 'true' : 'false'}
          @input=${(e: Event) => (inbox.credential = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div role="status">${inbox.busy ? html`<p>${msg('Signing in…')}</p>` : nothing}</div>
      <div class="actions">
        <button type="submit" aria-disabled=${inbox.busy ? 'true' : 'false'}>${msg('Sign in')}</button>
        ${inbox.key ? html`<button type="button" class="secondary" @click=${inbox.lock}>${msg('Lock and forget the key')}</button>` : nothing}
      </div>
    </form>`;
}

export function keyView(inbox: ContactInbox): TemplateResult {
  const centre = inbox.session?.centre ?? '';
  const fileError = keyProblemText(inbox.keyProblems.file, centre, inbox.keyCentre);
  const passError = keyProblemText(inbox.keyProblems.passphrase, centre, inbox.keyCentre);
  const entries: SummaryProblem[] = [];
  if (fileError) entries.push(['key-file', fileError]);
  if (passError) entries.push(['passphrase', passError]);
  const opening = inbox.progress !== null;
  return html`${errorSummary(entries)}
    <form part="key" novalidate autocomplete="off" @submit=${inbox.openKey}>
      ${inbox.addingOlderKey
        ? html`<h2 id="key-title" tabindex="-1">${msg('Open an earlier key as well')}</h2>
            <p class="hint">
              ${msg('After a key change, messages sealed to the earlier key open only with its key file. Open it here beside the current key: the inbox then reads messages sealed to either. Answers are written with the current key. The key stays in this browser’s memory only.')}
            </p>`
        : html`<h2 id="key-title" tabindex="-1">${msg('Open the private key')}</h2>
            <p class="hint">
              ${msg(str`Step 2 of 2. Signed in for ${inbox.session?.centre ?? ''}. The key opens in this browser and stays in its memory only: it is never sent and never stored.`)}
            </p>`}
      <div class="group ${fileError ? 'invalid' : ''}">
        <label for="key-file">${msg('Private key file')}</label>
        <p class="hint" id="key-file-hint">${msg('The file “wegweiser-relay keygen” made, usually private-key.json.')}</p>
        ${errorMessage('key-file', fileError)}
        <input
          id="key-file"
          type="file"
          accept=".json,application/json"
          aria-describedby=${describedBy('key-file-hint', fileError && 'key-file-error')}
          aria-invalid=${fileError ? 'true' : 'false'}
          @change=${inbox.onKeyFile}
        />
        <label for="key-paste" class="paste-label">${msg('Or paste the content of the key file')}</label>
        <textarea
          id="key-paste"
          rows="3"
          spellcheck="false"
          autocomplete="off"
          .value=${inbox.keyFileName ? '' : inbox.keyText}
          ?disabled=${!!inbox.keyFileName}
          aria-describedby=${fileError ? 'key-file-error' : nothing}
          @input=${(e: Event) => (inbox.keyText = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <div class="group ${passError ? 'invalid' : ''}">
        <label for="passphrase">${msg('Passphrase of the key file')}</label>
        ${errorMessage('passphrase', passError)}
        <input
          id="passphrase"
          type="password"
          autocomplete="off"
          spellcheck="false"
          .value=${inbox.passphrase}
          aria-describedby=${passError ? 'passphrase-error' : nothing}
          aria-invalid=${passError ? 'true' : 'false'}
          @input=${(e: Event) => (inbox.passphrase = (e.target as HTMLInputElement).value)}
        />
      </div>
      <div role="status">
        ${opening
          ? html`<p id="opening">${msg('Opening the key. This takes a few seconds.')}</p>
              <progress aria-labelledby="opening" max="1" .value=${inbox.progress ?? 0}></progress>`
          : nothing}
      </div>
      <div class="actions">
        <button type="submit" aria-disabled=${inbox.busy ? 'true' : 'false'}>${msg('Open the key')}</button>
        ${inbox.addingOlderKey
          ? html`<button type="button" class="secondary" @click=${() => inbox.closeOlderKeyForm()}>${msg('Cancel')}</button>`
          : html`<button type="button" class="secondary" @click=${inbox.lock}>${msg('Sign out')}</button>`}
      </div>
    </form>`;
}
