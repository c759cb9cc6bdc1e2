// Flat config: typescript-eslint's recommended rules, plus the layer boundaries from ARCHITECTURE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'url', 'crypto', 'stream'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'out/**', 'scratch/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The engine is pure: no I/O and nothing from other workspace layers.
    files: ['packages/engine/src/**/*.ts'],
    ignores: ['packages/engine/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'The engine is pure: no Node built-ins (it runs in workers and browsers).' },
          { group: ['@mixwise/*'], message: 'The engine depends on no other Mixwise package.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // contracts and charts are shared with the browser: pure, like the engine.
    files: ['packages/contracts/src/**/*.ts', 'packages/charts/src/**/*.ts', 'apps/dashboard/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'Browser code: no Node built-ins.' },
          { group: ['@mixwise/data', '@mixwise/cli', '@mixwise/server', '@mixwise/report'], message: 'Browser code must not import Node-only layers.' },
        ],
      }],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    // data sits below cli: it must not reach up.
    files: ['packages/data/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@mixwise/cli'], message: 'data must not import the CLI.' }] }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
