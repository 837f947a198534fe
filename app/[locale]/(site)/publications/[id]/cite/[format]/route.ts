import { CITATION_FILES, isCitationFileFormat } from "@/lib/citation";
import { getCitationData } from "@/lib/data/citations";
import { attachmentDisposition } from "@/lib/http/content-disposition";
import { notFoundText } from "@/lib/http/responses";
import { parseRouteId } from "@/lib/http/route-params";
import { isLocale } from "@/lib/i18n/routing";

type Context = { params: Promise<{ locale: string; id: string; format: string }> };

/** The citation as a file for a reference manager: `…/cite/bibtex` → `2024-14E.bib`, `…/cite/ris` → `2024-14E.ris`. */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const { locale, id, format } = await params;
  const publicationId = parseRouteId(id);
  if (!isLocale(locale) || publicationId === null || !isCitationFileFormat(format)) return notFoundText();
  const data = await getCitationData(publicationId);
  if (!data) return notFoundText();
  const file = CITATION_FILES[format];
  return new Response(file.format(data), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentDisposition(`${data.reportNumber}.${file.extension}`),
      "Cache-Control": "public, max-age=0, must-revalidate",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
