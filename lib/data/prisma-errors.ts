import { Prisma } from "@/lib/generated/prisma/client";

// Prisma's error codes are read here only: callers ask what happened, not which code it was.

/** True for a Prisma known request error with this code (P2002 unique, P2003 foreign key, P2025 not found). */
export function isPrismaError(error: unknown, code: string): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === code;
}

/** A unique constraint refused the row; with `field`, the constraint on that column. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!isPrismaError(error, "P2002")) return false;
  return field === undefined || JSON.stringify((error as Prisma.PrismaClientKnownRequestError).meta ?? {}).includes(field);
}

/** The row to update or delete was not there. */
export function isRecordNotFound(error: unknown): boolean {
  return isPrismaError(error, "P2025");
}

/** A raw query (P2010) that PostgreSQL refused with this SQLSTATE. */
function isRawQueryError(error: unknown, sqlState: string): boolean {
  if (!isPrismaError(error, "P2010")) return false;
  return JSON.stringify((error as Prisma.PrismaClientKnownRequestError).meta ?? {}).includes(sqlState);
}

/** A foreign key refused the row (its parent is gone), from a model query or a raw one. */
export function isForeignKeyViolation(error: unknown): boolean {
  return isPrismaError(error, "P2003") || isRawQueryError(error, "23503");
}

/** PostgreSQL stopped the statement: its statement_timeout passed (57014, query_canceled). */
export function isStatementTimeout(error: unknown): boolean {
  return isRawQueryError(error, "57014");
}
