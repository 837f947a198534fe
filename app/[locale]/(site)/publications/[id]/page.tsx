import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AlertLink } from "@/components/alert-link";
import { PaperDate } from "@/components/publication-list";
import { SiteHeader } from "@/components/site-header";
import { getPublicPublication, getSeriesNeighbours, listRelatedPublications } from "@/lib/data/publications";
import { getSiteSettings } from "@/lib/data/site-settings";
import { env } from "@/lib/env";
import { paperBody } from "@/lib/publications/rendered-body";
import { handOffHtml } from "@/lib/render/handed-off-html";
import { islandScriptSrc } from "@/lib/render/island-script";
import { EPOCH_ATTRIBUTE, HIT_FIGURE_ATTRIBUTE, hitFigureHtml } from "@/lib/render/stored-page-marks";
import { pageEpoch } from "@/lib/publications/stored-pages";
import { authorName, otherLocale, seriesName, topicName } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import {
  canonicalPath,
  jsonLdScript,
  publicationJsonLd,
  publicationMetadata,
  publicationPaths,
} from "@/lib/seo/publication-metadata";
import { publicationIdSchema } from "@/lib/validations/publications";
import { AttachmentList } from "./_components/attachment-list";
import { CiteBlock } from "./_components/cite-block";
import { LanguageNotice } from "./_components/language-notice";
import { LinkList } from "./_components/link-list";
import { PaperBody } from "./_components/paper-body";
import { PrintButton } from "./_components/print-button";
import { RelatedPublications } from "./_components/related-publications";
import { SendEmail } from "./_components/send-email";
import { SeriesNeighbours } from "./_components/series-neighbours";
import { ShareButtons } from "./_components/share-buttons";
import { FindInPaper } from "./_components/find-in-paper";
import { TableOfContents } from "./_components/table-of-contents";

type Props = PageProps<"/[locale]/publications/[id]">;

// Rendered on first request, then served from the cache and re-rendered at most
// every few seconds: the hit figure lags a few seconds at most, and views are
// counted by the server (server/page-views.ts) for every request, cached or
// not. Editors' changes revalidate the page at once.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

async function load(idParam: string) {
  const id = publicationIdSchema.safeParse(idParam);
  return id.success ? getPublicPublication(id.data) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  // Before anything the page shows (lib/publications/stored-pages.ts).
  await pageEpoch();
  const [publication, site] = await Promise.all([isLocale(locale) ? load(id) : null, getSiteSettings()]);
  return publication && isLocale(locale) ? publicationMetadata(publication, locale, env().APP_URL, site) : {};
}

