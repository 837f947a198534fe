import { hash } from "node:crypto";
import { RENDERER_VERSION } from "./render";

/** What a stored rendering of a paper's body was made from: this renderer and this Markdown (lib/publications/rendered-body.ts). */
export function renderingKey(markdown: string): string {
  return hash("sha256", `${RENDERER_VERSION}\0${markdown}`, "hex");
}
