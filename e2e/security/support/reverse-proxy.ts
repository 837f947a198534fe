// A reverse proxy as one is usually deployed in front of the portal (nginx's
// defaults with `proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`):
// it appends the address it was connected from to X-Forwarded-For and passes
// its own upstream Host, not the one the client asked for.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type ReverseProxy = { port: number; origin: string; close: () => Promise<void> };

export async function startReverseProxy(upstreamPort: number, port = 0): Promise<ReverseProxy> {
  const server = http.createServer((req, res) => {
    const forwarded = req.headers["x-forwarded-for"];
    const headers = {
      ...req.headers,
      host: `127.0.0.1:${upstreamPort}`,
      "x-forwarded-for": [forwarded, req.socket.remoteAddress].filter(Boolean).join(", "),
    };
    const upstream = http.request(
      { host: "127.0.0.1", port: upstreamPort, method: req.method, path: req.url, headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  // Every address: the specs' clients connect from several loopback addresses (127.0.0.x).
  await new Promise<void>((resolve) => server.listen(port, resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
