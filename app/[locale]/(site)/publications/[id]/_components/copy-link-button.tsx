"use client";

import { useState } from "react";

type Props = { url: string; label: string; copiedMessage: string };

export function CopyLinkButton({ url, label, copiedMessage }: Props) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus(copiedMessage);
    } catch {
      // Clipboard refused (old browser, no permission): let the reader copy by hand.
      window.prompt(label, url);
    }
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
