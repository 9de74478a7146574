// Lint enforces the process layering: src/ is Electron-free, renderer/ sees only the IPC contract's
// types, and raw ipcMain/ipcRenderer live only in the two files that wrap them. Inside src/, imports
// only run down the floors of scripts/lint/src-floors.mjs.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { srcFloorsRule } from './scripts/lint/src-floors.mjs';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'net', 'tls', 'http', 'https', 'crypto'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { gridpass: { rules: { 'src-floors': srcFloorsRule } } },
    rules: {
      'gridpass/src-floors': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'src/ is Electron-free: take what you need from Electron as an injected dependency.' }],
        patterns: [
          { group: ['**/main/**', '../main', '../../main'], message: 'src/ must not depend on main/.' },
          { group: ['**/renderer/**'], message: 'src/ must not depend on renderer/.' },
        ],
      }],
    },
  },
  {
    // The CLI is one CommonJS bundle, where esbuild turns a default or namespace import of a Node module
    // into a copy of all its properties, made at start-up by every `gridpass` run (for fs and path,
    // about 9 of a verify's 200 million instructions). The app shell is bundled as an ES module, where
    // such an import costs nothing.
    files: ['src/**/*.ts'],
    ignores: ['src/app-shell/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "ImportDeclaration[importKind!='type'][source.value=/^node:/] > :matches(ImportDefaultSpecifier, ImportNamespaceSpecifier)",
        message: "Import what is used by name (import { join } from 'node:path'): in the CLI's CommonJS bundle a default or namespace import of a Node module copies the whole module on every start.",
      }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'The renderer talks to main only through window.gridpass.' }],
        patterns: [
          { group: ['**/src/**'], allowTypeImports: true, message: 'The renderer may import only types from src/ipc.' },
          { group: ['**/src/**', '!**/src/ipc/**'], message: 'The renderer may import only the IPC contract from src/ipc.' },
          { group: ['**/main/**'], message: 'The renderer must not import main/.' },
          { group: nodeBuiltins, message: 'The renderer is sandboxed: no Node built-ins.' },
        ],
      }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/ipc/validated-ipc.ts', 'main/preload.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Register handlers through validatedHandle() in main/ipc/validated-ipc.ts.' },
        ],
        patterns: [{ group: ['**/renderer/**'], message: 'main/ must not import renderer/.' }],
      }],
    },
  },
);
