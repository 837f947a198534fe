import type { ComponentProps } from "react";

/**
 * `next/link` as the server's bundle has it (scripts/lib/server-bundle.ts;
 * vitest.config.ts for the tests): the catalogue's results are rendered by
 * the server outside Next.js (catalogue-pages.ts), where no router is, from
 * components that use next/link so that pages still running React navigate
 * inside the site. Written as Next's link writes its anchor, the address
 * last, so the two give the same bytes (e2e/catalogue-pages.spec.ts).
 */
export default function PlainLink({ href, children, ...attributes }: ComponentProps<"a"> & { href: string }) {
  return (
    <a {...attributes} href={href}>
      {children}
    </a>
  );
}
