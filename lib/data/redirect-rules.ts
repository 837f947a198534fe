import "server-only";
import { db } from "@/lib/db";
import type { RedirectRuleInput } from "@/lib/validations/redirects";
import { isUniqueViolation } from "./prisma-errors";

/** Another rule already starts from this path. */
export class DuplicateRedirectRuleError extends Error {}

const ruleSelect = { id: true, fromPath: true, toPath: true, createdAt: true } as const;

/** Every rule, by the path it starts from. */
export async function listRedirectRules() {
  return db.redirectRule.findMany({ orderBy: { fromPath: "asc" }, select: ruleSelect });
}

export async function createRedirectRule(input: RedirectRuleInput, createdById: string) {
  return db.redirectRule.create({ data: { ...input, createdById }, select: ruleSelect }).catch((e: unknown) => {
    if (isUniqueViolation(e, "fromPath")) throw new DuplicateRedirectRuleError();
    throw e;
  });
}

/** Deletes a rule; returns it as it was, or null when there is no such rule. */
export async function deleteRedirectRule(id: number) {
  return db.$transaction(async (tx) => {
    const rule = await tx.redirectRule.findUnique({ where: { id }, select: ruleSelect });
    if (rule) await tx.redirectRule.deleteMany({ where: { id } });
    return rule;
  });
}

/**
 * Where a staff rule sends a (decoded) path: the rule for exactly this path,
 * else the longest "prefix*" rule it falls under; null when none does.
 */
export async function findRedirectRule(path: string): Promise<string | null> {
  const [row] = await db.$queryRaw<{ toPath: string }[]>`
    SELECT "toPath" FROM "RedirectRule"
    WHERE "fromPath" = ${path}
       OR (right("fromPath", 1) = '*' AND starts_with(${path}, left("fromPath", -1)))
    ORDER BY ("fromPath" = ${path}) DESC, length("fromPath") DESC
    LIMIT 1`;
  return row?.toPath ?? null;
}
