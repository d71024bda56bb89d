import type { DefaultTreeAdapterMap } from 'parse5';

type ParsedNode = DefaultTreeAdapterMap['node'];
type ParsedElement = DefaultTreeAdapterMap['element'];

function isElement(node: ParsedNode): node is ParsedElement {
  return 'tagName' in node;
}

/** One simple selector: a tag (or none) and attribute conditions. */
interface Compound {
  scopeChild: boolean;
  tag: string | undefined;
  attributes: { name: string; value: string | undefined }[];
}

const compoundPattern = /^(:scope\s*>\s*)?([a-z][a-z0-9-]*|\*)?((?:\[[^\]]+\])*)$/i;
const attributePattern = /\[\s*([^\s=\]]+)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?\s*\]/g;

/**
 * The selectors widgets use on their own children ("a[href]", "h1, h2, [data-title]",
 * ":scope > summary"). Anything else throws, so a widget that starts using a
 * selector this view cannot answer fails loudly in the SSR tests, not quietly.
 */
function parseSelector(selector: string): Compound[] {
  return selector.split(',').map((part) => {
    const match = compoundPattern.exec(part.trim());
    if (!match || (!match[2] && !match[3])) throw new Error(`@wegweiser/ssr: the server cannot answer the selector "${selector}"`);
    const attributes = [...(match[3] ?? '').matchAll(attributePattern)].map((m) => ({ name: m[1]!.toLowerCase(), value: m[2] ?? m[3] ?? m[4] }));
    const tag = match[2] && match[2] !== '*' ? match[2].toLowerCase() : undefined;
    return { scopeChild: Boolean(match[1]), tag, attributes };
  });
}

/**
 * A read-only view of the children the page wrote inside a widget, with the
 * few DOM members widgets read on connect and first render (children,
 * textContent, getAttribute, querySelector …). On the server a widget has no
 * DOM; this lets inline JSON, a slotted link or a card's texts reach it.
 */
export class ServerNode {
  constructor(private readonly node: ParsedNode) {}

  get nodeType(): number {
    return isElement(this.node) ? 1 : this.node.nodeName === '#text' ? 3 : this.node.nodeName === '#comment' ? 8 : 11;
  }

  get nodeName(): string {
    return isElement(this.node) ? this.node.tagName.toUpperCase() : this.node.nodeName;
  }

  get localName(): string | null {
    return isElement(this.node) ? this.node.tagName : null;
  }

  get tagName(): string | null {
    return isElement(this.node) ? this.node.tagName.toUpperCase() : null;
  }

  /** A script's `type`, as `HTMLScriptElement.type` reads it. */
  get type(): string {
    return this.getAttribute('type') ?? '';
  }

  get childNodes(): ServerNode[] {
    const children = 'childNodes' in this.node ? this.node.childNodes : [];
    return children.map((child) => new ServerNode(child));
  }

  get children(): ServerNode[] {
    return this.childNodes.filter((child) => child.nodeType === 1);
  }

  get textContent(): string {
    const node = this.node;
    if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
    if (node.nodeName === '#comment') return (node as DefaultTreeAdapterMap['commentNode']).data;
    return this.childNodes
      .filter((child) => child.nodeType !== 8)
      .map((child) => child.textContent)
      .join('');
  }

  getAttribute(name: string): string | null {
    if (!isElement(this.node)) return null;
    const lower = name.toLowerCase();
    return this.node.attrs.find((a) => a.name === lower)?.value ?? null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  getAttributeNames(): string[] {
    return isElement(this.node) ? this.node.attrs.map((a) => a.name) : [];
  }

  /** Whether `other` is this node or inside it. */
  contains(other: ServerNode | null): boolean {
    if (!other) return false;
    for (let node: ParsedNode | null = other.node; node; node = ('parentNode' in node ? node.parentNode : null) as ParsedNode | null) {
      if (node === this.node) return true;
    }
    return false;
  }

  /** The server never changes the page's nodes, so a copy is the node itself. */
  cloneNode(): ServerNode {
    return this;
  }

  querySelectorAll(selector: string): ServerNode[] {
    const compounds = parseSelector(selector);
    const found: ServerNode[] = [];
    const walk = (node: ParsedNode, depth: number): void => {
      for (const child of 'childNodes' in node ? node.childNodes : []) {
        if (!isElement(child)) continue;
        if (compounds.some((c) => (!c.scopeChild || depth === 0) && matches(child, c))) found.push(new ServerNode(child));
        walk(child, depth + 1);
      }
    };
    walk(this.node, 0);
    return found;
  }

  querySelector(selector: string): ServerNode | null {
    return this.querySelectorAll(selector)[0] ?? null;
  }

  /** What Lit's server renderer writes for a node: its text (markup comes back when the browser takes over). */
  toString(): string {
    return this.textContent;
  }
}

function matches(element: ParsedElement, compound: Compound): boolean {
  if (compound.tag && element.tagName !== compound.tag) return false;
  return compound.attributes.every(({ name, value }) => {
    const attribute = element.attrs.find((a) => a.name === name);
    return attribute !== undefined && (value === undefined || attribute.value === value);
  });
}

/** The members of a server-side widget that the view provides, bound to the widget's own children. */
export function lightDomMembers(host: ParsedElement): PropertyDescriptorMap {
  const view = new ServerNode(host);
  return {
    children: { get: () => view.children, configurable: true },
    childNodes: { get: () => view.childNodes, configurable: true },
    textContent: { get: () => view.textContent, configurable: true },
    querySelector: { value: (selector: string) => view.querySelector(selector), configurable: true },
    querySelectorAll: { value: (selector: string) => view.querySelectorAll(selector), configurable: true },
    contains: { value: (other: ServerNode | null) => view.contains(other), configurable: true },
  };
}
