// Drives Prisma's own wasm schema engine, so migrations apply (and new ones are
// generated) offline, without the native binary the CLI would download.
// `_prisma_migrations` is recorded exactly as `prisma migrate deploy` does.
import { readFile, readdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory, SqlQueryable } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine as Engine } from "@prisma/schema-engine-wasm";

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character in @prisma/driver-adapter-utils

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");

type QueryResultLike = { fields?: { dataTypeID: number }[] };

/**
 * The engine introspects `pg_constraint.contype` ("char", oid 18), which
 * adapter-pg refuses to decode. The client hands such columns on as text and
 * notes where they were; the adapter wrapper below then reports them to the
 * engine as the Character type it expects.
 */
let charColumnsOfLastQuery: number[] = [];

function markCharColumns<T extends QueryResultLike | undefined>(r: T): T {
  charColumnsOfLastQuery = [];
  r?.fields?.forEach((f, i) => {
    if (f.dataTypeID === PG_CHAR_OID) {
      f.dataTypeID = PG_TEXT_OID;
      charColumnsOfLastQuery.push(i);
    }
  });
  return r;
}

class CharAwareClient extends pg.Client {
  // pg's overloads are too wide to restate; the pool calls the callback form, the adapter the promise form.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last: unknown = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, r: QueryResultLike) =>
        (last as (e: unknown, r: unknown) => void)(err, markCharColumns(r));
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...(args as unknown[]));
    return result instanceof Promise ? result.then(markCharColumns) : result;
  }
}

function poolFor(connectionString: string) {
  return new pg.Pool({ connectionString, Client: CharAwareClient, max: 1, idleTimeoutMillis: 1000 });
}

/** The engine runs one query at a time (pool of one), so "the last query" is well defined. */
function reportCharColumns<A extends SqlQueryable>(adapter: A): A {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsOfLastQuery) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  return adapter;
}

/**
 * adapter-pg runs a migration script by splitting it at every ";", which cuts
 * a function body ($$ … $$) apart. The whole script goes to PostgreSQL as one
 * simple query instead: it parses its own statements, and runs them in one
 * implicit transaction.
 */
function wholeScripts<A extends SqlQueryable & { executeScript(script: string): Promise<void> }>(adapter: A, pool: pg.Pool): A {
  adapter.executeScript = async (script) => {
    await pool.query(script);
  };
  return adapter;
}

function withDatabase(connectionString: string, database: string) {
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Adapter factory with a real shadow database: adapter-pg's own version reuses
 * the main database when given a connection string.
 */
function adapterFactory(connectionString: string): SqlMigrationAwareDriverAdapterFactory {
  const pools: pg.Pool[] = [];
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      const pool = poolFor(connectionString);
      pools.push(pool);
      return wholeScripts(reportCharColumns(await new PrismaPg(pool).connect()), pool);
    },
    async connectToShadowDb() {
      const name = `prisma_shadow_${randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const pool = poolFor(withDatabase(connectionString, name));
      // Dropping the shadow database (WITH FORCE, below) ends any connection still open to it; that
      // connection's "terminating connection" error is expected, not an uncaught exception.
      pool.on("error", () => undefined);
      const adapter = wholeScripts(reportCharColumns(await new PrismaPg(pool).connect()), pool);
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        await pool.end().catch(() => undefined);
        const dropper = new pg.Client({ connectionString });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}

type EngineModule = typeof import("@prisma/schema-engine-wasm/schema_engine_bg"); // eslint-disable-line @typescript-eslint/consistent-type-imports
let wasmReady: Promise<EngineModule> | undefined;

/** Node 20 cannot import .wasm modules without a flag, so instantiate by hand. */
function loadWasm() {
  wasmReady ??= (async () => {
    const g = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: { set_message(m: string): void } };
    g.PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        throw new Error(`Prisma schema engine panicked: ${message}`);
      },
    };
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as Record<string, unknown> & { __wbindgen_start(): void };
    bg.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return wasmReady;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lock = await readFile(path.join(dir, "migration_lock.toml"), "utf8").catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: lock },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(dir, name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (e: Error) => ({ tag: "error" as const, value: e.message }),
          ),
        },
      })),
    ),
  };
}

const NO_FILTER = { externalTables: [], externalEnums: [] };

async function withEngine<T>(connectionString: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const bg = await loadWasm();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(adapterFactory(connectionString));
  const log = (message: string) => {
    if (process.env.PRISMA_ENGINE_DEBUG) console.error(message);
  };
  const engine = await bg.SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, log, adapter);
  try {
    return await fn(engine);
  } finally {
    engine.free();
  }
}

/** Applies pending migrations; returns the names applied now. */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrations();
  const out = await withEngine(connectionString, (e) => e.applyMigrations({ migrationsList, filters: NO_FILTER }));
  return out.appliedMigrationNames;
}

/**
 * SQL that would take the checked-in migrations to what schema.prisma says.
 * Empty means no drift. Needs a server that allows CREATE DATABASE (shadow).
 */
export async function diffMigrationsToSchema(connectionString: string): Promise<string> {
  const migrations = await readMigrations();
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const out = await withEngine(connectionString, (e) =>
    e.diff({
      from: { tag: "migrations", ...migrations },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    }),
  );
  return (out.stdout ?? "").trim();
}

/** SQL that turns the live database into what schema.prisma says. */
export async function diffDatabaseToSchema(connectionString: string): Promise<string> {
  const schema = await readFile(SCHEMA_PATH, "utf8");
  const out = await withEngine(connectionString, (e) =>
    e.diff({
      from: { tag: "schemaDatasource", files: [{ path: SCHEMA_PATH, content: schema }], configDir: ROOT },
      to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    }),
  );
  return (out.stdout ?? "").trim();
}
