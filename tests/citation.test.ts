import { describe, expect, it } from "vitest";
import {
  bibtexKey,
  buildCitations,
  escapeBibtex,
  formatApa,
  formatBibtex,
  formatChicago,
  formatRis,
  initials,
  splitName,
  type CitationData,
} from "@/lib/citation";

const URL_EN = "https://perspectives.example.org/en/publications/101";
const URL_KO = "https://perspectives.example.org/ko/publications/102";

/** The institution as the demo names it (citations take it as input). */
const INSTITUTION = { ko: "국립외교원 외교안보연구소", en: "Institute of Foreign Affairs and National Security (IFANS)" };

/** The seed page's paper: IFANS PERSPECTIVES 2024-14E, uploaded 2024-12-31 09:00 in Seoul. */
const seedPaper: CitationData = {
  title: "The North Korea-Russia Alliance and Korea’s Policy",
  authors: [{ nameEn: "CHOI Wooseon", nameKo: "최우선" }],
  publishedAt: new Date("2024-12-31T09:00:00+09:00"),
  reportNumber: "2024-14E",
  seriesName: "IFANS Perspectives",
  seriesReportPrefix: "IFANS PERSPECTIVES",
  institution: INSTITUTION.en,
  url: URL_EN,
  language: "en",
};

const koreanPaper: CitationData = {
  title: "북러 동맹과 한국의 정책",
  subtitle: "평시·위기·전시의 러시아",
  authors: [
    { nameEn: "CHOI Wooseon", nameKo: "최우선" },
    { nameEn: "RYU Jiwon", nameKo: "류지원" },
    { nameEn: "KIM Hyun-wook", nameKo: "김현욱" },
  ],
  publishedAt: new Date("2024-12-31T09:00:00+09:00"),
  reportNumber: "2024-14",
  seriesName: "IFANS 정세와 정책",
  seriesReportPrefix: "IFANS PERSPECTIVES",
  institution: INSTITUTION.ko,
  url: URL_KO,
  language: "ko",
};

const threeAuthorsEn: CitationData = {
  ...koreanPaper,
  ...seedPaper,
  authors: koreanPaper.authors,
  subtitle: "Peace, Crisis and War",
};

describe("splitName", () => {
  it("reads IFANS-style names: family name in capitals first", () => {
    expect(splitName("CHOI Wooseon")).toEqual({ family: "Choi", given: "Wooseon" });
    expect(splitName("KIM Hyun-wook")).toEqual({ family: "Kim", given: "Hyun-wook" });
    expect(splitName("LEE Sang Hyun")).toEqual({ family: "Lee", given: "Sang Hyun" });
    expect(splitName("  NAMGUNG   Min-su ")).toEqual({ family: "Namgung", given: "Min-su" });
    expect(splitName("PARK-LEE Ji")).toEqual({ family: "Park-Lee", given: "Ji" });
  });

  it("keeps a name without a capitalised family part whole", () => {
    expect(splitName("Jane Smith")).toEqual({ literal: "Jane Smith" });
    expect(splitName("IFANS")).toEqual({ literal: "IFANS" });
    expect(splitName("최우선")).toEqual({ literal: "최우선" });
    expect(splitName("J. SMITH")).toEqual({ literal: "J. SMITH" });
  });

  it("turns given names into APA initials", () => {
    expect(initials("Wooseon")).toBe("W.");
    expect(initials("Hyun-wook")).toBe("H.-W.");
    expect(initials("Sang Hyun")).toBe("S. H.");
  });
});

describe("APA 7", () => {
  it("cites the seed paper as a report in a numbered series", () => {
    expect(formatApa(seedPaper)).toBe(
      `Choi, W. (2024). The North Korea-Russia Alliance and Korea’s Policy (IFANS Perspectives 2024-14E). ${INSTITUTION.en}. ${URL_EN}`,
    );
  });

  it("lists several English authors with an ampersand and joins the subtitle", () => {
    expect(formatApa(threeAuthorsEn)).toBe(
      `Choi, W., Ryu, J., & Kim, H.-W. (2024). The North Korea-Russia Alliance and Korea’s Policy: Peace, Crisis and War (IFANS Perspectives 2024-14E). ${INSTITUTION.en}. ${URL_EN}`,
    );
  });

  it("keeps Korean names unchanged for a Korean paper", () => {
    expect(formatApa(koreanPaper)).toBe(
      `최우선, 류지원, 김현욱 (2024). 북러 동맹과 한국의 정책: 평시·위기·전시의 러시아 (IFANS 정세와 정책 2024-14). ${INSTITUTION.ko}. ${URL_KO}`,
    );
  });

  it("dates by the institution's calendar, not UTC", () => {
    // 20:00 UTC on 31 Dec 2024 is already 1 Jan 2025 in Seoul.
    const newYear = { ...seedPaper, publishedAt: new Date("2024-12-31T20:00:00Z") };
    expect(formatApa(newYear)).toContain("(2025).");
    expect(formatRis(newYear)).toContain("DA  - 2025/01/01\r\n");
  });
});

