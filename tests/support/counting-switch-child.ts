// A process that counts readers' views as the portal's server does, started
// with an IPC channel by tests/counting-switch.test.ts, which switches its
// counting off and on and asks it to count views ({ view, address }).
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { countUse } from "@/lib/stats/count-request";
import { countableRequest } from "@/lib/stats/counting-rules";
import { listenForCountingSwitch } from "@/lib/stats/counting-switch";
import { flushUsageEvents } from "@/lib/stats/record";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

listenForCountingSwitch();
process.on("message", (message: { view?: unknown; address?: unknown }) => {
  if (typeof message?.view !== "number" || typeof message.address !== "string") return;
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: message.address, "user-agent": CHROME });
  countUse(countableRequest("GET", headers), { kind: "view", publicationId: message.view });
  // Answered once whatever was counted is in the database.
  void flushUsageEvents().then(() => process.send?.({ counted: message.address }));
});
process.once("disconnect", () => process.exit(0));
process.send?.({ ready: true });
