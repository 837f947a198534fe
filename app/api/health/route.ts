import { getDatabaseHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and orchestrators: 200 while this instance can serve
 * (its database answers), 503 otherwise, so traffic goes to instances that can.
 * Everything else an instance needs lives in the database or the storage
 * backend, so nothing else decides whether it is ready.
 */
export async function GET() {
  const database = await getDatabaseHealth();
  const ok = database === "ok";
  return Response.json(
    { status: ok ? "ok" : "unavailable", database },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
