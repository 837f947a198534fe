import { getTranslations } from "next-intl/server";

type Props = { url: string; title: string };

/** Plain share links: no third-party script or tracker loads with the page. */
export async function ShareButtons({ url, title }: Props) {
  const t = await getTranslations("Share");
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  return (
    <div className="share no-print" role="group" aria-label={t("label")}>
      <a
        className="share__button share__button--facebook"
        href={`https://www.facebook.com/sharer/sharer.php?u=${u}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t("facebook")}
        <span className="visually-hidden"> {t("newWindow")}</span>
      </a>
      <a
        className="share__button share__button--x"
        href={`https://twitter.com/intent/tweet?url=${u}&text=${text}`}
        target="_blank"
        rel="noopener noreferrer"
      >
        {t("x")}
        <span className="visually-hidden"> {t("newWindow")}</span>
      </a>
      <CopyLink label={t("kakao")} kind="kakao" share />
      <CopyLink label={t("copy")} kind="copy" />
    </div>
  );
}

type CopyLinkProps = {
  label: string;
  /** The share__button--… modifier. */
  kind: "copy" | "kakao";
  /** Tries the system share sheet first (KakaoTalk on phones). */
  share?: boolean;
};

/**
 * A button that copies the link, through its island (islands/share-link.ts),
 * which takes the paper's address and title from the element around the
 * page's tools (data-url, data-title) and its words from the site's messages.
 */
function CopyLink({ label, kind, share = false }: CopyLinkProps) {
  return (
    <share-link {...(share ? { "data-share": "" } : {})}>
      <button type="button" className={`share__button share__button--${kind}`}>
        {label}
      </button>
      <span className="share__status" role="status" aria-live="polite" />
    </share-link>
  );
}
