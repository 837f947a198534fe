"use client";

import { useId, useState, type FormEvent } from "react";
import { MarkedText } from "@/components/marked-text";
import type { PaperMatch } from "@/lib/data/search-snippets";

export type FindLabels = {
  title: string;
  label: string;
  button: string;
  none: string;
  failed: string;
  /** Too many searches from this reader in a minute. */
  tooMany: string;
  /** "{count}" is replaced. */
  count: string;
  /** "{page}" is replaced. */
  pdfPage: string;
  text: string;
};

type State = { status: "idle" | "busy" | "failed" | "tooMany" } | { status: "done"; matches: PaperMatch[] };

/**
 * "Search in this paper": asks the paper's find route for the sections and
 * PDF pages that hold the words and links to each (the section's heading,
 * the PDF at its page). Results are announced to screen readers.
 */
export function FindInPaperBox({ findUrl, fileUrl, labels }: { findUrl: string; fileUrl: string; labels: FindLabels }) {
  const [state, setState] = useState<State>({ status: "idle" });
  const inputId = useId();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get("q");
    const q = typeof value === "string" ? value.trim() : "";
    if (!q) return setState({ status: "idle" });
    setState({ status: "busy" });
    try {
      const response = await fetch(`${findUrl}?q=${encodeURIComponent(q)}`);
      if (response.status === 429) return setState({ status: "tooMany" });
      if (!response.ok) throw new Error(String(response.status));
      const { matches } = (await response.json()) as { matches: PaperMatch[] };
      setState({ status: "done", matches });
    } catch {
      setState({ status: "failed" });
    }
  };
  return (
    <section className="find-in-paper no-print" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{labels.title}</h2>
      <form role="search" onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId}>{labels.label}</label>
        <input id={inputId} name="q" type="search" maxLength={200} />
        <button type="submit" disabled={state.status === "busy"}>
          {labels.button}
        </button>
      </form>
      <div aria-live="polite">
        {state.status === "failed" ? <p>{labels.failed}</p> : null}
        {state.status === "tooMany" ? <p>{labels.tooMany}</p> : null}
        {state.status === "done" ? (
          state.matches.length === 0 ? (
            <p>{labels.none}</p>
          ) : (
            <>
              <p>{labels.count.replace("{count}", String(state.matches.length))}</p>
              <ol className="find-in-paper__results">
                {state.matches.map((m) => {
                  const href =
                    m.where === "pdf"
                      ? `${fileUrl}/${m.attachmentId}?view=inline#page=${m.page}`
                      : m.anchor
                        ? `#${m.anchor}`
                        : "#main";
                  const where =
                    m.where === "pdf"
                      ? `${m.fileName} · ${labels.pdfPage.replace("{page}", String(m.page))}`
                      : (m.heading ?? labels.text);
                  return (
                    <li key={m.where === "pdf" ? `pdf-${m.attachmentId}-${m.page}` : `body-${m.anchor ?? "top"}`}>
                      <a href={href}>{where}</a>
                      <p>
                        {m.snippet.leading ? "… " : null}
                        <MarkedText text={m.snippet.text} marks={m.snippet.marks} />
                        {m.snippet.trailing ? " …" : null}
                      </p>
                    </li>
                  );
                })}
              </ol>
            </>
          )
        ) : null}
      </div>
    </section>
  );
}
