import type { Metadata } from "next";

// The benchmark's framework ceiling: a page Next.js prerenders at build time,
// about the size of a publication page, served by the same server. It is a
// route (/bench/ceiling) only in the benchmark's build, which copies it into
// app/bench/ceiling/ (scripts/bench/build.ts).
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Benchmark ceiling", robots: { index: false, follow: false } };

const WORDS =
  "policy alliance korea russia security diplomacy economy region treaty cooperation analysis institute strategy energy".split(
    " ",
  );
const paragraphs = Array.from({ length: 38 }, (_, i) =>
  Array.from({ length: 70 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(" "),
);

export default function BenchCeiling() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Benchmark ceiling</h1>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </main>
      </body>
    </html>
  );
}
