/**
 * The inbox's text tables: what a status, a topic, a filter, a problem or a notice is called, and how
 * a date, a language and a message preview read. Every sentence goes through msg(); the functions are
 * called while the element renders, so they speak its language.
 */
import { html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { clock, isolate } from '@wegweiser/core';
import type { ConversationStatus } from './inbox-client.js';
import type { Topic } from './messages.js';
import type { Filter, KeyProblem, Notice, Opened, SignInProblem } from './inbox-state.js';

/** Characters of a first message shown in the list. */
const previewLength = 100;

export function statusLabel(status: ConversationStatus): string {
  return { new: msg('New'), answered: msg('Answered'), closed: msg('Closed') }[status];
}

export function filterLabel(filter: Filter): string {
  return filter === 'all' ? msg('All') : statusLabel(filter);
}

export function emptyListText(filter: Filter): string {
  return { new: msg('No new messages.'), answered: msg('No answered conversations.'), closed: msg('No closed conversations.'), all: msg('No conversations yet.') }[filter];
}

export function topicLabel(id: Topic | null): string {
  if (!id) return msg('not given');
  return {
    work: msg('Changing jobs or leaving sex work'),
    money: msg('Money, benefits or debts'),
    housing: msg('Housing'),
    health: msg('Health and health insurance'),
    residence: msg('Residence and papers'),
    other: msg('Something else'),
  }[id];
}

export function languageName(locale: string, code: string | null | undefined): string {
  if (!code) return msg('not given');
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** How the person can get an answer, when not here; null when they read answers with their code. */
export function noReplyText(first: Opened): string | null {
  if (first?.kind !== 'first-contact') return null;
  if (first.reply.method === 'code') return null;
  // The number or address isolated, so it keeps its order in right-to-left text.
  const reply = first.reply.method === 'none' ? first.reply : { ...first.reply, value: isolate(first.reply.value) };
  if (reply.method === 'phone') return msg(str`No answer here: the person asked for a call at ${reply.value}`);
  if (reply.method === 'email') return msg(str`No answer here: the person asked for an e-mail to ${reply.value}`);
  return msg('No answer here: the person asked for no answer');
}

/** The first message in one line, cut at a word near `previewLength`. */
export function preview(first: Opened | undefined): string {
  if (first === undefined) return msg('Decrypting…');
  if (first === null) return msg('This message cannot be decrypted with this key.');
  const text = first.text.replace(/\s+/g, ' ').trim();
  if (text.length <= previewLength) return text;
  const cut = text.slice(0, previewLength);
  return `${cut.slice(0, cut.lastIndexOf(' ') > previewLength / 2 ? cut.lastIndexOf(' ') : previewLength)}…`;
}

/** When something happened: relative for the last week ("vor 5 Minuten"), its date before that; the exact time in `datetime` and `title`. */
export function timeOf(locale: string, seconds: number): TemplateResult {
  const at = seconds * 1000;
  const now = clock().now();
  const iso = new Date(at).toISOString();
  const absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const minutes = Math.round((now - at) / 60_000);
  // Recent activity reads best relatively ("vor 5 Minuten"); older items get their date.
  if (minutes < 0 || minutes >= 7 * 24 * 60) return html`<time datetime=${iso}>${absolute}</time>`;
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const text =
    minutes < 60 ? relative.format(-minutes, 'minute') : minutes < 24 * 60 ? relative.format(-Math.round(minutes / 60), 'hour') : relative.format(-Math.round(minutes / 1440), 'day');
  return html`<time datetime=${iso} title=${absolute}>${text}</time>`;
}

export function signInProblemText(problem: SignInProblem | undefined): string | undefined {
  if (!problem) return undefined;
  return {
    'centre-missing': msg('Enter your centre’s id'),
    'centre-format': msg('Enter the centre id in lower-case letters, digits and hyphens, like beratung-rostock'),
    'credential-missing': msg('Enter the team credential'),
    wrong: msg('The centre id or the team credential is not right. Check both and try again'),
  }[problem];
}

/** `centre`: the centre signed in for; `keyCentre`: the centre the chosen key file belongs to. */
export function keyProblemText(problem: KeyProblem | undefined, centre: string, keyCentre: string): string | undefined {
  if (!problem) return undefined;
  return {
    'file-missing': msg('Choose the private key file, or paste its content'),
    'passphrase-missing': msg('Enter the passphrase of the key file'),
    'not-a-key-file': msg('This is not a private key file. Choose the file that “wegweiser-relay keygen” made'),
    unsupported: msg('This key file is of a kind this inbox cannot open. Update the inbox, or make a new key'),
    'wrong-passphrase': msg('The passphrase is not right, or the key file was changed. Check the passphrase and try again'),
    damaged: msg('The key file is damaged. Use an unchanged copy of the file'),
    'other-centre': msg(str`This key file belongs to the centre “${keyCentre}”. You signed in for “${centre}”. Choose the key file of “${centre}”`),
    'already-open': msg('This key is open already. Choose the key file from before the key change'),
  }[problem];
}

/** The heading and sentence of a notice above the sign-in form. */
export function noticeText(notice: NonNullable<Notice>): [heading: string, text: string] {
  return {
    'session-ended': [msg('Your session has ended'), msg('Please sign in again. Nothing is lost: an answer you were writing is kept.')],
    unavailable: [msg('The relay cannot be reached at the moment'), msg('Please try again in a moment. If it stays like this, tell whoever runs your relay.')],
    'inbox-off': [msg('This relay has no team inbox'), msg('Whoever runs the relay needs to set up team credentials first.')],
    locked: [msg('The inbox is locked'), msg('The key, the session and all decrypted messages have been removed from this browser.')],
  }[notice] as [string, string];
}
