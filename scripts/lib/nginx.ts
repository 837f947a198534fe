// nginx from Debian in front of several instances of the portal, as an
// institute deploys it: round robin over the instances, the client's address
// appended to X-Forwarded-For, the Host and scheme passed on, kept-alive
// connections upstream. For the two-instance tests and `npm run bench --
// --instances 2`; it runs in the foreground as the caller's child, with its
// files in a folder of its own.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const NGINX = "/usr/sbin/nginx";

export type Nginx = { port: number; origin: string; close: () => Promise<void> };

/** Installs nginx from Debian when it is missing (as root, which the machines here and CI are). */
export function ensureNginx(log: (m: string) => void = console.log) {
  if (spawnSync(NGINX, ["-v"]).status === 0) return;
  log("nginx is missing: installing it from Debian (apt-get install nginx).");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "--no-install-recommends", "nginx"],
  ]) {
    const r = spawnSync("apt-get", args, { env, stdio: "inherit" });
    if (r.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: install Debian's nginx by hand.`);
  }
}

/**
 * For tests only: a request with `X-Upstream: 1` (2, …) goes to that instance
 * rather than the next in turn, so a test can say which instance does what.
 */
export const PIN_HEADER = "x-upstream";

function config(dir: string, port: number, upstreams: readonly number[], pinning: boolean) {
  const temp = (name: string) => path.join(dir, name);
  const pins = upstreams.map((p, i) => `    ${i + 1} 127.0.0.1:${p};`).join("\n");
  return `
daemon off;
worker_processes 1;
pid ${temp("nginx.pid")};
error_log ${temp("error.log")} warn;
${process.getuid?.() === 0 ? "user root;" : ""}
events { worker_connections 4096; }
http {
  access_log off;
  # nginx closes a client's kept-alive connection after 1,000 requests by default. The load
  # generator does not heed that answer's "Connection: close": it writes its next request on the
  # closing connection and counts it as sent, though nginx never reads it and no instance sees
  # it, so each close showed as a "lost" view (2026-12-05, two instances: 26-150 in a run, one
  # per connection per 1,000 requests). A browser sends such a request again on a new connection,
  # so nothing a reader sees changes; here no connection is closed for its number of requests.
  keepalive_requests 10000000;
  client_body_temp_path ${temp("body")};
  proxy_temp_path ${temp("proxy")};
  fastcgi_temp_path ${temp("fastcgi")};
  uwsgi_temp_path ${temp("uwsgi")};
  scgi_temp_path ${temp("scgi")};
  client_max_body_size 0;
  map $http_${PIN_HEADER.replaceAll("-", "_")} $instance {
${pinning ? pins : ""}
    default portal;
  }
  upstream portal {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join("\n")}
    keepalive 64;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://$instance;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off;
      # A request nginx has taken is answered by the portal (and its view counted) even if the
      # client hangs up meanwhile, as with no proxy in between.
      proxy_ignore_client_abort on;
      proxy_read_timeout 300s;
    }
  }
}
`;
}

function accepting(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts nginx on `port`, spreading requests over the instances on `upstreams` (pinned by PIN_HEADER with `pinning`). */
export async function startNginx(port: number, upstreams: readonly number[], { pinning = false } = {}): Promise<Nginx> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "perspectives-nginx-"));
  for (const name of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, name));
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, config(dir, port, upstreams, pinning));
  const child = spawn(NGINX, ["-p", dir, "-c", file], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr.on("data", (c: Buffer) => void (errors += c.toString()));
  for (let i = 0; i < 100 && !(await accepting(port)); i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${errors}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
