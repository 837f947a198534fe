import type { Locator, Page } from "@playwright/test";
import type { SiteAssetKind } from "@/lib/site-settings/types";
import { translator, type Locale } from "../support/messages";

type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** The site settings page (/{locale}/admin/settings) in either interface language. */
export class SiteSettingsPage {
  readonly save: Locator;
  /** The settings form's answer once a save went through. */
  readonly savedStatus: Locator;
  /** The settings form's answer, whatever it says. */
  readonly formStatus: Locator;
  readonly logoPreview: Locator;
  private readonly t: ReturnType<typeof translator>;

  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    const t = (this.t = translator(locale));
    this.save = page.getByRole("button", { name: t("SettingsAdmin.save"), exact: true });
    this.formStatus = this.save.locator("xpath=ancestor::form").getByRole("status");
    this.savedStatus = this.formStatus.filter({ hasText: t("SettingsAdmin.saved") });
    this.logoPreview = this.preview("logo");
  }

  async goto() {
    return this.page.goto(`/${this.locale}/admin/settings`);
  }

  /** One language's half of the names and reader pages. */
  language(language: Locale): Locator {
    return this.page.getByRole("group", { name: this.t(`SettingsAdmin.languages.${language}`), exact: true });
  }

  institutionName(language: Locale): Locator {
    return this.language(language).getByLabel(this.t("SettingsAdmin.fields.institutionName"), { exact: true });
  }

  siteTitle(language: Locale): Locator {
    return this.language(language).getByLabel(this.t("SettingsAdmin.fields.siteTitle"), { exact: true });
  }

  privacy(language: Locale): Locator {
    return this.language(language).getByLabel(this.t("SettingsAdmin.fields.privacy"), { exact: true });
  }

  field(name: "phone" | "email" | "websiteUrl"): Locator {
    return this.page.getByLabel(this.t(`SettingsAdmin.fields.${name}`), { exact: true });
  }

  /** The error shown beside a field, by the field's name in the form (e.g. "email", "socialUrl0"). */
  fieldError(name: string): Locator {
    return this.page.locator(`#${name}-error`);
  }

  /** The panel of one image: its preview, upload and remove forms. */
  image(kind: SiteAssetKind): Locator {
    return this.page.getByRole("region", { name: this.t(`SettingsAdmin.images.kinds.${kind}`), exact: true });
  }

  preview(kind: SiteAssetKind): Locator {
    const name = this.t("SettingsAdmin.images.preview", { kind: this.t(`SettingsAdmin.images.kinds.${kind}`) });
    return this.image(kind).getByRole("img", { name, exact: true });
  }

  /** What the page says of the current image: type, size, pixels, when it was uploaded. */
  facts(kind: SiteAssetKind): Locator {
    return this.image(kind).getByRole("figure");
  }

  fileInput(kind: SiteAssetKind): Locator {
    return this.image(kind).getByLabel(this.t(`SettingsAdmin.images.file.${kind}`), { exact: true });
  }

  /** The error shown beside the image's file field. */
  imageError(kind: SiteAssetKind): Locator {
    return this.page.locator(`#file-${kind}-error`);
  }

  /** The answers of the image's upload and remove forms. */
  imageStatus(kind: SiteAssetKind): Locator {
    return this.image(kind).getByRole("status");
  }

  removeButton(kind: SiteAssetKind): Locator {
    return this.image(kind).getByRole("button", { name: this.t(`SettingsAdmin.images.remove.${kind}`), exact: true });
  }

  /** Chooses a file for the image and sends it. */
  async upload(kind: SiteAssetKind, file: UploadFile) {
    await this.fileInput(kind).setInputFiles(file);
    await this.image(kind)
      .getByRole("button", { name: this.t(`SettingsAdmin.images.upload.${kind}`), exact: true })
      .click();
  }

  async uploadLogo(file: UploadFile) {
    await this.upload("logo", file);
  }
}
