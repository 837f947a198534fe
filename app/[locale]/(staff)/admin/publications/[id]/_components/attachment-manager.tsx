"use client";

import { useId, useRef, useState, type DragEvent } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { formatBytes } from "@/lib/format";
import { removeAttachment, uploadAttachment, type AttachmentSummary, type TransferFailure } from "@/lib/uploads/client-transport";

type Props = {
  publicationId: number;
  initial: AttachmentSummary[];
  /** The server's limit (UPLOAD_MAX_MB in bytes): a larger file is refused before it is sent. */
  maxBytes?: number;
};

type Transfer = {
  key: string;
  fileName: string;
  /** Set when the transfer replaces an existing attachment. */
  replacing?: string;
  loaded: number;
  total: number;
  state: "waiting" | "uploading" | "done" | "failed";
  failure?: TransferFailure;
};

/**
 * The editor's PDF attachments: drop or choose several files, watch each
 * upload's progress, replace or remove an attachment. Files go one at a time,
 * so a batch never competes with itself.
 */
export function AttachmentManager({ publicationId, initial, maxBytes }: Props) {
  const t = useTranslations("Uploads");
  const locale = useLocale();
  const router = useRouter();
  const ids = useId();
  const [items, setItems] = useState(initial);
  const [seenInitial, setSeenInitial] = useState(initial);
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const [dragging, setDragging] = useState(false);
  const [removeFailure, setRemoveFailure] = useState<{ fileName: string; failure: TransferFailure } | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const replacePickers = useRef(new Map<number, HTMLInputElement>());

  // A router refresh brings the server's list: it replaces what this component assumed.
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    setItems(initial);
  }

  const update = (key: string, change: Partial<Transfer>) =>
    setTransfers((all) => all.map((x) => (x.key === key ? { ...x, ...change } : x)));

  const message = (failure: TransferFailure) =>
    failure.code === "duplicate" && failure.fileName
      ? t("errors.duplicateOf", { fileName: failure.fileName })
      : t(`errors.${failure.code}`);

  const transfer = async (key: string, file: File, target?: AttachmentSummary) => {
    if (maxBytes !== undefined && file.size > maxBytes) {
      update(key, { state: "failed", failure: { code: "tooLarge" } });
      return;
    }
    update(key, { state: "uploading" });
    const answer = await uploadAttachment(publicationId, file, {
      replacing: target?.id,
      onProgress: (loaded, total) => update(key, { loaded, total }),
    });
    if (!answer.ok) {
      update(key, { state: "failed", failure: answer.failure });
      return;
    }
    const saved = answer.attachment;
    if (saved) setItems((all) => (target ? all.map((a) => (a.id === saved.id ? saved : a)) : [...all, saved]));
    update(key, { state: "done", loaded: file.size, total: file.size });
    router.refresh();
  };

  const enqueue = (files: readonly File[], target?: AttachmentSummary) => {
    const added = files.map((file) => ({
      key: `${Date.now()}-${Math.random().toString(36).slice(2)}`,
      file,
    }));
    setTransfers((all) => [
      ...all.filter((x) => x.state === "uploading" || x.state === "waiting"),
      ...added.map(({ key, file }) => ({
        key,
        fileName: file.name,
        replacing: target?.fileName,
        loaded: 0,
        total: file.size,
        state: "waiting" as const,
      })),
    ]);
    for (const { key, file } of added) {
      // A failure must not stop the queue: later files still go.
      queue.current = queue.current
        .then(() => transfer(key, file, target))
        .catch(() => update(key, { state: "failed", failure: { code: "unknown" } }));
    }
  };

  const remove = async (attachment: AttachmentSummary) => {
    if (!window.confirm(t("confirmRemove", { fileName: attachment.fileName }))) return;
    setRemoveFailure(null);
    const answer = await removeAttachment(publicationId, attachment.id);
    // Already gone is what the editor wanted: drop it from the list too.
    if (answer.ok || answer.failure.code === "notFound") setItems((all) => all.filter((a) => a.id !== attachment.id));
    else setRemoveFailure({ fileName: attachment.fileName, failure: answer.failure });
    router.refresh();
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) enqueue(files);
  };

  const statusText = (x: Transfer) => {
    if (x.state === "failed" && x.failure) return t("failed", { fileName: x.fileName, reason: message(x.failure) });
    if (x.state === "done")
      return x.replacing ? t("replaced", { fileName: x.replacing }) : t("uploaded", { fileName: x.fileName });
    if (x.state === "uploading") return t("uploading", { fileName: x.fileName });
    return t("waiting", { fileName: x.fileName });
  };

  return (
    <section className="uploader" aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`} className="uploader__title">
        {t("title")}
      </h2>

      {items.length === 0 ? (
        <p className="uploader__empty">{t("none")}</p>
      ) : (
        <ul className="uploader__list">
          {items.map((a) => (
            <li key={a.id} className="uploader__item">
              <span className="uploader__name">{a.fileName}</span>{" "}
              <span className="uploader__meta">
                {formatBytes(a.byteSize, locale)}
                {a.pageCount !== null ? ` · ${t("pages", { count: a.pageCount })}` : ""}
              </span>
              <span className="uploader__actions">
                <button
                  type="button"
                  className="uploader__replace"
                  aria-label={t("replaceLabel", { fileName: a.fileName })}
                  onClick={() => replacePickers.current.get(a.id)?.click()}
                >
                  {t("replace")}
                </button>
                <input
                  ref={(el) => {
                    if (el) replacePickers.current.set(a.id, el);
                    else replacePickers.current.delete(a.id);
                  }}
                  type="file"
                  accept="application/pdf"
                  hidden
                  tabIndex={-1}
                  aria-hidden="true"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    event.target.value = "";
                    if (file) enqueue([file], a);
                  }}
                />
                <button
                  type="button"
                  className="uploader__remove"
                  aria-label={t("removeLabel", { fileName: a.fileName })}
                  onClick={() => void remove(a)}
                >
                  {t("remove")}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}

      <p className="uploader__error" role="status" aria-live="polite">
        {removeFailure ? t("removeFailed", { fileName: removeFailure.fileName, reason: message(removeFailure.failure) }) : null}
      </p>

      <div
        className={dragging ? "uploader__dropzone uploader__dropzone--active" : "uploader__dropzone"}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <p className="uploader__hint" id={`${ids}-hint`}>
          {t("dropHint")}
        </p>
        <label className="uploader__label" htmlFor={`${ids}-input`}>
          {t("choose")}
        </label>
        <input
          id={`${ids}-input`}
          className="uploader__input"
          type="file"
          accept="application/pdf"
          multiple
          aria-describedby={`${ids}-hint`}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            if (files.length > 0) enqueue(files);
          }}
        />
      </div>

      {transfers.length > 0 ? (
        <ul className="uploader__transfers">
          {transfers.map((x) => (
            <li key={x.key} className={`uploader__transfer uploader__transfer--${x.state}`}>
              <progress
                className="uploader__progress"
                value={x.state === "waiting" ? 0 : x.loaded}
                max={Math.max(x.total, 1)}
                aria-label={t("progressLabel", { fileName: x.fileName })}
              />
              <span
                className={x.state === "failed" ? "uploader__status uploader__status--error" : "uploader__status"}
                aria-live="polite"
              >
                {statusText(x)}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
