/**
 * An island: a custom element that takes over the markup the server rendered
 * inside it when it is connected, and lets go of its listeners when it leaves
 * the page (React may move or drop it after a navigation inside the site).
 */
export abstract class Island extends HTMLElement {
  #listening: AbortController | null = null;

  connectedCallback() {
    this.#listening?.abort();
    this.#listening = new AbortController();
    this.start(this.#listening.signal);
  }

  disconnectedCallback() {
    this.#listening?.abort();
    this.#listening = null;
  }

  /** Finds its parts and listens, each listener given `signal`. */
  protected abstract start(signal: AbortSignal): void;

  /**
   * A data-* value (`name` as in `dataset`, e.g. "url" for data-url): the
   * island's own, or else the nearest element's around it that gives one. A
   * page says once what several islands share (a paper's address and title).
   */
  protected data(name: string): string | undefined {
    const attribute = `data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    return this.closest<HTMLElement>(`[${attribute}]`)?.dataset[name];
  }

  /** A part the server rendered, by selector; the island does nothing without it. */
  protected child<E extends Element>(selector: string): E | null {
    return this.querySelector<E>(selector);
  }
}

/**
 * Defines each island once, even if the script is loaded twice. Not before
 * the page is parsed: the script is async, and may run while the parser is
 * still inside the page, when an element it upgraded or the parser made
 * would be connected before its children exist (the island would find no
 * button to listen to). React, after a navigation inside the site, inserts
 * an element with its children, so later ones are whole.
 */
export function defineIslands(islands: Record<string, CustomElementConstructor>): void {
  const define = () => {
    for (const [name, island] of Object.entries(islands)) if (!customElements.get(name)) customElements.define(name, island);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", define, { once: true });
  else define();
}
