"use client";

import { useEffect, useRef, useState } from "react";
import { readHandedOffHtml } from "@/lib/render/handoff-slot";

type Labels = { loading: string; failed: string };

/**
 * The paper's body, in the page once. While the server renders the page, the
 * HTML comes from the hand-over (lib/render/handed-off-html.ts), so React's
 * component data carries only its key; in the browser the component renders
 * an empty string and React, hydrating, keeps the markup the server wrote.
 * After a navigation inside the site, which brings component data only, the
 * body is empty on mount and is fetched from `source`.
 */
export function PaperBody({ htmlKey, source, labels }: { htmlKey: string; source: string; labels: Labels }) {
  const ref = useRef<HTMLDivElement>(null);
  const [html] = useState(() => readHandedOffHtml(htmlKey) ?? "");
  const [state, setState] = useState<"shown" | "loading" | "failed">("shown");

  useEffect(() => {
    const element = ref.current;
    if (!element || element.childNodes.length > 0) return;
    const controller = new AbortController();
    setState("loading");
    fetch(source, { signal: controller.signal })
      .then((response) => (response.ok ? response.text() : Promise.reject(new Error(String(response.status)))))
      .then((body) => {
        // The portal's own sanitized rendering (lib/markdown/render.ts), as the server would have written it.
        element.innerHTML = body;
        setState("shown");
        // A link to a section (the table of contents, a search result) can only land once the body is here.
        const target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
        if (target) target.scrollIntoView();
      })
      .catch(() => {
        if (!controller.signal.aborted) setState("failed");
      });
    return () => controller.abort();
  }, [source]);

  return (
    <>
      {state === "loading" ? <p className="prose__status">{labels.loading}</p> : null}
      {state === "failed" ? (
        <p className="prose__status" role="alert">
          {labels.failed}
        </p>
      ) : null}
      <div ref={ref} className="prose" dangerouslySetInnerHTML={{ __html: html }} suppressHydrationWarning />
    </>
  );
}
