// A client that can connect from any loopback address (127.0.0.x), so each
// spec is a client of its own, as distinct people on the internet are, and
// sends whatever headers an attacker would. Cookies are kept per client.
import http from "node:http";
import { PERSON } from "../../support/user-agents";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

export class Client {
  private readonly cookies = new Map<string, string>();
  private readonly tokens = new Map<string, string>();

  constructor(readonly localAddress: string) {}

  async send(url: string, init: { method?: string; headers?: Record<string, string>; form?: Record<string, string> } = {}) {
    const target = new URL(url);
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    const headers: Record<string, string> = {
      "user-agent": PERSON,
      ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") } : {}),
      ...(body ? { "content-type": "application/x-www-form-urlencoded", "content-length": String(Buffer.byteLength(body)) } : {}),
      ...init.headers,
    };
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(
        {
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          method: init.method ?? "GET",
          headers,
          localAddress: this.localAddress,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
          );
        },
      );
      req.on("error", reject);
      req.end(body);
    });
    for (const line of answer.headers["set-cookie"] ?? []) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
    return answer;
  }

  /** Auth.js's form posts need its CSRF token (and its cookie): fetched once, so parallel posts share it. */
  async csrfToken(origin: string, headers: Record<string, string> = {}) {
    let token = this.tokens.get(origin);
    if (!token) {
      const answer = await this.send(`${origin}/api/auth/csrf`, { headers });
      token = (JSON.parse(answer.body) as { csrfToken: string }).csrfToken;
      this.tokens.set(origin, token);
    }
    return token;
  }

  /** A password sign-in as a script would send it; the redirect says how it went. */
  async signInWithPassword(origin: string, email: string, password: string, headers: Record<string, string> = {}) {
    const csrfToken = await this.csrfToken(origin, headers);
    const answer = await this.send(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers,
      form: { email, password, csrfToken, callbackUrl: "/en/admin" },
    });
    return { ...answer, location: String(answer.headers.location ?? "") };
  }

  /** Asks for a sign-in link by email, as the sign-in API accepts it. */
  async askForLink(origin: string, email: string, headers: Record<string, string> = {}) {
    const csrfToken = await this.csrfToken(origin, headers);
    const answer = await this.send(`${origin}/api/auth/signin/email`, {
      method: "POST",
      headers,
      form: { email, csrfToken, callbackUrl: "/en/admin" },
    });
    return { ...answer, location: String(answer.headers.location ?? "") };
  }
}

/** Headers a client forges to point links at its own host. */
export const FORGED_HOST = {
  host: "evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "http",
  "x-forwarded-port": "8443",
} as const;