describe("Chicago bibliography entry", () => {
  it("cites the seed paper", () => {
    expect(formatChicago(seedPaper)).toBe(
      `Choi, Wooseon. The North Korea-Russia Alliance and Korea’s Policy. IFANS Perspectives 2024-14E. ${INSTITUTION.en}, 2024. ${URL_EN}.`,
    );
  });

  it("inverts only the first of several authors", () => {
    expect(formatChicago(threeAuthorsEn)).toMatch(/^Choi, Wooseon, Jiwon Ryu, and Hyun-wook Kim\. The North Korea/);
  });

  it("keeps Korean names for a Korean paper", () => {
    expect(formatChicago(koreanPaper)).toBe(
      `최우선, 류지원, 김현욱. 북러 동맹과 한국의 정책: 평시·위기·전시의 러시아. IFANS 정세와 정책 2024-14. ${INSTITUTION.ko}, 2024. ${URL_KO}.`,
    );
  });
});

describe("BibTeX", () => {
  it("writes a techreport entry for the seed paper", () => {
    expect(formatBibtex(seedPaper)).toBe(
      [
        "@techreport{choi2024-14e,",
        "  author = {Choi, Wooseon},",
        "  title = {The North Korea-Russia Alliance and Korea’s Policy},",
        "  institution = {Institute of Foreign Affairs and National Security (IFANS)},",
        "  type = {IFANS Perspectives},",
        "  number = {2024-14E},",
        "  year = {2024},",
        "  month = dec,",
        `  url = {${URL_EN}},`,
        "  language = {english}",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("joins authors with 'and' and braces Korean names whole", () => {
    const en = formatBibtex(threeAuthorsEn);
    expect(en).toContain("  author = {Choi, Wooseon and Ryu, Jiwon and Kim, Hyun-wook},\n");
    const ko = formatBibtex(koreanPaper);
    expect(ko).toContain("  author = {{최우선} and {류지원} and {김현욱}},\n");
    expect(ko).toContain("  language = {korean}\n");
    expect(ko.startsWith("@techreport{choi2024-14,\n")).toBe(true);
  });

  it("escapes the characters BibTeX and LaTeX treat specially", () => {
    expect(escapeBibtex("R&D 50% {draft} in_force $5 #1 ~x^2 a\\b")).toBe(
      "R\\&D 50\\% \\textbraceleft{}draft\\textbraceright{} in\\_force \\$5 \\#1 \\textasciitilde{}x\\textasciicircum{}2 a\\textbackslash{}b",
    );
    const entry = formatBibtex({
      ...seedPaper,
      title: "Trade & Tariffs: 10% {Up}_2025",
      authors: [{ nameEn: "AT&T Research", nameKo: "" }],
    });
    expect(entry).toContain("  title = {Trade \\& Tariffs: 10\\% \\textbraceleft{}Up\\textbraceright{}\\_2025},");
    expect(entry).toContain("  author = {{AT\\&T Research}},");
    // Every field's braces balance, so BibTeX finds each field's end.
    for (const line of entry.split("\n").filter((l) => l.includes(" = {"))) {
      const opened = line.split("{").length - 1;
      const closed = line.split("}").length - 1;
      expect(opened, line).toBe(closed);
    }
  });

  it("has a stable ASCII key", () => {
    expect(bibtexKey(seedPaper)).toBe("choi2024-14e");
    expect(bibtexKey({ ...seedPaper, authors: [{ nameEn: "JÖRG Müller", nameKo: "" }], reportNumber: "No. 7" })).toBe(
      "jorg2024-no-7",
    );
    expect(bibtexKey({ ...seedPaper, authors: [] })).toBe("ifans2024-14e");
    expect(bibtexKey(seedPaper)).toMatch(/^[a-z0-9-]+$/);
  });
});

describe("RIS", () => {
  it("writes a report record with CRLF line endings and a closing ER line", () => {
    const ris = formatRis(seedPaper);
    expect(ris).toBe(
      [
        "TY  - RPRT",
        "AU  - Choi, Wooseon",
        "TI  - The North Korea-Russia Alliance and Korea’s Policy",
        "PY  - 2024",
        "DA  - 2024/12/31",
        "PB  - Institute of Foreign Affairs and National Security (IFANS)",
        "T3  - IFANS Perspectives",
        "M1  - 2024-14E",
        `UR  - ${URL_EN}`,
        "LA  - English",
        "ER  - ",
        "",
      ].join("\r\n"),
    );
    expect(ris.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("has one AU line per author, in order, and never breaks a line inside a value", () => {
    const ris = formatRis({ ...koreanPaper, title: "줄바꿈\n있는\r\n제목" });
    const lines = ris.split("\r\n");
    expect(lines.filter((l) => l.startsWith("AU  - "))).toEqual(["AU  - 최우선", "AU  - 류지원", "AU  - 김현욱"]);
    expect(lines).toContain("TI  - 줄바꿈 있는 제목: 평시·위기·전시의 러시아");
    expect(lines).toContain("LA  - Korean");
    expect(lines.at(-2)).toBe("ER  - ");
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/^[A-Z][A-Z0-9]  - /);
  });
});

describe("buildCitations", () => {
  it("returns every format", () => {
    const all = buildCitations(seedPaper);
    expect(all).toEqual({
      apa: formatApa(seedPaper),
      chicago: formatChicago(seedPaper),
      bibtex: formatBibtex(seedPaper),
      ris: formatRis(seedPaper),
    });
  });
});
