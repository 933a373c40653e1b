// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Only src/db touches the database; the composition roots open it through src/db/index.ts.
const DATABASE = [
  { group: ['@prisma/*', 'prisma', 'pg', '**/generated/**'], message: 'Only src/db imports Prisma or pg: reach data through a port (src/core/<feature>) implemented in src/db.' },
  { group: ['**/db/**'], message: 'Outside src/db only the composition roots (src/runtime, cli/main, console/main) import the database.' },
];

const TEAMS_SDK = { group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams.*'], message: 'Teams SDK imports live in src/channels/teams.' };
const SLACK_SDK = { group: ['@slack/*'], message: 'Slack SDK imports live in src/channels/slack.' };
const ROOTS = ['src/runtime/**/*.ts', 'src/cli/main.ts', 'src/console/main.ts'];

const SDKS = ['@slack/*', 'botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/*', '@azure/*', 'jose', '@prisma/*', 'prisma', 'pg', '@electric-sql/*', 'pglite-prisma-adapter', 'node-cron', 'express', 'prom-client'];

export default tseslint.config(
  { ignores: ['test/lint/fixture/**', 'dist/**', 'node_modules/**', 'src/generated/**', 'coverage/**', '.vliegwiel-test/**', 'data/**'] },
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
    // Each chat SDK stays inside its adapter folder, so replacing an SDK touches one folder; the database in src/db.
    files: ['src/**/*.ts'],
    ignores: ['src/core/**', 'src/channels/teams/**', 'src/channels/slack/**', 'src/db/**', ...ROOTS],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEAMS_SDK, SLACK_SDK, ...DATABASE] }] },
  },
  {
    // The composition roots open the database, through src/db/index.js only.
    files: ROOTS,
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [TEAMS_SDK, SLACK_SDK, DATABASE[0], { group: ['**/db/*', '!**/db/index.js', '**/db/*/**'], message: 'Composition roots open the database through src/db/index.js only.' }] },
      ],
    },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEAMS_SDK, SLACK_SDK] }] },
  },
  {
    files: ['src/channels/slack/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [TEAMS_SDK, ...DATABASE] }] },
  },
  {
    files: ['src/channels/teams/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SLACK_SDK, ...DATABASE] }] },
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
