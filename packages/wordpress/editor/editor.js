/* global wp -- the block editor's globals (wp.blocks, wp.element, …); WordPress loads them before this script. */
/*
 * The block editor side of the Wegweiser blocks. Titles, attributes and
 * keywords come from each block.json (registered in PHP); this file adds the
 * edit view: the live widget in the canvas (the widget code runs in the
 * editor's iframe, see includes/assets.php) and the attributes in the sidebar,
 * checked with the widgets' own code where they can be wrong.
 *
 * Plain JavaScript on the `wp.*` globals (no @wordpress/scripts toolchain);
 * esbuild bundles it with the two widget modules it imports into
 * build/editor.js. Strings go through wp.i18n with the text domain
 * `wegweiser`, written as literals so that the build can extract them.
 */
import { parseOpeningHours, OpeningHoursError } from '@wegweiser/hours/engine';
import { parsePublicKey } from '@wegweiser/contact-form/public-key';
import pictograms from './generated/pictograms.json';

const { registerBlockType } = wp.blocks;
const { createElement: el, Fragment, useEffect, useState } = wp.element;
const { useBlockProps, useInnerBlocksProps, InnerBlocks, InspectorControls } = wp.blockEditor;
const { PanelBody, TextControl, TextareaControl, SelectControl, ToggleControl, RadioControl, Notice, Button, SearchControl } = wp.components;
const { __, sprintf } = wp.i18n;

const site = window.wegweiserEditor ?? {};
const german = String(site.locale ?? '').startsWith('de');

/**
 * The block's wrapper in the canvas with the live widget inside, in the
 * site's language: the editor's own language (the user's profile) may differ
 * from what visitors get.
 */
function Canvas({ tag, attributes, children }) {
  const present = site.siteLanguage ? { lang: site.siteLanguage } : {};
  for (const [name, value] of Object.entries(attributes)) {
    // A boolean attribute is present ('') or absent; empty strings are left out.
    if (value === true) present[name] = '';
    else if (value !== false && value !== undefined && value !== '') present[name] = String(value);
  }
  return el('div', useBlockProps(), el(tag, present, children));
}

/** A message beside the field it is about, in the sidebar. */
function Problem({ children }) {
  return el(Notice, { status: 'error', isDismissible: false, className: 'wegweiser-problem' }, children);
}

const channelOptions = () => [
  { value: 'walk-in', label: __('Walk-in', 'wegweiser') },
  { value: 'phone', label: __('Phone', 'wegweiser') },
  { value: 'chat', label: __('Chat', 'wegweiser') },
  { value: 'email', label: __('E-mail', 'wegweiser') },
  { value: 'streetwork', label: __('Streetwork', 'wegweiser') },
];

const landOptions = () =>
  [
    ['DE-BW', __('Baden-Württemberg', 'wegweiser')],
    ['DE-BY', __('Bavaria', 'wegweiser')],
    ['DE-BE', __('Berlin', 'wegweiser')],
    ['DE-BB', __('Brandenburg', 'wegweiser')],
    ['DE-HB', __('Bremen', 'wegweiser')],
    ['DE-HH', __('Hamburg', 'wegweiser')],
    ['DE-HE', __('Hesse', 'wegweiser')],
    ['DE-MV', __('Mecklenburg-Western Pomerania', 'wegweiser')],
    ['DE-NI', __('Lower Saxony', 'wegweiser')],
    ['DE-NW', __('North Rhine-Westphalia', 'wegweiser')],
    ['DE-RP', __('Rhineland-Palatinate', 'wegweiser')],
    ['DE-SL', __('Saarland', 'wegweiser')],
    ['DE-SN', __('Saxony', 'wegweiser')],
    ['DE-ST', __('Saxony-Anhalt', 'wegweiser')],
    ['DE-SH', __('Schleswig-Holstein', 'wegweiser')],
    ['DE-TH', __('Thuringia', 'wegweiser')],
  ].map(([value, label]) => ({ value, label }));

