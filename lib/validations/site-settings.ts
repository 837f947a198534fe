import { z } from "zod";
import { SOCIAL_NETWORKS, type SocialLink, type SocialNetwork } from "@/lib/site-settings/types";
import { singleLine } from "./text";

/** How many social accounts the form offers; the footer shows them in this order. */
export const SOCIAL_LINK_ROWS = 6;
/** A privacy policy or accessibility statement: several pages of Markdown at most. */
export const MARKDOWN_MAX = 20_000;

// PostgreSQL text cannot hold NUL, and no one types control characters into a name.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const noControl = (s: string) => !CONTROL.test(s);

const line = (max: number) => singleLine(max, z.string({ error: "required" })).refine(noControl, "invalid");

/** Markdown as the textarea sends it (CRLF line ends), stored with LF. */
const markdown = z
  .string({ error: "invalid" })
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(z.string().max(MARKDOWN_MAX, "tooLong").refine(noControl, "invalid"));

/** An absolute http(s) address with a host and no user name or password in it. */
export function isWebAddress(value: string, { httpsOnly = false } = {}): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const schemes = httpsOnly ? ["https:"] : ["https:", "http:"];
  return schemes.includes(url.protocol) && url.hostname !== "" && !url.username && !url.password && !/\s/.test(value);
}

const optionalEmail = line(254).refine((s) => s === "" || z.email().safeParse(s).success, "invalidEmail");
const optionalWebAddress = line(500).refine((s) => s === "" || isWebAddress(s), "urlFormat");

const socialRow = z.object({ network: z.string().max(40, "invalid"), url: line(500) });

const isNetwork = (value: string): value is SocialNetwork => (SOCIAL_NETWORKS as readonly string[]).includes(value);

/**
 * The settings form as the action receives it (see siteSettingsFormValues).
 * Each field's error names the field; a social row's, the row's own field.
 */
export const siteSettingsSchema = z
  .object({
    institutionNameKo: line(200).min(1, "required"),
    institutionNameEn: line(200).min(1, "required"),
    shortNameKo: line(60).min(1, "required"),
    shortNameEn: line(60).min(1, "required"),
    siteTitleKo: line(120).min(1, "required"),
    siteTitleEn: line(120).min(1, "required"),
    taglineKo: line(300),
    taglineEn: line(300),
    addressKo: line(300),
    addressEn: line(300),
    phone: line(40).regex(/^[0-9+()\-. ]*$/, "phoneFormat"),
    email: optionalEmail,
    websiteUrl: optionalWebAddress,
    socialLinks: z.array(socialRow).max(SOCIAL_LINK_ROWS),
    privacyKo: markdown,
    privacyEn: markdown,
    accessibilityKo: markdown,
    accessibilityEn: markdown,
  })
  .superRefine(
    ({ socialLinks }, ctx) => {
      socialLinks.forEach(({ network, url }, i) => {
        if (network !== "" && !isNetwork(network))
          ctx.addIssue({ code: "custom", path: [`socialNetwork${i}`], message: "invalid" });
        if (network === "" && url !== "")
          ctx.addIssue({ code: "custom", path: [`socialNetwork${i}`], message: "networkRequired" });
        if (network !== "" && url === "") ctx.addIssue({ code: "custom", path: [`socialUrl${i}`], message: "required" });
        if (url !== "" && !isWebAddress(url, { httpsOnly: true }))
          ctx.addIssue({ code: "custom", path: [`socialUrl${i}`], message: "httpsFormat" });
      });
    },
    // The rows are checked even when another field is wrong, so every error shows at once.
    { when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== "socialLinks") },
  )
  .transform(({ socialLinks, ...fields }) => ({
    ...fields,
    socialLinks: socialLinks.flatMap(({ network, url }): SocialLink[] => (isNetwork(network) && url ? [{ network, url }] : [])),
  }));

export type SiteSettingsInput = z.output<typeof siteSettingsSchema>;

/** The form's fields as the schema reads them: social rows `socialNetwork0`/`socialUrl0`… become one list. */
export function siteSettingsFormValues(formData: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const values: Record<string, unknown> = Object.fromEntries(
    [...formData.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  values.socialLinks = Array.from({ length: SOCIAL_LINK_ROWS }, (_, i) => ({
    network: text(`socialNetwork${i}`),
    url: text(`socialUrl${i}`),
  }));
  return values;
}
