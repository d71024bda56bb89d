/// <reference types="vite/client" />
import '@wegweiser/tokens/tokens.css';
import { html } from 'lit';
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { MINIMAL_VIEWPORTS } from 'storybook/viewport';
import type { LocaleModule } from '@lit/localize';
import { registerMessages, textDirection } from '@wegweiser/core';
import './preview.css';

/** Every language the widgets speak, each named in itself, and the pseudo-locale of the tests. */
const locales = [
  { value: 'de', title: 'Deutsch' },
  { value: 'de-x-ls', title: 'Deutsch – Leichte Sprache' },
  { value: 'en', title: 'English' },
  { value: 'ro', title: 'Română' },
  { value: 'bg', title: 'Български' },
  { value: 'hu', title: 'Magyar' },
  { value: 'es', title: 'Español' },
  { value: 'pl', title: 'Polski' },
  { value: 'ru', title: 'Русский' },
  { value: 'uk', title: 'Українська' },
  { value: 'tr', title: 'Türkçe' },
  { value: 'th', title: 'ไทย' },
  { value: 'ar', title: 'العربية' },
  { value: 'en-XA', title: 'Pseudo (tests)' },
] as const;

/*
 * The pseudo-locale (docs/localisation.md): accented, longer texts that show hard-coded strings
 * and truncation. `npm run build` writes it for the tests; Storybook registers the same modules.
 */
const pseudo = import.meta.glob<LocaleModule>('../scripts/testing/generated/pseudo/*.ts');
for (const [path, load] of Object.entries(pseudo)) {
  if (!path.endsWith('/index.ts')) registerMessages(`pseudo:${path}`, { 'en-XA': load });
}

interface ManifestEntry {
  name: string;
  kind?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  attribute?: string;
  [key: string]: unknown;
}

interface Declaration {
  tagName?: string;
  members?: ManifestEntry[];
  cssParts?: ManifestEntry[];
  slots?: ManifestEntry[];
  [key: string]: unknown;
}

interface CustomElementsManifest {
  schemaVersion: string;
  readme?: string;
  modules: { declarations?: Declaration[]; [key: string]: unknown }[];
}

/*
 * Every package's custom-elements.json, merged, so each story's docs table comes from the
 * JSDoc header of its element. The glob is resolved at build time: a package whose manifest
 * has not been generated yet (`node scripts/build.mjs`) is simply absent, not an error.
 */
const manifests = import.meta.glob<CustomElementsManifest>('../packages/*/custom-elements.json', {
  eager: true,
  import: 'default',
});

/**
 * Storybook's docs table keys every row by its bare name across all categories, and lists every
 * class member. So: leave out private, protected and static members; leave out fields that an
 * attribute already stands for; and name parts `::part(x)` and the default slot, so a part called
 * like an attribute (`hint`) does not replace the attribute's row.
 */
function forDocsTable(declaration: Declaration): Declaration {
  if (!declaration.tagName) return declaration;
  return {
    ...declaration,
    members: declaration.members?.filter(
      (member) => (member.privacy ?? 'public') === 'public' && !member.static && !(member.kind === 'field' && member.attribute),
    ),
    cssParts: declaration.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` })),
    slots: declaration.slots?.map((slot) => ({ ...slot, name: slot.name || '(default slot)' })),
  };
}

const merged = Object.values(manifests);
setCustomElementsManifest({
  schemaVersion: merged[0]?.schemaVersion ?? '1.0.0',
  readme: '',
  modules: merged.flatMap((manifest) =>
    manifest.modules.map((module) => ({ ...module, declarations: module.declarations?.map(forDocsTable) })),
  ),
});

/*
 * A story must never leave Storybook: cancel every exit as it bubbles to the window (ww-exit is
 * composed and cancelable). Stories add their own listener to log it and lift the cover.
 */
window.addEventListener('ww-exit', (event) => event.preventDefault());

const themes = ['default', 'dark', 'high-contrast', 'auto'] as const;

/**
 * Theme, language and direction go on a wrapper, as a site would set them on an ancestor. The
 * direction follows the language (Arabic: rtl) unless the Direction toolbar forces one.
 */
const withPageContext: Decorator = (story, { globals, viewMode }) => {
  const lang = locales.some((l) => l.value === globals['locale']) ? (globals['locale'] as string) : 'de';
  const dir = globals['dir'] === 'rtl' || globals['dir'] === 'ltr' ? (globals['dir'] as string) : textDirection(lang);
  return html`<div
    class="ww-story-page ${viewMode === 'docs' ? 'ww-story-page--docs' : ''}"
    data-ww-theme=${themes.includes(globals['theme']) ? globals['theme'] : 'default'}
    lang=${lang}
    dir=${dir}
  >
    ${story()}
  </div>`;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withPageContext],
  globalTypes: {
    theme: {
      description: 'Colour theme (data-ww-theme on an ancestor)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: [
          { value: 'default', title: 'Default' },
          { value: 'dark', title: 'Dark' },
          { value: 'high-contrast', title: 'High contrast' },
          { value: 'auto', title: 'Auto (follows the system)' },
        ],
      },
    },
    locale: {
      description: 'Language (lang on an ancestor)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        dynamicTitle: true,
        items: locales.map((l) => ({ ...l, right: l.value })),
      },
    },
    dir: {
      description: 'Text direction (dir on an ancestor)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'auto', title: 'From the language' },
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: {
    theme: 'default',
    locale: 'de',
    dir: 'auto',
  },
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    viewport: {
      options: {
        // WCAG 1.4.10 Reflow: content must work at 320 CSS px without horizontal scrolling.
        narrow: { name: 'Narrow (320 px, reflow)', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        ...MINIMAL_VIEWPORTS,
      },
    },
    a11y: {
      // Violations fail the story when stories run as tests.
      test: 'error',
      options: {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      },
    },
    docs: {
      // Headings inside rendered stories (demo pages) are not part of the docs outline.
      toc: { headingSelector: 'h2, h3', ignoreSelector: '.docs-story h2, .docs-story h3' },
    },
    options: {
      storySort: {
        order: [
          'Introduction',
          'Design system',
          ['Colours', 'Typography', 'Spacing', 'Focus and targets', 'Content guidelines'],
          'Widgets',
        ],
      },
    },
  },
};

export default preview;
