import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SiteHeader } from "@/components/site-header";
import { getPublicPublication } from "@/lib/data/publications";
import { renderMarkdown } from "@/lib/markdown/render";
import { formatBytes, formatIsoDate } from "@/lib/format";
import { authorName, otherLocale, seriesName } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { publicationIdSchema } from "@/lib/validations/publications";

type Props = PageProps<"/[locale]/publications/[id]">;

async function load(idParam: string) {
  const id = publicationIdSchema.safeParse(idParam);
  return id.success ? getPublicPublication(id.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const publication = await load(id);
  if (!publication) return {};
  return { title: publication.title, description: publication.summary };
}

export default async function PublicationPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const publication = await load(id);
  if (!publication) notFound();
  const [t, rendered] = await Promise.all([getTranslations("Publication"), renderMarkdown(publication.body)]);
  const numbers = new Intl.NumberFormat(locale);
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/publications/${publication.id}`} />
      <main id="main" className="page publication" tabIndex={-1}>
        <article lang={publication.language}>
          <header className="publication__header">
            <p className="publication__series" lang={locale}>
              {seriesName(publication.series, locale)}
            </p>
            <h1 className="publication__title">{publication.title}</h1>
            {publication.subtitle ? <p className="publication__subtitle">{publication.subtitle}</p> : null}
            <dl className="publication__facts" lang={locale}>
              <div>
                <dt className="visually-hidden">{t("authors")}</dt>
                <dd>{publication.authors.map((a) => authorName(a, locale)).join(", ")}</dd>
              </div>
              <div>
                <dt>{t("uploadDate")}</dt>
                <dd>
                  <time dateTime={publication.publishedAt.toISOString()}>{formatIsoDate(publication.publishedAt)}</time>
                </dd>
              </div>
              <div>
                <dt>{t("hits")}</dt>
                <dd data-testid="hits">{numbers.format(publication.hits)}</dd>
              </div>
            </dl>
          </header>
          {rendered.toc.length > 0 ? (
            <nav className="toc" aria-labelledby="toc-title" lang={locale}>
              <h2 id="toc-title">{t("contents")}</h2>
              <ol>
                {rendered.toc.map((entry) => (
                  <li key={entry.id} className={`toc__item toc__item--h${entry.level}`}>
                    <a href={`#${entry.id}`} lang={publication.language}>
                      {entry.text}
                    </a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <div className="prose" dangerouslySetInnerHTML={{ __html: rendered.html }} />
          {publication.attachments.length > 0 ? (
            <section className="attachments" aria-labelledby="attachments-title" lang={locale}>
              <h2 id="attachments-title">{t("attachments")}</h2>
              <ul>
                {publication.attachments.map((a) => (
                  <li key={a.id}>
                    <a href={`/${locale}/publications/${publication.id}/files/${a.id}`} download={a.fileName}>
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
          ) : null}
        </article>
      </main>
    </>
  );
}
