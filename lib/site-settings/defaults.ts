// A newly installed portal's identity: neutral, never the demo institute's.
// Admins replace each line at /{locale}/admin/settings; the demo seed writes IFANS's.
import type { SiteSettings } from "./types";

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  institutionName: { ko: "Perspectives", en: "Perspectives" },
  shortName: { ko: "Perspectives", en: "Perspectives" },
  siteTitle: { ko: "Perspectives", en: "Perspectives" },
  tagline: { ko: "정책 보고서와 분석", en: "Policy papers and analyses" },
  address: { ko: "", en: "" },
  phone: "",
  email: "",
  websiteUrl: "",
  socialLinks: [],
  privacy: { ko: "", en: "" },
  accessibility: { ko: "", en: "" },
  assets: {},
  updatedAt: null,
};

/**
 * The privacy policy shown until an admin writes the institution's own: what
 * this portal itself records, which is true of every installation.
 */
export const DEFAULT_PRIVACY = {
  ko: `이 포털이 처리하는 개인정보는 다음과 같습니다. 기관은 이 내용을 자체 개인정보처리방침으로 바꾸어야 합니다.

## 열람·다운로드 통계
간행물 열람과 파일 다운로드를 집계하기 위해 접속 주소와 브라우저 정보를 매일 바뀌는 비밀값과 함께 해시한 값만 기록합니다. 주소 자체는 저장하지 않으며, 원시 기록은 운영자가 정한 기간이 지나면 삭제되고 일별 합계만 남습니다.

## 이메일 보내기
"이메일 보내기"로 입력한 받는 사람 주소와 메시지는 메일을 보내는 데에만 쓰이고 저장되지 않습니다. 남용을 막기 위해 받는 사람 주소와 보낸 사람 접속 주소의 해시만 기록합니다.

## 쿠키
직원 로그인에만 쿠키를 씁니다. 독자에게는 추적 쿠키나 외부 분석 도구를 쓰지 않습니다.`,
  en: `This portal processes the following personal data. The institution should replace this text with its own privacy policy.

## View and download statistics
To count reads of papers and downloads of files, the portal records only a hash of the visitor's address and browser, made with a secret that changes every day. The address itself is never stored; raw records are deleted after a period the operator sets, leaving daily totals.

## Send Email
The recipient's address and the message typed into "Send Email" are used to send that mail and are not stored. To prevent abuse, only hashes of the recipient's address and of the sender's network address are recorded.

## Cookies
Cookies are used only for staff sign-in. Readers get no tracking cookies and no third-party analytics.`,
} as const;

/** The accessibility statement's opening until an admin writes the institution's own; the list of checks follows it on the page. */
export const DEFAULT_ACCESSIBILITY = {
  ko: `이 포털은 한국형 웹 콘텐츠 접근성 지침(KWCAG) 2.2와 WCAG 2.2 AA 수준을 목표로 합니다. 아래 목록은 포털이 충족하는 검사 항목과 각 항목을 확인하는 방법입니다. 접근성 문제를 발견하시면 기관에 알려 주십시오.`,
  en: `This portal aims at the Korean Web Content Accessibility Guidelines (KWCAG) 2.2 and WCAG 2.2 level AA. The list below names the checks the portal meets and how each is tested. If you find an accessibility problem, please tell the institution.`,
} as const;
