// The accessibility statement's list: each KWCAG 2.2 / WCAG 2.2 AA success
// criterion the portal meets and the test that shows it. Only criteria a test
// in this repository checks are listed, so the statement stays true: adding a
// line here means adding (or naming) its test.
import type { Localized } from "@/lib/site-settings/types";

export type AccessibilityCheck = {
  /** WCAG 2.2 success criterion number; KWCAG 2.2 follows the same criteria. */
  criterion: string;
  level: "A" | "AA";
  name: Localized;
  howTested: Localized;
};

// Every reader and staff page, both languages: e2e/accessibility.spec.ts.
const AXE = {
  ko: "모든 독자·직원 화면을 두 언어로 axe-core로 자동 검사합니다",
  en: "axe-core checks every reader and staff page in both languages",
};
const axe = (rules: string): Localized => ({ ko: `${AXE.ko} (${rules}).`, en: `${AXE.en} (${rules}).` });

export const ACCESSIBILITY_CHECKS: readonly AccessibilityCheck[] = [
  {
    criterion: "1.1.1",
    level: "A",
    name: { ko: "적절한 대체 텍스트 제공", en: "Non-text content" },
    howTested: axe("image-alt, svg-img-alt, role-img-alt"),
  },
  {
    criterion: "1.3.1",
    level: "A",
    name: { ko: "표의 구성, 콘텐츠의 선형 구조", en: "Info and relationships" },
    howTested: axe("list, listitem, definition-list, th-has-data-cells, heading-order"),
  },
  {
    criterion: "1.4.3",
    level: "AA",
    name: { ko: "텍스트 콘텐츠의 명도 대비", en: "Contrast (minimum)" },
    howTested: axe("color-contrast"),
  },
  {
    criterion: "2.1.1",
    level: "A",
    name: { ko: "키보드 사용 보장", en: "Keyboard" },
    howTested: {
      ko: "\"이메일 보내기\" 대화상자를 키보드만으로 열고, 초점이 안에 머물며, Esc로 닫히는지 e2e 테스트로 확인합니다(e2e/send-email.spec.ts).",
      en: "An end-to-end test opens the \"Send Email\" dialog by keyboard alone, checks focus stays inside and Esc closes it (e2e/send-email.spec.ts).",
    },
  },
  {
    criterion: "2.4.1",
    level: "A",
    name: { ko: "반복 영역 건너뛰기", en: "Bypass blocks" },
    howTested: {
      ko: "본문 바로가기 링크가 키보드로 처음 도달하는 요소이며 본문으로 초점을 옮기는지 e2e 테스트로 확인합니다(e2e/reader.spec.ts). axe의 bypass 규칙도 검사합니다.",
      en: "An end-to-end test checks the skip link is the first thing the keyboard reaches and moves focus to the content (e2e/reader.spec.ts); axe's bypass rule also runs.",
    },
  },
  {
    criterion: "2.4.2",
    level: "A",
    name: { ko: "적절한 페이지 제목 제공", en: "Page titled" },
    howTested: axe("document-title"),
  },
  {
    criterion: "2.4.4",
    level: "A",
    name: { ko: "적절한 링크 텍스트", en: "Link purpose (in context)" },
    howTested: axe("link-name"),
  },
  {
    criterion: "2.5.3",
    level: "A",
    name: { ko: "레이블과 네임", en: "Label in name" },
    howTested: axe("label-content-name-mismatch: every link's and button's accessible name contains its visible text"),
  },
  {
    criterion: "2.5.8",
    level: "AA",
    name: { ko: "포인터 입력 대상의 크기", en: "Target size (minimum)" },
    howTested: axe("target-size"),
  },
  {
    criterion: "3.1.1",
    level: "A",
    name: { ko: "기본 언어 표시", en: "Language of page" },
    howTested: axe("html-has-lang, html-lang-valid"),
  },
  {
    criterion: "3.1.2",
    level: "AA",
    name: { ko: "부분 언어 표시", en: "Language of parts" },
    howTested: axe("valid-lang: a paper shown under the other language's menus is marked with its own language"),
  },
  {
    criterion: "3.3.2",
    level: "A",
    name: { ko: "레이블 제공", en: "Labels or instructions" },
    howTested: axe("label, select-name, form-field-multiple-labels"),
  },
  {
    criterion: "4.1.2",
    level: "A",
    name: { ko: "웹 애플리케이션 접근성 준수", en: "Name, role, value" },
    howTested: axe("button-name, aria-allowed-attr, aria-required-attr, aria-valid-attr-value"),
  },
];
