import { pictogramLoaders } from './generated/pictogram-loaders.js';
import { sanitizeSvg, svgFromNodes } from './sanitize-svg.js';

/**
 * One pictogram: its shapes, its localised name and its search words. The
 * built-in ones are generated modules (`@wegweiser/pictogram-card/pictograms/<id>`);
 * a site adds its own with `registerPictogram()`.
 */
export interface PictogramDefinition {
  /** Stable id, as used in `<ww-pictogram-card pictogram="…">`. */
  readonly id: string;
  /**
   * Path data in the 24 × 24 stroke grid of the built-in set, drawn in
   * `currentColor`. An entry with `fill` is a filled shape (also `currentColor`).
   */
  readonly paths?: readonly (string | { readonly d: string; readonly fill: 'currentColor' })[];
  /** A sanitised SVG (made by `registerPictogram`), cloned for each use. */
  readonly svg?: SVGSVGElement;
  /**
   * The name, the accessible name where the pictogram stands alone. Built-in
   * ones answer in the language msg() is rendering in; a site's own ones in
   * `locale`, so pass it.
   */
  label(locale?: string): string;
  /** Search words, comma-separated, in the same language as `label`. */
  keywords(locale?: string): string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const registry = new Map<string, PictogramDefinition>();

/** Tells cards that a site registered a pictogram (they may be waiting for it: registration can come after they render). */
export const registrations = new EventTarget();
const loading = new Map<string, Promise<PictogramDefinition | undefined>>();

/** The ids of the built-in pictograms. */
export const builtInPictogramIds: readonly string[] = Object.keys(pictogramLoaders);

/** A pictogram that is already loaded or registered, else `undefined`. */
export function getPictogram(id: string): PictogramDefinition | undefined {
  return registry.get(id);
}

/**
 * A pictogram by id: a registered one at once, a built-in one after loading
 * its module (a few hundred bytes), `undefined` when there is none by that id.
 */
export function loadPictogram(id: string): Promise<PictogramDefinition | undefined> {
  const known = registry.get(id);
  if (known) return Promise.resolve(known);
  let job = loading.get(id);
  if (!job) {
    const loader = Object.hasOwn(pictogramLoaders, id) ? pictogramLoaders[id] : undefined;
    job = loader
      ? loader().then(
          (module) => {
            // A site's own registration under the same id wins, also if it came while loading.
            if (!registry.has(id)) registry.set(id, module.default);
            return registry.get(id);
          },
          (error: unknown) => {
            loading.delete(id);
            throw error;
          },
        )
      : Promise.resolve(undefined);
    loading.set(id, job);
  }
  return job;
}

/** Makes built-in pictograms available without a further request (import them from `…/pictograms/<id>`). */
export function addPictograms(...pictograms: PictogramDefinition[]): void {
  for (const pictogram of pictograms) registry.set(pictogram.id, pictogram);
}

/** A site's own pictogram, as `registerPictogram()` takes it. */
export interface OwnPictogram {
  /** Id for the `pictogram` attribute: lower-case letters, digits and hyphens. */
  id: string;
  /** The SVG markup. It is sanitised: see docs/pictograms.md for what is kept. */
  svg: string;
  /** The name per language (`{ de: 'Duschen', en: 'Showers' }`), or one name for every language. */
  label: string | Readonly<Record<string, string>>;
  /** Search words per language, or one list for every language. */
  keywords?: string | Readonly<Record<string, string>>;
}

/** What `registerPictogram()` did. */
export interface RegisterResult {
  /** Whether the pictogram can now be used. */
  ok: boolean;
  /** What the sanitiser removed, or why nothing was registered, for the developer. */
  problems: string[];
}

/**
 * Adds a site's own SVG pictogram. The markup is parsed as SVG and rebuilt
 * from an allow-list of shapes and presentation attributes: scripts, event
 * handlers, links, external references, styles, text and foreign content are
 * dropped, and every colour becomes `currentColor` so the pictogram follows
 * the text colour and stays visible in forced colours. Never throws; problems
 * are returned and logged.
 */
export function registerPictogram(own: OwnPictogram): RegisterResult {
  const refused: string[] = [];
  if (typeof own?.id !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(own.id)) {
    refused.push(`id ${JSON.stringify(own?.id)} must be lower-case letters, digits and hyphens, starting with a letter`);
  }
  if (!own?.label || (typeof own.label !== 'string' && typeof own.label !== 'object')) refused.push('label is missing');
  const result = sanitizeSvg(typeof own?.svg === 'string' ? own.svg : '');
  if (result.error) refused.push(result.error);
  if (refused.length > 0 || !result.svg) {
    console.error(`[pictogram-card] registerPictogram: not registered: ${refused.join('; ')}`);
    return { ok: false, problems: [...refused, ...result.removed] };
  }
  if (result.removed.length > 0) console.warn(`[pictogram-card] registerPictogram("${own.id}") removed: ${result.removed.join('; ')}`);
  registry.set(own.id, { id: own.id, svg: svgFromNodes(result.svg), label: inLocale(own.label, own.id), keywords: inLocale(own.keywords, '') });
  registrations.dispatchEvent(new Event('registered'));
  return { ok: true, problems: result.removed };
}

/** A per-language text as a function of the locale: exact, then the language, then German, English, any. */
function inLocale(value: string | Readonly<Record<string, string>> | undefined, fallback: string) {
  return (locale = ''): string => {
    if (value === undefined) return fallback;
    if (typeof value === 'string') return value;
    return value[locale] ?? value[locale.split('-')[0]!] ?? value['de'] ?? value['en'] ?? Object.values(value)[0] ?? fallback;
  };
}

/**
 * A fresh `<svg>` for a pictogram, built element by element (no innerHTML),
 * hidden from assistive technology: the visible word next to it is the name.
 */
export function pictogramSvg(pictogram: PictogramDefinition): SVGSVGElement {
  let svg: SVGSVGElement;
  if (pictogram.svg) svg = pictogram.svg.cloneNode(true) as SVGSVGElement;
  else {
    svg = document.createElementNS(SVG_NS, 'svg');
    const root = { viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', 'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
    for (const [name, value] of Object.entries(root)) svg.setAttribute(name, value);
    for (const path of pictogram.paths ?? []) {
      const element = document.createElementNS(SVG_NS, 'path');
      element.setAttribute('d', typeof path === 'string' ? path : path.d);
      if (typeof path !== 'string') element.setAttribute('fill', 'currentColor');
      svg.append(element);
    }
  }
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  return svg;
}
