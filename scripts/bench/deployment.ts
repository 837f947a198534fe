// What the benchmark drives: one instance of the portal, or (`--instances N`)
// N instances sharing the database behind Debian's nginx, as an institute
// scales out. Either answers on one address; its CPU time and memory are the
// instances' together (nginx's own are left out: the proxy is the operator's).
import { startNginx } from "../lib/nginx";
import { startServer, type BenchServer } from "./server";

/** Ports for the instances behind nginx: well above the ones the benchmark gives deployments. */
const INSTANCE_PORT_OFFSET = 100;

export async function startDeployment(instances: number, port: number, env: Record<string, string>): Promise<BenchServer> {
  if (instances === 1) return startServer(port, env);
  const ports = Array.from({ length: instances }, (_, i) => port + INSTANCE_PORT_OFFSET + i * 10);
  // The load generator writes each reader's address in X-Forwarded-For and nginx appends its own hop.
  const servers = await Promise.all(ports.map((p) => startServer(p, { ...env, TRUST_PROXY: "2" })));
  const nginx = await startNginx(port, ports);
  return {
    url: nginx.origin,
    process: servers[0]!.process,
    peakMemoryMb: () => servers.reduce((sum, s) => sum + s.peakMemoryMb(), 0),
    residentMb: () => servers.reduce((sum, s) => sum + s.residentMb(), 0),
    cpuMs: () => servers.reduce((sum, s) => sum + s.cpuMs(), 0),
    async setCounting(on) {
      await Promise.all(servers.map((s) => s.setCounting(on)));
    },
    async stop() {
      await nginx.close();
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
