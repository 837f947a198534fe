import { NextIntlClientProvider } from "next-intl";
import { clientMessages } from "@/lib/i18n/client-messages";
import type { Locale } from "@/lib/i18n/routing";
import { mailConfigured } from "@/lib/mail/transport";
import { openEmailShareForm, sendPublicationEmailAction } from "../actions";
import { SendEmailDialog } from "./send-email-dialog";

type Props = { locale: Locale; publicationId: number; url: string; title: string };

/** The dialog with its own strings: only a paper's page carries them to the browser. */
export async function SendEmail({ locale, publicationId, url, title }: Props) {
  return (
    <NextIntlClientProvider messages={await clientMessages(["SendEmail"])}>
      <SendEmailDialog
        action={sendPublicationEmailAction.bind(null, { publicationId, locale })}
        openForm={openEmailShareForm.bind(null, publicationId)}
        configured={mailConfigured()}
        defaults={{ contentUrl: url, title }}
      />
    </NextIntlClientProvider>
  );
}
