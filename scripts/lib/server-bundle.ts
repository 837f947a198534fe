import path from "node:path";
import { bundleFile } from "./bundle-file";
import { SERVER_BUNDLE } from "./server-command";

// The portal's server (server/main.ts) runs as one plain JavaScript file in
// production: running it through tsx would keep a TypeScript loader thread
// (about 100 MB) alive in the server for nothing. It is rebuilt on every start
// (well under a second), so it never lags behind the source. What the server
// imports with import() (the catalogue's writer, which loads React once
// NODE_ENV is set: server/main.ts) goes into files of its own beside it. Its
// components' next/link is a plain anchor there (server/plain-link.tsx).
export async function buildServerBundle(): Promise<void> {
  await bundleFile("server/main.ts", SERVER_BUNDLE, {
    splitting: true,
    alias: { "next/link": path.resolve("server/plain-link.tsx") },
  });
}
