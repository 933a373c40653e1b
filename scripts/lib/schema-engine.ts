// Prisma's schema engine (the part behind `prisma migrate`), run from @prisma/schema-engine-wasm against PGlite in
// memory, because the CLI's native engine cannot be downloaded here (see shared/notes/prisma-offline.md).
// The wasm package's API is internal to Prisma: its version is pinned in package.json and
// test/db/migrations-drift.test.ts exercises it.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import * as glue from '@prisma/schema-engine-wasm/schema_engine_bg';
import type { MigrationList, SchemaContainer, SchemaEngine, SchemaFilter } from '@prisma/schema-engine-wasm/schema_engine_bg';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const schemaPath = path.join(projectRoot, 'prisma', 'schema.prisma');
export const migrationsDir = path.join(projectRoot, 'prisma', 'migrations');

const LOCKFILE = 'migration_lock.toml';
const MIGRATION_FILE = 'migration.sql';
// No tables/enums are managed outside Prisma (prisma.config.ts has no `tables.external`/`enums.external`).
const filters: SchemaFilter = { externalTables: [], externalEnums: [] };

/** The migrations directory in the shape Prisma's CLI hands to the engine (same reading rules as the CLI). */
export async function readMigrationsList(dir: string = migrationsDir): Promise<MigrationList> {
  const lockContent = await readFile(path.join(dir, LOCKFILE), 'utf8').catch(() => null);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const migrationDirectories = await Promise.all(
    entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      // Prisma sorts with localeCompare; timestamps make that the chronological order.
      .sort((a, b) => a.localeCompare(b))
      .map(async (name) => ({
        path: name,
        migrationFile: {
          path: MIGRATION_FILE,
          content: await readFile(path.join(dir, name, MIGRATION_FILE), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (err: Error) => ({ tag: 'error' as const, value: err.message }),
          ),
        },
      })),
  );
  return { baseDir: dir, lockfile: { path: LOCKFILE, content: lockContent }, shadowDbInitScript: '', migrationDirectories };
}

// ------------------------------------------------------------------------------------------------ wasm loading

const requireHere = createRequire(import.meta.url);
let enginePromise: Promise<void> | undefined;

// tsconfig's lib has no DOM and @types/node 20 declares no WebAssembly value: type the one call used here.
interface WasmApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
}
const { WebAssembly: wasmApi } = globalThis as unknown as { WebAssembly: WasmApi };

/** Instantiates the wasm once per process; the package's own entry needs --experimental-wasm-modules. */
function loadWasm(): Promise<void> {
  enginePromise ??= (async () => {
    // The package exports only the JS glue; the .wasm sits next to it.
    const gluePath = requireHere.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const imports: Record<string, unknown> = { ...glue };
    for (const [name, fn] of Object.entries(imports)) {
      // The engine arms a ~10 s lock timeout on every command; unref() it so a finished script can exit at once.
      if (name.startsWith('__wbg_setTimeout_') && typeof fn === 'function') {
        imports[name] = (...args: unknown[]) => {
          const timer: unknown = (fn as (...a: unknown[]) => unknown)(...args);
          (timer as { unref?: () => void } | undefined)?.unref?.();
          return timer;
        };
      }
    }
    // The module imports everything from its glue under this name (what --experimental-wasm-modules would link).
    const { instance } = await wasmApi.instantiate(bytes, { './schema_engine_bg.js': imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return enginePromise;
}

// ------------------------------------------------------------------------------------------------ databases

// initdb costs 4-8 s per PGlite instance; an empty cluster dumped once is restored in under a second. The dump is
// kept under node_modules/.cache (keyed by PGlite's version) so later runs skip initdb too.
// @electric-sql/pglite does not export its package.json; its entry point is dist/index.cjs.
const pglitePackageJson = path.join(path.dirname(requireHere.resolve('@electric-sql/pglite')), '..', 'package.json');
const pgliteVersion = (JSON.parse(readFileSync(pglitePackageJson, 'utf8')) as { version: string }).version;
const templateFile = path.join(projectRoot, 'node_modules', '.cache', 'vliegwiel', `pglite-${pgliteVersion}-empty.tar.gz`);
let templatePromise: Promise<Blob> | undefined;

function emptyClusterDump(): Promise<Blob> {
  templatePromise ??= (async () => {
    if (existsSync(templateFile)) return new Blob([await readFile(templateFile)]);
    const db = await PGlite.create();
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    // Write-then-rename: parallel test workers must never read a half-written dump.
    await mkdir(path.dirname(templateFile), { recursive: true });
    const tmp = `${templateFile}.${process.pid}.tmp`;
    await writeFile(tmp, Buffer.from(await dump.arrayBuffer()));
    await rename(tmp, templateFile);
    return dump;
  })();
  return templatePromise;
}

async function freshPGlite(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await emptyClusterDump() });
}

/**
 * Main and shadow databases are both throw-away in-memory PGlite clusters. (pglite-prisma-adapter's own
 * connectToShadowDb runs initdb each time and never closes; adapter-pg 7.10.1 points the shadow at the main DB.)
 */
class InMemoryPGliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = 'postgres';
  readonly adapterName = 'vliegwiel-pglite-memory';
  readonly #open: PGlite[] = [];
  #main: Promise<PGlite> | undefined;

  async #fresh(): Promise<PGlite> {
    const db = await freshPGlite();
    this.#open.push(db);
    return db;
  }
  // Every connect() must reach the same main database; each shadow database starts empty.
  async connect(): Promise<SqlDriverAdapter> {
    this.#main ??= this.#fresh();
    return new PrismaPGlite(await this.#main).connect();
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return new PrismaPGlite(await this.#fresh()).connect();
  }
  async close(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((db) => db.close()));
  }
}

// ------------------------------------------------------------------------------------------------ engine sessions

export interface SchemaSource {
  /** Where the schema is said to come from (used in error messages). Default: prisma/schema.prisma. */
  path?: string;
  /** The schema text; read from `path` when omitted. */
  content?: string;
}

async function schemaFiles(source: SchemaSource = {}): Promise<SchemaContainer[]> {
  const file = path.resolve(source.path ?? schemaPath);
  return [{ path: file, content: source.content ?? (await readFile(file, 'utf8')) }];
}

async function withEngine<T>(files: SchemaContainer[], run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  await loadWasm();
  const factory = new InMemoryPGliteFactory();
  // The engine's tracing output (JSON lines); only wanted when debugging, e.g. DEBUG=schema-engine.
  const log = process.env.DEBUG?.includes('schema-engine') ? (line: string) => console.error(line) : () => {};
  try {
    // The engine requires the error-capturing wrapper; a bare factory fails with "reading 'client'".
    const engine = await glue.SchemaEngine.new(
      { datamodels: files.map((f) => [f.path, f.content]) },
      log,
      bindMigrationAwareSqlAdapterFactory(factory),
    );
    try {
      return await run(engine);
    } finally {
      engine.free();
    }
  } finally {
    // Open PGlite instances would keep the process alive.
    await factory.close();
  }
}

// Letters that slugify transliterates to something other than their NFD base letter (from its table in prisma's cli.js).
const TRANSLITERATIONS: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', ä: 'ae', Ä: 'Ae', ö: 'oe', Ö: 'Oe', ü: 'ue', Ü: 'Ue', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O',
  þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L', ĳ: 'ij', Ĳ: 'IJ',
};

