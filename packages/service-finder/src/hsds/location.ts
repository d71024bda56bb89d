/**
 * Where a centre is: its address (a physical one with a city; a postal one gives only the city),
 * its Land and coordinates (from the data, else from the postcode/place table), and what its
 * accessibility description says.
 */
import { childPath } from '@wegweiser/core/validate';
import type { Centre } from '../model.js';
import type { Place } from '../places.js';
import { fold } from '../text.js';
import { AGS_LAND, landFromName } from './lands.js';
import { localText, type ImportContext, type InputNode, type Reader } from './reader.js';
import { cleanText, plainText } from './values.js';

interface PickedAddress {
  node: InputNode;
  /** A postal address: its street is not where to go. */
  postal: boolean;
}

/** The location's first physical address with a city, else its first address with a city. */
function pickAddress(location: InputNode, r: Reader): PickedAddress | undefined {
  const candidates: PickedAddress[] = [];
  for (const address of r.kids(location, 'addresses')) candidates.push({ node: address, postal: (r.peek(address, 'address_type') ?? 'physical').toLowerCase() !== 'physical' });
  for (const address of r.kids(location, 'physical_address')) candidates.push({ node: address, postal: false });
  for (const address of r.kids(location, 'postal_address')) candidates.push({ node: address, postal: true });
  return candidates.find((candidate) => !candidate.postal && r.peek(candidate.node, 'city')) ?? candidates.find((candidate) => r.peek(candidate.node, 'city'));
}

interface AddressFound {
  address: Centre['address'];
  node: InputNode;
  city: string;
  /** The postal_code as given (checked or not). */
  postcode: string | undefined;
}

/** The centre's address, or undefined (skipped) without a city or outside Germany. */
function addressOf(location: InputNode | undefined, path: string, ctx: ImportContext): AddressFound | undefined {
  const { r } = ctx;
  const picked = location ? pickAddress(location, r) : undefined;
  if (!picked) {
    r.problem(location?.path ?? path, 'no address with a city; skipped (the directory needs at least the city)');
    return undefined;
  }
  const node = picked.node;
  const country = r.peek(node, 'country');
  if (country) {
    if (!/^(de|deu|germany|deutschland)$/i.test(country.trim())) {
      r.problem(childPath(node.path, 'country'), `country "${country.slice(0, 20)}": the directory covers Germany only; skipped`);
      return undefined;
    }
    r.mark(node, 'country');
  }
  const city = cleanText(r.str(node, 'city')!, 100, r.noteAt(childPath(node.path, 'city')));
  const address: Centre['address'] = { city };
  if (!picked.postal) {
    if (node.obj['address_type'] !== undefined) r.mark(node, 'address_type');
    const line1 = r.peek(node, 'address_1');
    const line2 = r.peek(node, 'address_2');
    const street = [line1, line2].filter(Boolean).join(', ');
    if (street) {
      address.street = cleanText(street, 200, r.noteAt(childPath(node.path, 'address_1')));
      if (line1) r.mark(node, 'address_1');
      if (line2) r.mark(node, 'address_2');
    }
  }
  const postcode = r.peek(node, 'postal_code')?.trim();
  if (postcode && /^\d{5}$/.test(postcode)) {
    if (!picked.postal) address.postcode = postcode;
    r.mark(node, 'postal_code');
  } else if (postcode) r.problem(childPath(node.path, 'postal_code'), `"${postcode.slice(0, 12)}" is not a German postcode; left out`);
  const transport = location && r.peek(location, 'transportation');
  if (transport) {
    address.note = localText(cleanText(plainText(transport), 2000, r.noteAt(childPath(location.path, 'transportation'))), ctx);
    r.mark(location, 'transportation');
  }
  return { address, node, city, postcode };
}

/** The Land: state_province or region, else the postcode's or town's district, else a city state's name. */
function landOf(found: AddressFound, known: Place | undefined, ctx: ImportContext): string | undefined {
  const { r } = ctx;
  const { node, city } = found;
  let land: string | undefined;
  for (const key of ['state_province', 'region']) {
    const value = r.peek(node, key);
    if (!value) continue;
    land = landFromName(value);
    if (land) {
      r.mark(node, key);
      break;
    }
    if (key === 'state_province') r.problem(childPath(node.path, key), `"${value.slice(0, 40)}" is not a German Land`);
  }
  const district = known?.district;
  land ??= district ? AGS_LAND[Number(district.slice(0, 2))] : undefined;
  // The city states need no postcode.
  if (!land && ['berlin', 'hamburg', 'bremen', 'bremerhaven'].includes(fold(city))) land = fold(city) === 'bremerhaven' ? 'DE-HB' : landFromName(city);
  if (!land) {
    r.problem(node.path, 'no Land: state_province is missing and the postcode is unknown; skipped');
    return undefined;
  }
  return land;
}

