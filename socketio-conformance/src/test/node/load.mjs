// Opens N sockets at once; each completes one acknowledged event. Prints the elapsed time.
// Usage: node load.mjs <url> <n> <default|websocket|polling>
import { connect, deadline, failure, result } from "./lib.mjs";

const [url, count = "1000", mode = "websocket"] = process.argv.slice(2);
const n = Number(count);
deadline(120000, "load");

const started = Date.now();
const sockets = [];
try {
  const acks = await Promise.all(Array.from({ length: n }, (_, i) => new Promise((resolve, reject) => {
    const socket = connect(url, mode);
    sockets.push(socket);
    socket.on("connect_error", (e) => reject(new Error(`socket ${i} connect_error: ${e.message} ${e.description?.message ?? e.description ?? ""} ${e.context?.status ?? ""} ${e.context?.responseText ?? ""}`)));
    socket.on("disconnect", (reason) => reject(new Error(`socket ${i} disconnected: ${reason}`)));
    socket.on("connect", () => {
      socket.timeout(60000).emit("message-with-ack", i, (err, value) => (err ? reject(err) : resolve(value)));
    });
  })));
  const elapsedMs = Date.now() - started;
  const correct = acks.every((value, i) => value === i);
  sockets.forEach((s) => s.disconnect());
  result({ n, mode, elapsedMs, correct });
} catch (e) {
  failure(e.message ?? String(e));
}
