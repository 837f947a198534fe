// A statement's plan as it ran (EXPLAIN ANALYZE), for tests that check which of its parts ran.
import type { Prisma } from "@/lib/generated/prisma/client";

/** A node of EXPLAIN (FORMAT JSON), as far as the tests read it. */
export type PlanNode = {
  "Relation Name"?: string;
  "Index Name"?: string;
  "Subplan Name"?: string;
  "Actual Loops": number;
  "Actual Rows": number;
  Plans?: PlanNode[];
};

type RawClient = { $queryRawUnsafe<T>(query: string, ...values: unknown[]): Promise<T> };

/**
 * Runs `sql` under EXPLAIN (ANALYZE) on `client` (the file's own database
 * client: some files point lib/db at a database of their own) and returns
 * the plan's root.
 */
export async function explainAnalyzed(client: RawClient, sql: Prisma.Sql): Promise<PlanNode> {
  const [row] = await client.$queryRawUnsafe<{ "QUERY PLAN": { Plan: PlanNode }[] }[]>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
    ...sql.values,
  );
  return row!["QUERY PLAN"][0]!.Plan;
}
