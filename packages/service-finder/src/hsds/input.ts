/**
 * Reading the input: the service nodes of every accepted shape. An array of compiled services, a
 * paginated list (`{ contents: [...] }`), one service, organization or service_at_location object,
 * or the tabular form (one array per table, joined by their `*_id` fields), whose rows are joined
 * under the names a compiled service would nest them by, so that every later step reads one shape.
 */
import { childPath } from '@wegweiser/core/validate';
import { isEmpty, isObject, type InputNode, type Reader } from './reader.js';

/** Table names of the tabular form, singular and plural (HSDS 3.0 uses the singular). */
const TABLES = {
  service: ['service', 'services'],
  organization: ['organization', 'organizations'],
  location: ['location', 'locations'],
  service_at_location: ['service_at_location', 'service_at_locations', 'services_at_location', 'services_at_locations'],
  address: ['address', 'addresses'],
  physical_address: ['physical_address', 'physical_addresses'],
  postal_address: ['postal_address', 'postal_addresses'],
  phone: ['phone', 'phones'],
  schedule: ['schedule', 'schedules', 'regular_schedule', 'regular_schedules'],
  language: ['language', 'languages'],
  accessibility: ['accessibility', 'accessibility_for_disabilities'],
  attribute: ['attribute', 'attributes'],
  taxonomy_term: ['taxonomy_term', 'taxonomy_terms'],
  service_area: ['service_area', 'service_areas'],
  url: ['url', 'urls'],
} as const;
type Table = keyof typeof TABLES;

/** The paging fields of a paginated list: read, and nothing to map. */
const PAGING = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'];

/** The service nodes of any accepted shape. */
export function servicesIn(input: unknown, r: Reader): InputNode[] {
  if (Array.isArray(input)) {
    const found: InputNode[] = [];
    input.forEach((item, index) => {
      if (!isObject(item)) {
        r.problem(`$[${index}]`, 'not an object; ignored');
        return;
      }
      found.push(...servicesOfRecord(r.node(item, `$[${index}]`), r));
    });
    return found;
  }
  if (!isObject(input)) {
    r.problem('$', 'expected HSDS JSON: an array of services, a paginated list, or an object with one array per table');
    return [];
  }
  const top = r.node(input, '$');
  if (Array.isArray(input['contents'])) {
    for (const key of PAGING) if (key in input) r.mark(top, key);
    return r.kids(top, 'contents').flatMap((node) => servicesOfRecord(node, r));
  }
  if (typeof input['name'] === 'string') return servicesOfRecord(top, r);
  const found = joinTables(top, r);
  if (!found.length) r.problem('$', 'no services found (expected a "service" table or service objects)');
  return found;
}

/** A service, or the services of an organization or service_at_location record. */
function servicesOfRecord(node: InputNode, r: Reader): InputNode[] {
  if (isObject(node.obj['service']) && !('service_at_locations' in node.obj)) {
    // A compiled service_at_location: its service, at this one location.
    const [service] = r.kids(node, 'service');
    service!.links.set('service_at_locations', [node]);
    return [service!];
  }
  if (Array.isArray(node.obj['services']) && !('service_at_locations' in node.obj)) {
    const services = r.kids(node, 'services');
    for (const service of services) if (!isObject(service.obj['organization'])) service.links.set('organization', [node]);
    return services;
  }
  return [node];
}

