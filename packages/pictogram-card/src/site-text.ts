/**
 * Copying the site's own card text (a paragraph, the "more" section) into the
 * card's shadow root. The copy keeps what a text needs (emphasis, lists, line
 * breaks, language marks, links) and nothing that runs or loads: an element
 * outside the allow-list gives way to its text, attributes outside it are
 * dropped, and every link goes through core's safe-URL rule. The site's own
 * markup is live in the light DOM anyway; the card must never be the one that
 * keeps a `javascript:` link or an `onclick` alive.
 */
import { safeUrl, urlRules } from '@wegweiser/core/safe-url';
import type { ContentProblem } from './content.js';

/** Elements kept in the copy, with only the attributes below. */
const keptElements = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'cite', 'code', 'data', 'dd', 'del', 'dfn', 'dl', 'dt', 'em',
  'h3', 'h4', 'h5', 'h6', 'i', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'q', 's', 'samp', 'small', 'span', 'strong',
  'sub', 'sup', 'time', 'u', 'ul', 'var', 'wbr',
]);

/** Elements left out with everything inside them: they run code, load things, or are not text. */
const droppedElements = new Set([
  'audio', 'button', 'canvas', 'embed', 'form', 'frame', 'iframe', 'img', 'input', 'link', 'math', 'meta', 'noscript',
  'object', 'picture', 'script', 'select', 'slot', 'source', 'style', 'svg', 'template', 'textarea', 'video',
]);

/** Attributes kept on kept elements (`href` only after the URL check). Ids would be duplicates in the shadow root. */
const keptAttributes = new Set(['lang', 'dir', 'title', 'datetime', 'value', 'href']);

/**
 * Copies of `nodes` made safe for the card. `lang` names the version in
 * problem messages. On the server the nodes are a read-only view that renders
 * as text, so they are passed on as they are.
 */
export function copySiteText(nodes: Iterable<Node>, lang: string, problems: ContentProblem[]): Node[] {
  const copies: Node[] = [];
  for (const node of nodes) {
    if (typeof Node === 'undefined' || !(node instanceof Node)) {
      copies.push(node);
      continue;
    }
    copies.push(...cleanCopy(node, lang, problems));
  }
  return copies;
}

function cleanCopy(node: Node, lang: string, problems: ContentProblem[]): Node[] {
  if (node.nodeType === Node.TEXT_NODE) return [document.createTextNode(node.textContent ?? '')];
  if (!(node instanceof Element)) return []; // comments, processing instructions
  const name = node.localName;
  if (droppedElements.has(name)) return [];
  const children = [...node.childNodes].flatMap((child) => cleanCopy(child, lang, problems));
  if (!keptElements.has(name)) return children;
  const copy = document.createElement(name);
  for (const attribute of node.attributes) {
    if (!keptAttributes.has(attribute.name) || attribute.name === 'href') continue;
    copy.setAttribute(attribute.name, attribute.value);
  }
  if (name === 'a') {
    const written = node.getAttribute('href');
    const href = written === null ? null : safeUrl(written, urlRules.link);
    if (written !== null && href === null) {
      problems.push({
        code: 'pictogram-card/invalid-link',
        message: `A link in the "${lang}" version's text (href ${JSON.stringify(written)}) is not ${urlRules.link.description}; its text is shown without the link.`,
      });
      return children;
    }
    if (href !== null) copy.setAttribute('href', href);
  }
  copy.append(...children);
  return [copy];
}
