// Editor hints, JSX typings and CMS allow-lists, all generated from the
// custom-elements.json manifests, so that none of them can drift from the
// widgets' real API.
//
//   node scripts/ide-data.mjs [package…]   writes, per widget package, into dist/:
//       vscode.html-data.json, vscode.css-data.json   VS Code custom data (html.customData / css.customData)
//       web-types.json                                JetBrains web-types (package.json "web-types")
//       jsx-react.d.ts/.js, jsx-vue.d.ts/.js          React 19 and Vue 3 typings (`@wegweiser/<pkg>/jsx-react` …)
//   node scripts/ide-data.mjs --docs     rewrites the generated blocks in the CMS guides
//   node scripts/ide-data.mjs --check    exits 1 if those blocks are stale (run by scripts/test)
//
// scripts/build.mjs runs the first form after the manifests are made.
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { packages as allPackages } from './packages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const repoUrl = 'https://github.com/wegweiser/wegweiser';

/*
 * Attributes whose property is typed `string` on purpose (a wrong value is
 * reported through `ww-error` and replaced by the default, rather than being
 * impossible), but that accept a closed set of values. The values themselves
 * come from the named exported type, not from this file.
 */
const valueTypes = {
  'ww-hours-badge': { channel: 'HoursChannel' },
  'ww-stabilisation-checklist': { mode: 'ChecklistMode' },
};

/** Attributes every `ww-*` element understands (WegweiserElement and the theming). */
const globalAttributes = [
  { name: 'lang', description: 'Language of this widget (BCP 47, e.g. `de`, `en`, `de-x-ls`); else the nearest `lang` above it.' },
  { name: 'dir', description: 'Text direction; normally derived from the language.' },
  { name: 'data-ww-theme', description: 'Theme for this element and everything inside: `dark` or `high-contrast` (see docs/theming.md).', values: ['dark', 'high-contrast'] },
];

// ---------------------------------------------------------------------------
// Reading the manifests (plus the compiled declarations, for exact types)
// ---------------------------------------------------------------------------

/** Every widget package: one with a manifest and a define file. */
export function widgetPackages(only = []) {
  return allPackages.filter((pkg) => {
    if (only.length && !only.includes(pkg)) return false;
    const dir = join(root, 'packages', pkg);
    return existsSync(join(dir, 'custom-elements.json')) && existsSync(join(dir, 'src', 'define.ts'));
  });
}

function readManifest(pkg) {
  const dir = join(root, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'));
  const packageJson = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.kind !== 'class' || !declaration.tagName) continue;
      elements.push({ module: module.path, declaration });
    }
  }
  elements.sort((a, b) => a.declaration.tagName.localeCompare(b.declaration.tagName));
  return { pkg, dir, packageJson, elements };
}

/** One TypeScript program over the packages' compiled declarations, to read types the manifest only names. */
function typeReader(infos) {
  const files = [];
  for (const info of infos) {
    files.push(join(info.dir, 'dist', 'index.d.ts'));
    for (const { module } of info.elements) files.push(join(info.dir, declarationFile(module)));
  }
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    experimentalDecorators: true,
    skipLibCheck: true,
    noEmit: true,
    strict: true,
  });
  const checker = program.getTypeChecker();
  const exportsOf = (file) => {
    const source = program.getSourceFile(file);
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) throw new Error(`ide-data: cannot read ${file} (run the build first)`);
    return checker.getExportsOfModule(symbol);
  };
  const literalValues = (type) => {
    const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    return parts.length && parts.every((t) => t.isStringLiteral()) ? parts.map((t) => t.value) : null;
  };
  const kindOf = (type) => {
    const values = literalValues(type);
    if (values) return { kind: 'enum', values };
    const parts = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    if (parts.length && parts.every((t) => t.flags & ts.TypeFlags.BooleanLike)) return { kind: 'boolean' };
    if (parts.length && parts.every((t) => t.flags & ts.TypeFlags.NumberLike)) return { kind: 'number' };
    return { kind: 'string' };
  };
  return {
    /** The kind of a field of an exported class, and whether it can be set. */
    field(file, className, fieldName) {
      const cls = exportsOf(file).find((s) => s.name === className);
      if (!cls) throw new Error(`ide-data: ${className} is not exported from ${file}`);
      const prop = checker.getDeclaredTypeOfSymbol(cls).getProperty(fieldName);
      if (!prop) throw new Error(`ide-data: ${className} has no field ${fieldName}`);
      const declarations = prop.declarations ?? [];
      const getterOnly = declarations.length > 0 && declarations.every((d) => ts.isGetAccessorDeclaration(d));
      const readonly = getterOnly || declarations.some((d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.Readonly);
      return { ...kindOf(checker.getTypeOfSymbol(prop)), readonly };
    },
    /** The string literals of an exported type alias. */
    aliasValues(file, alias) {
      const symbol = exportsOf(file).find((s) => s.name === alias);
      const values = symbol && literalValues(checker.getDeclaredTypeOfSymbol(symbol));
      if (!values) throw new Error(`ide-data: ${alias} in ${file} is not a union of strings`);
      return values;
    },
  };
}

