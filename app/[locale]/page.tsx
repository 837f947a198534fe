import { redirect } from "next/navigation";

// The catalogue is the front door until the portal has a home page of its own.
export default async function LocaleHome({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  redirect(`/${locale}/publications`);
}
