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
      <CopyLink url={url} label={t("kakao")} copied={t("kakaoCopied")} kind="kakao" shareTitle={title} />
      <CopyLink url={url} label={t("copy")} copied={t("copied")} kind="copy" />
    </div>
  );
}

type CopyLinkProps = {
  url: string;
  label: string;
  /** Said politely once the link is copied. */
  copied: string;
  /** The share__button--… modifier. */
  kind: "copy" | "kakao";
  /** Tries the system share sheet with this title first (KakaoTalk on phones). */
  shareTitle?: string;
};

/** A button that copies the link, through its island (islands/share-link.ts). */
function CopyLink({ url, label, copied, kind, shareTitle }: CopyLinkProps) {
  return (
    <share-link data-url={url} data-copied={copied} {...(shareTitle === undefined ? {} : { "data-share": shareTitle })}>
      <button type="button" className={`share__button share__button--${kind}`}>
        {label}
      </button>
      <span className="share__status" role="status" aria-live="polite" />
    </share-link>
  );
}
