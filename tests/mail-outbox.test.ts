import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { deliver } from "@/lib/mail/transport";

describe("the development outbox", () => {
  const saved = { DATA_DIR: process.env.DATA_DIR, SMTP_URL: process.env.SMTP_URL, MAIL_OUTBOX: process.env.MAIL_OUTBOX };
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "perspectives-outbox-"));
    Object.assign(process.env, { DATA_DIR: dataDir, MAIL_OUTBOX: "true" });
    delete process.env.SMTP_URL;
    resetEnvCache();
  });

  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps each mail readable by the server's own user only, in a folder only it can open", async () => {
    // An outbox left by an earlier version, open to every local user.
    mkdirSync(path.join(dataDir, "outbox"), { mode: 0o755 });
    const previousUmask = process.umask(0o022);
    try {
      const delivery = await deliver({ to: "reader@example.org", subject: "Your sign-in link", text: "https://portal.test/x" });

      expect(delivery.kind).toBe("outbox");
      const file = delivery.location!;
      expect(path.dirname(file)).toBe(path.join(dataDir, "outbox"));
      expect(readFileSync(file, "utf8")).toContain("Subject: Your sign-in link");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    } finally {
      process.umask(previousUmask);
    }
  });
});
