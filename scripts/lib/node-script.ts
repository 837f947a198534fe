import { readFileSync } from "node:fs";

/**
 * The Node.js arguments of one of package.json's scripts that runs Node itself
 * (`node --import tsx … file.ts`), so a test or the bench runs the command
 * exactly as `npm run <name>` does, with the extra arguments it passes.
 */
export function nodeScriptArgs(name: string): string[] {
  const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
  const [runner, ...args] = scripts[name]?.split(" ") ?? [];
  if (runner !== "node") throw new Error(`package.json's ${name} script should start with node: ${scripts[name]}`);
  return args;
}
