import { copyToClipboard } from "./copy-to-clipboard";
import { Island } from "./define";

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
 * <share-link>: its button copies the paper's link (data-url) and says so
 * politely in its status (data-copied). With data-share, the system share
 * sheet is tried first: KakaoTalk without Kakao's SDK (a third-party script),
 * offered by phones' share sheets; elsewhere the link is copied for pasting
 * into a chat.
 */
export class ShareLink extends Island {
  protected start(signal: AbortSignal) {
    const button = this.child<HTMLButtonElement>("button");
    const status = this.child("[role=status]");
    const { url = "", copied = "", share } = this.dataset;
    button?.addEventListener(
      "click",
      () =>
        void (async () => {
          if (share !== undefined && (await systemShare(share, url))) return;
          if ((await copyToClipboard(url, button.textContent ?? "")) && status) status.textContent = copied;
        })(),
      { signal },
    );
  }
}
