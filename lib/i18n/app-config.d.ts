import type { Locale } from "./routing";
import type messages from "./messages/en.json";

// Typed message keys and locales for every next-intl call.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