/**
 * Where an opening-hours text stops making sense, with the badge's own
 * parser, so the editor sees the mistake where it types it and not as
 * "hours unavailable" on the published page.
 */
export function hoursProblem(text) {
  try {
    parseOpeningHours(text);
    return null;
  } catch (error) {
    if (!(error instanceof OpeningHoursError)) throw error;
    return error;
  }
}

function HoursHelp({ hours }) {
  const problem = hoursProblem(hours);
  if (!problem) return null;
  const found = problem.found
    ? sprintf(/* translators: %s: the text the parser did not expect */ __('“%s”', 'wegweiser'), problem.found)
    : __('the end of the text', 'wegweiser');
  return el(
    Problem,
    null,
    el('p', null, sprintf(/* translators: 1: character position, 2: what was found there */ __('The hours cannot be read at character %1$d: found %2$s.', 'wegweiser'), problem.position + 1, found)),
    el('p', null, el('code', null, hours.slice(0, problem.position)), el('mark', null, el('code', null, hours.slice(problem.position) || ' '))),
    el('p', null, sprintf(/* translators: %s: a list of what may come there */ __('Expected: %s', 'wegweiser'), problem.expected.join(', '))),
  );
}

registerBlockType('wegweiser/hours', {
  edit({ attributes, setAttributes }) {
    return el(
      Fragment,
      null,
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: __('Opening hours', 'wegweiser') },
          el(TextControl, {
            label: __('Hours', 'wegweiser'),
            help: __('In the OpenStreetMap format, for example: Mo-Th 10:00-18:00; Fr 14:00-02:00; PH off', 'wegweiser'),
            value: attributes.hours,
            spellCheck: false,
            onChange: (hours) => setAttributes({ hours }),
          }),
          el(HoursHelp, { hours: attributes.hours }),
          el(SelectControl, {
            label: __('Land', 'wegweiser'),
            help: __('Decides which public holidays count as “PH”.', 'wegweiser'),
            value: attributes.region,
            options: landOptions(),
            onChange: (region) => setAttributes({ region }),
          }),
          el(SelectControl, {
            label: __('Channel', 'wegweiser'),
            help: __('What the hours are for.', 'wegweiser'),
            value: attributes.channel,
            options: channelOptions(),
            onChange: (channel) => setAttributes({ channel }),
          }),
          el(ToggleControl, {
            label: __('Show the coming week', 'wegweiser'),
            checked: attributes.showWeek,
            onChange: (showWeek) => setAttributes({ showWeek }),
          }),
          el(TextControl, {
            label: __('Note', 'wegweiser'),
            help: __('Shown with the hours as text, for example: not on 24 and 31 December.', 'wegweiser'),
            value: attributes.note,
            onChange: (note) => setAttributes({ note }),
          }),
        ),
      ),
      // While the hours cannot be read, the canvas says so instead of showing the
      // badge's own "hours unavailable" (and its console error at every keystroke).
      hoursProblem(attributes.hours)
        ? el('div', useBlockProps(), el(HoursHelp, { hours: attributes.hours }))
        : el(Canvas, { tag: 'ww-hours-badge', attributes: { hours: attributes.hours, region: attributes.region, channel: attributes.channel, 'show-week': attributes.showWeek } }),
    );
  },
  save: () => null,
});

