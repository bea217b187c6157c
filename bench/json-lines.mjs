// The command loop of the Node helpers the launcher drives (load-worker.mjs, fault-clients.mjs): one JSON
// command per line on stdin, `answer(command)` (a value or a promise) written back as one JSON line on
// stdout, `{"id": <the command's id>, "answer": ...}`. Answers leave in the order they are ready, not the
// order the commands came in, so the id is what pairs them; when stdin closes, `onClose` runs and the
// process ends.
import { createInterface } from "node:readline";

export function serveJsonLines(answer, onClose) {
  const lines = createInterface({ input: process.stdin });
  lines.on("line", async (line) => {
    const command = JSON.parse(line);
    const reply = await answer(command);
    process.stdout.write(`${JSON.stringify({ id: command.id, answer: reply })}\n`);
  });
  lines.on("close", () => {
    onClose();
    process.exit(0);
  });
}
