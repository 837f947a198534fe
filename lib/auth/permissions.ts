import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Who may do what. Every admin page, action and route handler asks this one
 * table, and the role-matrix test walks it.
 */
export const PERMISSIONS = {
  "users:manage": ["ADMIN"],
  "audit:read": ["ADMIN"],
  "settings:manage": ["ADMIN"],
  "publications:write": ["ADMIN", "EDITOR"],
  "taxonomy:manage": ["ADMIN", "EDITOR"],
  "series:manage": ["ADMIN", "EDITOR"],
  "redirects:manage": ["ADMIN", "EDITOR"],
  "stats:read": ["ADMIN", "EDITOR", "ANALYST"],
  // Counts of alert subscribers and mails; the addresses themselves (export, removal) are administrators' only.
  "alerts:read": ["ADMIN", "ANALYST"],
  "alerts:manage": ["ADMIN"],
  "admin:enter": ["ADMIN", "EDITOR", "ANALYST"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? (PERMISSIONS[permission] as readonly Role[]).includes(role) : false;
}