const declarationFile = (module) => module.replace(/^src\//, 'dist/').replace(/\.ts$/, '.d.ts');
const text = (s) => (s ?? '').replace(/\s*\n\s*/g, ' ').trim();

/** The element model every output is written from. */
export function readElements(only = []) {
  const infos = widgetPackages(only).map(readManifest);
  const types = typeReader(infos);
  return infos.map((info) => ({
    ...info,
    elements: info.elements.map(({ module, declaration: d }) => {
      const file = join(info.dir, declarationFile(module));
      const hints = valueTypes[d.tagName] ?? {};
      const attributes = (d.attributes ?? [])
        .filter((a) => a.fieldName)
        .map((a) => {
          const field = types.field(file, d.name, a.fieldName);
          const values = hints[a.fieldName] ? types.aliasValues(join(info.dir, 'dist', 'index.d.ts'), hints[a.fieldName]) : field.values;
          return {
            name: a.name,
            field: a.fieldName,
            description: text(a.description),
            default: a.default && a.default !== 'null' ? a.default : undefined,
            kind: values ? 'enum' : field.kind,
            values,
          };
        });
      const attributeFields = new Set(attributes.map((a) => a.field));
      const properties = (d.members ?? [])
        .filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.readonly && !m.name.startsWith('_'))
        .filter((m) => !types.field(file, d.name, m.name).readonly)
        .map((m) => ({ name: m.name, description: text(m.description), type: m.type?.text ?? 'unknown', attribute: attributeFields.has(m.name) }));
      return {
        tag: d.tagName,
        className: d.name,
        module: `./${basename(declarationFile(module), '.d.ts')}.js`,
        summary: text(d.summary || d.description),
        attributes,
        properties,
        events: (d.events ?? []).filter((e) => e.name).map((e) => ({ name: e.name, description: text(e.description) })),
        slots: (d.slots ?? []).map((s) => ({ name: s.name, description: text(s.description) })),
        cssProperties: (d.cssProperties ?? []).map((c) => ({ name: c.name, description: text(c.description) })),
        cssParts: (d.cssParts ?? []).map((p) => ({ name: p.name, description: text(p.description) })),
      };
    }),
  }));
}

const docUrl = (info) => `${repoUrl}/tree/main/packages/${info.pkg}#readme`;

// ---------------------------------------------------------------------------
// VS Code custom data and JetBrains web-types
// ---------------------------------------------------------------------------

function attributeDoc(a) {
  const extra = [a.default ? `Default: \`${a.default.replace(/^'|'$/g, '')}\`.` : '', a.kind === 'boolean' ? 'Boolean: present means on.' : ''].filter(Boolean).join(' ');
  return [a.description, extra].filter(Boolean).join(' ');
}

