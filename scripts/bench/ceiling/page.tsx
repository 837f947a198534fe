import type { Metadata } from "next";

// The benchmark's framework ceiling: a page Next.js prerenders at build time,
// with a body the size of a generated paper's (six sections, about 5,000
// words: scripts/bench/catalogue.ts), served by the same server. It is a
// route (/bench/ceiling) only in the benchmark's build, which copies it into
// app/bench/ceiling/ (scripts/bench/build.ts).
export const dynamic = "force-static";
export const metadata: Metadata = { title: "Benchmark ceiling", robots: { index: false, follow: false } };

const WORDS =
  "policy alliance korea russia security diplomacy economy region treaty cooperation analysis institute strategy energy".split(
    " ",
  );
const SECTIONS = 6;
const PARAGRAPHS_PER_SECTION = 7;
const WORDS_PER_PARAGRAPH = 120;
const sections = Array.from({ length: SECTIONS }, (_, s) =>
  Array.from({ length: PARAGRAPHS_PER_SECTION }, (_, i) =>
    Array.from({ length: WORDS_PER_PARAGRAPH }, (_, j) => WORDS[(s * 11 + i * 7 + j * 3) % WORDS.length]).join(" "),
  ),
);

export default function BenchCeiling() {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Benchmark ceiling</h1>
          {sections.map((paragraphs, s) => (
            <section key={s}>
              <h2>Section {s + 1}</h2>
              {paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </section>
          ))}
        </main>
      </body>
    </html>
  );
}
