"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import type { EditorState } from "../actions";
import { AuthorsEditor, type AuthorLine, type AuthorOption } from "./authors-editor";
import { MarkdownPreview } from "./markdown-preview";
import { useUnsavedChangesGuard } from "./unsaved-changes-guard";
import { FormFooter } from "@/components/form/form-footer";

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
  /** Pinned to the front page. */
  featured: boolean;
  version: number;
};

type Props = {
  action: (state: EditorState, formData: FormData) => Promise<EditorState>;
  initial: PublicationFormValues;
  /** Each with its report-number pattern, shown as a hint once chosen. */
  series: (Option & { pattern: string })[];
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
  const pattern = series.find((s) => s.id === values.seriesId)?.pattern;
  const toggle = (key: "topicIds" | "regionIds", id: number) =>
    set(key, values[key].includes(id) ? values[key].filter((x) => x !== id) : [...values[key], id]);

  return (
    <form action={formAction} className="form editor" noValidate>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="authors" value={JSON.stringify(values.authors)} />
      <div className="editor__grid">
        <Field id="seriesId" label={t("fields.series")} errors={errors("seriesId")}>
          {(control) => (
            <select
              name="seriesId"
              value={values.seriesId}
              onChange={(e) => set("seriesId", Number(e.target.value) || "")}
              {...control}
            >
              <option value="">{t("authors.choose")}</option>
              {series.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="reportNumber"
          label={t("fields.reportNumber")}
          hint={
            pattern === undefined
              ? t("fields.reportNumberHint")
              : `${t("fields.reportNumberHint")} ${t("fields.reportNumberPatternHint", { pattern })}`
          }
          errors={errors("reportNumber")}
        >
          {(control) => (
            <input
              name="reportNumber"
              value={values.reportNumber}
              onChange={(e) => set("reportNumber", e.target.value)}
              maxLength={40}
              {...control}
            />
          )}
        </Field>
        <Field id="language" label={t("fields.language")} errors={errors("language")}>
          {(control) => (
            <select
              name="language"
              value={values.language}
              onChange={(e) => set("language", e.target.value as "ko" | "en")}
              {...control}
            >
              <option value="ko">{t("languages.ko")}</option>
              <option value="en">{t("languages.en")}</option>
            </select>
          )}
        </Field>
        <Field id="translationId" label={t("fields.translation")} errors={errors("translationId")}>
          {(control) => (
            <select
              name="translationId"
              value={values.translationId}
              onChange={(e) => set("translationId", Number(e.target.value) || "")}
              {...control}
            >
              <option value="">{t("fields.noTranslation")}</option>
              {translations.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {(["title", "subtitle"] as const).map((key) => (
        <Field key={key} id={key} label={t(`fields.${key}`)} errors={errors(key)}>
          {(control) => (
            <input
              name={key}
              value={values[key]}
              onChange={(e) => set(key, e.target.value)}
              maxLength={300}
              lang={values.language}
              {...control}
            />
          )}
        </Field>
      ))}
      <Field id="summary" label={t("fields.summary")} errors={errors("summary")}>
        {(control) => (
          <textarea
            name="summary"
            rows={3}
            value={values.summary}
            onChange={(e) => set("summary", e.target.value)}
            maxLength={2000}
            lang={values.language}
            {...control}
          />
        )}
      </Field>
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
      <Field id="featured" label={t("fields.featured")} hint={t("fields.featuredHint")} errors={errors("featured")}>
        {(control) => (
          <input
            type="checkbox"
            name="featured"
            className="field__check"
            checked={values.featured}
            onChange={(e) => set("featured", e.target.checked)}
            {...control}
          />
        )}
      </Field>
      <div className="editor__body">
        <Field id="body" label={t("fields.body")} errors={errors("body")}>
          {(control) => (
            <textarea
              name="body"
              rows={24}
              value={values.body}
              onChange={(e) => set("body", e.target.value)}
              lang={values.language}
              className="editor__markdown"
              {...control}
            />
          )}
        </Field>
        <MarkdownPreview markdown={values.body} language={values.language} />
      </div>
      <FormFooter state={state} pending={pending} submitLabel={t("save")} pendingLabel={t("saving")}>
        {dirty && !pending ? <span className="form__dirty"> {t("unsaved")}</span> : null}
      </FormFooter>
    </form>
  );
}
