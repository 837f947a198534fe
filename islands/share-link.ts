import { ShareLink as en } from "../lib/i18n/messages/en.json";
import { ShareLink as ko } from "../lib/i18n/messages/ko.json";
import { copyToClipboard } from "./copy-to-clipboard";
import { Island } from "./define";
import { inPageLanguage } from "./language";

/** The system share sheet: true when it took care of the link (shared, or closed by the reader). */
async function systemShare(title: string, url: string): Promise<boolean> {
  if (typeof navigator.share !== "function") return false;
  try {
    await navigator.share({ title, url });
    return true;
  } catch (e) {
    return (e as Error).name === "AbortError";
  }
}

/**
 * <share-link>: its button copies the paper's link (data-url, the page's for
 * the islands around it) and says so politely in its status. With
 * data-share, the system share sheet is tried first, with the paper's title
 * (data-title): KakaoTalk without Kakao's SDK (a third-party script),
 * offered by phones' share sheets; elsewhere the link is copied for pasting
 * into a chat.
 */
export class ShareLink extends Island {
  protected start(signal: AbortSignal) {
    const button = this.child<HTMLButtonElement>("button");
    const status = this.child("[role=status]");
    const share = this.dataset.share !== undefined;
    button?.addEventListener(
      "click",
      () =>
        void (async () => {
          const url = this.data("url") ?? "";
          if (share && (await systemShare(this.data("title") ?? "", url))) return;
          const t = inPageLanguage(this, { en, ko });
          if ((await copyToClipboard(url, button.textContent ?? "")) && status)
            status.textContent = share ? t.kakaoCopied : t.copied;
        })(),
      { signal },
    );
  }
}
