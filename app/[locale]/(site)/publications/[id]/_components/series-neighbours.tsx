import Link from "next/link";
import { getTranslations } from "next-intl/server";

type Neighbour = { id: number; title: string; reportNumber: string } | null;

export async function SeriesNeighbours({ locale, previous, next }: { locale: string; previous: Neighbour; next: Neighbour }) {
  if (!previous && !next) return null;
  const t = await getTranslations("Publication");
  return (
    <nav className="neighbours no-print" aria-label={t("inThisSeries")}>
      {previous ? (
        <Link className="neighbours__link neighbours__link--prev" href={`/${locale}/publications/${previous.id}`} rel="prev">
          <span className="neighbours__label">{t("previous")}</span>
          <span className="neighbours__title">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link className="neighbours__link neighbours__link--next" href={`/${locale}/publications/${next.id}`} rel="next">
          <span className="neighbours__label">{t("next")}</span>
          <span className="neighbours__title">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
