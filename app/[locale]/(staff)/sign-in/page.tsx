import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { clientMessages } from "@/lib/i18n/client-messages";
import { SiteHeader } from "@/components/site-header";
import { currentUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";
import { otherLocale } from "@/lib/i18n/localized";
import { callbackUrlSchema } from "@/lib/validations/auth";
import { firstValues } from "@/lib/validations/publications";
import { signInWithEmail, signInWithPassword, signInWithSso } from "./actions";
import { EmailSignInForm, PasswordSignInForm } from "./_components/sign-in-forms";
import { SubmitButton } from "@/components/form/submit-button";

export const metadata: Metadata = { robots: { index: false } };

/** Auth.js names its failures in `error`; "forbidden" is the admin pages' own. */
function noticeFor(error: string) {
  if (error === "forbidden") return "forbidden";
  if (error === "AccessDenied") return "accessDenied"; // a way in that worked, for someone who is not staff
  if (error === "Verification") return "linkFailed";
  if (error === "EmailUnverified") return "emailUnverified"; // single sign-on without a verified address
  if (error === "DomainNotAllowed") return "domainNotAllowed";
  if (error === "TooManyLinks") return "tooManyLinks";
  return "signInFailed";
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = firstValues(await searchParams);
  const callbackUrl = callbackUrlSchema.parse(query.callbackUrl ?? `/${locale}/admin`);
  const user = await currentUser();
  if (user && !query.error) redirect(callbackUrl);
  const t = await getTranslations("SignIn");
  const e = env();
  const sso = Boolean(e.OIDC_ISSUER);
  const notice = query.error ? t(noticeFor(query.error)) : null;
  return (
    <>
      <SiteHeader alternateHref={`/${otherLocale(locale)}/sign-in`} />
      <NextIntlClientProvider messages={await clientMessages(["SignIn"])}>
        <main id="main" className="page page--narrow" tabIndex={-1}>
          <h1>{t("title")}</h1>
          {notice ? (
            <p className="notice notice--warning" role="alert">
              {notice}
            </p>
          ) : null}
          <section aria-labelledby="password-title" className="panel">
            <h2 id="password-title">{t("withPassword")}</h2>
            <PasswordSignInForm action={signInWithPassword.bind(null, locale)} callbackUrl={callbackUrl} />
          </section>
          <section aria-labelledby="link-title" className="panel">
            <h2 id="link-title">{t("withLink")}</h2>
            <p>{t("linkHelp")}</p>
            <EmailSignInForm action={signInWithEmail.bind(null, locale)} callbackUrl={callbackUrl} />
          </section>
          {sso ? (
            <section aria-labelledby="sso-title" className="panel">
              <h2 id="sso-title">{t("withSso")}</h2>
              <form action={signInWithSso.bind(null, callbackUrl)}>
                <SubmitButton>{t("ssoButton", { name: e.OIDC_NAME })}</SubmitButton>
              </form>
            </section>
          ) : null}
        </main>
      </NextIntlClientProvider>
    </>
  );
}
