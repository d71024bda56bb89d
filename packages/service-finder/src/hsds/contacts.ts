/**
 * Contacts: the first phone number that can be dialled (of the service at this location, the
 * location, the service, the organization), the e-mail address, the website and a chat link.
 */
import { childPath } from '@wegweiser/core/validate';
import { safeUrl, urlRules } from '@wegweiser/core/safe-url';
import type { Centre } from '../model.js';
import type { ImportContext, InputNode } from './reader.js';

type Contacts = NonNullable<Centre['contacts']>;

/** A phone node's number, with its extension, if it is a voice or text number the directory accepts. */
function phoneNumber(node: InputNode, ctx: ImportContext): string | undefined {
  const { r } = ctx;
  const raw = r.peek(node, 'number');
  if (!raw) return undefined;
  const type = r.peek(node, 'type')?.toLowerCase();
  if (type && !['voice', 'cell', 'text', 'textphone', 'video'].includes(type)) return undefined;
  let number = raw
    .trim()
    .replace(/^["']+|["']+$/g, '')
    .trim();
  const extension = r.peek(node, 'extension');
  if (extension && /^\d{1,6}$/.test(extension)) number = `${number}-${extension}`;
  if (!/^\+?[0-9 ()/-]{3,30}$/.test(number)) {
    r.problem(childPath(node.path, 'number'), `"${raw.slice(0, 40)}" is not a phone number the directory accepts; left out`);
    return undefined;
  }
  r.str(node, 'number');
  if (type) r.mark(node, 'type');
  if (extension && number.endsWith(`-${extension}`)) r.mark(node, 'extension');
  return number;
}

/** Where a centre's phone numbers come from, nearest first; their languages count as the centre's too. */
export function phoneSourcesOf(service: InputNode, organization: InputNode | undefined, serviceAtLocation: InputNode | undefined, location: InputNode | undefined, ctx: ImportContext): InputNode[] {
  const { r } = ctx;
  return [
    ...(serviceAtLocation ? r.kids(serviceAtLocation, 'phones') : []),
    ...(location ? r.kids(location, 'phones') : []),
    ...r.kids(service, 'phones'),
    ...(organization ? r.kids(organization, 'phones') : []),
  ];
}

/** Core's safe-URL rule, the same the directory check and the finder apply. */
const httpUrl = (text: string | undefined, secure = false): string | undefined => safeUrl(text, secure ? urlRules.securePage : urlRules.webPage, undefined) ?? undefined;

export function contactsOf(service: InputNode, organization: InputNode | undefined, phoneSources: InputNode[], ctx: ImportContext): Contacts {
  const { r } = ctx;
  const contacts: Contacts = {};
  for (const phone of phoneSources) {
    const number = phoneNumber(phone, ctx);
    if (number) {
      contacts.phone = number;
      break;
    }
  }
  const email = [service, organization].map((node) => node && r.peek(node, 'email')).find(Boolean);
  if (email) {
    const owner = r.peek(service, 'email') ? service : organization!;
    if (/^[^\s@<>"'(),;:[\]\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/.test(email.trim())) {
      contacts.email = email.trim();
      r.mark(owner, 'email');
    } else r.problem(childPath(owner.path, 'email'), `"${email.slice(0, 40)}" is not an e-mail address; left out`);
  }
  for (const [node, key] of [
    [service, 'url'],
    [organization, 'website'],
  ] as const) {
    const value = node && r.peek(node, key);
    if (!value) continue;
    const url = httpUrl(value);
    if (url && !contacts.website) {
      contacts.website = url;
      r.mark(node, key);
    } else if (!url) r.problem(childPath(node.path, key), `"${value.slice(0, 60)}" is not an http(s) address; left out`);
  }
  for (const additional of r.kids(service, 'additional_urls')) {
    const label = r.peek(additional, 'label');
    const url = httpUrl(r.peek(additional, 'url'), true);
    if (label && /chat/i.test(label) && url && !contacts.chat) {
      contacts.chat = url;
      r.mark(additional, 'url');
      r.mark(additional, 'label');
    }
  }
  return contacts;
}
