import { answerEmailShare, dialogWords } from "@/lib/email-share/answer";
import { EMAIL_SHARE_FORM } from "@/lib/email-share/send-publication-email";
import { readJsonBody } from "@/lib/http/json-body";
import { notFoundText } from "@/lib/http/responses";
import { publicationRouteParams } from "@/lib/http/route-params";
import { localeOrDefault } from "@/lib/i18n/routing";
import { mailConfigured } from "@/lib/mail/transport";
import { clientAddress } from "@/lib/security/client-address";
import { issueFormToken } from "@/lib/security/form-token";
import { emailShareFieldsSchema } from "@/lib/validations/email-share";

type Context = { params: Promise<{ locale: string; id: string }> };

/** Far above what the form's longest fields add up to (lib/validations/email-share-limits.ts). */
const MAX_FORM_BYTES = 16 * 1024;

const NEVER_STORED = { "Cache-Control": "no-store" };

/**
 * "Send Email" (islands/send-email.ts). GET: a fresh signed ticket for the
 * form, asked for as the dialog opens (the page may be cached, tickets must
 * not be). POST: the form as JSON; the answer is the form's state (each
 * field's errors, one message) with the outcome's HTTP status.
 */
export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const route = await publicationRouteParams(params);
  if (!route) return notFoundText();
  if (!mailConfigured()) return Response.json({ error: "notConfigured" }, { status: 503, headers: NEVER_STORED });
  return Response.json({ token: issueFormToken(EMAIL_SHARE_FORM, String(route.publicationId)) }, { headers: NEVER_STORED });
}

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const route = await publicationRouteParams(params);
  const locale = route?.locale ?? localeOrDefault((await params).locale);
  const body = await readJsonBody(request, MAX_FORM_BYTES);
  if (!body.ok) {
    const t = await dialogWords(locale);
    return Response.json(
      { ok: false, status: body.status, message: t("failed") },
      { status: body.status, headers: NEVER_STORED },
    );
  }
  const fields = emailShareFieldsSchema.safeParse(body.value);
  const state = await answerEmailShare({
    publicationId: route?.publicationId ?? null,
    locale,
    fields: fields.success ? fields.data : {},
    clientAddress: clientAddress(request.headers),
  });
  return Response.json(state, { status: state.status ?? 200, headers: NEVER_STORED });
}
