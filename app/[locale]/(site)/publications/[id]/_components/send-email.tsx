import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { mailConfigured } from "@/lib/mail/transport";

type Props = { locale: Locale; publicationId: number; url: string; title: string };

/**
 * The "Send Email" button, which its island (islands/send-email.ts) makes
 * open the dialog: built in the browser at the first opening, not sent with
 * every view of the page. The page gives it what it fills in (the paper's
 * address and title), where it posts, and whether this site sends mail.
 */
export async function SendEmail({ locale, publicationId, url, title }: Props) {
  const t = await getTranslations("SendEmailDialog");
  return (
    <send-email
      data-endpoint={`/${locale}/publications/${publicationId}/email`}
      data-url={url}
      data-title={title}
      data-unavailable={mailConfigured() ? undefined : ""}
    >
      <button type="button" className="action-button no-print" aria-haspopup="dialog">
        {t("open")}
      </button>
    </send-email>
  );
}
