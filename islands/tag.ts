// The islands' one way of making elements: no React in the browser, and
// nothing a paper or a reader wrote ever goes in as HTML (text nodes only).

export type Attributes = Record<string, string | number | boolean>;

/** An element with attributes (true: present, empty; false: absent) and text or elements inside. */
export function tag<K extends keyof HTMLElementTagNameMap>(
  name: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== false) element.setAttribute(key, value === true ? "" : String(value));
  }
  element.append(...children);
  return element;
}
