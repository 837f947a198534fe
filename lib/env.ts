// The one view of process.env: every variable is parsed and checked here, and a
// bad value stops start-up with a message naming it.
import path from "node:path";
import { z } from "zod";
import { isPublicMailDomain, parseMailbox } from "./mail/address";
import { COUNT_CAP } from "./search/count-cap";
import { parseTrustProxy } from "./security/trust-proxy";

const DEV_AUTH_SECRET = "perspectives-development-secret-not-for-production";

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false"], { error: "must be true or false" })
    .default(fallback)
    .transform((v) => v === "true");

const limit = (fallback: number) =>
  z.coerce
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(1_000_000)
    .default(fallback);

const postgresUrl = z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgresql:// URL" });

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // Set by Next.js itself; secrets are a run-time need, not a build-time one.
    NEXT_PHASE: z.string().optional(),
    DATABASE_URL: optional(postgresUrl),
    // How long `npm start` waits for DATABASE_URL's server to accept connections (0: not at all).
    DATABASE_WAIT_S: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v), // blank is the default, not 0
      z.coerce
        .number({ error: "must be a number of seconds (0: do not wait)" })
        .int("must be a whole number of seconds")
        .min(0, "must be 0 (do not wait) or more")
        .max(3600, "must be at most 3600")
        .default(30),
    ),
    // Searches keep their statements prepared on their connections (lib/db-prepared.ts); false for
    // a connection pooler that cannot follow them (PgBouncer before 1.21 in transaction mode).
    DATABASE_PREPARED_STATEMENTS: flag("true"),
    PORT: z.coerce
      .number({ error: "must be a port number" })
      .int("must be a whole number")
      .min(1, "must be between 1 and 65535")
      .max(65535, "must be between 1 and 65535")
      .default(3000),
    APP_URL: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://example.org" })),
    AUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters (try: openssl rand -base64 32)")),
    SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })),
    MAIL_FROM: z
      .string()
      .trim()
      .superRefine((v, ctx) => {
        const parsed = parseMailbox(v);
        if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
      })
      .default("Perspectives <no-reply@localhost>"),
    DATA_DIR: z.string().min(1).default("data"),
    STORAGE_DIR: optional(z.string().min(1)),
    ADMIN_EMAIL: optional(z.email("must be an email address")),
    ADMIN_PASSWORD: optional(z.string().min(12, "must be at least 12 characters")),
    SMTP_TIMEOUT_MS: z.coerce
      .number({ error: "must be a number of milliseconds" })
      .int()
      .min(1000, "must be at least 1000")
      .max(10_000, "must be at most 10000 (readers should not wait longer)")
      .default(10_000),
    // Unset: mails go to DATA_DIR/outbox outside production, and nowhere in production.
    MAIL_OUTBOX: optional(z.enum(["true", "false"], { error: "must be true or false" })),
    EMAIL_SHARE_LIMIT_CLIENT_PER_HOUR: limit(5),
    EMAIL_SHARE_LIMIT_RECIPIENT_PER_DAY: limit(3),
    EMAIL_SHARE_LIMIT_SITE_PER_HOUR: limit(200),
    EMAIL_SHARE_MIN_FILL_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int().min(0).max(600).default(3),
    OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: "must be the issuer URL of your OpenID Connect provider" })),
    OIDC_CLIENT_ID: optional(z.string().min(1)),
    OIDC_CLIENT_SECRET: optional(z.string().min(1)),
    OIDC_NAME: z.string().min(1).default("Single sign-on"),
    // Only these email domains may sign in through the identity provider (unset: any invited address).
    OIDC_ALLOWED_DOMAINS: optional(
      z
        .string()
        .transform((v) =>
          v
            .split(",")
            .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
            .filter(Boolean),
        )
        .refine((list) => list.length > 0 && list.every((d) => /^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z0-9-]{2,63}$/.test(d)), {
          error: "must be a comma-separated list of domains such as example.org,staff.example.org",
        }),
    ),
    // Who may say who the client is: nobody (the socket is the client), a hop count, or the proxies' addresses.
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((v, ctx) => {
        const parsed = parseTrustProxy(v);
        if (parsed.ok) return parsed.trust;
        ctx.addIssue({ code: "custom", message: parsed.message });
        return z.NEVER;
      }),
    UPLOAD_MAX_MB: z.coerce
      .number({ error: "must be a number of megabytes" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(2048, "must be at most 2048")
      .default(50),
    // Papers a search counts one by one (lib/search/count-cap.ts). A large archive on a
    // small machine may trade exact counts for speed: at 100,000 papers 250 took a quarter less CPU a
    // search than 1,000 (README Performance).
    SEARCH_COUNT_CAP: z.coerce
      .number({ error: "must be a number of papers" })
      .int("must be a whole number")
      .min(100, "must be at least 100")
      .max(10_000, "must be at most 10000")
      .default(COUNT_CAP),
    STORAGE_DRIVER: z.enum(["local", "s3"], { error: "must be local or s3" }).default("local"),
    S3_BUCKET: optional(z.string().min(3)),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
    S3_ACCESS_KEY_ID: optional(z.string().min(1)),
    S3_SECRET_ACCESS_KEY: optional(z.string().min(1)),
    S3_FORCE_PATH_STYLE: flag("false"),
    VIEW_COUNTING: flag("true"),
    COUNT_STAFF_VIEWS: flag("false"),
    STATS_RETENTION_DAYS: z.coerce
      .number({ error: "must be a number of days" })
      .int()
      .min(1, "must be at least 1")
      .max(3650)
      .default(90),
    STATS_FOLD_INTERVAL_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int()
      .min(1, "must be at least 1")
      .max(60, "must be at most 60 (the public figure may lag at most about 10 s)")
      .default(5),
    // Alerts (lib/alerts): subscription requests per client and per address, like Send Email's.
    ALERT_LIMIT_CLIENT_PER_HOUR: limit(5),
    ALERT_LIMIT_ADDRESS_PER_DAY: limit(3),
    // Hours a confirmation link stays valid; an unconfirmed request is deleted after.
    ALERT_CONFIRM_HOURS: z.coerce.number({ error: "must be a number of hours" }).int().min(1).max(720).default(48),
    // Alert mails sent per second by all instances together, so the mail server is not flooded.
    ALERT_MAILS_PER_SECOND: limit(10),
    // The hour (Asia/Seoul, 0-23) the daily digests go out.
    ALERT_DIGEST_HOUR: z.coerce
      .number({ error: "must be an hour from 0 to 23" })
      .int("must be an hour from 0 to 23")
      .min(0, "must be an hour from 0 to 23")
      .max(23, "must be an hour from 0 to 23")
      .default(8),
    // A worker holding an alert mail longer than this is taken for dead: another instance sends it.
    // At least three SMTP timeouts (checked below), so a slow mail is never sent twice.
    ALERT_SEND_TIMEOUT_SECONDS: z.coerce
      .number({ error: "must be a number of seconds" })
      .int()
      .min(2, "must be at least 2")
      .max(3600, "must be at most 3600")
      .default(120),
    // The first wait before an alert mail that failed for a passing reason is tried again; each later wait doubles.
    ALERT_RETRY_SECONDS: z.coerce.number({ error: "must be a number of seconds" }).int().min(1).max(3600).default(30),
    DEMO_DATA: flag("true"),
    // The server's JavaScript heap. Left to itself, Node lets the heap of a
    // busy server grow towards a quarter of the machine's memory before
    // collecting in earnest; a bound keeps a small machine's memory predictable.
    // Under the benchmark's heaviest load (20 distinct searches at once) the
    // live heap is about 130 MB: 224 leaves 70 % more, and V8 fills whatever
    // bound it is given before collecting (`npm run bench`: 541 MB resident
    // with 384, 432 with 256, 384 with 224 and two memory arenas, no error).
    SERVER_HEAP_MB: z.coerce
      .number({ error: "must be a number of megabytes" })
      .int("must be a whole number")
      .min(128, "must be at least 128")
      .max(65536, "must be at most 65536")
      .default(224),
    // Each of the two halves of the server's young generation, where every
    // request's short-lived objects are made (Node's --max-semi-space-size).
    // V8 grows them to 16 MB each under load whatever the heap's bound; 8
    // kept 15-24 MB less resident at every stage of the full benchmark (peak
    // 388 MB against 412), its throughput within the machine's own swing
    // (README, Performance).
    SERVER_SEMI_SPACE_MB: z.coerce
      .number({ error: "must be a number of megabytes" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(256, "must be at most 256")
      .default(8),
    // Papers' pages handed to Next.js at once, and as many catalogue pages
    // (listings, searches); the others wait their turn (server/render-gate.ts).
    // Each render in progress holds its page in memory.
    RENDERS_AT_ONCE: z.coerce
      .number({ error: "must be a number of renders" })
      .int("must be a whole number")
      .min(1, "must be at least 1")
      .max(256, "must be at most 256")
      .default(4),
    // Papers' whole pages kept in the database and answered from there, each
    // stored ahead of its first reader in the paper's own language
    // (server/stored-pages.ts). Needs the page copy (PAGE_CACHE_MB above 0).
    STORED_PAGES: flag("true"),
    // Memory for the server's short-lived copies of hot publication and
    // listing pages (server/page-cache.ts); 0 turns the cache off, and with it
    // the listings the server writes itself (server/catalogue-pages.ts).
    PAGE_CACHE_MB: z.coerce
      .number({ error: "must be a number of megabytes" })
      .int("must be a whole number")
      .min(0, "must be 0 (off) or more")
      .max(4096, "must be at most 4096")
      .default(16),
  })
  .superRefine((env, ctx) => {
    if (env.ALERT_SEND_TIMEOUT_SECONDS * 1000 < 3 * env.SMTP_TIMEOUT_MS) {
      ctx.addIssue({
        code: "custom",
        path: ["ALERT_SEND_TIMEOUT_SECONDS"],
        message: `must be at least three SMTP timeouts (SMTP_TIMEOUT_MS is ${env.SMTP_TIMEOUT_MS}): at least ${Math.ceil((3 * env.SMTP_TIMEOUT_MS) / 1000)}`,
      });
    }
    if (env.NODE_ENV === "production" && !env.AUTH_SECRET && env.NEXT_PHASE !== "phase-production-build") {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production (try: openssl rand -base64 32)",
      });
    }
    // Mail that leaves the machine must come from the institute's domain: receivers
    // distrust localhost senders, and Message-IDs are made on this domain.
    const sender = parseMailbox(env.MAIL_FROM);
    if (env.NODE_ENV === "production" && env.SMTP_URL && sender.ok && !isPublicMailDomain(sender.mailbox.domain)) {
      ctx.addIssue({
        code: "custom",
        path: ["MAIL_FROM"],
        message: `must be an address on your own mail domain in production, not on ${sender.mailbox.domain} (such as Perspectives <no-reply@example.org>)`,
      });
    }
    if (env.OIDC_ISSUER && (!env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET)) {
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_CLIENT_ID"],
        message: "and OIDC_CLIENT_SECRET are required when OIDC_ISSUER is set",
      });
    }
    if (env.STORAGE_DRIVER === "s3" && !env.S3_BUCKET) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "is required when STORAGE_DRIVER=s3" });
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["ADMIN_PASSWORD"], message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together" });
    }
  });

export type Env = ReturnType<typeof resolve>;

export class EnvError extends Error {
  override name = "EnvError";
}

function resolve(raw: NodeJS.ProcessEnv) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`);
    throw new EnvError(`Invalid configuration: ${lines.join("; ")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(/*turbopackIgnore: true*/ e.DATA_DIR);
  return {
    ...e,
    DATA_DIR: dataDir,
    STORAGE_DIR: path.resolve(/*turbopackIgnore: true*/ e.STORAGE_DIR ?? path.join(dataDir, "files")),
    APP_URL: (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    AUTH_SECRET: e.AUTH_SECRET ?? DEV_AUTH_SECRET,
    MAIL_OUTBOX: e.MAIL_OUTBOX ? e.MAIL_OUTBOX === "true" : e.NODE_ENV !== "production",
  };
}

/** Parses a given environment; the launcher and tests use it directly. */
export function parseEnv(raw: NodeJS.ProcessEnv = process.env) {
  return resolve(raw);
}

let cached: Env | undefined;

/** Forgets the parsed configuration; tests that change process.env call it. */
export function resetEnvCache() {
  cached = undefined;
}

/** The app's configuration, parsed once. */
export function env(): Env {
  cached ??= resolve(process.env);
  return cached;
}
