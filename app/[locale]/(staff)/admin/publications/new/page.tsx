import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { savePublication } from "../actions";
import { loadEditorOptions } from "../_components/editor-options";
import { PublicationForm } from "../_components/publication-form";

export default async function NewPublicationPage({ params }: PageProps<"/[locale]/admin/publications/new">) {
  const { locale } = await params;
  await requirePagePermission("publications:write", locale, `/${locale}/admin/publications/new`);
  const language = locale === "en" ? "en" : "ko";
  const [t, options] = await Promise.all([getTranslations("Editor"), loadEditorOptions(locale, language)]);
  return (
    <>
      <h1>{t("newTitle")}</h1>
      <PublicationForm
        action={savePublication.bind(null, locale, null)}
        initial={{
          seriesId: "",
          reportNumber: "",
          language,
          translationId: "",
          title: "",
          subtitle: "",
          summary: "",
          body: "",
          authors: [],
          topicIds: [],
          regionIds: [],
          featured: false,
          version: 0,
        }}
        {...options}
      />
    </>
  );
}
