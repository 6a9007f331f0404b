import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import compat from 'eslint-plugin-compat';

export default tseslint.config(
  { ignores: ['lib/**', 'dist/**', 'dist-wps/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'bench-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Code that runs in the pane: every web API it calls must exist on the oldest engine in package.json's
    // browserslist (EdgeHTML 18, Safari 14, Chromium 80) or be polyfilled by core-js in the build (webpack.common.js).
    ...compat.configs['flat/recommended'],
    files: ['src/**/*.ts', 'src/**/*.tsx', 'src/taskpane/legacy.js'],
    ignores: ['src/node/**'],
    // Built-ins core-js adds where the build uses them (webpack.common.js: env.mode 'usage').
    settings: {
      polyfills: [
        'Object.fromEntries', 'Array.prototype.flat', 'Array.prototype.flatMap', 'String.prototype.matchAll',
        'String.prototype.replaceAll', 'String.prototype.trimStart', 'String.prototype.trimEnd', 'Promise.allSettled',
        'Promise.any', 'Array.prototype.at', 'String.prototype.at', 'Object.hasOwn', 'Array.prototype.findLast',
        'Array.prototype.findLastIndex', 'globalThis', 'structuredClone', 'queueMicrotask',
      ],
    },
  },
  {
    // The WPS add-in's ribbon callbacks: plain ES5 script; the functions are called by WPS, by name.
    files: ['wps/main.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { varsIgnorePattern: '^(OnAddinLoad|OnBanli[A-Za-z]+)$' }] },
  },
  {
    files: ['src/taskpane/legacy.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    // The core is pure TypeScript: no Office, no DOM, no file system, no adapters, no UI.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fs', 'fs/*', 'path', 'os', 'child_process', 'worker_threads', 'node:*'], message: 'core/ has no Node APIs' },
            { group: ['exceljs', 'jszip', 'react', 'react-dom', '@fluentui/*', 'office-*'], message: 'core/ imports no adapter library' },
            { group: ['../node/*', '../excel/*', '../word/*', '../taskpane/*', '../browser/*'], message: 'arrows point inward' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'Word', 'document', 'window', 'localStorage', 'fetch'],
    },
  },
);
