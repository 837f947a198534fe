import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/page-user";
import { getPublicationForEdit } from "@/lib/data/admin-publications";
import { listAttachments } from "@/lib/data/attachments";
import { isPublicNow } from "@/lib/data/visibility";
import { env } from "@/lib/env";
import { formatSiteLocalDateTime } from "@/lib/format";
import { publicationIdSchema } from "@/lib/validations/publications";
import { changePublicationStatus, deletePublication, savePublication } from "../actions";
import { loadEditorOptions } from "../_components/editor-options";
import { PublicationForm } from "../_components/publication-form";
import { StatusPanel } from "../_components/status-panel";
import { AttachmentManager } from "./_components/attachment-manager";

export default async function EditPublicationPage({ params, searchParams }: PageProps<"/[locale]/admin/publications/[id]">) {
  const { locale, id } = await params;
  await requirePagePermission("publications:write", locale, `/${locale}/admin/publications/${id}`);
  const parsedId = publicationIdSchema.safeParse(id);
  const p = parsedId.success ? await getPublicationForEdit(parsedId.data) : null;
  if (!p) notFound();
  const [t, options, attachments, query] = await Promise.all([
    getTranslations("Editor"),
    loadEditorOptions(locale, p.language, { id: p.id, seriesId: p.seriesId }),
    listAttachments(p.id),
    searchParams,
  ]);
  const due = p.status === "scheduled" && isPublicNow(p);
  return (
    <>
      <p>
        <Link href={`/${locale}/admin/publications`}>← {t("listTitle")}</Link>
      </p>
      <h1>{t("editTitle")}</h1>
      {query.created ? (
        <p className="notice" role="status">
          {t("created")}
        </p>
      ) : null}
      <div className="editor__layout">
        <PublicationForm
          action={savePublication.bind(null, locale, p.id)}
          initial={{
            seriesId: p.seriesId,
            reportNumber: p.reportNumber,
            language: p.language,
            translationId: p.translationId ?? p.translatedFrom?.id ?? "",
            title: p.title,
            subtitle: p.subtitle ?? "",
            summary: p.summary,
            body: p.body,
            authors: p.authors.map((a) => a.author),
            topicIds: p.topics.map((x) => x.topicId),
            regionIds: p.regions.map((x) => x.regionId),
            featured: p.featuredAt !== null,
            version: p.version,
          }}
          {...options}
        />
        <aside className="editor__side">
          <StatusPanel
            action={changePublicationStatus.bind(null, locale, p.id)}
            deleteAction={deletePublication.bind(null, locale, p.id)}
            status={p.status}
            due={due}
            version={p.version}
            publishAt={p.publishedAt ? formatSiteLocalDateTime(p.publishedAt) : ""}
          />
          <section className="panel" aria-labelledby="files-title">
            <h2 id="files-title">{t("files")}</h2>
            <AttachmentManager publicationId={p.id} initial={attachments} maxBytes={env().UPLOAD_MAX_MB * 1024 * 1024} />
          </section>
        </aside>
      </div>
    </>
  );
}
