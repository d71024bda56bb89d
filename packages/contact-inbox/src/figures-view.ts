/**
 * The inbox's "Figures" (Zahlen): where `<ww-contact-inbox>` shows
 * `<ww-inbox-figures>` — for a team beside its conversations (a toolbar
 * button switches), for the network's coordination office instead of them.
 * The figures element's code is loaded only when it is first shown.
 */
import { html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { ContactInbox } from './ContactInbox.js';
import type { InboxClient } from './inbox-client.js';
import type { FirstMessageFacts } from './figures.js';

let figuresDefined: Promise<unknown> | null = null;

/**
 * Loads and defines `<ww-inbox-figures>` once. The element already rendered is
 * upgraded then and keeps the properties set on it before; nothing to render
 * again (a render that asked for another one here would never stop).
 */
function defineFigures(): void {
  if (!figuresDefined) figuresDefined = import('./define-figures.js');
}

/** The decrypted first messages the inbox holds: what the figures count in the browser. */
function firstMessageFacts(inbox: ContactInbox): FirstMessageFacts[] {
  const facts: FirstMessageFacts[] = [];
  for (const conversation of inbox.conversations) {
    const first = inbox.opened.get(conversation.first.ct);
    if (first?.kind === 'first-contact') facts.push({ topic: first.topic ?? null, language: first.language ?? null, createdAt: conversation.createdAt });
  }
  return facts;
}

/** The toolbar's switch between the conversations and the figures. */
export function figuresToggle(inbox: ContactInbox): TemplateResult {
  return html`<button type="button" class="secondary" aria-pressed=${inbox.figuresShown ? 'true' : 'false'} @click=${() => inbox.showFigures(!inbox.figuresShown)}>
    ${msg('Figures')}
  </button>`;
}

/** The figures: a team's own (`client` signed in for a centre) or the network's (a coordinator's session). */
export function figuresView(inbox: ContactInbox, client: InboxClient | null, mode: 'team' | 'network'): TemplateResult {
  defineFigures();
  return html`<ww-inbox-figures .client=${client} mode=${mode} name=${inbox.session?.centre ?? ''} lang=${inbox.locale} .firstMessages=${mode === 'team' ? firstMessageFacts(inbox) : []}></ww-inbox-figures>`;
}
