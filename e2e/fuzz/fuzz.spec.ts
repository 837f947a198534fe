// Thousands of generated requests over every route, method and parameter
// (fixed seed, so a failure can be replayed), against an instance of its own
// whose log is read afterwards: no 5xx, and no stack trace in the log.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { queryE2e } from "../support/db";
import { startInstance, type Instance } from "../security/support/instance";

const SEED = 20261128;
const REQUESTS = 2500;
const CONCURRENCY = 8;
// The test's timeout grows with the requests it sends: a generous budget for each, not this machine's pace.
const BUDGET_PER_REQUEST_MS = 240;

/** mulberry32: a small seeded generator, so every run sends the same requests. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

// Values as an attacker, a fuzzer or a broken crawler writes them, already %-encoded where they go into a URL.
const HOSTILE = [
  "",
  "0",
  "-1",
  "01",
  "1e3",
  "99999999999",
  "2147483648",
  "abc",
  "%FF",
  "%C0%AF",
  "%ED%A0%80",
  "%",
  "%2",
  "%00",
  "%0A",
  "%0D%0A",
  "%1B",
  "..",
  "%2e%2e",
  "%2F",
  "%5C",
  "a%2Fb",
  "%EB%B6%81%ED%95%9C",
  "%F0%9F%98%80",
  "'%20OR%201=1--",
  "%3Cscript%3E",
  "%22%3E%3Cimg%3E",
  "x".repeat(3000),
  "%E2%80%AE",
  "null",
  "undefined",
  "[]",
  "%7B%7D",
  "NaN",
  "true",
] as const;
const LOCALES = ["ko", "en", "fr", "KO", "", "%FF"] as const;
const METHODS = ["GET", "GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND"] as const;
const PARAMS = [
  "q",
  "page",
  "series",
  "year",
  "topic",
  "region",
  "author",
  "callbackUrl",
  "error",
  "from",
  "to",
  "token",
  "locale",
  "_rsc",
  "sort",
  "x",
] as const;
const FORMATS = ["bibtex", "ris", "apa", "chicago", "xml", "%FF"] as const;

type Real = { paper: number; attachment: number; series: string; author: number };

function requestFor(r: ReturnType<typeof generator>, real: Real) {
  const value = () => (r.next() < 0.4 ? r.pick(HOSTILE) : String(r.pick([real.paper, real.attachment, real.author, 1, 2])));
  const l = r.next() < 0.8 ? r.pick(["ko", "en"] as const) : r.pick(LOCALES);
  const id = () => (r.next() < 0.5 ? String(real.paper) : value());
  const templates = [
    () => `/${l}/publications`,
    () => `/${l}/publications/${id()}`,
    () => `/${l}/publications/${id()}/files/${r.next() < 0.5 ? real.attachment : value()}`,
    () => `/${l}/publications/${id()}/cite/${r.pick(FORMATS)}`,
    () => `/${l}/publications/view/${value()}`,
    () => `/${l}/series/${r.next() < 0.5 ? real.series : value()}`,
    () => `/${l}/series/${real.series}/feed.xml`,
    () => `/${l}/authors/${r.next() < 0.5 ? real.author : value()}`,
    () => `/${l}/feed.xml`,
    () => `/${l}`,
    () => "/",
    () => `/${l}/sign-in`,
    () => `/${l}/sign-in/check-email`,
    () => `/${l}/admin/publications/${id()}`,
    () => `/${l}/admin/stats/export/${value()}`,
    () => `/${l}/alerts`,
    () => `/${l}/alerts/${r.pick(["confirm", "manage", value()])}`,
    () => "/api/alerts/unsubscribe",
    () => `/${l}/admin/alerts/export`,
    () => "/sitemap.xml",
    () => "/robots.txt",
    () => "/api/health",
    () => `/api/auth/${r.pick(["csrf", "session", "providers", "signin", "error", "callback/credentials", value()])}`,
    () => `/api/admin/publications/${id()}/attachments`,
    () => `/_next/static/${value()}`,
    () => `/${value()}/${value()}`,
  ];
  let path = r.pick(templates)();
  const query: string[] = [];
  const count = Math.floor(r.next() * 4);
  for (let i = 0; i < count; i++) query.push(`${r.pick(PARAMS)}=${value()}`);
  if (r.next() < 0.1) query.push("q=korea", "q=zzzz");
  if (query.length) path += `?${query.join("&")}`;
  const method = r.pick(METHODS);
  const headers: Record<string, string> = {
    "user-agent": r.pick([
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      "curl/8.5",
      "sqlmap/1.8",
    ]),
  };
  if (r.next() < 0.2) headers["accept-language"] = r.pick(["ko", "en-US,en;q=0.9", "*", "xx;q=abc", ";;;"]);
  if (r.next() < 0.15) headers.range = r.pick(["bytes=0-10", "bytes=abc", "bytes=999999999-", "bytes=5-1", "bytes=0-1,2-3,4-5"]);
  if (r.next() < 0.1) headers["if-none-match"] = r.pick(['"x"', "*", "W/"]);
  if (r.next() < 0.1) headers.rsc = "1";
  if (r.next() < 0.05) headers["next-router-state-tree"] = r.pick(["junk", "%5B%5D", "[]"]);
  if (r.next() < 0.05) headers["next-action"] = r.pick(["junk", "0".repeat(40)]);
  if (r.next() < 0.1) headers.cookie = r.pick(["authjs.session-token=junk", "a=b; c", "%FF=%FF"]);
  const body =
    method === "POST" || method === "PUT" || method === "PATCH"
      ? r.pick(["", "a=b", "{}", "\u0000", "x".repeat(2000)])
      : undefined;
  if (body !== undefined)
    headers["content-type"] = r.pick([
      "application/x-www-form-urlencoded",
      "application/json",
      "text/plain",
      "multipart/form-data; boundary=x",
    ]);
  return { method, path, headers, body };
}

function send(origin: URL, req: ReturnType<typeof requestFor>) {
  return new Promise<number>((resolve) => {
    const out = http.request(
      { host: origin.hostname, port: origin.port, method: req.method, path: req.path, headers: req.headers, timeout: 30_000 },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
        res.on("error", () => resolve(-1));
      },
    );
    // A request Node itself refuses to send (an invalid character in the path) never reaches the portal.
    out.on("error", () => resolve(-1));
    out.end(req.body);
  });
}

let portal: Instance;

test.describe.configure({ mode: "default" });

test.beforeAll(async () => {
  // Views are not counted: its requests are no readers, and the real paper it reads is one other specs read too.
  portal = await startInstance({ AUTH_SECRET: "fuzz-spec-secret-fuzz-spec-secret-00001", VIEW_COUNTING: "false" });
});
test.afterAll(async () => {
  await portal?.stop();
});

test(`${REQUESTS} generated requests (seed ${SEED}): no 5xx, and no stack trace in the log`, async () => {
  test.setTimeout(REQUESTS * BUDGET_PER_REQUEST_MS);
  const [real] = await queryE2e<Real>(
    `select p.id as paper, a.id as attachment, s.slug as series, au.id as author
     from "Publication" p join "Attachment" a on a."publicationId" = p.id join "Series" s on s.id = p."seriesId"
     join "Authorship" x on x."publicationId" = p.id join "Author" au on au.id = x."authorId"
     where p.status = 'published' order by p.id limit 1`,
  );
  const r = generator(SEED);
  const requests = Array.from({ length: REQUESTS }, () => requestFor(r, real!));
  const origin = new URL(portal.origin);
  const failures: string[] = [];
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < requests.length) {
      const req = requests[nextIndex++]!;
      const status = await send(origin, req);
      if (status >= 500) failures.push(`${status} ${req.method} ${req.path.slice(0, 200)} ${JSON.stringify(req.headers)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  expect(failures).toEqual([]);
  // A stack trace: its "at" lines, reported with the message line above them.
  const lines = portal.log().split("\n");
  const stacks = lines
    .map((line, i) => ({ line, i }))
    .filter(({ line, i }) => /^\s+at .+:\d+:\d+\)?$/.test(line) && !/^\s+at /.test(lines[i - 1] ?? ""))
    .map(({ i }) => lines.slice(Math.max(0, i - 2), i + 1).join(" | "));
  expect(stacks.slice(0, 20)).toEqual([]);
});
