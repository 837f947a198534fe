"use client";

import { useState } from "react";
import { copyToClipboard } from "./copy-to-clipboard";

type Props = {
  url: string;
  label: string;
  copiedMessage: string;
  /** The share__button--… modifier. */
  kind?: "copy" | "kakao";
  /** Tried before copying; true when it took care of the link. */
  shareFirst?: () => Promise<boolean>;
};

/** Copies the link and says so politely; a share button can try its own way first. */
export function CopyLinkButton({ url, label, copiedMessage, kind = "copy", shareFirst }: Props) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    if (shareFirst && (await shareFirst())) return;
    if (await copyToClipboard(url, label)) setStatus(copiedMessage);
  };
  return (
    <>
      <button type="button" className={`share__button share__button--${kind}`} onClick={() => void copy()}>
        {label}
      </button>
      <span className="share__status" role="status" aria-live="polite">
        {status}
      </span>
    </>
  );
}