registerBlockType('wegweiser/quick-exit', {
  edit({ attributes, setAttributes }) {
    const href = attributes.href || site.quickExitHref || '';
    const hrefProblem = attributes.href !== '' && !/^https?:\/\/[^\s/]+/i.test(attributes.href);
    return el(
      Fragment,
      null,
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: __('Quick exit', 'wegweiser') },
          el(TextControl, {
            label: __('Destination', 'wegweiser'),
            help: __('Empty: the destination from Settings → Wegweiser. A page that looks ordinary on a shared phone.', 'wegweiser'),
            type: 'url',
            value: attributes.href,
            onChange: (value) => setAttributes({ href: value.trim() }),
          }),
          hrefProblem && el(Problem, null, __('The destination must be a full address starting with https://', 'wegweiser')),
          el(RadioControl, {
            label: __('Placement', 'wegweiser'),
            selected: attributes.placement,
            options: [
              { value: 'inline', label: __('Where the block is', 'wegweiser') },
              { value: 'sticky', label: __('Stays at the top of the window while scrolling', 'wegweiser') },
            ],
            onChange: (placement) => setAttributes({ placement }),
          }),
          el(TextControl, {
            label: __('Button text', 'wegweiser'),
            help: __('Empty: “Leave this page” in the visitor’s language.', 'wegweiser'),
            value: attributes.label,
            onChange: (label) => setAttributes({ label }),
          }),
        ),
      ),
      // In the editor the sticky placement would cover the toolbar; the canvas shows it inline.
      el(Canvas, { tag: 'ww-quick-exit', attributes: { href: hrefProblem ? '' : href, label: attributes.label } }),
    );
  },
  save: () => null,
});

registerBlockType('wegweiser/service-finder', {
  edit({ attributes, setAttributes }) {
    const fromUrl = attributes.source === 'url';
    const urlProblem = fromUrl && !/^(https?:\/\/|\/(?!\/))/i.test(attributes.src);
    const src = fromUrl ? (urlProblem ? '' : attributes.src) : site.directoryUrl;
    return el(
      Fragment,
      null,
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: __('Service finder', 'wegweiser') },
          el(RadioControl, {
            label: __('Centres', 'wegweiser'),
            selected: attributes.source,
            options: [
              { value: 'centres', label: __('The centres managed on this site', 'wegweiser') },
              { value: 'url', label: __('A directory file at an address', 'wegweiser') },
            ],
            onChange: (source) => setAttributes({ source }),
          }),
          !fromUrl &&
            site.centresUrl &&
            el('p', null, el('a', { href: site.centresUrl, target: '_blank', rel: 'noreferrer' }, __('Manage the centres', 'wegweiser'))),
          fromUrl &&
            el(TextControl, {
              label: __('Address of the directory file', 'wegweiser'),
              help: __('A JSON file in the Wegweiser directory format, on this site (for example /wp-content/uploads/beratungsstellen.json).', 'wegweiser'),
              value: attributes.src,
              onChange: (value) => setAttributes({ src: value.trim() }),
            }),
          urlProblem && el(Problem, null, __('Enter an address starting with / or https://', 'wegweiser')),
          el(RadioControl, {
            label: __('Write anonymously', 'wegweiser'),
            help: __('For centres with an anonymous contact (under Centres).', 'wegweiser'),
            selected: attributes.anonymousContact,
            options: [
              { value: 'inline', label: __('Open the contact form in the centre’s result', 'wegweiser') },
              { value: 'page', label: __('Link to the centre’s contact page, where it has one', 'wegweiser') },
            ],
            onChange: (anonymousContact) => setAttributes({ anonymousContact }),
          }),
          el(SelectControl, {
            label: __('Heading level', 'wegweiser'),
            help: __('The level of the finder’s headings in the page’s outline.', 'wegweiser'),
            value: String(attributes.headingLevel),
            options: [2, 3, 4].map((level) => ({ value: String(level), label: `H${level}` })),
            onChange: (value) => setAttributes({ headingLevel: Number(value) }),
          }),
          el(TextareaControl, {
            label: __('Help that is always shown', 'wegweiser'),
            help: __('For example a nationwide helpline: shown below the results, also when nothing matches.', 'wegweiser'),
            value: attributes.help,
            onChange: (help) => setAttributes({ help }),
          }),
        ),
      ),
      el(
        Canvas,
        { tag: 'ww-service-finder', attributes: { src, 'heading-level': attributes.headingLevel, 'anonymous-contact': attributes.anonymousContact } },
        attributes.help ? el('div', { slot: 'help' }, el('p', null, attributes.help)) : null,
      ),
    );
  },
  save: () => null,
});

