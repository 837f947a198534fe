// A statement's plan as it ran (EXPLAIN ANALYZE), for tests that check which of its parts ran.
import type { Prisma } from "@/lib/generated/prisma/client";

/** A node of EXPLAIN (FORMAT JSON), as far as the tests read it. */
export type PlanNode = {
  "Relation Name"?: string;
  "Index Name"?: string;
  "Subplan Name"?: string;
  "CTE Name"?: string;
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

/** Each CTE of a plan, by name: how many times it ran, and how many rows it gave in all. */
export function ctesOf(plan: PlanNode): Map<string, { loops: number; rows: number }> {
  const out = new Map<string, { loops: number; rows: number }>();
  const walk = (node: PlanNode) => {
    const name = node["Subplan Name"];
    if (name?.startsWith("CTE "))
      out.set(name.slice(4), { loops: node["Actual Loops"], rows: node["Actual Rows"] * node["Actual Loops"] });
    node.Plans?.forEach(walk);
  };
  walk(plan);
  return out;
}

/** How many times a plan ran the nodes `picked` (their loops; a node never run counts none). */
function loops(plan: PlanNode, picked: (node: PlanNode) => boolean): number {
  const own = picked(plan) ? plan["Actual Loops"] : 0;
  return own + (plan.Plans ?? []).reduce((n, child) => n + loops(child, picked), 0);
}

/** How many times a plan scanned the index `name`. */
export const indexScans = (plan: PlanNode, name: string) => loops(plan, (node) => node["Index Name"] === name);

/** How many times a plan read the CTE `name`. */
export const cteReads = (plan: PlanNode, name: string) => loops(plan, (node) => node["CTE Name"] === name);
