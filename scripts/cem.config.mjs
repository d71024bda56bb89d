// The manifest is generated from the JSDoc headers of the element classes.
import { posix } from 'node:path';

/** Where `name` is imported from in `sourceFile`, as a module path of the package (`src/HoursBadge.ts`). */
function importedFrom(ts, sourceFile, name, modulePath) {
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || !bindings.elements.some((element) => element.name.text === name)) continue;
    const specifier = statement.moduleSpecifier.text;
    return specifier.startsWith('.') ? posix.join(posix.dirname(modulePath), specifier).replace(/\.js$/, '.ts') : specifier;
  }
  return modulePath;
}

/**
 * The define files register their element with core's `defineElement('ww-…', Class)`
 * (a guard around `customElements.define`). The analyzer knows only
 * `customElements.define`, so without this the manifest would name no tag and no
 * definition, and everything built from it (the React wrappers, the editors' data,
 * Storybook's tables) would lose the elements. This records the same definition.
 */
function defineElementCalls() {
  return {
    name: 'wegweiser-define-element',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'defineElement') return;
      const [tag, element] = node.arguments;
      if (!tag || !ts.isStringLiteral(tag) || !element || !ts.isIdentifier(element)) return;
      const definition = {
        kind: 'custom-element-definition',
        name: tag.text,
        declaration: { name: element.text, module: importedFrom(ts, node.getSourceFile(), element.text, moduleDoc.path) },
      };
      moduleDoc.exports = [...(moduleDoc.exports ?? []), definition];
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/generated/**', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  dependencies: false,
  packagejson: true,
  plugins: [defineElementCalls()],
};
