import type { Locale } from "@/lib/i18n/routing";
import { mailConfigured } from "@/lib/mail/transport";
import { openEmailShareForm, sendPublicationEmailAction } from "../actions";
import { SendEmailDialog } from "./send-email-dialog";

type Props = { locale: Locale; publicationId: number; url: string; title: string };

export function SendEmail({ locale, publicationId, url, title }: Props) {
  return (
    <SendEmailDialog
      action={sendPublicationEmailAction.bind(null, { publicationId, locale })}
      openForm={openEmailShareForm.bind(null, publicationId)}
      configured={mailConfigured()}
      defaults={{ contentUrl: url, title }}
    />
  );
}
