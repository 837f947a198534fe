import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AdminTable } from "@/components/admin/admin-table";
import { requirePagePermission } from "@/lib/auth/page-user";
import { listTaxonomyTerms } from "@/lib/data/taxonomy";
import { taxonomyKindOf } from "@/lib/validations/taxonomy";
import { createTerm, deleteTerm, mergeTerms, renameTerm } from "./actions";
import { CreateTermForm, MergeTermsForm, TermRowControls } from "./_components/term-forms";

type Props = { params: Promise<{ locale: string; taxonomy: string }> };

/** Topics (/admin/topics) or regions (/admin/regions): one page for both, told apart by the URL. */
export default async function TaxonomyPage({ params }: Props) {
  const { locale, taxonomy } = await params;
  const kind = taxonomyKindOf(taxonomy);
  if (!kind) notFound();
  await requirePagePermission("taxonomy:manage", locale, `/${locale}/admin/${taxonomy}`);
  const [t, terms] = await Promise.all([getTranslations("Taxonomy"), listTaxonomyTerms(kind)]);
  return (
    <>
      <h1>{t("title", { kind })}</h1>
      <p>{t("intro", { kind })}</p>
      <section className="panel" aria-labelledby="create-title">
        <h2 id="create-title">{t("createTitle", { kind })}</h2>
        <CreateTermForm action={createTerm.bind(null, locale, kind)} />
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("listTitle", { kind })}</h2>
        <AdminTable
          rows={terms}
          headings={[t("slug"), t("nameKo"), t("nameEn"), t("papers"), t("actions")]}
          empty={t("empty", { kind })}
          rowKey={(term) => term.id}
          cells={(term) => (
            <>
              <td>
                <code>{term.slug}</code>
              </td>
              <td lang="ko">{term.nameKo}</td>
              <td lang="en">{term.nameEn}</td>
              <td>{term.papers}</td>
              <td>
                <TermRowControls
                  term={term}
                  renameAction={renameTerm.bind(null, locale, kind)}
                  deleteAction={deleteTerm.bind(null, locale, kind)}
                />
              </td>
            </>
          )}
        />
      </section>
      {terms.length > 1 ? (
        <section className="panel" aria-labelledby="merge-title">
          <h2 id="merge-title">{t("mergeTitle", { kind })}</h2>
          <MergeTermsForm terms={terms} action={mergeTerms.bind(null, locale, kind)} />
        </section>
      ) : null}
    </>
  );
}