registerBlockType('wegweiser/checklist', {
  edit({ attributes, setAttributes }) {
    return el(
      Fragment,
      null,
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: __('Stabilisation checklist', 'wegweiser') },
          el(RadioControl, {
            label: __('View', 'wegweiser'),
            selected: attributes.mode,
            options: [
              { value: 'person', label: __('For the person', 'wegweiser') },
              { value: 'counsellor', label: __('For a counsellor (compact, with notes)', 'wegweiser') },
            ],
            onChange: (mode) => setAttributes({ mode }),
          }),
          el(ToggleControl, {
            label: __('Start in simple language', 'wegweiser'),
            checked: attributes.simple,
            onChange: (simple) => setAttributes({ simple }),
          }),
          el(TextControl, {
            label: __('Own content file (optional)', 'wegweiser'),
            help: __('A JSON file that adds your contacts and steps, checked by the widget. Empty: the built-in steps, with the content from Settings → Wegweiser checklist.', 'wegweiser'),
            value: attributes.src,
            onChange: (value) => setAttributes({ src: value.trim() }),
          }),
          el(TextareaControl, {
            label: __('Text without JavaScript', 'wegweiser'),
            help: __('What visitors read before the checklist loads or where it cannot.', 'wegweiser'),
            value: attributes.intro,
            onChange: (intro) => setAttributes({ intro }),
          }),
        ),
      ),
      el(Canvas, { tag: 'ww-stabilisation-checklist', attributes: { mode: attributes.mode, simple: attributes.simple, src: attributes.src || site.checklistUrl } }),
    );
  },
  save: () => null,
});

const languages = ['de', 'en', 'ro', 'bg', 'hu', 'es', 'pl', 'ru', 'uk', 'tr', 'th', 'ar'];

