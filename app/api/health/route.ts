import { getDatabaseHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and orchestrators: 200 while this instance can serve
 * (its database answers), 503 otherwise, so traffic goes to instances that can.
 * Only the database is checked: every page needs it, while the storage backend
 * serves files alone, and a file that cannot be read gets its own clear answer.
 */
export async function GET() {
  const database = await getDatabaseHealth();
  const ok = database === "ok";
  return Response.json(
    { status: ok ? "ok" : "unavailable", database },
    { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
