// ESLint: type-aware TypeScript rules, React hooks rules, and the import layers that keep
// shared/ pure and the desktop shell and the renderer apart. `npm run lint` (part of `npm test`).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { noUntypedProps } from './scripts/eslint-rules/no-untyped-props.js';

/** Every project the type-checker knows; a file is linted with the first one that includes it. */
const PROJECTS = [
  './shared/tsconfig.json',
  './renderer/tsconfig.json',
  './renderer/tsconfig.test.json',
  './e2e/tsconfig.json',
  './bench/pages/tsconfig.json',
  './tsconfig.json',
];

/** Outside shared/: the renderer, the shell and the tools that use the engine. */
const NOT_SHARED = ['**/renderer/**', '**/electron/**', '**/cli/**', '**/bench/**', '**/e2e/**', '**/scripts/**'];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'dist-web/',
      'release/',
      'bench/dist/',
      'bench/results/',
      'e2e/artifacts/',
      'test-results/',
      'playwright-report/',
      '**/*.generated.ts',
      'cli/stowage.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: PROJECTS, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['eslint.config.js', 'scripts/eslint-rules/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Props are read typed, through the kind's schema (scripts/eslint-rules/no-untyped-props.js).
  // Tests may build and inspect documents as plain data.
  {
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'cli/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test-support.ts'],
    plugins: { stowage: { rules: { 'no-untyped-props': noUntypedProps } } },
    rules: { 'stowage/no-untyped-props': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'bench/pages/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  // Import layers. shared/ is the engine every side runs: it imports nothing outside itself,
  // no platform module and no UI library.
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: NOT_SHARED, message: 'shared/ is pure: it imports nothing outside shared/.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ runs in the browser too: no Node modules.' },
            {
              group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'electron'],
              message: 'shared/ has no UI and no shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.test.ts', 'shared/**/*.test-support.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', '**/electron/**'], message: 'shared/ tests test the engine, not the UI or the shell.' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/electron/**', 'electron'],
              message: 'The renderer reaches the shell only through the host contract (shared/host).',
            },
            { group: ['**/cli/**', '**/bench/**', '**/e2e/**', '**/scripts/**'], message: 'The renderer does not import tools.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**'], message: 'The shell and the renderer meet only through the host contract (shared/host).' },
          ],
        },
      ],
    },
  },
);
