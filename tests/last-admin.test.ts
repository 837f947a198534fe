// The portal always keeps an active administrator, even when two admins are
// demoted or deactivated at the same instant. The guard counts every active
// admin in the database, so this file runs on a database of its own, where the
// admins are exactly the ones it makes. Authorization is stood in (the acting
// user is not one of the admins under test); the actions, data layer and
// database are the real ones.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "@/lib/env";
import en from "@/lib/i18n/messages/en.json";
import { createDatabase } from "./support/databases";
import { uid } from "./support/factories";

const fresh = await createDatabase("perspectives_admins");
process.env.DATABASE_URL = fresh.url;
resetEnvCache();

let operator = { id: "", email: "", name: null as string | null, role: "ADMIN" as const };
vi.mock("@/lib/auth/session", () => ({ authorizeAction: vi.fn(() => Promise.resolve(operator)) }));
vi.mock("@/lib/auth", () => ({ signIn: vi.fn(() => Promise.resolve(undefined)) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
vi.mock("next-intl/server", () => import("./support/next-intl-server"));

const { db, endPools } = await import("@/lib/db");
const { changeUserRole, setUserActiveAction } = await import("@/app/[locale]/(staff)/admin/users/actions");

afterAll(async () => {
  await endPools();
  await fresh.drop();
});

function form(fields: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
}

const activeAdmins = () => db.user.count({ where: { role: "ADMIN", deactivatedAt: null } });

/** Makes the two active admins of the database, and no others. */
async function twoAdmins() {
  await db.user.updateMany({ where: { role: "ADMIN", deactivatedAt: null }, data: { role: "EDITOR" } });
  const make = () => db.user.create({ data: { email: `admin-${uid()}@admins.test`, role: "ADMIN" }, select: { id: true } });
  const [a, b] = await Promise.all([make(), make()]);
  expect(await activeAdmins()).toBe(2);
  return [a.id, b.id] as const;
}

beforeEach(async () => {
  // The acting admin: deactivated, so never one of the active admins the guard counts.
  const row = await db.user.create({
    data: { email: `operator-${uid()}@admins.test`, role: "ADMIN", deactivatedAt: new Date() },
    select: { id: true, email: true },
  });
  operator = { ...operator, ...row };
});

describe("the last active administrator", () => {
  it("survives two admins demoted at once: one demotion succeeds, the other is refused", async () => {
    // Several rounds: a count-then-update guard lets both through in most of them.
    for (let round = 0; round < 5; round++) {
      const [a, b] = await twoAdmins();

      const results = await Promise.all(
        [a, b].map((userId) => changeUserRole("en", { ok: false }, form({ userId, role: "EDITOR" }))),
      );

      expect(await activeAdmins()).toBe(1);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, message: en.Users.lastAdmin }]);
    }
  });

  it("survives one admin deactivated while the other is demoted", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await twoAdmins();

      const results = await Promise.all([
        setUserActiveAction("en", { ok: false }, form({ userId: a, active: "false" })),
        changeUserRole("en", { ok: false }, form({ userId: b, role: "ANALYST" })),
      ]);

      expect(await activeAdmins()).toBe(1);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, message: en.Users.lastAdmin }]);
    }
  });

  it("still lets an admin be demoted while another remains", async () => {
    const [a] = await twoAdmins();

    const result = await changeUserRole("en", { ok: false }, form({ userId: a, role: "EDITOR" }));

    expect(result.ok).toBe(true);
    expect(await activeAdmins()).toBe(1);
  });
});
