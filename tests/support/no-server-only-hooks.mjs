// Module resolution hooks registered by no-server-only.mjs.
const EMPTY = new URL("./empty-module.mjs", import.meta.url).href;

export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: EMPTY, format: "module", shortCircuit: true } : next(specifier, context);
}
