// The route through which an instance drops its copies of pages another
// instance changed: only the process itself may call it, with a list of
// changes it checks like any input.
import { describe, expect, it } from "vitest";
import { readerPagesChangesSchema } from "@/lib/validations/reader-pages-change";

const { POST } = await import("@/app/api/internal/reader-pages/route");
const { isOwnRequest } = await import("@/lib/revalidation/other-instances");

const post = (body: string, authorization?: string) =>
  POST(
    new Request("http://localhost/api/internal/reader-pages", {
      method: "POST",
      body,
      headers: authorization ? { authorization } : {},
    }),
  );

describe("the internal route for other instances' changes", () => {
  it("does not exist for a request without this process's token, or with a guessed one", async () => {
    const changes = JSON.stringify([{ kind: "site" }]);
    expect((await post(changes)).status).toBe(404);
    expect((await post(changes, "Bearer guessed")).status).toBe(404);
    expect(isOwnRequest(null)).toBe(false);
    expect(isOwnRequest("")).toBe(false);
  });

  it("refuses what is not a list of changes with 400, never a 500", async () => {
    // The process's own token, as its watcher sends it: read back through the check it must pass.
    const token = ownToken();
    for (const body of [
      "",
      "not json",
      "{}",
      "[]",
      JSON.stringify([{ kind: "publications", ids: [-1] }]),
      JSON.stringify([{ kind: "drop tables" }]),
    ])
      expect((await post(body, token)).status, body).toBe(400);
  });

  it("accepts each kind of change, and nothing else", () => {
    const ok = [
      { kind: "publications", ids: [1, 2] },
      { kind: "taxonomy", ids: [] },
      { kind: "series" },
      { kind: "author", authorId: 3, ids: [4] },
      { kind: "site" },
    ];
    expect(readerPagesChangesSchema.parse(ok)).toEqual(ok);
    expect(readerPagesChangesSchema.safeParse([{ kind: "author", ids: [4] }]).success).toBe(false);
    expect(readerPagesChangesSchema.safeParse([{ kind: "publications", ids: ["1; drop"] }]).success).toBe(false);
  });
});

/** This process's token, found where the route keeps it (it is never exported), and checked by the route's own test. */
function ownToken() {
  isOwnRequest(null); // makes the identity, if nothing has yet
  const identity = (globalThis as Record<symbol, { token: Buffer }>)[Symbol.for("perspectives.instance-identity")]!;
  const token = `Bearer ${identity.token.toString("base64url")}`;
  expect(isOwnRequest(token)).toBe(true);
  return token;
}
