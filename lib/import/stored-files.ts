import { storage } from "@/lib/storage";

/** Best effort: a leftover object wastes space but must not fail the run. */
export async function deleteStoredFiles(keys: readonly string[]) {
  for (const key of keys)
    await storage()
      .delete(key)
      .catch(() => undefined);
}
