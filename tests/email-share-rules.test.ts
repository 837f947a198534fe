// The Send Email form's pure rules: what a reader's text may not carry, which
// addresses share a per-recipient limit, and what of an SMTP error is kept.
import { describe, expect, it } from "vitest";
import { normalizeRecipient } from "@/lib/email-share/recipient-key";
import { redactAddresses } from "@/lib/email-share/redact-addresses";
import { readerTextProblem } from "@/lib/validations/reader-text";

describe("a reader's title and message", () => {
  it.each([
    "Log in at https://evil.example/login",
    "http://192.0.2.1/x",
    "see evil.com/login now",
    "short: bit.ly/x",
    "telegram t.me/abc",
    "EVIL.COM",
    "prize at lucky.click",
    "www.evil",
    "www.evil.example",
    "//evil.com/x",
    "192.0.2.1/login",
    "evil．com/login",
    "evil。com",
    "evil[.]com",
    "evil(dot)com",
    "hxxp://evil.com",
    "hXXps[:]//evil[.]com",
    "h**ps://evil",
    "e\u200Bvil.com",
    "evil.co.kr",
    "사이트.한국",
    "evil.com에서 로그인하세요",
    "javascript:alert(1)",
  ])("refuses the link in %j", (text) => {
    expect(readerTextProblem(text)).toBe("containsLink");
  });

  it.each([
    "write to help@evil.example",
    "A+B@example.org",
    "name＠evil.com",
    "name [at] evil [dot] com",
    "mailto:someone@example.org",
  ])("refuses the email address in %j", (text) => {
    expect(readerTextProblem(text)).toBe("containsEmail");
  });

  it.each([
    '<a href="https://evil.example">open</a>',
    "<a",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "<b>urgent</b>",
    "<x-tag onclick=go()>",
    "<!-- hidden -->",
    "[click here](https://evil.example)",
    "[click here](evil)",
    "![logo](x.png)",
    "[1]: somewhere",
    "[url=evil]win[/url]",
    "&#104;ttps",
    "&#x68;ttps",
    "&lt;b&gt;",
  ])("refuses the markup in %j", (text) => {
    expect(readerTextProblem(text)).toBe("containsMarkup");
  });

  it.each([
    "Thought you'd like this.",
    "e.g. this one, i.e. the second",
    "The U.S. and the R.O.K. at 9 a.m.",
    "Ph.D. thesis, No.1, Fig. 2.1, p.3",
    "Growth was 3.14% (1,000.50 won)",
    "Read the 2024.10.01 report, section 3.2.1.",
    "Is 3 < 4 > 2? \"Yes\" & 'no'",
    "<Foreign Affairs> 기사를 참고하세요.",
    "Q&A on U.S.-ROK ties",
    "Samsung Co., Ltd.",
    "The North Korea-Russia Alliance and Korea’s Policy",
    "북한-러시아 동맹과 한국의 정책 (2024.6.19.)",
    "Meet @ 3pm; the report.pdf is attached to the page",
    "I <3 this paper",
  ])("lets the prose %j through", (text) => {
    expect(readerTextProblem(text)).toBeNull();
  });
});

describe("the per-recipient limit's key", () => {
  it("ignores case and +tags", () => {
    expect(normalizeRecipient("You+1@Example.ORG")).toBe("you@example.org");
    expect(normalizeRecipient("you+news+x@example.org")).toBe("you@example.org");
  });

  it("keeps dots outside Gmail, where they can matter", () => {
    expect(normalizeRecipient("a.b@example.org")).toBe("a.b@example.org");
  });

  it("drops dots for Gmail and treats googlemail.com as gmail.com", () => {
    expect(normalizeRecipient("A.B@gmail.com")).toBe("ab@gmail.com");
    expect(normalizeRecipient("ab@googlemail.com")).toBe("ab@gmail.com");
    expect(normalizeRecipient("a.b+promo@GoogleMail.com.")).toBe("ab@gmail.com");
  });

  it("leaves something that is not an address, or a bare +tag, as typed apart from case", () => {
    expect(normalizeRecipient("Not-An-Address")).toBe("not-an-address");
    expect(normalizeRecipient("+x@example.org")).toBe("+x@example.org");
  });
});

describe("SMTP error text kept in the log", () => {
  it("replaces bracketed, bare and quoted addresses with <address>", () => {
    expect(
      redactAddresses("Can't send mail - all recipients were rejected: 550 5.1.1 <jane.doe@example.org>: User unknown"),
    ).toBe("Can't send mail - all recipients were rejected: 550 5.1.1 <address>: User unknown");
    expect(redactAddresses("RCPT TO:<Jane Doe jane@example.org> failed")).toBe("RCPT TO:<address> failed");
    expect(redactAddresses("mailbox jane+x@example.org is full")).toBe("mailbox <address> is full");
    expect(redactAddresses('bad "jane doe"@example.org')).toBe("bad <address>");
  });

  it("keeps text with no address as it was", () => {
    expect(redactAddresses("connect ECONNREFUSED 127.0.0.1:25")).toBe("connect ECONNREFUSED 127.0.0.1:25");
  });
});
