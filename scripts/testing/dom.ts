/**
 * Reaching into a widget's shadow root as a test does: the helpers every component test used to
 * define for itself. They act as a person would (type into a field, press a button by its text)
 * and wait for the widget to render. The stories' play functions use them too, so this module
 * imports nothing (no test framework, no axe).
 */

/** Waits until `check` holds, looking every 25 ms; fails naming `what` after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition', ms = 15000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not reached in time: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The text a person sees in an element's shadow root (slotted content excluded). */
export function shadowText(element: Element): string {
  // Unicode isolates (core's isolate()) are invisible: left out.
  return (element.shadowRoot?.textContent ?? '').replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim();
}

type Rendering = Element & { updateComplete?: Promise<unknown> };

/** The first element in the widget's shadow root that matches (asserted present: a test that needs it fails on its absence). */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => el.shadowRoot!.querySelector<T>(selector)!;

/** Every element in the widget's shadow root that matches. */
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(selector)];

/** Types `value` into a field (a select is chosen), as the browser reports it (`input`, or `change` for a select), then waits for the render. */
export async function type(el: Rendering, selector: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event(field.localName === 'select' ? 'change' : 'input', { bubbles: true }));
  await el.updateComplete;
}

/** Clicks the element that matches `selector`, then waits for the render; fails with what the widget shows when there is none. */
export async function click(el: Rendering, selector: string): Promise<void> {
  const target = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!target) throw new Error(`no ${selector} in: ${shadowText(el).slice(0, 300)}`);
  target.click();
  await el.updateComplete;
}

/** The button whose text is `text` (trimmed); fails with what the widget shows when there is none. */
export function buttonByText(el: Element, text: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(el, 'button').find((button) => button.textContent!.trim() === text);
  if (!found) throw new Error(`no button "${text}" in: ${shadowText(el).slice(0, 300)}`);
  return found;
}

/** Presses the button whose text is `text`, then waits for the render. */
export async function clickButton(el: Rendering, text: string): Promise<void> {
  buttonByText(el, text).click();
  await el.updateComplete;
}
