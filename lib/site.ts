// The institution this portal serves. Kept in one place so another institute
// can adopt the portal by editing this file and the seed.
export const SITE = {
  name: { ko: "IFANS 퍼스펙티브", en: "IFANS Perspectives" },
  institution: { ko: "국립외교원 외교안보연구소", en: "Institute of Foreign Affairs and National Security (IFANS)" },
  institutionShort: "IFANS",
} as const;

/** Dates are shown as the institution's calendar has them (an upload at 09:00 KST is that day everywhere). */
export const SITE_TIME_ZONE = "Asia/Seoul";
