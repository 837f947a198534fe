import { getTranslations } from "next-intl/server";
import { Field } from "@/components/form/field";
import type { Locale } from "@/lib/i18n/routing";
import { mailConfigured } from "@/lib/mail/transport";
import { EMAIL_MAX, MESSAGE_MAX, TITLE_MAX } from "@/lib/validations/email-share-limits";

type Props = { locale: Locale; publicationId: number; url: string; title: string };

const ID = "send-email";

/**
 * The "Send Email" button and dialog, as markup its island takes over
 * (islands/send-email.ts): it opens the dialog, fetches the form's ticket,
 * sends and shows the answer. Send stays disabled until the ticket is there.
 */
export async function SendEmail({ locale, publicationId, url, title }: Props) {
  const t = await getTranslations("SendEmail");
  const field = (name: "recipient" | "contentUrl" | "title" | "message") => ({ id: `${ID}-${name}`, label: t(name) });
  return (
    <send-email
      data-endpoint={`/${locale}/publications/${publicationId}/email`}
      data-sending={t("sending")}
      data-failed={t("failed")}
    >
      <button type="button" className="action-button no-print" aria-haspopup="dialog" data-open="">
        {t("open")}
      </button>
      <dialog className="dialog" aria-labelledby={`${ID}-heading`}>
        <div className="dialog__head">
          <h2 id={`${ID}-heading`}>{t("dialogTitle")}</h2>
          <button type="button" className="dialog__close" aria-label={t("close")} data-close="">
            ×
          </button>
        </div>
        {!mailConfigured() ? (
          <p className="notice notice--warning">{t("notConfigured")}</p>
        ) : (
          <form className="form" noValidate>
            <p className="form__note">{t("required")}</p>
            <Field {...field("recipient")}>
              {(control) => (
                <input {...control} name="recipient" type="email" required maxLength={EMAIL_MAX} autoComplete="off" />
              )}
            </Field>
            <Field {...field("contentUrl")}>
              {(control) => <input {...control} name="contentUrl" type="url" readOnly defaultValue={url} />}
            </Field>
            <Field {...field("title")}>
              {/* A paper's title may be longer than a reader's title may be: it is offered cut to fit. */}
              {(control) => (
                <input
                  {...control}
                  name="title"
                  type="text"
                  required
                  maxLength={TITLE_MAX}
                  defaultValue={title.slice(0, TITLE_MAX)}
                />
              )}
            </Field>
            <Field {...field("message")}>
              {(control) => <textarea {...control} name="message" required rows={5} maxLength={MESSAGE_MAX} />}
            </Field>
            <div className="field field--trap" aria-hidden="true">
              <label htmlFor={`${ID}-website`}>{t("honeypot")}</label>
              <input id={`${ID}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
            </div>
            <input type="hidden" name="token" defaultValue="" />
            <p className="form__status" role="status" aria-live="polite" />
            <div className="form__actions">
              <button type="submit" disabled>
                {t("submit")}
              </button>
            </div>
          </form>
        )}
      </dialog>
    </send-email>
  );
}
