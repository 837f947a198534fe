import { Island } from "./define";

/** <print-page>: its button prints the page (print styles hide the site's frame). */
export class PrintPage extends Island {
  protected start(signal: AbortSignal) {
    this.child("button")?.addEventListener("click", () => window.print(), { signal });
  }
}
