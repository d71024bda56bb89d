/**
 * Turns SVG markup that a site did not write itself (an upload, a CMS field, a
 * pictogram pack) into plain shapes that are safe to show. The markup is parsed
 * as XML into an inert document, then rebuilt from an allow-list: nothing of
 * the original document is ever inserted into the page. Everything that could
 * run code, load something or restyle the page is dropped: scripts, event
 * handlers, links and `href`, `url()`, `<use>`, `<image>`, `<foreignObject>`,
 * `<style>` and `style`, animation, filters, masks, text.
 */
import { parseInert } from '@wegweiser/core';

/** A shape of a sanitised SVG: an allowed element with allowed attributes. */
export interface SvgNode {
  readonly tag: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly SvgNode[];
}

export interface SanitizedSvg {
  /** The result; absent when nothing usable was left or the markup was refused. */
  svg?: { viewBox: string; attributes: Record<string, string>; nodes: SvgNode[] };
  /** What was removed or changed, one line each, for the developer. */
  removed: string[];
  /** Why the markup was refused as a whole. */
  error?: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MAX_LENGTH = 100_000;
const MAX_NODES = 2_000;
const MAX_DEPTH = 16;

const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(px|%)?$/;
const numberList = /^[-+\d.eE\s,]*$/;
const pathData = /^[MmLlHhVvCcSsQqTtAaZz\d.eE\s,+-]*$/;
const transform = /^(\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\([-+\d.eE\s,]*\)\s*,?)*\s*$/;
const enumOf = (...values: string[]) => (value: string) => values.includes(value);
const matches = (pattern: RegExp) => (value: string) => pattern.test(value);

/** Shapes and the geometry attributes each may carry. */
const shapes: Record<string, readonly string[]> = {
  g: [],
  path: ['d'],
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  line: ['x1', 'y1', 'x2', 'y2'],
  polyline: ['points'],
  polygon: ['points'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
};

const checks: Record<string, (value: string) => boolean> = {
  d: matches(pathData),
  points: matches(numberList),
  'stroke-width': matches(number),
  'stroke-linecap': enumOf('butt', 'round', 'square'),
  'stroke-linejoin': enumOf('miter', 'round', 'bevel', 'miter-clip', 'arcs'),
  'stroke-miterlimit': matches(number),
  'stroke-dasharray': (v) => v === 'none' || numberList.test(v),
  'stroke-dashoffset': matches(number),
  'fill-rule': enumOf('nonzero', 'evenodd'),
  'clip-rule': enumOf('nonzero', 'evenodd'),
  opacity: matches(number),
  'fill-opacity': matches(number),
  'stroke-opacity': matches(number),
  transform: matches(transform),
};
for (const name of ['cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'width', 'height', 'x1', 'y1', 'x2', 'y2']) checks[name] = matches(number);

/** Presentation attributes allowed on every shape and on the root. */
const presentation = new Set(['fill', 'stroke', ...Object.keys(checks).filter((n) => !/^(d|points|c[xy]|r[xy]?|[xy][12]?|width|height)$/.test(n))]);

/** Whether `name="value"` may stand on a `tag`. */
function allowedAttribute(tag: string, name: string, value: string): boolean {
  if (name === 'fill' || name === 'stroke') return value === 'none' || value === 'currentColor';
  const geometry = shapes[tag];
  if (!geometry || !(geometry.includes(name) || presentation.has(name))) return false;
  return checks[name]?.(value.trim()) ?? false;
}

function allowedElement(tag: string): boolean {
  return Object.hasOwn(shapes, tag);
}

/** Parses and rebuilds `markup`; never throws. */
export function sanitizeSvg(markup: string): SanitizedSvg {
  const removed: string[] = [];
  if (markup.length > MAX_LENGTH) return { removed, error: `the SVG is longer than ${MAX_LENGTH} characters` };
  // Entity definitions can expand without bound (the "billion laughs"); pictograms never need them.
  if (/<!DOCTYPE|<!ENTITY/i.test(markup)) return { removed, error: 'the SVG has a DOCTYPE or entity definitions; remove them' };
  let doc: Document;
  try {
    doc = parseInert(markup, 'image/svg+xml');
  } catch (error) {
    return { removed, error: `the SVG could not be parsed: ${(error as Error).message}` };
  }
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || root.localName !== 'svg' || root.namespaceURI !== SVG_NS) {
    return { removed, error: 'the markup is not well-formed SVG (an <svg> root in the SVG namespace)' };
  }

  const note = (line: string) => {
    if (!removed.includes(line)) removed.push(line);
  };
  let count = 0;

  const attributesOf = (element: Element, tag: string): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const attribute of element.attributes) {
      const name = attribute.name;
      const value = attribute.value.trim();
      if (name.startsWith('xmlns') || (tag === 'svg' && (name === 'viewBox' || name === 'width' || name === 'height' || name === 'version'))) continue;
      if (name === 'fill' || name === 'stroke') {
        // One colour for all: the text colour, which forced-colours mode controls.
        if (value === 'none' || value === 'currentColor') out[name] = value;
        else {
          out[name] = 'currentColor';
          if (/url\s*\(/i.test(value)) note(`reference ${name}="${value}" on <${tag}> (now currentColor)`);
        }
        continue;
      }
      const checkTag = tag === 'svg' ? 'g' : tag;
      if (!attribute.namespaceURI && allowedAttribute(checkTag, name, value)) out[name] = value;
      else note(`attribute ${name} on <${tag}>`);
    }
    return out;
  };

  const walk = (parent: Element, depth: number): SvgNode[] => {
    const nodes: SvgNode[] = [];
    for (const child of parent.children) {
      const tag = child.localName;
      if (child.namespaceURI !== SVG_NS || !allowedElement(tag)) {
        // Names and descriptions are ours to give (localised); the rest is a risk or out of scope.
        if (tag !== 'title' && tag !== 'desc' && tag !== 'metadata') note(`element <${tag}>`);
        continue;
      }
      if (depth > MAX_DEPTH) {
        note(`shapes nested deeper than ${MAX_DEPTH} levels`);
        continue;
      }
      if (++count > MAX_NODES) {
        note(`shapes beyond the first ${MAX_NODES}`);
        break;
      }
      nodes.push({ tag, attributes: attributesOf(child, tag), children: walk(child, depth + 1) });
    }
    return nodes;
  };

  const attributes = attributesOf(root, 'svg');
  const nodes = walk(root, 0);
  if (count === 0) return { removed, error: 'no shapes were left to show' };
  return { svg: { viewBox: viewBoxOf(root), attributes, nodes }, removed };
}

/** The `viewBox`, else one made from `width` and `height`, else the built-in 24 × 24 grid. */
function viewBoxOf(root: Element): string {
  const parts = (root.getAttribute('viewBox') ?? '').trim().split(/[\s,]+/).map(Number);
  if (parts.length === 4 && parts.every(Number.isFinite) && parts[2]! > 0 && parts[3]! > 0) return parts.join(' ');
  const width = parseFloat(root.getAttribute('width') ?? '');
  const height = parseFloat(root.getAttribute('height') ?? '');
  return width > 0 && height > 0 ? `0 0 ${width} ${height}` : '0 0 24 24';
}

/**
 * Builds the `<svg>` of a sanitised result, element by element, checking the
 * allow-list once more: the nodes may also come from code that bypassed
 * `sanitizeSvg`.
 */
export function svgFromNodes(result: NonNullable<SanitizedSvg['svg']>): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', result.viewBox);
  for (const [name, value] of Object.entries(result.attributes)) {
    if (allowedAttribute('g', name, value)) svg.setAttribute(name, value);
  }
  const append = (parent: Element, nodes: readonly SvgNode[]) => {
    for (const node of nodes) {
      if (!allowedElement(node.tag)) continue;
      const element = document.createElementNS(SVG_NS, node.tag);
      for (const [name, value] of Object.entries(node.attributes)) {
        if (allowedAttribute(node.tag, name, value)) element.setAttribute(name, value);
      }
      append(element, node.children);
      parent.append(element);
    }
  };
  append(svg, result.nodes);
  return svg;
}
