// A message just below maxPayload is accepted and echoed.
// Usage: node roundtrip-size.mjs <url> <bytes>
import { connect, deadline, failure, next, result } from "./lib.mjs";

const [url, size = "999000"] = process.argv.slice(2);
// a megabyte each way through a loaded 2-core machine: generous waits, the test asserts the outcome only
deadline(60000, "roundtrip-size");

try {
  const socket = connect(url, "websocket");
  await next(socket, "connect");
  socket.emit("message", "x".repeat(Number(size) - 20));
  const [back] = await next(socket, "message-back", 45000);
  result({ echoedLength: back.length + 20 });
} catch (e) {
  failure(e.message);
}
