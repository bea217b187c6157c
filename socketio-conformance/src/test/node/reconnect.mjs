// The server drops the connection (no DISCONNECT packet): the client reconnects on its own.
// Usage: node reconnect.mjs <url> <default|websocket|polling>
import { connect, deadline, failure, next, result } from "./lib.mjs";

const [url, mode = "websocket"] = process.argv.slice(2);
deadline(15000, "reconnect");

try {
  const socket = connect(url, mode, { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 200 });
  await next(socket, "connect");
  if (mode === "default" && socket.io.engine.transport.name !== "websocket") {
    await next(socket.io.engine, "upgrade"); // drop a settled connection, not one mid-upgrade
  }
  const firstId = socket.id;
  socket.emit("drop-me");
  const [reason] = await next(socket, "disconnect");
  await next(socket, "connect", 5000);
  const acked = await socket.timeout(3000).emitWithAck("message-with-ack", "after reconnect");
  result({ reason, firstId, secondId: socket.id, reconnected: socket.connected, acked });
} catch (e) {
  failure(e.message);
}
