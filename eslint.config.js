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
