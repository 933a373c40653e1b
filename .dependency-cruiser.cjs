// The layers of Vliegwiel as rules a tool checks (`npm run lint:deps`, part of `npm test`). docs/architecture.md
// draws them. Each rule names who may not import whom; a loop anywhere is an error of its own.
const ROOTS = '^src/(main|app)\\.ts$|^src/runtime/|^src/cli/main\\.ts$|^src/console/main\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import loop: two modules that need each other cannot be understood, tested or moved apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-is-neutral',
      severity: 'error',
      comment: 'src/core knows nothing of the database, the channels, HTTP, the workers or the wiring.',
      from: { path: '^src/core/' },
      to: { path: '^src/(?!core/)' },
    },
    {
      name: 'core-kernel-knows-no-feature',
      severity: 'error',
      comment: 'The kernel (messages, ports, i18n, people, the router in chat/) is below the features: it imports none.',
      from: { path: '^src/core/(chat|i18n|people|language|import)/|^src/core/[^/]+\\.ts$' },
      to: { path: '^src/core/(workshops|klussen|reflection|broadcasts|nudges|privacy|audit|organizations|downloads|directory|outreach)/' },
    },
    {
      name: 'database-in-src-db',
      severity: 'error',
      comment: 'Only src/db touches the database: Prisma, pg and the generated client.',
      from: { path: '^src/', pathNot: '^src/(db|generated)/' },
      to: { path: '^src/generated/|node_modules/(@prisma/|prisma/|pg/|pg-)' },
    },
    {
      name: 'db-entry-for-roots-only',
      severity: 'error',
      comment: 'Outside src/db only the composition roots open the database, through src/db/index.ts.',
      from: { path: '^src/', pathNot: `^src/(db|generated)/|${ROOTS}` },
      to: { path: '^src/db/' },
    },
    {
      name: 'roots-use-the-db-entry',
      severity: 'error',
      comment: 'The composition roots reach the database through src/db/index.ts, never its inner files.',
      from: { path: ROOTS },
      to: { path: '^src/db/(?!index\\.ts$)' },
    },
    {
      name: 'db-below-the-ways-in',
      severity: 'error',
      comment: 'src/db implements ports of core, delivery and schedule; it never reaches up to channels or entry points.',
      from: { path: '^src/db/' },
      to: { path: '^src/(channels|server|cli|console|runtime|app\\.ts|main\\.ts)' },
    },
    {
      name: 'workers-below-the-ways-in',
      severity: 'error',
      comment: 'The outbox and the scheduler own their ports; they import neither channels nor entry points.',
      from: { path: '^src/(delivery|schedule)/' },
      to: { path: '^src/(channels|server|cli|console|runtime)/|^src/app\\.ts$' },
    },
    {
      name: 'directory-adapter-below-the-ways-in',
      severity: 'error',
      comment: 'The Graph and Slack directory clients (src/directory) implement ports of core; like delivery, they reach no database, channel or entry point.',
      from: { path: '^src/directory/' },
      to: { path: '^src/(channels|server|cli|console|runtime|db|delivery|schedule)/|^src/app\\.ts$' },
    },
    {
      name: 'channels-apart',
      severity: 'error',
      comment: 'Slack and Teams are two adapters over the same core; neither imports the other or an entry point.',
      from: { path: '^src/channels/(slack|teams)/' },
      to: { path: '^src/channels/(?!$1/)(slack|teams)/|^src/(cli|console|runtime)/' },
    },
    {
      name: 'entry-points-apart',
      severity: 'error',
      comment: 'The HTTP server, the CLI and the console chat are ways in side by side: what two share lives below both.',
      from: { path: '^src/(server|cli|console)/', pathNot: ROOTS },
      to: { path: '^src/(server|cli|console|runtime)/', pathNot: '^src/$1/' },
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      comment: 'Settings are read first: src/config.ts and its helpers import only core types, never what they configure.',
      from: { path: '^src/[a-z-]+-config\\.ts$|^src/config\\.ts$' },
      to: { path: '^src/(?!core/|config\\.ts$|[a-z-]+-config\\.ts$)' },
    },
  ],
  options: {
    // The generated client is recorded as a target (so an import of it is seen) but not read itself.
    doNotFollow: { path: ['node_modules', '^src/generated/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
