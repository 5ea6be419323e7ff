import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'src/api/schema.d.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strict],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks, 'react-refresh': reactRefresh },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-refresh/only-export-components': ['warn', { allowConstantExport: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The route table is configuration, not a component module; the build-time style
    // rendering runs in Node, never with fast refresh.
    files: ['src/app/router.tsx', 'src/app/staticStyles.tsx'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
  {
    // Test helpers render pages for Vitest; they are no component modules.
    files: ['src/test/**'],
    rules: { 'react-refresh/only-export-components': 'off' },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    // Browser tests pass functions to the page, where the browser's globals exist.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
