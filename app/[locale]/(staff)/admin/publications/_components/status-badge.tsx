import { getTranslations } from "next-intl/server";
import { isPublicNow } from "@/lib/data/visibility";
import type { PublicationStatus } from "@/lib/generated/prisma/enums";

/** A scheduled paper whose time has come is public: say so rather than "scheduled". */
export async function StatusBadge({ status, publishedAt }: { status: PublicationStatus; publishedAt: Date | null }) {
  const t = await getTranslations("Editor");
  const due = status === "scheduled" && isPublicNow({ status, publishedAt });
  return <span className={`badge badge--${due ? "published" : status}`}>{due ? t("status.due") : t(`status.${status}`)}</span>;
}
