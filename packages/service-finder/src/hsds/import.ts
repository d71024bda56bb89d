/**
 * The import: every service of the input (input.ts) at each of its physical locations gives a
 * centre (centre.ts); ids are made unique; the directory is checked as the finder will check it,
 * and what would not pass is left out with the reason.
 */
import { checkDirectory, checkHours } from '../checking.js';
import type { Centre, Directory } from '../model.js';
import { centreOf } from './centre.js';
import { servicesIn } from './input.js';
import { languageTag } from './languages.js';
import type { HsdsImport, HsdsOptions } from './options.js';
import { Reader, type ImportContext, type InputNode } from './reader.js';
import { isDate } from './values.js';

interface Visit {
  serviceAtLocation?: InputNode;
  location?: InputNode;
}

const isPhysical = (location: InputNode, r: Reader): boolean => (r.peek(location, 'location_type') ?? 'physical').toLowerCase() === 'physical';

/**
 * Where a service can be visited: its physical service_at_locations (virtual locations are not
 * places to go to); without any, its organization's only physical location (reported); else one
 * centre without a location, which the address step then refuses with the reason.
 */
function placesToVisit(service: InputNode, organization: InputNode | undefined, r: Reader): Visit[] {
  const visits: Visit[] = [];
  for (const serviceAtLocation of r.kids(service, 'service_at_locations')) {
    const location = r.kids(serviceAtLocation, 'location')[0];
    if (location && !isPhysical(location, r)) continue;
    if (location && location.obj['location_type'] !== undefined) r.mark(location, 'location_type');
    visits.push({ serviceAtLocation, location });
  }
  if (!visits.length && organization) {
    const locations = r
      .kids(organization, 'locations')
      .map((location) => {
        // The same location seen before (under a service) is the node already marked.
        const known = r.nodes.get(location.path);
        if (known) return known;
        r.nodes.set(location.path, location);
        return location;
      })
      .filter((location) => isPhysical(location, r));
    if (locations.length === 1) {
      const only = locations[0]!;
      if (only.obj['location_type'] !== undefined) r.mark(only, 'location_type');
      r.problem(service.path, `no service_at_location: the organization's only location ${only.path} is used`);
      return [{ location: only }];
    }
  }
  return visits.length ? visits : [{}];
}

/**
 * Reads HSDS JSON (already parsed) into a directory. Never throws on bad data:
 * what cannot be used is reported.
 */
export function importHsds(input: unknown, options: HsdsOptions = {}): HsdsImport {
  const r = new Reader();
  const today = options.today && isDate(options.today) ? options.today : new Date().toISOString().slice(0, 10);
  const language = options.language ? (languageTag(options.language, undefined) ?? 'de') : 'de';
  const ctx: ImportContext = { r, options, today, language };
  const centres: Centre[] = [];
  const ids = new Set<string>();

  for (const service of servicesIn(input, r)) {
    const [organization] = r.kids(service, 'organization');
    const visits = placesToVisit(service, organization, r);
    let made = 0;
    visits.forEach(({ serviceAtLocation, location }, index) => {
      const centre = centreOf(service, organization, serviceAtLocation, location, ctx, visits.length > 1 ? `-${index + 1}` : '');
      if (!centre) return;
      made++;
      // Unique ids: a second service with the same slug gets a number.
      let id = centre.id;
      for (let n = 2; ids.has(id); n++) id = `${centre.id.slice(0, 60)}-${n}`;
      ids.add(id);
      centres.push({ ...centre, id });
    });
    if (!made) r.skipped.push(service.path);
  }

  const directory: Directory = {
    version: 1,
    ...(options.name ? { name: options.name.slice(0, 200) } : {}),
    ...(options.fictional ? { fictional: true } : {}),
    centres,
  };
  // The promise: the result passes checkDirectory. Whatever would not is left out, with the reason.
  const checked = checkDirectory(directory, checkHours);
  if (checked.problems.length) {
    const bad = new Set<number>();
    for (const problem of checked.problems) {
      const centreIndex = /^\$\.centres\[(\d+)\]/.exec(problem.path);
      if (centreIndex && problem.severity === 'error') bad.add(Number(centreIndex[1]));
      const where = problem.path.replace(/^\$\.centres\[(\d+)\]/, (_, index: string) => `centre "${centres[Number(index)]?.id ?? index}"`);
      r.problem(where, `${problem.message}${problem.severity === 'error' ? '; skipped' : ''}`);
    }
    directory.centres = centres.filter((_, index) => !bad.has(index));
  }
  const unmapped = r.unmapped();
  return { directory, report: { unmapped, problems: r.problems } };
}

/** The unmapped paths grouped by their shape ("$.service[*].alert (12×)"), for a readable report. */
export function summariseUnmapped(paths: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const shape = path.replace(/\[\d+\]/g, '[*]');
    counts.set(shape, (counts.get(shape) ?? 0) + 1);
  }
  return [...counts].map(([shape, count]) => (count > 1 ? `${shape} (${count}×)` : shape));
}
