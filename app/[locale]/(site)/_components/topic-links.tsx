import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { FrontPageTopic } from "@/lib/data/front-page";
import { formatNumber } from "@/lib/format";
import { topicName } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/** The topics readers can browse, each with how many papers its page lists. */
export async function TopicLinks({ locale, topics }: { locale: Locale; topics: FrontPageTopic[] }) {
  const t = await getTranslations("Home");
  return (
    <section className="front-page__topics" aria-labelledby="topics-title">
      <h2 id="topics-title">{t("topics")}</h2>
      <ul>
        {topics.map((topic) => (
          <li key={topic.slug}>
            <Link href={`/${locale}/topics/${topic.slug}`}>
              {topicName(topic, locale)} <span className="facet__count">({formatNumber(topic.paperCount, locale)})</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
