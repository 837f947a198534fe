import { spawn, type ChildProcess } from "node:child_process";

export type CommandResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs a command as an operator would in a terminal, its output collected;
 * `started` sees the child (to send it a signal, say).
 */
export function runCommand(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  started?: (child: ChildProcess) => void,
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
    started?.(child);
  });
}

/** `npm run <script> -- <args>` as an operator types it in a terminal, with `env` over the test's own environment. */
export function runNpmScript(script: string, args: string[], env: Record<string, string>): Promise<CommandResult> {
  return runCommand("npm", ["run", "--silent", script, "--", ...args], { ...process.env, ...env });
}

/**
 * The arguments that run a script of tests/support outside Next.js and Vitest:
 * tsx as a loader (its CLI would run the script in a child of its own, which a
 * kill would miss), and "server-only" resolved to an empty module.
 */
export function supportScriptArgs(script: string, ...args: string[]): string[] {
  return ["--import", "tsx", "--import", "./tests/support/no-server-only.mjs", `tests/support/${script}`, ...args];
}

/** A `started` callback for runCommand that kills the child if it has not ended within `ms`. */
export function killAfter(ms: number): (child: ChildProcess) => void {
  return (child) => {
    const timer = setTimeout(() => child.kill(), ms);
    child.once("close", () => clearTimeout(timer));
  };
}
