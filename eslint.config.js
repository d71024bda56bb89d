import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', 'storybook-static/**', '**/custom-elements.json', '.wtr-*/**', 'scripts/test/fixtures/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      // Lit's legacy decorators declare properties without initialisers the linter sees.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'wc/guard-super-call': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', 'scripts/**', 'bench/**', '.ci/**', '*.config.*', 'packages/*/build.mjs', 'packages/*/bin/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/test/**', 'scripts/testing/**'],
    languageOptions: { globals: { ...globals.mocha } },
  },
  {
    // Readable first (issue 19): no loose equality, comma expressions or assignments in conditions.
    files: ['packages/*/src/**/*.ts'],
    rules: {
      eqeqeq: ['error', 'always'],
      'no-sequences': ['error', { allowInParentheses: false }],
      'no-cond-assign': ['error', 'always'],
    },
  },
);
