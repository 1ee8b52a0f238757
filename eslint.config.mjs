// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Process boundary: the renderer never reaches main-process code, Node or Electron. */
const rendererBoundary = {
  patterns: [
    { group: ['**/main/**', '../main', '../../main'], message: 'renderer/ must not import main/.' },
    {
      group: ['electron', 'node:*', 'undici', 'fs', 'path', 'child_process'],
      message: 'The renderer has no Node or Electron: use the bridge.',
    },
    {
      group: ['**/preload/index*', '**/preload/bridge*'],
      message: 'Import the contract, not the preload bridge.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='BrowserWindow']",
          message: 'Create windows only through main/shell/window.ts (hardened factory).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain'],
              message: 'Register handlers through main/shell/ipc.ts.',
            },
            {
              name: 'electron',
              importNames: ['ipcRenderer'],
              message: 'Only preload/index.ts may use ipcRenderer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/unit/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', rendererBoundary],
    },
  },
  { files: ['main/shell/window.ts'], rules: { 'no-restricted-syntax': 'off' } },
  // The entry point hands ipcMain to the wrapper; it registers nothing itself.
  { files: ['main/shell/ipc.ts', 'main/index.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['preload/index.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['main/log/**', 'main/sandbox/cli.ts', 'scripts/**', 'test/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  // electron-builder loads its hooks with require(); they stay CommonJS.
  { files: ['build/**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