/**
 * Prisma's migration-name rule: @sindresorhus/slugify with separator "_", cut to 200 characters. Exact for Latin
 * script; letters of other scripts (which slugify transliterates) are dropped here.
 */
export function migrationSlug(name: string): string {
  return name
    .normalize()
    .replace(/[ßẞäÄöÖüÜæÆøØþÞðÐđĐłŁĳĲ]/g, (c) => TRANSLITERATIONS[c] ?? c)
    .replace(/&/g, ' and ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .normalize()
    // slugify's decamelize: "addUserEmail" -> "add User Email", "HTTPServer" -> "HTTP Server".
    .replace(/([A-Z]{2,})(\d+)/g, '$1 $2')
    .replace(/([a-z\d]+)([A-Z]{2,})/g, '$1 $2')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-rt-z\d]+)/g, '$1 $2')
    .toLowerCase()
    .replace(/([a-z\d]+)'([ts])(\s|$)/g, '$1$2$3')
    .replace(/[^a-z\d]+/g, '_')
    .replace(/^_|_$/g, '')
    .substring(0, 200);
}

/**
 * What `prisma migrate dev --create-only --name <name>` does, minus prompts: slugifies the name, replays the existing
 * migrations, diffs them against the schema and writes `<baseDir>/<timestamp>_<name>/migration.sql` + lock file.
 * Returns the new directory's name, or null when the schema needs no change.
 */
export async function createMigration(name: string, options: { schema?: SchemaSource; dir?: string } = {}): Promise<string | null> {
  const slug = migrationSlug(name);
  if (!slug) throw new Error(`"${name}" has no letters or digits to name a migration with.`);
  const files = await schemaFiles(options.schema);
  const migrationsList = await readMigrationsList(options.dir);
  return withEngine(files, async (engine) => {
    // This order is what works with an external shadow factory: createMigration alone fails once migrations exist
    // ("PostgreSQL shadow DB must be provided through an external factory"); devDiagnostic prepares the shadow DB.
    await engine.applyMigrations({ migrationsList, filters });
    const { action } = await engine.devDiagnostic({ migrationsList, filters });
    if (action.tag === 'reset') throw new Error(`The migration history cannot be replayed: ${action.reason}`);
    const out = await engine.createMigration({ draft: false, migrationName: slug, migrationsList, schema: { files }, filters });
    if (out.migrationScript === null) return null;
    // Written the way the CLI writes them (prisma/build/cli.js): directory must be new, lock file always rewritten.
    const dir = path.join(migrationsList.baseDir, out.generatedMigrationName);
    if (existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript, 'utf8');
    await writeFile(
      path.join(migrationsList.baseDir, migrationsList.lockfile.path),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      'utf8',
    );
    return out.generatedMigrationName;
  });
}

/**
 * `prisma migrate diff --from-migrations <dir> --to-schema <schema> --script`: the SQL that would bring a database
 * built from the migrations to the schema; "" when they agree.
 */
export async function diffSchemaAgainstMigrations(options: { schema?: SchemaSource; dir?: string } = {}): Promise<string> {
  const files = await schemaFiles(options.schema);
  const migrationsList = await readMigrationsList(options.dir);
  return withEngine(files, async (engine) => {
    const result = await engine.diff({
      // With no migration at all the engine refuses the directory (no migration_lock.toml); everything is missing.
      from: migrationsList.migrationDirectories.length === 0 ? { tag: 'empty' } : { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files },
      script: true,
      exitCode: true,
      filters,
    });
    // exitCode 2 = non-empty diff; an empty one still prints "-- This is an empty migration.".
    return result.exitCode === 0 ? '' : (result.stdout ?? '');
  });
}