function elementDoc(element) {
  const list = (title, items, format) => (items.length ? `\n\n**${title}:** ${items.map(format).join('; ')}` : '');
  return (
    element.summary +
    list('Events', element.events, (e) => `\`${e.name}\` ${e.description}`) +
    list('Slots', element.slots, (s) => `${s.name ? `\`${s.name}\`` : 'default'}: ${s.description}`) +
    list('CSS parts', element.cssParts, (p) => `\`::part(${p.name})\``) +
    list('CSS custom properties', element.cssProperties, (c) => `\`${c.name}\``)
  );
}

export function vscodeHtmlData(info) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: info.elements.map((element) => ({
      name: element.tag,
      description: { kind: 'markdown', value: elementDoc(element) },
      attributes: [
        ...element.attributes.map((a) => ({
          name: a.name,
          description: { kind: 'markdown', value: attributeDoc(a) },
          ...(a.kind === 'boolean' ? { valueSet: 'v' } : {}),
          ...(a.values ? { values: a.values.map((name) => ({ name })) } : {}),
        })),
        ...globalAttributes.map((g) => ({ name: g.name, description: g.description, ...(g.values ? { values: g.values.map((name) => ({ name })) } : {}) })),
      ],
      references: [{ name: `${info.packageJson.name} README`, url: docUrl(info) }],
    })),
  };
}

export function vscodeCssData(info) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    properties: info.elements.flatMap((element) =>
      element.cssProperties.map((c) => ({ name: c.name, description: `${c.description} (<${element.tag}>)`, references: [{ name: `${info.packageJson.name} README`, url: docUrl(info) }] })),
    ),
  };
}

export function webTypes(info) {
  return {
    $schema: 'http://json.schemastore.org/web-types',
    name: info.packageJson.name,
    version: info.packageJson.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: info.elements.map((element) => ({
          name: element.tag,
          description: element.summary,
          'doc-url': docUrl(info),
          source: { module: info.packageJson.name, symbol: element.className },
          attributes: element.attributes.map((a) => ({
            name: a.name,
            description: attributeDoc(a),
            ...(a.default ? { default: a.default.replace(/^'|'$/g, '') } : {}),
            value:
              a.kind === 'boolean'
                ? { kind: 'no-value', type: 'boolean' }
                : { kind: 'plain', type: a.values ? a.values.map((v) => `'${v}'`).join(' | ') : a.kind, required: false },
            ...(a.values ? { values: a.values.map((name) => ({ name })) } : {}),
          })),
          slots: element.slots.map((s) => ({ name: s.name || 'default', description: s.description })),
          js: {
            properties: element.properties.map((p) => ({ name: p.name, description: p.description, type: p.type })),
            events: element.events.map((e) => ({ name: e.name, description: e.description })),
          },
          css: {
            properties: element.cssProperties.map((c) => ({ name: c.name, description: c.description })),
            parts: element.cssParts.map((p) => ({ name: p.name, description: p.description })),
          },
        })),
      },
    },
  };
}

// ---------------------------------------------------------------------------
// JSX typings: React 19 and Vue 3
// ---------------------------------------------------------------------------

const comment = (s, indent) => (s ? `${indent}/** ${s.replace(/\*\//g, '*\\/')} */\n` : '');
const key = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/** The TypeScript type of an attribute written as an attribute (a string in HTML). */
function attributeType(element, a) {
  if (a.values) return a.values.map((v) => `'${v}'`).join(' | ');
  if (a.kind === 'boolean') return 'boolean';
  if (a.kind === 'number') return 'number | string';
  return 'string';
}

/** A property's type: the class's own, narrowed to the documented values where the class accepts any string. */
function propertyType(element, p) {
  const a = element.attributes.find((x) => x.field === p.name);
  if (a?.values && valueTypes[element.tag]?.[p.name]) return `${a.values.map((v) => `'${v}'`).join(' | ')} | null`;
  return `${element.className}['${p.name}']`;
}

function eventType(name) {
  return `EventOf<'${name}'>`;
}

/** Every define file: they declare the tags in HTMLElementTagNameMap. */
const defineImports = (info) =>
  readdirSync(join(info.dir, 'dist'))
    .filter((f) => /^define(-[a-z-]+)?\.d\.ts$/.test(f))
    .sort()
    .map((f) => `import type {} from './${f.replace(/\.d\.ts$/, '.js')}';`)
    .join('\n');

