// The editorial rules of a paper's status: when it becomes public, and when it may be deleted.
import { describe, expect, it } from "vitest";
import { mayDelete, publishedAtAfter } from "@/lib/publications/status";

const now = new Date("2026-03-01T03:00:00Z");
const earlier = new Date("2025-11-20T01:00:00Z");
// 10:00 in Seoul, the site's time zone.
const later = new Date("2026-04-01T01:00:00Z");

describe("the publication date after a status change", () => {
  it("schedules at the time given, read in the site's time zone", () => {
    const result = publishedAtAfter({ status: "draft", publishedAt: null }, "scheduled", "2026-04-01T10:00", now);
    expect(result).toEqual({ ok: true, publishedAt: later });
  });

  it("refuses to schedule without a time, or at a time already past", () => {
    const draft = { status: "draft", publishedAt: null } as const;
    expect(publishedAtAfter(draft, "scheduled", undefined, now)).toEqual({ ok: false, error: "required" });
    expect(publishedAtAfter(draft, "scheduled", "not a date", now)).toEqual({ ok: false, error: "required" });
    expect(publishedAtAfter(draft, "scheduled", "2025-11-20T10:00", now)).toEqual({
      ok: false,
      error: "scheduleInPast",
    });
  });

  it("stamps a paper published now, and one published ahead of its scheduled time", () => {
    expect(publishedAtAfter({ status: "draft", publishedAt: earlier }, "published", undefined, now)).toEqual({
      ok: true,
      publishedAt: now,
    });
    expect(publishedAtAfter({ status: "scheduled", publishedAt: later }, "published", undefined, now)).toEqual({
      ok: true,
      publishedAt: now,
    });
  });

  it.each([
    ["back from the archive", "archived", "published"],
    ["already published", "published", "published"],
    ["archived", "published", "archived"],
    ["unpublished", "published", "draft"],
  ] as const)("keeps the date of a paper %s", (_what, from, to) => {
    expect(publishedAtAfter({ status: from, publishedAt: earlier }, to, undefined, now)).toEqual({
      ok: true,
      publishedAt: earlier,
    });
  });
});

describe("deleting a publication", () => {
  it("is refused while it is public or scheduled, allowed for drafts and archived papers", () => {
    expect(["draft", "scheduled", "published", "archived"].filter((s) => mayDelete(s as "draft"))).toEqual(["draft", "archived"]);
  });
});
