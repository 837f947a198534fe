import Link from "next/link";

// Requests outside any locale (e.g. /nonsense.txt) end here; localized pages have their own not-found.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Page not found</h1>
          <p>
            <Link href="/ko">한국어</Link> · <Link href="/en">English</Link>
          </p>
        </main>
      </body>
    </html>
  );
}
