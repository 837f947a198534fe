"use client";

import { useActionState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { Field } from "@/components/form/field";
import { FormFooter } from "@/components/form/form-footer";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { formatBytes } from "@/lib/format";
import { SITE_ASSET_SLUGS } from "@/lib/site-settings/asset-paths";
import { imageProblemMessage, type ImageMessage } from "@/lib/site-settings/image-messages";
import { acceptOf, SITE_IMAGE_RULES } from "@/lib/site-settings/image-rules";
import type { SiteAssetKind } from "@/lib/site-settings/types";

type Props = {
  kind: SiteAssetKind;
  /** The uploaded image as the page shows it, or null when there is none. */
  current: { src: string; facts: string[] } | null;
  removeAction: (state: ActionState) => Promise<ActionState>;
};

const isActionState = (body: unknown): body is ActionState =>
  typeof body === "object" && body !== null && typeof (body as { ok?: unknown }).ok === "boolean";

/**
 * One site image: what is there now, a form that sends a new file's bytes to
 * PUT /api/site/{kind} (a route, not an action: a share image may pass the
 * actions' 1 MB body limit), and a form that removes it.
 */
export function SiteImageForm({ kind, current, removeAction }: Props) {
  const t = useTranslations("SettingsAdmin");
  const locale = useLocale();
  const router = useRouter();
  const rule = SITE_IMAGE_RULES[kind];
  const name = t(`images.kinds.${kind}`);

  const refused = ({ key, values }: ImageMessage): ActionState => ({
    ok: false,
    message: t("fixErrors"),
    fieldErrors: { file: [t(key, { ...values, types: t(`images.types.${kind}`) })] },
  });

  // Said at once, without sending: no file, or one past the limit the server would refuse anyway.
  async function upload(_prev: ActionState, formData: FormData): Promise<ActionState> {
    const file = formData.get("file");
    if (!(file instanceof File) || file.name === "") return refused(imageProblemMessage({ code: "required" }, locale));
    if (file.size === 0) return refused(imageProblemMessage({ code: "empty" }, locale));
    if (file.size > rule.maxBytes) return refused(imageProblemMessage({ code: "tooLarge", limit: rule.maxBytes }, locale));
    let response: Response;
    try {
      response = await fetch(`/api/site/${SITE_ASSET_SLUGS[kind]}?locale=${locale}`, {
        method: "PUT",
        // The bytes only: the server decides what they are, whatever the file is called.
        headers: { "Content-Type": "application/octet-stream" },
        body: file,
      });
    } catch {
      return refused(imageProblemMessage({ code: "network" }, locale));
    }
    const body: unknown = await response.json().catch(() => null);
    if (isActionState(body)) {
      if (body.ok) router.refresh();
      return body;
    }
    return refused(imageProblemMessage({ code: "unknown" }, locale));
  }

  const [uploadState, uploadAction, uploading] = useActionState(upload, initialActionState);
  const [removeState, remove, removing] = useActionState(removeAction, initialActionState);
  const fileErrors = uploadState.fieldErrors?.file;

  return (
    <section className="panel" aria-labelledby={`image-${kind}`}>
      <h3 id={`image-${kind}`}>{name}</h3>
      <p className="form__note">{t(`images.about.${kind}`, { limit: formatBytes(rule.maxBytes, locale) })}</p>
      {current ? (
        <figure>
          {/* eslint-disable-next-line @next/next/no-img-element -- the admin's upload as readers get it; next/image would re-encode it */}
          <img src={current.src} alt={t("images.preview", { kind: name })} style={{ maxWidth: "100%", maxHeight: "8rem" }} />
          <figcaption>{current.facts.join(" · ")}</figcaption>
        </figure>
      ) : (
        <p>{t(`images.none.${kind}`)}</p>
      )}
      <form action={uploadAction} className="form" noValidate>
        <Field id={`file-${kind}`} label={t(`images.file.${kind}`)} errors={fileErrors}>
          {(control) => <input type="file" name="file" accept={acceptOf(kind)} {...control} />}
        </Field>
        <FormFooter
          state={uploadState}
          pending={uploading}
          submitLabel={t(`images.upload.${kind}`)}
          pendingLabel={t("images.uploading")}
        />
      </form>
      <form action={remove} className="form">
        <FormFooter
          state={removeState}
          pending={removing}
          disabled={!current}
          submitLabel={t(`images.remove.${kind}`)}
          pendingLabel={t("images.removing")}
        />
      </form>
    </section>
  );
}
