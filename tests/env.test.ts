import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

const base = { NODE_ENV: "development" } as NodeJS.ProcessEnv;

describe("configuration", () => {
  it("works with nothing set in development", () => {
    const env = parseEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.STORAGE_DIR.endsWith("/data/files")).toBe(true);
    expect(env.PAGE_CACHE_MB).toBe(16);
    expect(parseEnv({ ...base, PAGE_CACHE_MB: "0" }).PAGE_CACHE_MB).toBe(0);
    expect(env.RENDERS_AT_ONCE).toBe(4);
    expect(env.SEARCH_COUNT_CAP).toBe(1000);
    expect(parseEnv({ ...base, SEARCH_COUNT_CAP: "250" }).SEARCH_COUNT_CAP).toBe(250);
    expect(env.STORED_PAGES).toBe(true);
    expect(parseEnv({ ...base, STORED_PAGES: "false" }).STORED_PAGES).toBe(false);
    expect(env.DATABASE_PREPARED_STATEMENTS).toBe(true);
    expect(parseEnv({ ...base, DATABASE_PREPARED_STATEMENTS: "false" }).DATABASE_PREPARED_STATEMENTS).toBe(false);
  });

  it.each([
    [{ DATABASE_URL: "nonsense" }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ DATABASE_URL: "mysql://x@y/z" }, /DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ PORT: "abc" }, /PORT must be a port number/],
    [{ PORT: "70000" }, /PORT must be between 1 and 65535/],
    [{ APP_URL: "localhost" }, /APP_URL must be an http\(s\) URL/],
    [{ SMTP_URL: "http://mail" }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ ADMIN_EMAIL: "admin@example.org" }, /ADMIN_EMAIL and ADMIN_PASSWORD must be set together/],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET must be at least 32 characters/],
    [{ SERVER_HEAP_MB: "64" }, /SERVER_HEAP_MB must be at least 128/],
    [{ SERVER_SEMI_SPACE_MB: "0" }, /SERVER_SEMI_SPACE_MB must be at least 1/],
    [{ SERVER_SEMI_SPACE_MB: "512" }, /SERVER_SEMI_SPACE_MB must be at most 256/],
    [{ SERVER_SEMI_SPACE_MB: "half" }, /SERVER_SEMI_SPACE_MB must be a number of megabytes/],
    [{ PAGE_CACHE_MB: "-1" }, /PAGE_CACHE_MB must be 0 \(off\) or more/],
    [{ PAGE_CACHE_MB: "lots" }, /PAGE_CACHE_MB must be a number of megabytes/],
    [{ PAGE_CACHE_MB: "1.5" }, /PAGE_CACHE_MB must be a whole number/],
    [{ RENDERS_AT_ONCE: "0" }, /RENDERS_AT_ONCE must be at least 1/],
    [{ RENDERS_AT_ONCE: "many" }, /RENDERS_AT_ONCE must be a number of renders/],
    [{ RENDERS_AT_ONCE: "2.5" }, /RENDERS_AT_ONCE must be a whole number/],
    [{ SEARCH_COUNT_CAP: "50" }, /SEARCH_COUNT_CAP must be at least 100/],
    [{ SEARCH_COUNT_CAP: "20000" }, /SEARCH_COUNT_CAP must be at most 10000/],
    [{ SEARCH_COUNT_CAP: "all" }, /SEARCH_COUNT_CAP must be a number of papers/],
    [{ SEARCH_COUNT_CAP: "250.5" }, /SEARCH_COUNT_CAP must be a whole number/],
    [{ STORED_PAGES: "yes" }, /STORED_PAGES must be true or false/],
    [{ DATABASE_PREPARED_STATEMENTS: "off" }, /DATABASE_PREPARED_STATEMENTS must be true or false/],
    [{ TRUST_PROXY: "true" }, /TRUST_PROXY must be false, a number of proxies/],
    [{ TRUST_PROXY: "11" }, /TRUST_PROXY must be at most 10 proxies/],
    [
      { TRUST_PROXY: "10.0.0.1, proxy.internal" },
      /TRUST_PROXY has an entry that is not an IP address or CIDR range: proxy.internal/,
    ],
    [{ TRUST_PROXY: "10.0.0.0/33" }, /TRUST_PROXY has an entry that is not an IP address or CIDR range: 10.0.0.0\/33/],
    [{ OIDC_ALLOWED_DOMAINS: "example.org, not a domain" }, /OIDC_ALLOWED_DOMAINS must be a comma-separated list of domains/],
    [{ ALERT_DIGEST_HOUR: "24" }, /ALERT_DIGEST_HOUR must be an hour from 0 to 23/],
    [{ ALERT_MAILS_PER_SECOND: "0" }, /ALERT_MAILS_PER_SECOND must be at least 1/],
    [
      { ALERT_SEND_TIMEOUT_SECONDS: "20" },
      /ALERT_SEND_TIMEOUT_SECONDS must be at least three SMTP timeouts \(SMTP_TIMEOUT_MS is 10000\): at least 30/,
    ],
    [
      { ALERT_SEND_TIMEOUT_SECONDS: "9", SMTP_TIMEOUT_MS: "4000" },
      /ALERT_SEND_TIMEOUT_SECONDS must be at least three SMTP timeouts/,
    ],
  ])("refuses %o with a message naming the variable", (vars, message) => {
    expect(() => parseEnv({ ...base, ...vars })).toThrow(message);
  });

  it("reads TRUST_PROXY as nobody, a hop count or the proxies' addresses", () => {
    expect(parseEnv(base).TRUST_PROXY).toBe(false);
    expect(parseEnv({ ...base, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ ...base, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ ...base, TRUST_PROXY: "10.0.0.0/8, loopback,::1" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "loopback", "::1"]);
  });

  it("reads OIDC_ALLOWED_DOMAINS as lower-case domains", () => {
    expect(parseEnv({ ...base, OIDC_ALLOWED_DOMAINS: " Example.org,@staff.example.org " }).OIDC_ALLOWED_DOMAINS).toEqual([
      "example.org",
      "staff.example.org",
    ]);
  });

  it("refuses to run in production without AUTH_SECRET", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is required in production/);
    expect(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toBe("x".repeat(32));
  });

  describe("MAIL_FROM", () => {
    const production = {
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(32),
      SMTP_URL: "smtp://mail.example.org:587",
    } as NodeJS.ProcessEnv;

    it.each([
      [undefined, "localhost"],
      ["Perspectives <no-reply@localhost>", "localhost"],
      ["no-reply@portal.localhost", "portal.localhost"],
      ["Perspectives <no-reply@mail.invalid>", "mail.invalid"],
      ["Perspectives <no-reply@mailhost>", "mailhost"],
    ])("refuses %s in production with an SMTP server, naming the variable", (value, domain) => {
      expect(() => parseEnv({ ...production, MAIL_FROM: value })).toThrow(
        `Invalid configuration: MAIL_FROM must be an address on your own mail domain in production, not on ${domain}`,
      );
    });

    it("accepts the institute's own domain and the reserved test names in production", () => {
      for (const from of [
        "IFANS Perspectives <no-reply@ifans.go.kr>",
        "IFANS Perspectives <no-reply@perspectives.test>",
        "portal@ifans.local",
      ]) {
        expect(parseEnv({ ...production, MAIL_FROM: from }).MAIL_FROM).toBe(from);
      }
    });

    it("accepts localhost in development, and in production while no mail leaves the machine", () => {
      expect(parseEnv(base).MAIL_FROM).toBe("Perspectives <no-reply@localhost>");
      expect(parseEnv({ ...base, SMTP_URL: "smtp://127.0.0.1:1025" }).MAIL_FROM).toBe("Perspectives <no-reply@localhost>");
      expect(parseEnv({ ...production, SMTP_URL: undefined }).MAIL_FROM).toBe("Perspectives <no-reply@localhost>");
    });

    it.each([
      "",
      "no-reply",
      "Perspectives <no-reply@>",
      "a@example.org, b@example.org",
      "Staff: a@example.org;",
      "no-reply@[127.0.0.1]",
    ])("refuses %o anywhere: it is not one address on a mail domain", (value) => {
      expect(() => parseEnv({ ...base, MAIL_FROM: value })).toThrow(/^Invalid configuration: MAIL_FROM must be one address/);
    });
  });

  it("treats empty strings as unset and accepts a real PostgreSQL URL", () => {
    const env = parseEnv({ ...base, DATABASE_URL: "postgresql://u:p@db.internal:5433/portal", PORT: "8080", SMTP_URL: "" });
    expect(env.DATABASE_URL).toBe("postgresql://u:p@db.internal:5433/portal");
    expect(env.PORT).toBe(8080);
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.APP_URL).toBe("http://localhost:8080");
  });
});
