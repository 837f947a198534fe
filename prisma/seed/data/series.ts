import type { SeedSeries } from "../types";

export const series: readonly SeedSeries[] = [
  {
    slug: "ifans-perspectives",
    nameKo: "IFANS 정세와 정책",
    nameEn: "IFANS Perspectives",
    descriptionKo: "국제정세의 주요 흐름을 분석하고 한국 외교가 취할 정책 방향을 제시하는 국립외교원의 대표 정책 보고서입니다.",
    descriptionEn:
      "The Institute's flagship policy papers: analysis of major trends in international affairs and the policy choices they present for Korea.",
    reportPrefix: "IFANS PERSPECTIVES",
    sortOrder: 10,
  },
  {
    slug: "ifans-focus",
    nameKo: "IFANS FOCUS",
    nameEn: "IFANS Focus",
    descriptionKo: "시의성 있는 국제 현안을 짧고 빠르게 짚어 보는 현안 분석 보고서입니다.",
    descriptionEn: "Short, timely briefs on current international developments and what they mean for Korea.",
    reportPrefix: "IFANS FOCUS",
    sortOrder: 20,
  },
  {
    slug: "major-issues",
    nameKo: "주요국제문제분석",
    nameEn: "Major International Issues Analysis",
    descriptionKo: "국제정치·경제·안보의 구조적 쟁점을 심층적으로 다루는 분석 보고서입니다.",
    descriptionEn: "In-depth analyses of structural issues in international politics, economics and security.",
    reportPrefix: "MAJOR INTERNATIONAL ISSUES ANALYSIS",
    sortOrder: 30,
  },
];
