// `npm run db:migrate`            apply pending migrations (offline, wasm engine)
// `npm run db:migrate -- create N` write prisma/migrations/<timestamp>_N from schema.prisma
// `npm run db:migrate -- check`    exit 1 if the migrations and schema.prisma differ
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { applyMigrations, diffMigrationsToSchema, MIGRATIONS_DIR } from "@/lib/migrate/schema-engine";
import { commandArguments } from "./lib/arguments";
import { runScript } from "./lib/run-script";

const USAGE = "Usage: npm run db:migrate [-- deploy | create <name> | check] (deploy, the default, applies pending migrations)";

runScript(async () => {
  const { positional } = commandArguments(USAGE, { positional: 2 });
  const url = parseEnv().DATABASE_URL;
  if (!url)
    throw new Error(
      "DATABASE_URL is not set; db:migrate needs a PostgreSQL server (npm start migrates the embedded one itself).",
    );
  const [command = "deploy", name] = positional;
  if (command === "deploy") {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  } else if (command === "create") {
    if (!name || !/^[a-z0-9_]+$/.test(name))
      throw new Error("Give the migration a snake_case name: npm run db:migrate -- create add_thing");
    const sql = await diffMigrationsToSchema(url);
    if (!sql || /^-- This is an empty migration/.test(sql))
      return console.log("schema.prisma matches the migrations; nothing to create.");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), `${sql}\n`);
    console.log(
      `Wrote ${path.relative(process.cwd(), dir)}/migration.sql: review it, add CHECK constraints by hand, then run npm run db:migrate.`,
    );
  } else if (command === "check") {
    const sql = await diffMigrationsToSchema(url);
    if (sql && !/^-- This is an empty migration/.test(sql)) {
      console.error(`prisma/migrations does not match schema.prisma:\n${sql}`);
      process.exitCode = 1;
    } else console.log("No drift between prisma/migrations and schema.prisma.");
  } else throw new Error(`Unknown command "${command}". ${USAGE}`);
});
