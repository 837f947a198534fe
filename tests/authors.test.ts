import { describe, expect, it } from "vitest";
import { listAuthorsForAdmin, updateAuthorRecord } from "@/lib/data/admin-authors";
import { ConflictError } from "@/lib/data/admin-publications";
import { db } from "@/lib/db";
import { authorEditorSchema, authorListQuerySchema } from "@/lib/validations/authors";
import { createAuthor, createPublication, createSeries, uid } from "./support/factories";

const profile = (over: Record<string, string> = {}) => ({
  nameKo: "최우선",
  nameEn: "CHOI Wooseon",
  positionKo: "교수",
  positionEn: "Professor",
  affiliationKo: "국립외교원",
  affiliationEn: "KNDA",
  bioKo: "",
  bioEn: "",
  version: new Date().toISOString(),
  ...over,
});

/** The zod issue codes per field, as the form would show them. */
function problems(input: Record<string, string>) {
  const parsed = authorEditorSchema.safeParse(input);
  if (parsed.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) (out[String(issue.path[0])] ??= []).push(issue.message);
  return out;
}

describe("the author form's rules", () => {
  it("accepts a full profile and trims it", () => {
    expect(authorEditorSchema.parse(profile({ nameEn: "  CHOI Wooseon  " })).nameEn).toBe("CHOI Wooseon");
  });

  it("names every field that is wrong, with a reason a person can act on", () => {
    expect(
      problems(
        profile({ nameKo: " ", nameEn: "A\nB", affiliationEn: "x".repeat(201), bioKo: "y".repeat(5001), version: "yesterday" }),
      ),
    ).toEqual({
      nameKo: ["required"],
      nameEn: ["lineBreak"],
      affiliationEn: ["tooLong"],
      bioKo: ["tooLong"],
      version: ["invalid"],
    });
  });

  it("drops a bad page or an over-long search instead of failing the list", () => {
    expect(authorListQuerySchema.parse({ page: "-2", q: "x".repeat(101) })).toEqual({ page: 1, q: undefined });
    expect(authorListQuerySchema.parse({ page: "3", q: " Choi " })).toEqual({ page: 3, q: "Choi" });
  });
});

describe("saving an author", () => {
  it("saves, returns the new version and the papers that show the name", async () => {
    const author = await createAuthor();
    const series = await createSeries();
    const paper = await createPublication({ seriesId: series.id, authorIds: [author.id] });
    const { version: _v, ...next } = profile({ nameEn: `Fixed ${uid()}` });

    const saved = await updateAuthorRecord(author.id, author.updatedAt, next);

    expect(saved.before.nameEn).toBe(author.nameEn);
    expect(saved.publicationIds).toEqual([paper.id]);
    expect(saved.version.getTime()).toBeGreaterThan(author.updatedAt.getTime());
    expect(await db.author.findUniqueOrThrow({ where: { id: author.id } })).toMatchObject(next);
  });

  it("refuses a save made from an older copy, and keeps the newer one", async () => {
    const author = await createAuthor();
    const { version: _v, ...first } = profile({ nameEn: `First ${uid()}` });
    await updateAuthorRecord(author.id, author.updatedAt, first);

    await expect(updateAuthorRecord(author.id, author.updatedAt, { ...first, nameEn: "Second" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await db.author.findUniqueOrThrow({ where: { id: author.id } })).nameEn).toBe(first.nameEn);
  });

  it("refuses an author that does not exist", async () => {
    const { version: _v, ...next } = profile();
    await expect(updateAuthorRecord(2_000_000_000, new Date(), next)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("the staff author list", () => {
  it("finds authors by either name, whatever the case, and counts their papers", async () => {
    const marker = uid();
    const author = await createAuthor({ nameEn: `Kim ${marker}`, nameKo: `김 ${marker}` });
    const series = await createSeries();
    await createPublication({ seriesId: series.id, authorIds: [author.id], status: "draft" });

    for (const q of [`kim ${marker}`, `김 ${marker}`]) {
      const { rows } = await listAuthorsForAdmin({ page: 1, q });
      expect(rows.map((r) => [r.id, r._count.authorships])).toEqual([[author.id, 1]]);
    }
    expect((await listAuthorsForAdmin({ page: 1, q: `nobody ${marker}` })).rows).toEqual([]);
  });
});
