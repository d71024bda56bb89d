/**
 * Shared test support: hooks every component test gets, and the suites that
 * every widget must pass (Lion's test-suites idea).
 */
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
// Loaded before chai-a11y-axe loads it, so the configuration below applies.
import 'axe-core/axe.min.js';

// axe leaves WCAG 2.2's target-size rule (2.5.8, 24 × 24 px) off by default; we check it.
(window as unknown as { axe: { configure(spec: object): void } }).axe.configure({
  rules: [{ id: 'target-size', enabled: true }],
});

declare global {
  var __wwLitWarnings: string[] | undefined;
}

// Any Lit dev-mode warning fails the test during which it appeared.
afterEach(function () {
  const warnings = globalThis.__wwLitWarnings ?? [];
  if (warnings.length > 0) {
    const text = warnings.splice(0).join('\n');
    throw new Error(`Lit warned:\n${text}`);
  }
});

/** Collects the `ww-error` events fired on or inside `target` while `run` runs. */
export async function collectErrors(run: () => Promise<unknown>, target: EventTarget = document): Promise<CustomEvent[]> {
  const events: CustomEvent[] = [];
  const listener = (e: Event) => events.push(e as CustomEvent);
  target.addEventListener('ww-error', listener);
  const error = console.error;
  console.error = () => {};
  try {
    await run();
  } finally {
    console.error = error;
    target.removeEventListener('ww-error', listener);
  }
  return events;
}

/** The text a person sees in an element's shadow root (slotted content excluded). */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export interface WidgetExamples {
  /** Every state a person can meet, each rendered fresh. */
  states: Record<string, () => TemplateResult>;
  /** Optional: brings a rendered example into a further state (e.g. after a key press). */
  interact?: Record<string, (element: HTMLElement) => Promise<void>>;
}

/** Every state of the widget passes axe (WCAG 2.2 A/AA) in German and English. */
export function itIsAccessibleInEveryState(examples: WidgetExamples, locales = ['de', 'en']): void {
  for (const locale of locales) {
    for (const [name, template] of Object.entries(examples.states)) {
      it(`is accessible: ${name} (${locale})`, async () => {
        const wrapper = await fixture<HTMLElement>(template(), { parentNode: withLang(locale) });
        const element = wrapper as HTMLElement;
        const interact = examples.interact?.[name];
        if (interact) await interact(element);
        await expect(element).to.be.accessible();
        await expect(element.shadowRoot?.textContent?.trim()).to.not.equal('');
      });
    }
  }
}

const langContainers: HTMLElement[] = [];
afterEach(() => {
  for (const div of langContainers.splice(0)) div.remove();
});

/** A container with `lang` set, removed after the test. */
export function withLang(lang: string): HTMLElement {
  const div = document.createElement('div');
  div.lang = lang;
  document.body.append(div);
  langContainers.push(div);
  return div;
}

export interface BadInput {
  template: () => TemplateResult;
  /** The `ww-error` code the widget must report. */
  code: string;
}

/** Bad attributes give a clear error and a working widget, never a blank one or an exception. */
export function itSurvivesBadInput(cases: Record<string, BadInput>): void {
  for (const [name, example] of Object.entries(cases)) {
    it(`survives bad input: ${name}`, async () => {
      let element: HTMLElement | undefined;
      const events = await collectErrors(async () => {
        element = await fixture<HTMLElement>(example.template());
      });
      expect(events.map((e) => (e.detail as { code: string }).code)).to.include(example.code);
      expect(shadowText(element!)).to.not.equal('');
      await expect(element!).to.be.accessible();
    });
  }
}