const header = (info, what) => `// ${what} for ${info.packageJson.name}.
// Generated by scripts/ide-data.mjs from custom-elements.json: do not edit.
`;

export function reactTypings(info) {
  const imports = [...new Set(info.elements.map((e) => e.module))].map((m) => {
    const names = info.elements.filter((e) => e.module === m).map((e) => e.className);
    return `import type { ${names.join(', ')} } from '${m}';`;
  });
  const entries = info.elements.map((element) => {
    const props = [];
    const names = new Set();
    // A prop whose name is a property of the element is set as that property by React 19
    // (typed exactly); any other name becomes an attribute (a string, `true` = present).
    for (const p of element.properties) {
      names.add(p.name);
      props.push(`${comment(p.description, '        ')}        ${key(p.name)}?: ${propertyType(element, p)} | undefined;`);
    }
    for (const a of element.attributes) {
      if (names.has(a.name)) continue;
      names.add(a.name);
      props.push(`${comment(`Attribute \`${a.name}\` (property \`${a.field}\`). ${a.description}`, '        ')}        ${key(a.name)}?: ${attributeType(element, a)} | undefined;`);
    }
    for (const e of element.events) {
      const prop = `on${e.name}`;
      names.add(prop);
      props.push(`${comment(e.description, '        ')}        ${key(prop)}?: ((event: ${eventType(e.name)}) => void) | undefined;`);
    }
    const omitted = [...names].map((n) => `'${n}'`).join(' | ');
    return `${comment(element.summary, '      ')}      '${element.tag}': Omit<DetailedHTMLProps<HTMLAttributes<${element.className}>, ${element.className}>, ${omitted}> & {
${props.join('\n')}
      };`;
  });
  return `${header(info, 'React 19 JSX typing')}//
// import type {} from '${info.packageJson.name}/jsx-react';
// Needs @types/react 19 (React 19 sets properties and adds listeners for \`on<event>\` on custom elements).
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
${imports.join('\n')}
${defineImports(info)}

/** The event type the package declares in HTMLElementEventMap. */
type EventOf<K extends string> = K extends keyof HTMLElementEventMap ? HTMLElementEventMap[K] : CustomEvent;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}

export {};
`;
}

export function vueTypings(info) {
  const imports = [...new Set(info.elements.map((e) => e.module))].map((m) => {
    const names = info.elements.filter((e) => e.module === m).map((e) => e.className);
    return `import type { ${names.join(', ')} } from '${m}';`;
  });
  const entries = info.elements.map((element) => {
    const props = [];
    const names = new Set();
    for (const p of element.properties) {
      names.add(p.name);
      props.push(`${comment(p.description, '    ')}    ${key(p.name)}?: ${propertyType(element, p)} | undefined;`);
    }
    for (const a of element.attributes) {
      if (names.has(a.name)) continue;
      names.add(a.name);
      props.push(`${comment(`Attribute \`${a.name}\` (property \`${a.field}\`). ${a.description}`, '    ')}    ${key(a.name)}?: ${attributeType(element, a)} | undefined;`);
    }
    const events = element.events.map((e) => `${comment(e.description, '    ')}    '${e.name}': ${eventType(e.name)};`);
    return `${comment(element.summary, '    ')}    '${element.tag}': DefineCustomElement<
      ${element.className},
      {
${props.map((l) => l.replace(/^ {4}/gm, '        ')).join('\n')}
      },
      {
${events.map((l) => l.replace(/^ {4}/gm, '        ')).join('\n')}
      }
    >;`;
  });
  return `${header(info, 'Vue 3 template typing')}//
// import type {} from '${info.packageJson.name}/jsx-vue';
// Vue passes a binding as a property when the element has it (\`:public-key\` → \`publicKey\`),
// else as an attribute; listen with \`@ww-error\`. Tell Vue the tags are custom elements
// (compilerOptions.isCustomElement: (tag) => tag.startsWith('ww-')).
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
${imports.join('\n')}
${defineImports(info)}

/** The event type the package declares in HTMLElementEventMap. */
type EventOf<K extends string> = K extends keyof HTMLElementEventMap ? HTMLElementEventMap[K] : CustomEvent;

/** After the Vue guide's "Non-Vue Web Components and TypeScript": a component type whose $props and $emit describe the element. */
type DefineCustomElement<El extends HTMLElement, Props, Events extends Record<string, Event>> = new () => El & {
  /** @deprecated For template type checking only; not on the element. */
  $props: Omit<HTMLAttributes, keyof Props> & Props & PublicProps;
  /** @deprecated For template type checking only; not on the element. */
  $emit: EmitFn<{ [K in keyof Events]: (event: Events[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}

export {};
`;
}

// ---------------------------------------------------------------------------
// CMS allow-lists (docs/embedding-*.md). The WordPress plugin needs none: its
// blocks write the widgets' markup at render time (packages/wordpress).
// ---------------------------------------------------------------------------

function allAttributes(element) {
  return [...element.attributes.map((a) => a.name), ...globalAttributes.map((g) => g.name), 'id', 'class'];
}

export function typo3Php(infos) {
  const elements = infos.flatMap((i) => i.elements);
  const tags = elements.map((element) => {
    const attrs = element.attributes.map((a) => {
      // Links and data URLs follow TYPO3's own URL rules (http(s), or a path on this site).
      if (a.name === 'href') return '                $this->hrefAttr,';
      if (a.name === 'src') return '                $this->srcAttr,';
      if (/^(relay|replies-href)$/.test(a.name)) return `                (new Behavior\\Attr('${a.name}'))->addValues($isHttpOrLocalUri),`;
      if (a.kind === 'enum') return `                (new Behavior\\Attr('${a.name}'))->addValues(new Behavior\\RegExpAttrValue('#^(${a.values.join('|')})$#')),`;
      return `                new Behavior\\Attr('${a.name}'),`;
    });
    return `            (new Behavior\\Tag('${element.tag}', Behavior\\Tag::ALLOW_CHILDREN))->addAttrs(
${attrs.join('\n')}
                ...$this->globalAttrs // lang, dir, id, class, data-* (data-ww-theme), aria-*
            ),`;
  });
  return `\`\`\`php
<?php

declare(strict_types=1);

namespace Vendor\\SitePackage\\Sanitizer;

use TYPO3\\CMS\\Core\\Html\\DefaultSanitizerBuilder;
use TYPO3\\HtmlSanitizer\\Behavior;

/**
 * Lets the Wegweiser widgets through TYPO3's HTML sanitizer, each with its own
 * attributes only. Generated from the widgets' custom-elements.json
 * (scripts/ide-data.mjs in the Wegweiser repository).
 */
class WegweiserSanitizerBuilder extends DefaultSanitizerBuilder
{
    protected function createBehavior(): Behavior
    {
        // The same rule as TYPO3's own src attribute: http(s), or a path on this site.
        $isHttpOrLocalUri = new Behavior\\RegExpAttrValue('#^(https?://|/(?!/)|[^/:][^:]*$)#');

        return parent::createBehavior()->withTags(
${tags.join('\n')}
        );
    }
}
\`\`\``;
}

export function attributeTable(infos) {
  const rows = infos.flatMap((info) =>
    info.elements.map((element) => {
      const attrs = element.attributes.map((a) => `\`${a.name}\`${a.values ? ` (${a.values.map((v) => `\`${v}\``).join(', ')})` : a.kind === 'boolean' ? ' (boolean)' : ''}`);
      return `| \`<${element.tag}>\` | ${info.packageJson.name} | ${attrs.join(', ')} |`;
    }),
  );
  return `| Element | Package | Attributes (besides \`lang\`, \`dir\`, \`id\`, \`class\`, \`data-ww-theme\`) |
| --- | --- | --- |
${rows.join('\n')}`;
}

export function ckeditorAllow(infos) {
  const elements = infos.flatMap((i) => i.elements);
  const lines = elements.map((element) => `        - { name: '${element.tag}', attributes: [${allAttributes(element).map((a) => `'${a}'`).join(', ')}] }`);
  return `\`\`\`yaml
editor:
  config:
    htmlSupport:
      allow:
${lines.join('\n')}
\`\`\``;
}

export function drupalAllowedHtml(infos) {
  const elements = infos.flatMap((i) => i.elements);
  const tags = elements.map((element) => `<${element.tag} ${allAttributes(element).filter((a) => a !== 'id' && a !== 'class').join(' ')}>`);
  return `\`\`\`text
${tags.join(' ')} <div lang dir slot data-variant data-draft> <a href hreflang rel data-action> <details> <summary>
\`\`\``;
}

/** Files with generated blocks: `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`. */
function generatedBlocks(infos) {
  return [
    { file: 'docs/embedding-typo3.md', name: 'typo3-sanitizer', body: typo3Php(infos) },
    { file: 'docs/embedding-typo3.md', name: 'attribute-table', body: attributeTable(infos) },
    { file: 'docs/embedding-typo3.md', name: 'ckeditor-allow', body: ckeditorAllow(infos) },
    { file: 'docs/embedding-drupal.md', name: 'drupal-allowed-html', body: drupalAllowedHtml(infos) },
    { file: 'docs/embedding-drupal.md', name: 'attribute-table', body: attributeTable(infos) },
  ];
}

function replaceBlock(source, block) {
  const [open, close] = [`<!-- generated:${block.name} -->`, `<!-- /generated:${block.name} -->`];
  const start = source.indexOf(open);
  const end = source.indexOf(close);
  if (start < 0 || end < start) throw new Error(`${block.file}: markers for ${block.name} missing`);
  return `${source.slice(0, start + open.length)}\n${block.body}\n${source.slice(end)}`;
}

/** Updates (or, with check, compares) the generated blocks; returns the stale files. */
export function syncDocs(infos, { check = false } = {}) {
  const stale = [];
  const byFile = new Map();
  for (const block of generatedBlocks(infos)) {
    const path = join(root, block.file);
    if (!byFile.has(path)) byFile.set(path, { before: readFileSync(path, 'utf8'), file: block.file });
    const entry = byFile.get(path);
    entry.after = replaceBlock(entry.after ?? entry.before, block);
  }
  for (const [path, entry] of byFile) {
    if (entry.after === entry.before) continue;
    stale.push(entry.file);
    if (!check) writeFileSync(path, entry.after);
  }
  return stale;
}

// ---------------------------------------------------------------------------

export function writePackageFiles(info) {
  const dist = join(info.dir, 'dist');
  mkdirSync(dist, { recursive: true });
  const json = (name, value) => writeFileSync(join(dist, name), `${JSON.stringify(value, null, 2)}\n`);
  json('vscode.html-data.json', vscodeHtmlData(info));
  json('vscode.css-data.json', vscodeCssData(info));
  json('web-types.json', webTypes(info));
  writeFileSync(join(dist, 'jsx-react.d.ts'), reactTypings(info));
  writeFileSync(join(dist, 'jsx-vue.d.ts'), vueTypings(info));
  // Type-only entry points still need a module for bundlers and attw: an empty one.
  for (const name of ['jsx-react.js', 'jsx-vue.js']) writeFileSync(join(dist, name), `// Types only: see ${name.replace('.js', '.d.ts')}.\nexport {};\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const flags = args.filter((a) => a.startsWith('--'));
  const only = args.filter((a) => !a.startsWith('--'));
  if (flags.includes('--check') || flags.includes('--docs')) {
    const stale = syncDocs(readElements(), { check: flags.includes('--check') });
    if (flags.includes('--check') && stale.length) {
      console.error(`Generated blocks are stale in ${stale.join(', ')}: run \`node scripts/ide-data.mjs --docs\`.`);
      process.exitCode = 1;
    } else console.log(stale.length ? `ide-data: updated ${stale.join(', ')}` : 'ide-data: generated blocks are up to date');
  } else {
    const infos = readElements(only);
    for (const info of infos) writePackageFiles(info);
    console.log(`ide-data: editor hints and JSX typings for ${infos.map((i) => i.pkg).join(', ')}`);
  }
}
