import type { Prisma } from "@/lib/generated/prisma/client";

/** The demo institute as readers of IFANS Perspectives know it (../shared/seed/). */
export const demoSiteSettings = {
  id: 1,
  institutionNameKo: "국립외교원 외교안보연구소",
  institutionNameEn: "Institute of Foreign Affairs and National Security",
  shortNameKo: "외교안보연구소",
  shortNameEn: "IFANS",
  siteTitleKo: "IFANS 퍼스펙티브",
  siteTitleEn: "IFANS Perspectives",
  taglineKo: "국립외교원 외교안보연구소의 정책 보고서와 분석",
  taglineEn: "Policy papers and analyses from the Institute of Foreign Affairs and National Security",
  addressKo: "서울특별시 서초구 남부순환로 2572",
  addressEn: "2572 Nambusunhwan-ro, Seocho-gu, Seoul, Korea",
  // No phone, email or social accounts: the demo does not make up the institute's.
  websiteUrl: "https://www.ifans.go.kr/",
} satisfies Prisma.SiteSettingsCreateManyInput;
