"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

export type AuthorOption = { id: number; nameKo: string; nameEn: string };
export type AuthorLine = { id: number; nameKo: string; nameEn: string } | { nameKo: string; nameEn: string };

type Props = { options: AuthorOption[]; value: AuthorLine[]; onChange: (v: AuthorLine[]) => void; errors?: string[] };

/** Ordered authors: pick existing ones, create new ones, and move them up and down. */
export function AuthorsEditor({ options, value, onChange, errors }: Props) {
  const t = useTranslations("Editor");
  const [pick, setPick] = useState("");
  const [draft, setDraft] = useState({ nameKo: "", nameEn: "" });
  const move = (i: number, d: -1 | 1) => {
    const next = [...value];
    const [item] = next.splice(i, 1);
    if (item) next.splice(i + d, 0, item);
    onChange(next);
  };
  const label = (a: AuthorLine) => `${a.nameEn} · ${a.nameKo}`;
  return (
    <fieldset className="authors" aria-describedby="authors-error">
      <legend>{t("fields.authors")}</legend>
      {value.length === 0 ? <p className="field__hint">{t("authors.none")}</p> : null}
      <ol className="authors__list">
        {value.map((a, i) => (
          <li key={"id" in a ? `a${a.id}` : `n${i}-${a.nameEn}`}>
            <span>{label(a)}</span>
            <span className="authors__buttons">
              <button
                type="button"
                className="button--quiet"
                onClick={() => move(i, -1)}
                disabled={i === 0}
                aria-label={`${t("authors.up")}: ${a.nameEn}`}
              >
                ↑
              </button>
              <button
                type="button"
                className="button--quiet"
                onClick={() => move(i, 1)}
                disabled={i === value.length - 1}
                aria-label={`${t("authors.down")}: ${a.nameEn}`}
              >
                ↓
              </button>
              <button
                type="button"
                className="button--quiet"
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                aria-label={`${t("authors.remove")}: ${a.nameEn}`}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="authors__add">
        <label htmlFor="author-pick">{t("authors.pick")}</label>
        <select id="author-pick" value={pick} onChange={(e) => setPick(e.target.value)}>
          <option value="">{t("authors.choose")}</option>
          {options
            .filter((o) => !value.some((v) => "id" in v && v.id === o.id))
            .map((o) => (
              <option key={o.id} value={o.id}>
                {label(o)}
              </option>
            ))}
        </select>
        <button
          type="button"
          onClick={() => {
            const found = options.find((o) => String(o.id) === pick);
            if (found) onChange([...value, found]);
            setPick("");
          }}
        >
          {t("authors.add")}
        </button>
      </div>
      <div className="authors__new">
        <label htmlFor="author-new-ko">{t("authors.newKo")}</label>
        <input
          id="author-new-ko"
          value={draft.nameKo}
          onChange={(e) => setDraft((d) => ({ ...d, nameKo: e.target.value }))}
          maxLength={100}
        />
        <label htmlFor="author-new-en">{t("authors.newEn")}</label>
        <input
          id="author-new-en"
          value={draft.nameEn}
          onChange={(e) => setDraft((d) => ({ ...d, nameEn: e.target.value }))}
          maxLength={100}
        />
        <button
          type="button"
          onClick={() => {
            if (!draft.nameKo.trim() || !draft.nameEn.trim()) return;
            onChange([...value, { nameKo: draft.nameKo.trim(), nameEn: draft.nameEn.trim() }]);
            setDraft({ nameKo: "", nameEn: "" });
          }}
        >
          {t("authors.create")}
        </button>
      </div>
      <span id="authors-error" className="field__error" aria-live="polite">
        {errors?.join(" ")}
      </span>
    </fieldset>
  );
}
