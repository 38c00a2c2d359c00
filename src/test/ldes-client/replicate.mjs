// Replicates one LDES with the npm ldes-client and prints, one JSON object per line:
//   {"member": id, "versionOf": …, "timestamp": …, "type": …, "nquads": "…"} for each member,
//   {"poll": n} after each full synchronisation run (follow mode), so the caller knows it has caught up.
// Usage: node replicate.mjs <stream URL> <follow: true|false> [poll interval ms]
import { replicateLDES } from "ldes-client";
import { Writer } from "n3";

const [url, follow, interval] = process.argv.slice(2);
const client = replicateLDES({ url, polling: follow === "true", pollInterval: Number(interval || 500) }, "none");
let polls = 0;
client.on("poll", () => console.log(JSON.stringify({ poll: ++polls })));
client.on("error", (e) => console.error("client error:", e));

const reader = client.stream({ highWaterMark: 64 }).getReader();
for (;;) {
  const { value, done } = await reader.read();
  if (done) break;
  const writer = new Writer({ format: "N-Quads" });
  const nquads = writer.quadsToString(value.quads);
  console.log(JSON.stringify({
    member: value.id.value,
    versionOf: value.isVersionOf,
    timestamp: value.timestamp instanceof Date ? value.timestamp.toISOString() : value.timestamp,
    type: value.type ? value.type.value : null,
    nquads,
  }));
}
// Exit only once everything written has reached the pipe: process.exit() drops writes still pending
// on a piped stdout, which cut the last members and the "done" line off a large harvest.
process.stdout.write(JSON.stringify({ done: true, polls }) + "\n", () => process.exit(0));
