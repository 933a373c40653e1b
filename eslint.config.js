// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const SDKS = ['@slack/*', 'botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/*', '@prisma/*', 'prisma', 'pg', '@electric-sql/*', 'pglite-prisma-adapter', 'node-cron', 'express', 'prom-client'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**', '.vliegwiel-test/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', Buffer: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } } },
  {
    // The dependency rule: the core is platform-neutral. No chat SDK, no Prisma, no scheduler, no HTTP.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: SDKS, message: 'src/core must not import SDKs, Prisma or node-cron: define a port in src/core and implement it outside.' },
            { group: ['node:http', 'node:https', 'http', 'https', 'node:net', 'net'], message: 'src/core must not do HTTP: adapters do.' },
            { group: ['**/db/**', '**/channels/**', '**/server/**', '**/delivery/**', '**/schedule/**', '**/generated/**'], message: 'src/core must not import outer layers.' },
          ],
        },
      ],
    },
  },
  {
    // Each chat SDK stays inside its adapter folder, so replacing an SDK touches one folder.
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/channels/teams/**', 'src/channels/slack/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams.*'], message: 'Teams SDK imports live in src/channels/teams.' },
            { group: ['@slack/*'], message: 'Slack SDK imports live in src/channels/slack.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/channels/slack/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai'], message: 'Teams SDK imports live in src/channels/teams.' }] }],
    },
  },
  {
    files: ['src/channels/teams/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@slack/*'], message: 'Slack SDK imports live in src/channels/slack.' }] }],
    },
  },
  {
    // Only src/config.ts reads the environment (tests and scripts may set up their own).
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through src/config.ts.' }],
    },
  },
);
