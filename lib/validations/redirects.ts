import { z } from "zod";
import { isPortalPath } from "@/lib/edge/routes";

const BASE = "http://this-site.invalid";
const MAX_PATH = 500;

/** A path on this site as a browser would send it ("/board/*" → "/board/"); null when it is not one. */
function pathOnThisSite(value: string): URL | null {
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return null;
  try {
    const url = new URL(value, BASE);
    return url.origin === BASE ? url : null;
  } catch {
    return null;
  }
}

/** Decoded, as the server matches request paths; null for a malformed %-escape. */
function decoded(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * An old path, matched on its decoded form; a trailing "*" takes every path
 * that starts with what comes before it. Never one of the portal's own paths,
 * which Next.js answers before any rule could.
 */
const fromPathSchema = z
  .string()
  .trim()
  .min(1, "required")
  .max(MAX_PATH, "tooLong")
  .refine((v) => v.startsWith("/") && !v.startsWith("//") && !/^[a-z][a-z0-9+.-]*:/i.test(v), "fromPathFormat")
  .refine((v) => !/[?#\s]/.test(v), "fromPathQuery")
  .refine((v) => !v.slice(0, -1).includes("*"), "wildcardAtEnd")
  .transform((v, ctx) => {
    const path = decoded(v);
    if (path === null || pathOnThisSite(v) === null) {
      ctx.addIssue({ code: "custom", message: "fromPathFormat" });
      return z.NEVER;
    }
    // The server never asks about the portal's own paths, so such a rule could never work.
    if (isPortalPath(path.endsWith("*") ? path.slice(0, -1) : path)) {
      ctx.addIssue({ code: "custom", message: "portalPath" });
      return z.NEVER;
    }
    return path;
  });

/** Where an old path goes: a path on this site (with a query if need be), never another host. */
const toPathSchema = z
  .string()
  .trim()
  .min(1, "required")
  .max(MAX_PATH, "tooLong")
  .refine((v) => !/\s/.test(v) && pathOnThisSite(v) !== null && decoded(v.split(/[?#]/)[0] ?? "") !== null, "toPathFormat");

/** Whether a rule would send a request back to itself. */
function loops(fromPath: string, toPath: string): boolean {
  const target = decoded(toPath.split(/[?#]/)[0] ?? "");
  if (target === null) return false;
  return fromPath.endsWith("*") ? target.startsWith(fromPath.slice(0, -1)) : target === fromPath;
}

/** A redirect rule as the staff form sends it. */
export const redirectRuleSchema = z
  .object({ fromPath: fromPathSchema, toPath: toPathSchema })
  .refine((rule) => !loops(rule.fromPath, rule.toPath), { message: "loop", path: ["toPath"] });

export type RedirectRuleInput = z.infer<typeof redirectRuleSchema>;

/** The rule a delete button names. */
export const redirectRuleIdSchema = z.coerce.number().int().min(1).max(2_147_483_647);
