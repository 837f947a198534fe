import { getTranslations } from "next-intl/server";

/**
 * Where the "Send Email" dialog goes. Until the server-sent form exists, the
 * button opens the reader's own mail program with the title and link filled in.
 */
export async function SendEmailSlot({ url, title }: { url: string; title: string }) {
  const t = await getTranslations("Publication");
  const href = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`;
  return (
    <a className="action-button no-print" href={href} data-send-email-slot>
      {t("sendEmail")}
    </a>
  );
}
