"use client";

import { CopyLinkButton } from "./copy-link-button";

type Props = { url: string; title: string; label: string; copiedMessage: string };

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
 * KakaoTalk without Kakao's SDK (which would load a third-party script):
 * the system share sheet offers KakaoTalk on phones; elsewhere the link is
 * copied for pasting into a chat.
 */
export function KakaoShareButton({ url, title, label, copiedMessage }: Props) {
  return (
    <CopyLinkButton
      url={url}
      label={label}
      copiedMessage={copiedMessage}
      kind="kakao"
      shareFirst={() => systemShare(title, url)}
    />
  );
}
