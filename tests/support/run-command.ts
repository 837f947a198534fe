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
