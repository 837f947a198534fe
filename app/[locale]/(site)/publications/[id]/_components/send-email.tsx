import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { mailConfigured } from "@/lib/mail/transport";

type Props = { locale: Locale; publicationId: number };

/**
 * The "Send Email" button, which its island (islands/send-email.ts) makes
 * open the dialog: built in the browser at the first opening, not sent with
 * every view of the page. The page gives it where it posts and whether this
 * site sends mail; what it fills in (the paper's address and title) is on
 * the element around the page's tools (data-url, data-title), said once for
 * Send Email and the share buttons.
 */
export async function SendEmail({ locale, publicationId }: Props) {
  const t = await getTranslations("SendEmailDialog");
  return (
    <send-email
      data-endpoint={`/${locale}/publications/${publicationId}/email`}
      data-unavailable={mailConfigured() ? undefined : ""}
    >
      <button type="button" className="action-button no-print" aria-haspopup="dialog">
        {t("open")}
      </button>
    </send-email>
  );
}
