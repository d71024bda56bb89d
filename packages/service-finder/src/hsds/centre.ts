/**
 * One centre from a service at a location, step by step: is the service active, its name, where it
 * is, its contacts, hours, offer, languages, accessibility, area, description and when it was last
 * checked. A step that cannot do without what is missing returns undefined, and the service at this
 * location gives no centre (the reason is among the problems). The steps run in this order because
 * the problems are reported in it.
 */
import { childPath } from '@wegweiser/core/validate';
import type { Centre } from '../model.js';
import { fold } from '../text.js';
import { contactsOf, phoneSourcesOf } from './contacts.js';
import { hoursOf, schedulesFor } from './hours.js';
import { areaOf } from './lands.js';
import { languagesOf } from './languages.js';
import { accessibilityOf, placeOf } from './location.js';
import { localText, type ImportContext, type InputNode } from './reader.js';
import { offerOf } from './topics.js';
import { cleanText, datePart, plainText, slug } from './values.js';

/** A service with a status other than active is not imported. */
function isActive(service: InputNode, ctx: ImportContext): boolean {
  const { r } = ctx;
  const status = r.peek(service, 'status');
  if (!status) return true;
  if (fold(status) !== 'active') {
    r.problem(childPath(service.path, 'status'), `status "${status.slice(0, 30)}": not imported`);
    return false;
  }
  r.mark(service, 'status');
  return true;
}

/** The service's name as given, and as the centre's name (with the location's when the service has several). */
function namesOf(service: InputNode, location: InputNode | undefined, ctx: ImportContext, suffix: string): { given: string; name: string } | undefined {
  const { r } = ctx;
  const given = r.str(service, 'name');
  if (!given) {
    r.problem(service.path, 'a service without a name; skipped');
    return undefined;
  }
  let name = cleanText(given, 200, r.noteAt(childPath(service.path, 'name')));
  if (suffix && location) {
    const locationName = r.peek(location, 'name');
    if (locationName) {
      r.mark(location, 'name');
      name = cleanText(`${name} – ${locationName}`, 200, r.noteAt(childPath(location.path, 'name')));
    }
  }
  return { given, name };
}

/** The service's description, and what is said of it at this location. */
function descriptionOf(service: InputNode, serviceAtLocation: InputNode | undefined, ctx: ImportContext): string[] {
  const descriptions: string[] = [];
  for (const node of [service, serviceAtLocation]) {
    const description = node && ctx.r.str(node, 'description');
    if (description) descriptions.push(plainText(description));
  }
  return descriptions;
}

/** assured_date, else last_modified, else (reported) the import date. */
function lastCheckedOf(service: InputNode, ctx: ImportContext): string {
  const { r } = ctx;
  const assured = datePart(r.peek(service, 'assured_date'));
  if (assured) {
    r.mark(service, 'assured_date');
    return assured;
  }
  const modified = datePart(r.peek(service, 'last_modified'));
  if (modified) {
    r.mark(service, 'last_modified');
    return modified;
  }
  r.problem(service.path, `no usable assured_date or last_modified: lastChecked set to the import date ${ctx.today}`);
  return ctx.today;
}

/** One centre from a service at a location (or without one, when the service has none). */
export function centreOf(
  service: InputNode,
  organization: InputNode | undefined,
  serviceAtLocation: InputNode | undefined,
  location: InputNode | undefined,
  ctx: ImportContext,
  suffix: string,
): Centre | undefined {
  const { r, options } = ctx;
  const path = serviceAtLocation?.path ?? service.path;
  if (!isActive(service, ctx)) return undefined;
  const names = namesOf(service, location, ctx, suffix);
  if (!names) return undefined;
  const place = placeOf(location, path, ctx);
  if (!place) return undefined;
  const phoneSources = phoneSourcesOf(service, organization, serviceAtLocation, location, ctx);
  const contacts = contactsOf(service, organization, phoneSources, ctx);
  const hours = hoursOf(schedulesFor(service, serviceAtLocation, location, ctx), ctx, path);
  const offer = offerOf(service, serviceAtLocation, location, names.given, ctx);
  if (!offer) return undefined;
  const languageNodes = [...r.kids(service, 'languages'), ...(location ? r.kids(location, 'languages') : []), ...phoneSources.flatMap((phone) => r.kids(phone, 'languages'))];
  const { languages, signLanguage } = languagesOf(languageNodes, ctx);
  const accessibility = accessibilityOf(location, signLanguage, ctx);
  const area = areaOf(service, ctx);
  const descriptions = descriptionOf(service, serviceAtLocation, ctx);
  const lastChecked = lastCheckedOf(service, ctx);

  const organisation = organization && r.peek(organization, 'name');
  if (organisation) r.mark(organization!, 'name');
  const baseId = slug(r.peek(service, 'id') ?? names.given) || 'centre';
  return {
    id: `${baseId}${suffix}`,
    name: names.name,
    ...(organisation ? { organisation: cleanText(organisation, 200, r.noteAt(childPath(organization!.path, 'name'))) } : {}),
    ...(options.fictional ? { fictional: true } : {}),
    ...(descriptions.length ? { description: localText(cleanText(descriptions.join('\n\n'), 2000, r.noteAt(childPath(service.path, 'description'))), ctx) } : {}),
    address: place.address,
    ...(place.location ? { location: place.location } : {}),
    land: place.land,
    ...(Object.keys(contacts).length ? { contacts } : {}),
    ...(hours ? { hours } : {}),
    topics: [...offer.topics],
    ...(languages.size ? { languages: [...languages] } : {}),
    ...(offer.anonymous !== undefined ? { anonymous: offer.anonymous } : {}),
    ...(offer.free !== undefined ? { free: offer.free } : {}),
    ...(accessibility ? { accessibility } : {}),
    ...(offer.targetGroups.size ? { targetGroups: [...offer.targetGroups] } : {}),
    ...(area ? { area } : {}),
    lastChecked,
  };
}
