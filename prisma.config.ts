import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI downloads a native schema engine at start; offline that fails. A stub
// keeps `prisma generate` working while a real binary can still be supplied.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-stub.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed/index.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/perspectives" },
});
