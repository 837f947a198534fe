import { describe, expect, it } from "vitest";
import { listingKey, parseListingKey } from "@/lib/validations/listing-key";

const key = (qs: string) => listingKey(new URLSearchParams(qs));

describe("catalogue cache keys", () => {
  it("are the same for the same listing however the query is written", () => {
    expect(key("series=ifans-focus&year=2024")).toBe(key("year=2024&series=ifans-focus&page=1"));
    expect(key("year=abc&page=-3")).toBe(key(""));
    expect(key("q=%20alliance%20%20treaty%20")).toBe(key("q=alliance+treaty"));
  });

  it("differ for different listings", () => {
    expect(key("page=2")).not.toBe(key("page=3"));
    expect(key("q=북한")).not.toBe(key("q=러시아"));
  });

  it("read back to the validated query, with any problem kept", () => {
    expect(parseListingKey(key("series=ifans-focus&year=2024&q=북한&page=2")!)).toEqual({
      query: { page: 2, series: "ifans-focus", year: 2024, q: "북한" },
      problems: [],
    });
    expect(parseListingKey(key(`q=${"x".repeat(5000)}`)!)).toEqual({ query: { page: 1 }, problems: ["searchTooLong"] });
  });

  it("refuse what is not one of ours, and give up when the query is too long to be a key", () => {
    expect(parseListingKey("not a key")).toBeNull();
    expect(parseListingKey("eyJxIjp7InBhZ2UiOi0zfX0")).toEqual({ query: { page: 1 }, problems: [] });
    expect(parseListingKey(Buffer.from("{oops").toString("base64url"))).toBeNull();
    expect(key(`q=${"가".repeat(190)}`)).toBeNull();
  });

  it("take the first value of a repeated key, as the pages do", () => {
    expect(parseListingKey(key("q=korea&q=zzzz&page=2&page=9")!)?.query).toEqual({ page: 2, q: "korea" });
  });

  it("turn control characters, NUL above all, into spaces", () => {
    expect(parseListingKey(key("q=north%00korea%07")!)?.query).toEqual({ page: 1, q: "north korea" });
    expect(parseListingKey(key("q=%00")!)?.query).toEqual({ page: 1 });
  });
});
