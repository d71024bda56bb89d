import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import type { LocaleModule } from '@lit/localize';

/** The language the message sources are written in. */
export const sourceLocale = 'en';

/** Loads one package's compiled messages for one locale (a generated module). */
export type MessageLoader = () => Promise<LocaleModule>;

/** One package's catalogue: a loader per target locale. */
export type MessageCatalogue = Readonly<Record<string, MessageLoader>>;

type Templates = LocaleModule['templates'];

interface Store {
  /** The locale of the widget currently rendering; read by every msg() call. */
  renderLocale: string;
  catalogues: Map<string, MessageCatalogue>;
  /** Templates merged over all packages, per locale. */
  templates: Map<string, Record<string, Templates[string]>>;
  /** package + locale pairs loading or loaded. */
  loads: Map<string, Promise<void>>;
  /** package + locale pairs loaded. */
  loaded: Set<string>;
}

/*
 * Several widget packages may be bundled separately, each with its own copy of
 * this module and maybe of @lit/localize. They must agree on one page-wide
 * state, so it lives on globalThis under a registered symbol, versioned so a
 * future incompatible shape cannot be misread.
 */
const STORE_KEY = Symbol.for('@wegweiser/core/localization@1');
const globalRecord = globalThis as unknown as Record<symbol, Store | undefined>;
const store: Store = (globalRecord[STORE_KEY] ??= {
  renderLocale: sourceLocale,
  catalogues: new Map(),
  templates: new Map(),
  loads: new Map(),
  loaded: new Set(),
});

try {
  // Reentrant mode asks getLocale() before every msg() call, so each widget can
  // render in its own language even when a page mixes languages.
  configureReentrantLocalization({
    sourceLocale,
    // Only consulted to skip lookups for the source locale; every other locale
    // is looked up and falls back to the source text when a message is missing.
    targetLocales: ['*'],
    getLocale: () => (store.renderLocale === sourceLocale ? sourceLocale : '*'),
    loadLocaleSync: () => ({ templates: store.templates.get(store.renderLocale) ?? {} }),
  });
} catch {
  // Another copy of this module already configured this copy of @lit/localize;
  // it reads the same shared store, so nothing is lost.
}

/** Every locale that at least one registered package can show, source included. */
export function availableLocales(): string[] {
  const locales = new Set([sourceLocale]);
  for (const catalogue of store.catalogues.values()) {
    for (const locale of Object.keys(catalogue)) locales.add(locale);
  }
  return [...locales];
}

/** Makes a package's translations known. Call once at module load of the package. */
export function registerMessages(packageName: string, catalogue: MessageCatalogue): void {
  store.catalogues.set(packageName, catalogue);
}

/**
 * Loads every registered package's messages for `locale` and merges them into
 * the shared table. Resolves when they are usable; rejects if one failed (the
 * others stay loaded, and missing messages fall back to the source text).
 */
export async function loadMessages(locale: string): Promise<void> {
  if (locale === sourceLocale) return;
  const jobs: Promise<void>[] = [];
  for (const [name, catalogue] of store.catalogues) {
    const loader = catalogue[locale];
    if (!loader) continue;
    const key = `${name}\u0000${locale}`;
    let job = store.loads.get(key);
    if (!job) {
      job = loader().then(
        (module) => {
          const table = store.templates.get(locale) ?? {};
          Object.assign(table, module.templates);
          store.templates.set(locale, table);
          store.loaded.add(key);
        },
        (error: unknown) => {
          // Forget the failure so a later render can try again.
          store.loads.delete(key);
          throw error;
        },
      );
      store.loads.set(key, job);
    }
    jobs.push(job);
  }
  await Promise.all(jobs);
}

/** Whether `loadMessages(locale)` has finished for every registered package. */
export function messagesReady(locale: string): boolean {
  if (locale === sourceLocale) return true;
  for (const [name, catalogue] of store.catalogues) {
    if (!catalogue[locale]) continue;
    if (!store.loaded.has(`${name}\u0000${locale}`)) return false;
  }
  return true;
}

/** Runs `render` with msg() answering in `locale`. Rendering is synchronous, so this is safe to nest. */
export function withLocale<T>(locale: string, render: () => T): T {
  const previous = store.renderLocale;
  store.renderLocale = locale;
  try {
    return render();
  } finally {
    store.renderLocale = previous;
  }
}
