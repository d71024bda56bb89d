/**
 * Registers a widget's tag, once. A page can load a widget twice (two bundles, or a CMS block and
 * a theme that both include it), and a second `customElements.define` of a tag throws; the first
 * registration wins and the page keeps working.
 *
 * Each package's define file calls it, and only the define files: a site that imports the class
 * alone can subclass it or register it under another tag. scripts/docs-lists.mjs and the
 * accessibility statement's test read the tag and class from this call.
 */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
