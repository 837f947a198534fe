"use client";

import { useState } from "react";
import { copyToClipboard } from "./copy-to-clipboard";

type Props = { url: string; title: string; label: string; copiedMessage: string };

/**
 * KakaoTalk without Kakao's SDK (which would load a third-party script):
 * the system share sheet offers KakaoTalk on phones; elsewhere the link is
 * copied for pasting into a chat.
 */
export function KakaoShareButton({ url, title, label, copiedMessage }: Props) {
  const [status, setStatus] = useState("");
  const share = async () => {
    if (typeof navigator.share === "function") {
      try {
        await navigator.share({ title, url });
        return;
      } catch (e) {
        if ((e as Error).name === "AbortError") return;
      }
    }
    if (await copyToClipboard(url, label)) setStatus(copiedMessage);
  };
  return (
    <>
      <button type="button" className="share__button share__button--kakao" onClick={() => void share()}>
        {label}
      </button>
      <span className="share__status" role="status" aria-live="polite">
        {status}
      </span>
    </>
  );
}