/** Service nodes of the tabular form, with their rows joined under the names of the compiled form. */
function joinTables(top: InputNode, r: Reader): InputNode[] {
  const tables = new Map<Table, InputNode[]>();
  for (const [table, names] of Object.entries(TABLES) as [Table, readonly string[]][]) {
    for (const key of names) {
      const rows = top.obj[key];
      if (!Array.isArray(rows)) continue;
      r.mark(top, key);
      const nodes = tables.get(table) ?? [];
      rows.forEach((row, index) => {
        if (isObject(row)) nodes.push({ obj: row, path: childPath(childPath(top.path, key), index), links: new Map() });
      });
      tables.set(table, nodes);
    }
  }
  // Rows are registered (and so checked for unmapped fields) only once reached from a service;
  // rows never reached are reported whole, below.
  const reached = (node: InputNode): InputNode => {
    if (!r.nodes.has(node.path)) r.nodes.set(node.path, node);
    return r.nodes.get(node.path)!;
  };
  const rowsWhere = (table: Table, key: string, value: unknown, also?: (node: InputNode) => boolean): InputNode[] =>
    value === undefined ? [] : (tables.get(table) ?? []).filter((node) => node.obj[key] === value && (!also || also(node)));
  const link = (node: InputNode, name: string, rows: InputNode[]): void => {
    if (rows.length) node.links.set(name, [...(node.links.get(name) ?? []), ...rows.map(reached)]);
  };
  /** Rows that link to none of `keys`: a phone of a location, not of a service at it. */
  const linkedToNone =
    (...keys: string[]) =>
    (node: InputNode): boolean =>
      keys.every((key) => isEmpty(node.obj[key]));

  const linkLanguagesAndAttributes = (node: InputNode, key: string): void => {
    link(node, 'languages', rowsWhere('language', key, node.obj['id'], key === 'location_id' ? linkedToNone('service_id', 'phone_id') : undefined));
    const attributes = rowsWhere('attribute', 'link_id', node.obj['id']);
    for (const attribute of attributes) link(attribute, 'taxonomy_term', rowsWhere('taxonomy_term', 'id', attribute.obj['taxonomy_term_id']));
    link(node, 'attributes', attributes);
  };
  const linked = new Set<InputNode>();
  const linkLocation = (location: InputNode): void => {
    if (linked.has(location)) return;
    linked.add(location);
    const id = location.obj['id'];
    link(location, 'addresses', rowsWhere('address', 'location_id', id));
    link(location, 'physical_address', rowsWhere('physical_address', 'location_id', id));
    link(location, 'postal_address', rowsWhere('postal_address', 'location_id', id));
    link(location, 'phones', rowsWhere('phone', 'location_id', id, linkedToNone('service_id', 'service_at_location_id')));
    link(location, 'schedules', rowsWhere('schedule', 'location_id', id, linkedToNone('service_id', 'service_at_location_id')));
    link(location, 'accessibility', rowsWhere('accessibility', 'location_id', id));
    linkLanguagesAndAttributes(location, 'location_id');
  };
  const linkPhones = (phones: InputNode[]): void => {
    for (const phone of phones) link(phone, 'languages', rowsWhere('language', 'phone_id', phone.obj['id']));
  };

  const services = (tables.get('service') ?? []).map(reached);
  for (const service of services) {
    const id = service.obj['id'];
    const organizations = rowsWhere('organization', 'id', service.obj['organization_id']);
    for (const organization of organizations) {
      if (linked.has(organization)) continue;
      linked.add(organization);
      link(organization, 'phones', rowsWhere('phone', 'organization_id', organization.obj['id'], linkedToNone('service_id', 'location_id', 'contact_id')));
    }
    link(service, 'organization', organizations);
    const servicesAtLocations = rowsWhere('service_at_location', 'service_id', id);
    for (const serviceAtLocation of servicesAtLocations) {
      const location = rowsWhere('location', 'id', serviceAtLocation.obj['location_id']);
      location.forEach(linkLocation);
      link(serviceAtLocation, 'location', location);
      const phones = rowsWhere('phone', 'service_at_location_id', serviceAtLocation.obj['id']);
      linkPhones(phones);
      link(serviceAtLocation, 'phones', phones);
      link(serviceAtLocation, 'schedules', rowsWhere('schedule', 'service_at_location_id', serviceAtLocation.obj['id']));
    }
    link(service, 'service_at_locations', servicesAtLocations);
    // A service without service_at_location rows but with a location_id on its schedules or phones is rare; not guessed.
    const phones = rowsWhere('phone', 'service_id', id, linkedToNone('service_at_location_id'));
    linkPhones(phones);
    link(service, 'phones', phones);
    link(service, 'schedules', rowsWhere('schedule', 'service_id', id, linkedToNone('service_at_location_id')));
    link(service, 'service_areas', rowsWhere('service_area', 'service_id', id));
    link(service, 'additional_urls', rowsWhere('url', 'service_id', id));
    linkLanguagesAndAttributes(service, 'service_id');
    // For the organization fallback (a service without a location of its own).
    for (const organization of organizations) {
      if (organization.links.has('locations')) continue;
      const locations = rowsWhere('location', 'organization_id', organization.obj['id']);
      locations.forEach(linkLocation);
      organization.links.set('locations', locations);
    }
  }
  for (const nodes of tables.values()) r.rows.push(...nodes);
  return services;
}
