// The command loop of the Node helpers the launcher drives (load-worker.mjs, fault-clients.mjs): one JSON
// command per line on stdin, `answer(command)` (a value or a promise) written back as one JSON line on
// stdout; when stdin closes, `onClose` runs and the process ends.
import { createInterface } from "node:readline";

export function serveJsonLines(answer, onClose) {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", async (line) => {
    const reply = await answer(JSON.parse(line));
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
  lines.on("close", () => {
    onClose();
    process.exit(0);
  });
}
