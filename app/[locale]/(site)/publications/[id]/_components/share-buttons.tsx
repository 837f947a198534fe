import { getTranslations } from "next-intl/server";
import { CopyLinkButton } from "./copy-link-button";
import { KakaoShareButton } from "./kakao-share-button";

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
      <KakaoShareButton url={url} title={title} label={t("kakao")} copiedMessage={t("kakaoCopied")} />
      <CopyLinkButton url={url} label={t("copy")} copiedMessage={t("copied")} />
    </div>
  );
}
