import { getTranslations } from "next-intl/server";
import { PageLinks, type PageLinksProps } from "./page-links";

/** Page links with the request's messages, for the pages that have them at hand (the staff's tables). */
export async function Pagination(props: PageLinksProps) {
  if (props.pageCount <= 1) return null;
  return <PageLinks {...props} t={await getTranslations("Pagination")} />;
}
