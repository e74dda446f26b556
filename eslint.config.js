// Lint rules, including the import boundaries of ARCHITECTURE.md §4.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Builds a no-restricted-imports rule from [pattern, message] pairs; type-only imports stay allowed. */
const forbid = (...rules) => ({
  'no-restricted-imports': [
    'error',
    { patterns: rules.map(([group, message]) => ({ group: [group].flat(), message, allowTypeImports: true })) },
  ],
});

const dexie = ['dexie', 'dexie-react-hooks'];
const NO_DEXIE = [dexie, 'Dexie lives in src/storage only: add a repository function there.'];
const NO_PAPA = ['papaparse', 'papaparse lives in src/ingest only (run it in the ingest worker).'];
const NO_TF = ['@tensorflow/*', 'TF.js lives in src/models and the workers only.'];
const NO_ZUSTAND = ['zustand', 'zustand lives in src/state only.'];
const NO_UI = [['**/ui/**', '**/state/**', '**/app/**', 'react', 'react-dom'], 'Pure code must not depend on UI or state.'];

export default tseslint.config(
  { ignores: ['dist', 'dev-dist', 'node_modules', 'test-results', 'playwright-report', '.bench', 'src/**/*.as.ts'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['scripts/**', 'e2e/**', '*.config.*'], languageOptions: { globals: { ...globals.node } } },
  {
    files: ['src/ui/**'],
    rules: forbid(
      [['**/storage/**', ...dexie], 'UI reads data through src/state hooks, never storage directly.'],
      [['**/workers/*.worker*', '**/workers/*-client*'], 'UI talks to workers through src/state.'],
      [['**/ingest/**', '**/analytics/**', '**/models/**'], 'Heavy code runs in workers; UI gets results through src/state.'],
      NO_PAPA, NO_TF, NO_ZUSTAND,
    ),
  },
  {
    files: ['src/state/**'],
    rules: forbid(
      [['**/ingest/**', '**/analytics/**', '**/models/**'], 'State calls workers through src/workers/*-client.ts.'],
      [['**/workers/*.worker*'], 'Import the *-client.ts facade, not the worker module.'],
      [['**/ui/**'], 'State must not depend on UI.'],
      NO_PAPA, NO_TF,
    ),
  },
  { files: ['src/ingest/**'], rules: forbid(NO_UI, NO_DEXIE, NO_TF, NO_ZUSTAND, [['**/storage/**', '**/workers/**', '**/analytics/**', '**/models/**'], 'ingest imports only lib.']) },
  { files: ['src/analytics/**'], rules: forbid(NO_UI, NO_DEXIE, NO_TF, NO_PAPA, NO_ZUSTAND, [['**/storage/**', '**/workers/**', '**/ingest/**', '**/models/**'], 'analytics imports only lib.']) },
  { files: ['src/models/**'], rules: forbid(NO_UI, NO_DEXIE, NO_PAPA, NO_ZUSTAND, [['**/storage/**', '**/workers/**', '**/ingest/**'], 'models import only lib and TF.js.']) },
  { files: ['src/storage/**'], rules: forbid(NO_UI, NO_PAPA, NO_TF, NO_ZUSTAND, [['**/workers/**'], 'storage must not depend on workers.']) },
  { files: ['src/workers/**'], rules: forbid(NO_UI, NO_ZUSTAND) },
  { files: ['src/lib/**'], rules: forbid(NO_UI, NO_DEXIE, NO_PAPA, NO_TF, NO_ZUSTAND) },
  { files: ['src/app/**'], rules: forbid(NO_DEXIE, NO_PAPA, NO_TF, [['**/ingest/**', '**/analytics/**', '**/models/**', '**/storage/**'], 'The app shell composes ui and state only.']) },
);
