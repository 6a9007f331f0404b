import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