function PictogramPicker({ value, onChange }) {
  const [query, setQuery] = useState('');
  const words = query.toLowerCase().split(/[\s,]+/).filter(Boolean);
  const label = (p) => (german ? p.labelDe : p.label);
  const found = pictograms.filter((p) => {
    const haystack = `${p.id} ${p.label} ${p.labelDe} ${p.keywords} ${p.keywordsDe}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
  const current = pictograms.find((p) => p.id === value);
  return el(
    'div',
    { className: 'wegweiser-pictogram-picker' },
    el('p', null, sprintf(/* translators: %s: name of the chosen pictogram */ __('Chosen: %s', 'wegweiser'), current ? label(current) : value)),
    el(SearchControl, { label: __('Search pictograms', 'wegweiser'), value: query, onChange: setQuery }),
    el(
      'ul',
      { style: { maxHeight: '14rem', overflowY: 'auto', listStyle: 'none', margin: 0, padding: 0 } },
      found.map((p) =>
        el(
          'li',
          { key: p.id },
          el(Button, { variant: p.id === value ? 'primary' : 'tertiary', 'aria-pressed': p.id === value, onClick: () => onChange(p.id) }, label(p)),
        ),
      ),
    ),
    found.length === 0 && el('p', null, __('No pictogram matches.', 'wegweiser')),
  );
}

function VersionFields({ version, index, onChange, onRemove }) {
  const set = (patch) => onChange({ ...version, ...patch });
  return el(
    PanelBody,
    { title: sprintf(/* translators: 1: number, 2: language code */ __('Version %1$d (%2$s)', 'wegweiser'), index + 1, version.lang || '?'), initialOpen: index === 0 },
    el(SelectControl, { label: __('Language', 'wegweiser'), value: version.lang, options: languages.map((lang) => ({ value: lang, label: lang })), onChange: (lang) => set({ lang }) }),
    version.lang === 'de' && el(ToggleControl, { label: __('Simple language (Einfache Sprache)', 'wegweiser'), checked: Boolean(version.easy), onChange: (easy) => set({ easy }) }),
    el(TextControl, { label: __('Title', 'wegweiser'), value: version.heading ?? '', onChange: (heading) => set({ heading }) }),
    !version.heading && el(Problem, null, __('A version needs a title.', 'wegweiser')),
    el(TextareaControl, { label: __('Text', 'wegweiser'), help: __('One or two short sentences.', 'wegweiser'), value: version.text ?? '', onChange: (text) => set({ text }) }),
    el(TextControl, { label: __('Link text (optional)', 'wegweiser'), value: version.linkText ?? '', onChange: (linkText) => set({ linkText }) }),
    el(TextControl, { label: __('Link address (optional)', 'wegweiser'), value: version.linkHref ?? '', onChange: (linkHref) => set({ linkHref: linkHref.trim() }) }),
    el(Button, { variant: 'secondary', isDestructive: true, onClick: onRemove }, __('Remove this version', 'wegweiser')),
  );
}

registerBlockType('wegweiser/pictogram-card', {
  edit({ attributes, setAttributes }) {
    const versions = Array.isArray(attributes.versions) ? attributes.versions : [];
    const level = attributes.headingLevel;
    const replace = (index, version) => setAttributes({ versions: versions.map((v, i) => (i === index ? version : v)) });
    return el(
      Fragment,
      null,
      el(
        InspectorControls,
        null,
        el(PanelBody, { title: __('Pictogram', 'wegweiser') }, el(PictogramPicker, { value: attributes.pictogram, onChange: (pictogram) => setAttributes({ pictogram }) })),
        el(
          PanelBody,
          { title: __('Card', 'wegweiser') },
          el(SelectControl, {
            label: __('Heading level', 'wegweiser'),
            value: String(level),
            options: [2, 3, 4, 5, 6].map((l) => ({ value: String(l), label: `H${l}` })),
            onChange: (value) => setAttributes({ headingLevel: Number(value) }),
          }),
        ),
        versions.map((version, index) =>
          el(VersionFields, {
            key: index,
            version,
            index,
            onChange: (changed) => replace(index, changed),
            onRemove: () => setAttributes({ versions: versions.filter((_, i) => i !== index) }),
          }),
        ),
        el(
          PanelBody,
          { title: __('Add a language', 'wegweiser') },
          el(Button, { variant: 'secondary', onClick: () => setAttributes({ versions: [...versions, { lang: 'en', heading: '', text: '' }] }) }, __('Add a language version', 'wegweiser')),
        ),
      ),
      el(
        Canvas,
        { tag: 'ww-pictogram-card', attributes: { pictogram: attributes.pictogram, 'heading-level': level } },
        versions
          .filter((v) => v.lang && v.heading)
          .map((v, index) =>
            el(
              'div',
              { key: `${index}-${v.lang}`, lang: v.lang, 'data-variant': v.easy ? 'einfache-sprache' : undefined },
              el(`h${level}`, null, v.heading),
              v.text ? el('p', null, v.text) : null,
              v.linkText && v.linkHref ? el('a', { href: v.linkHref }, v.linkText) : null,
            ),
          ),
      ),
    );
  },
  save: () => null,
});

// A grid of cards: only card blocks inside; pictogram-card.css lays them out.
registerBlockType('wegweiser/pictogram-cards', {
  edit() {
    const inner = useInnerBlocksProps(useBlockProps({ className: 'ww-pictogram-grid' }), {
      allowedBlocks: ['wegweiser/pictogram-card'],
      template: [['wegweiser/pictogram-card'], ['wegweiser/pictogram-card', { pictogram: 'free-of-charge', versions: [{ lang: 'de', heading: 'Kostenlos', text: 'Die Beratung kostet nichts.' }, { lang: 'en', heading: 'Free of charge', text: 'Counselling costs nothing.' }] }]],
    });
    return el('div', inner);
  },
  // The cards are stored as blocks inside this one; render.php wraps them.
  save: () => el(InnerBlocks.Content),
});

/** The relay settings as the contact form will check them, with its own code. */
function useContactProblem() {
  const [problem, setProblem] = useState(null);
  useEffect(() => {
    let current = true;
    if (!site.relay || !site.publicKey) {
      setProblem(__('Enter the relay address and the public key under Settings → Wegweiser first. Until then visitors see only the text below.', 'wegweiser'));
      return undefined;
    }
    parsePublicKey(site.publicKey).then(
      () => current && setProblem(null),
      () => current && setProblem(__('The public key in Settings → Wegweiser is damaged (its check value does not match). Copy it again from the relay.', 'wegweiser')),
    );
    return () => {
      current = false;
    };
  }, []);
  return problem;
}

function ContactSettingsNotice({ problem }) {
  if (!problem) return null;
  return el(
    Problem,
    null,
    el('p', null, problem),
    site.settingsUrl ? el('p', null, el('a', { href: site.settingsUrl, target: '_blank', rel: 'noreferrer' }, __('Open Settings → Wegweiser', 'wegweiser'))) : null,
  );
}

registerBlockType('wegweiser/contact-form', {
  edit({ attributes, setAttributes }) {
    const problem = useContactProblem();
    const fallbackText = attributes.fallback || __('You can also reach us by phone or come by during our opening hours.', 'wegweiser');
    return el(
      Fragment,
      null,
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: __('Anonymous contact form', 'wegweiser') },
          el(ContactSettingsNotice, { problem }),
          el(TextControl, {
            label: __('When you answer', 'wegweiser'),
            help: __('For example: We usually answer within 2 working days.', 'wegweiser'),
            value: attributes.answerTime,
            onChange: (answerTime) => setAttributes({ answerTime }),
          }),
          el(TextControl, {
            label: __('Page with the “Replies by code” block', 'wegweiser'),
            help: __('Its address, for example /antworten/. Then the form offers an answer by code.', 'wegweiser'),
            value: attributes.repliesHref,
            onChange: (value) => setAttributes({ repliesHref: value.trim() }),
          }),
          el(TextareaControl, {
            label: __('Text without JavaScript', 'wegweiser'),
            help: __('Other ways to reach you, shown before the form loads and when it cannot send.', 'wegweiser'),
            value: attributes.fallback,
            onChange: (fallback) => setAttributes({ fallback }),
          }),
        ),
      ),
      problem
        ? el('div', useBlockProps(), el(ContactSettingsNotice, { problem }), el('p', null, fallbackText))
        : el(
            Canvas,
            { tag: 'ww-contact-form', attributes: { relay: site.relay, 'public-key': site.publicKey, 'answer-time': attributes.answerTime, 'replies-href': attributes.repliesHref } },
            el('p', null, fallbackText),
          ),
    );
  },
  save: () => null,
});

registerBlockType('wegweiser/contact-replies', {
  edit({ attributes, setAttributes }) {
    const problem = useContactProblem();
    const fallbackText = attributes.fallback || __('Reading answers needs JavaScript. You can also ask us by phone.', 'wegweiser');
    return el(
      Fragment,
      null,
      el(
        InspectorControls,
        null,
        el(
          PanelBody,
          { title: __('Replies by code', 'wegweiser') },
          el(ContactSettingsNotice, { problem }),
          el(TextareaControl, {
            label: __('Text without JavaScript', 'wegweiser'),
            value: attributes.fallback,
            onChange: (fallback) => setAttributes({ fallback }),
          }),
        ),
      ),
      problem
        ? el('div', useBlockProps(), el(ContactSettingsNotice, { problem }), el('p', null, fallbackText))
        : el(Canvas, { tag: 'ww-contact-replies', attributes: { relay: site.relay, 'public-key': site.publicKey } }, el('p', null, fallbackText)),
    );
  },
  save: () => null,
});