export default async function PublicationPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  // Before anything the page shows: the page is stored only if nothing changed since (server/stored-pages.ts).
  const epoch = await pageEpoch();
  const publication = await load(id);
  if (!publication) notFound();
  const appUrl = env().APP_URL;
  const [t, alerts, rendered, neighbours, related, site] = await Promise.all([
    getTranslations("Publication"),
    getTranslations("Alerts"),
    paperBody(publication),
    getSeriesNeighbours(publication),
    listRelatedPublications(publication),
    getSiteSettings(),
  ]);
  const url = `${appUrl}${canonicalPath(publication)}`;
  // Set where it differs from what it sits in: the page is in the interface's language, the article in the paper's.
  const interfaceLang = publication.language === locale ? undefined : locale;
  const other = otherLocale(locale);
  const islands = islandScriptSrc();
  return (
    <>
      {/* Send Email, share, print and search in the paper (islands/paper.ts); React puts it in the head, once. */}
      {islands ? <script type="module" async src={islands} /> : null}
      <SiteHeader alternateHref={publicationPaths(publication)[other]} />
      <main
        id="main"
        className="page publication"
        tabIndex={-1}
        {...(epoch === null ? {} : { [EPOCH_ATTRIBUTE]: String(epoch) })}
      >
        <script
          type="application/ld+json"
          dangerouslySetInnerHTML={{ __html: jsonLdScript(publicationJsonLd(publication, appUrl, site)) }}
        />
        <LanguageNotice locale={locale} language={publication.language} twin={publication.twin} />
        <article lang={publication.language} aria-labelledby="publication-title">
          {/* The interface's words inside: marked as the interface's language where the paper's is another. */}
          <header className="publication__header">
            <p className="publication__series" lang={interfaceLang}>
              <Link href={`/${locale}/series/${publication.series.slug}`}>{seriesName(publication.series, locale)}</Link>{" "}
              <span className="publication__number">{publication.reportNumber}</span>
            </p>
            <h1 id="publication-title" className="publication__title">
              {publication.title}
            </h1>
            {publication.subtitle ? <p className="publication__subtitle">{publication.subtitle}</p> : null}
            <dl className="publication__facts" lang={interfaceLang}>
              <div>
                <dt className="visually-hidden">{t("authors")}</dt>
                <dd>
                  <LinkList
                    items={publication.authors.map((a) => ({
                      key: a.id,
                      href: `/${locale}/authors/${a.id}`,
                      label: authorName(a, locale),
                    }))}
                  />
                </dd>
              </div>
              <div>
                <dt>{t("uploadDate")}</dt>
                <dd>
                  <PaperDate date={publication.publishedAt} />
                </dd>
              </div>
              <div>
                <dt>{t("hits")}</dt>
                {/* Its inner HTML: the server puts the current figure into a stored page (lib/render/stored-page-marks.ts). */}
                <dd
                  data-testid="hits"
                  {...{ [HIT_FIGURE_ATTRIBUTE]: "" }}
                  dangerouslySetInnerHTML={hitFigureHtml(publication.hits, locale)}
                  suppressHydrationWarning
                />
              </div>
              {publication.topics.length > 0 ? (
                <div>
                  <dt>{t("topics")}</dt>
                  <dd>
                    <LinkList
                      items={publication.topics.map((topic) => ({
                        key: topic.slug,
                        href: `/${locale}/topics/${topic.slug}`,
                        label: topicName(topic, locale),
                      }))}
                    />
                  </dd>
                </div>
              ) : null}
            </dl>
            {/* The paper's address and title, for the islands inside (share, Send Email): said once. */}
            <div className="publication__actions" lang={interfaceLang} data-url={url} data-title={publication.title}>
              <ShareButtons url={url} title={publication.title} />
              <div className="publication__tools no-print">
                <SendEmail locale={locale} publicationId={publication.id} />
                <PrintButton label={t("print")} />
              </div>
            </div>
          </header>
          <div lang={interfaceLang}>
            <TableOfContents toc={rendered.toc} language={interfaceLang && publication.language} />
            <FindInPaper locale={locale} publicationId={publication.id} />
          </div>
          <PaperBody
            key={publication.id}
            htmlKey={handOffHtml(rendered.html)}
            source={`/${locale}/publications/${publication.id}/body`}
            labels={{ loading: t("bodyLoading"), failed: t("bodyFailed") }}
          />
          <div lang={interfaceLang}>
            <AttachmentList locale={locale} publicationId={publication.id} attachments={publication.attachments} />
          </div>
        </article>
        <div className="publication__after">
          {publication.twin ? (
            <p className="publication__twin">
              <Link
                href={`/${publication.twin.language}/publications/${publication.twin.id}`}
                hrefLang={publication.twin.language}
              >
                {t("otherLanguageVersion", { language: publication.twin.language })}
              </Link>
            </p>
          ) : null}
          <CiteBlock locale={locale} publication={publication} url={url} language={interfaceLang && publication.language} />
          <p>
            <AlertLink locale={locale} follow={{ series: publication.series.slug }} label={alerts("followSeries")} />
          </p>
          <SeriesNeighbours locale={locale} previous={neighbours.previous} next={neighbours.next} />
          <RelatedPublications items={related} />
        </div>
      </main>
    </>
  );
}
