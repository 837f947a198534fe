"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { EditorState } from "../actions";
import { AuthorsEditor, type AuthorLine, type AuthorOption } from "./authors-editor";
import { MarkdownPreview } from "./markdown-preview";
import { useUnsavedChangesGuard } from "./unsaved-changes-guard";

type Option = { id: number; label: string };

const INITIAL_STATE: EditorState = { ok: false };

export type PublicationFormValues = {
  seriesId: number | "";
  reportNumber: string;
  language: "ko" | "en";
  translationId: number | "";
  title: string;
  subtitle: string;
  summary: string;
  body: string;
  authors: AuthorLine[];
  topicIds: number[];
  regionIds: number[];
  version: number;
};

type Props = {
  action: (state: EditorState, formData: FormData) => Promise<EditorState>;
  initial: PublicationFormValues;
  series: Option[];
  topics: Option[];
  regions: Option[];
  authors: AuthorOption[];
  translations: Option[];
};

export function PublicationForm({ action, initial, series, topics, regions, authors, translations }: Props) {
  const t = useTranslations("Editor");
  const [state, formAction, pending] = useActionState(action, INITIAL_STATE);
  const [values, setValues] = useState(initial);
  const [dirty, setDirty] = useState(false);
  // Starts as the initial state itself, so the server's render does not see a "new" answer and loop.
  const [savedState, setSavedState] = useState<EditorState>(INITIAL_STATE);
  useUnsavedChangesGuard(dirty);
  // A save that succeeded leaves nothing unsaved; the version moves on so the next save is checked against it.
  if (state !== savedState) {
    setSavedState(state);
    if (state.ok) setDirty(false);
  }
  const version = Math.max(initial.version, state.version ?? 0);
  const set = <K extends keyof PublicationFormValues>(key: K, value: PublicationFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setDirty(true);
  };
  const errors = (name: string) => state.fieldErrors?.[name];
  const described = (name: string) => ({ "aria-describedby": `${name}-error`, "aria-invalid": errors(name) ? true : undefined });
  const error = (name: string) => (
    <span id={`${name}-error`} className="field__error" aria-live="polite">
      {errors(name)?.join(" ")}
    </span>
  );
  const toggle = (key: "topicIds" | "regionIds", id: number) =>
    set(key, values[key].includes(id) ? values[key].filter((x) => x !== id) : [...values[key], id]);

  return (
    <form action={formAction} className="form editor" noValidate>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="authors" value={JSON.stringify(values.authors)} />
      <div className="editor__grid">
        <div className="field">
          <label htmlFor="seriesId">{t("fields.series")}</label>
          <select
            id="seriesId"
            name="seriesId"
            value={values.seriesId}
            onChange={(e) => set("seriesId", Number(e.target.value) || "")}
            {...described("seriesId")}
          >
            <option value="">{t("authors.choose")}</option>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
          {error("seriesId")}
        </div>
        <div className="field">
          <label htmlFor="reportNumber">{t("fields.reportNumber")}</label>
          <input
            id="reportNumber"
            name="reportNumber"
            value={values.reportNumber}
            onChange={(e) => set("reportNumber", e.target.value)}
            maxLength={40}
            {...described("reportNumber")}
          />
          <span className="field__hint">{t("fields.reportNumberHint")}</span>
          {error("reportNumber")}
        </div>
        <div className="field">
          <label htmlFor="language">{t("fields.language")}</label>
          <select
            id="language"
            name="language"
            value={values.language}
            onChange={(e) => set("language", e.target.value as "ko" | "en")}
            {...described("language")}
          >
            <option value="ko">{t("languages.ko")}</option>
            <option value="en">{t("languages.en")}</option>
          </select>
          {error("language")}
        </div>
        <div className="field">
          <label htmlFor="translationId">{t("fields.translation")}</label>
          <select
            id="translationId"
            name="translationId"
            value={values.translationId}
            onChange={(e) => set("translationId", Number(e.target.value) || "")}
            {...described("translationId")}
          >
            <option value="">{t("fields.noTranslation")}</option>
            {translations.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          {error("translationId")}
        </div>
      </div>
      <div className="field">
        <label htmlFor="title">{t("fields.title")}</label>
        <input
          id="title"
          name="title"
          value={values.title}
          onChange={(e) => set("title", e.target.value)}
          maxLength={300}
          lang={values.language}
          {...described("title")}
        />
        {error("title")}
      </div>
      <div className="field">
        <label htmlFor="subtitle">{t("fields.subtitle")}</label>
        <input
          id="subtitle"
          name="subtitle"
          value={values.subtitle}
          onChange={(e) => set("subtitle", e.target.value)}
          maxLength={300}
          lang={values.language}
          {...described("subtitle")}
        />
        {error("subtitle")}
      </div>
      <div className="field">
        <label htmlFor="summary">{t("fields.summary")}</label>
        <textarea
          id="summary"
          name="summary"
          rows={3}
          value={values.summary}
          onChange={(e) => set("summary", e.target.value)}
          maxLength={2000}
          lang={values.language}
          {...described("summary")}
        />
        {error("summary")}
      </div>
      <AuthorsEditor options={authors} value={values.authors} onChange={(v) => set("authors", v)} errors={errors("authors")} />
      <div className="editor__grid">
        {(["topicIds", "regionIds"] as const).map((key) => (
          <fieldset key={key} className="checks">
            <legend>{t(key === "topicIds" ? "fields.topics" : "fields.regions")}</legend>
            {(key === "topicIds" ? topics : regions).map((o) => (
              <label key={o.id}>
                <input
                  type="checkbox"
                  name={key}
                  value={o.id}
                  checked={values[key].includes(o.id)}
                  onChange={() => toggle(key, o.id)}
                />{" "}
                {o.label}
              </label>
            ))}
          </fieldset>
        ))}
      </div>
      <div className="editor__body">
        <div className="field">
          <label htmlFor="body">{t("fields.body")}</label>
          <textarea
            id="body"
            name="body"
            rows={24}
            value={values.body}
            onChange={(e) => set("body", e.target.value)}
            lang={values.language}
            className="editor__markdown"
            {...described("body")}
          />
          {error("body")}
        </div>
        <MarkdownPreview markdown={values.body} language={values.language} />
      </div>
      <p className={state.ok ? "form__status form__status--ok" : "form__status"} role="status" aria-live="polite">
        {state.message}
        {dirty && !pending ? <span className="form__dirty"> {t("unsaved")}</span> : null}
      </p>
      <div className="form__actions">
        <button type="submit" disabled={pending}>
          {pending ? t("saving") : t("save")}
        </button>
      </div>
    </form>
  );
}
