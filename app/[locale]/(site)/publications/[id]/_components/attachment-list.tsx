import { getTranslations } from "next-intl/server";
import { formatBytes } from "@/lib/format";

type Attachment = { id: number; fileName: string; byteSize: number; pageCount: number | null };

export async function AttachmentList({
  locale,
  publicationId,
  attachments,
}: {
  locale: string;
  publicationId: number;
  attachments: Attachment[];
}) {
  if (attachments.length === 0) return null;
  const t = await getTranslations("Publication");
  return (
    <section className="attachments" aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t("attachments")}</h2>
      <ul>
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={`/${locale}/publications/${publicationId}/files/${a.id}`} download={a.fileName}>
              {a.fileName}
            </a>{" "}
            <span className="attachments__meta">
              ({formatBytes(a.byteSize, locale)}
              {a.pageCount ? `, ${t("pages", { count: a.pageCount })}` : ""})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
