import { can, type Permission } from "@/lib/auth/permissions";
import type { Role } from "@/lib/generated/prisma/enums";

/** The admin area's sections, each behind its permission; the nav and the home page list the same ones. */
const SECTIONS = [
  { href: "publications", label: "publications", permission: "publications:write" },
  { href: "authors", label: "authors", permission: "publications:write" },
  { href: "series", label: "series", permission: "series:manage" },
  { href: "topics", label: "topics", permission: "taxonomy:manage" },
  { href: "regions", label: "regions", permission: "taxonomy:manage" },
  { href: "redirects", label: "redirects", permission: "redirects:manage" },
  { href: "stats", label: "stats", permission: "stats:read" },
  { href: "alerts", label: "alerts", permission: "alerts:read" },
  { href: "users", label: "users", permission: "users:manage" },
  { href: "audit", label: "audit", permission: "audit:read" },
  { href: "email-log", label: "emailLog", permission: "audit:read" },
  { href: "imports", label: "imports", permission: "audit:read" },
  { href: "settings", label: "settings", permission: "settings:manage" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];

export function adminSectionsFor(role: Role) {
  return SECTIONS.filter((s) => can(role, s.permission));
}
