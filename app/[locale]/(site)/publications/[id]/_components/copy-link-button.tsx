"use client";

import { useState } from "react";
import { copyToClipboard } from "./copy-to-clipboard";

type Props = { url: string; label: string; copiedMessage: string };

export function CopyLinkButton({ url, label, copiedMessage }: Props) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    if (await copyToClipboard(url, label)) setStatus(copiedMessage);
  };
  return (
    <>
      <button type="button" className="share__button share__button--copy" onClick={() => void copy()}>
        {label}
      </button>
      <span className="share__status" role="status" aria-live="polite">
        {status}
      </span>
    </>
  );
}