/** Coordinates in Germany from the location, else (reported) those of the postcode or town. */
function coordinatesOf(location: InputNode | undefined, path: string, found: AddressFound, byPostcode: Place | undefined, byCity: Place | undefined, ctx: ImportContext): Centre['location'] {
  const { r } = ctx;
  const lat = location?.obj['latitude'];
  const lon = location?.obj['longitude'];
  if (typeof lat === 'number' && typeof lon === 'number' && lat >= 47 && lat <= 55.2 && lon >= 5.8 && lon <= 15.1) {
    r.mark(location!, 'latitude');
    r.mark(location!, 'longitude');
    return { lat, lon };
  }
  if (lat !== undefined || lon !== undefined) r.problem(location!.path, `coordinates ${String(lat)}, ${String(lon)} are not in Germany; left out`);
  const guess = byPostcode ?? byCity;
  if (!guess) return undefined;
  r.problem(location?.path ?? path, `coordinates taken from ${byPostcode ? `the postcode ${found.postcode}` : `the town ${found.city}`}`);
  return { lat: guess.lat, lon: guess.lon };
}

export interface CentrePlace {
  address: Centre['address'];
  land: string;
  location: Centre['location'];
}

/** Address, Land and coordinates of a centre, or undefined when it cannot be placed (skipped). */
export function placeOf(location: InputNode | undefined, path: string, ctx: ImportContext): CentrePlace | undefined {
  const found = addressOf(location, path, ctx);
  if (!found) return undefined;
  const { postcode, city } = found;
  const places = ctx.options.places;
  const byPostcode = postcode && /^\d{5}$/.test(postcode) ? places?.postcode(postcode) : undefined;
  const byCity = byPostcode ? undefined : places?.search(city, 5).find((place) => fold(place.label) === fold(city));
  const land = landOf(found, byPostcode ?? byCity, ctx);
  if (!land) return undefined;
  return { address: found.address, land, location: coordinatesOf(location, path, found, byPostcode, byCity, ctx) };
}

/** The location's accessibility: its descriptions kept as a note, known features as flags. */
export function accessibilityOf(location: InputNode | undefined, signLanguage: boolean, ctx: ImportContext): Centre['accessibility'] | undefined {
  const { r } = ctx;
  const accessibility: NonNullable<Centre['accessibility']> = {};
  const notes: string[] = [];
  if (location) {
    for (const node of [...r.kids(location, 'accessibility'), ...r.kids(location, 'accessibility_for_disabilities')]) {
      for (const key of ['description', 'details', 'accessibility']) {
        const text = r.str(node, key);
        if (!text) continue;
        notes.push(plainText(text));
        const folded = fold(text);
        const saysStepFree = /rollstuhl|wheelchair|stufenlos|step-free|step free|barrierefrei|ebenerdig|aufzug|lift|elevator|ramp/.test(folded);
        const saysNotStepFree = /nicht barrierefrei|not (wheelchair )?accessible|kein aufzug|no lift|keine rampe|stufen am eingang/.test(folded);
        if (saysStepFree && !saysNotStepFree) accessibility.stepFree = true;
        if (/(behinderten|barrierefrei|rollstuhl|accessible|wheelchair)[- ]?(wc|toilet)|toilette.*barrierefrei|accessible toilet|behindertengerechte toilette|rollstuhlgerechtes wc/.test(folded)) {
          accessibility.accessibleToilet = true;
        }
        if (/gebardensprache|sign language|\bdgs\b/.test(folded)) accessibility.signLanguage = true;
        if (/leichte[nr]? sprache|easy read|easy language/.test(folded)) accessibility.easyLanguage = true;
      }
    }
  }
  if (signLanguage) accessibility.signLanguage = true;
  if (notes.length) accessibility.note = localText(cleanText(notes.join('\n'), 2000, r.noteAt(`${location!.path}.accessibility`)), ctx);
  return Object.keys(accessibility).length ? accessibility : undefined;
}
