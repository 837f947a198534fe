import { CARD_FONT_FAMILY } from "@/lib/seo/card-fonts";

export type PublicationCardText = {
  /** Series and report number, e.g. "IFANS Perspectives 2024-14E". */
  series: string;
  title: string;
  /** The authors' names, joined. */
  authors: string;
  site: string;
};

// The site's palette (app/globals.css); satori draws flexbox only, so every box with children is display: flex.
const BRAND = "#0b3d6e";
const INK = "#1b1f24";
const MUTED = "#4f5a66";

/** The link-preview card drawn by satori: series, title and authors in the paper's language, and the site's name. */
export function PublicationCard({ text, lang }: { text: PublicationCardText; lang: string }) {
  return (
    <div
      lang={lang}
      style={{
        width: "100%",
        height: "100%",
        display: "flex",
        flexDirection: "column",
        background: "#ffffff",
        borderLeft: `24px solid ${BRAND}`,
        fontFamily: CARD_FONT_FAMILY,
        color: INK,
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", flexGrow: 1, padding: "64px 72px 40px 64px" }}>
        <div style={{ display: "block", fontSize: 30, fontWeight: 700, color: BRAND, lineClamp: 1 }}>{text.series}</div>
        <div
          style={{
            display: "block",
            marginTop: 28,
            fontSize: 60,
            fontWeight: 700,
            lineHeight: 1.25,
            lineClamp: 3,
            wordBreak: lang === "ko" ? "keep-all" : "normal",
          }}
        >
          {text.title}
        </div>
        <div style={{ display: "block", marginTop: "auto", fontSize: 32, color: MUTED, lineClamp: 2 }}>{text.authors}</div>
      </div>
      <div
        style={{
          display: "flex",
          alignItems: "center",
          height: 96,
          padding: "0 64px",
          background: BRAND,
          color: "#ffffff",
          fontSize: 32,
          fontWeight: 700,
        }}
      >
        {text.site}
      </div>
    </div>
  );
}
