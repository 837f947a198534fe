import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { FindInPaperBox } from "./find-in-paper-box";

/** The paper page's "Search in this paper" box, its labels in the page's language. */
export async function FindInPaper({ locale, publicationId }: { locale: Locale; publicationId: number }) {
  const t = await getTranslations("Publication.find");
  const base = `/${locale}/publications/${publicationId}`;
  return (
    <FindInPaperBox
      findUrl={`${base}/find`}
      fileUrl={`${base}/files`}
      labels={{
        title: t("title"),
        label: t("label"),
        button: t("button"),
        none: t("none"),
        failed: t("failed"),
        tooMany: t("tooMany"),
        count: t("count", { count: "{count}" }),
        pdfPage: t("pdfPage", { page: "{page}" }),
        text: t("text"),
      }}
    />
  );
}
