// The server drops the connection (no DISCONNECT packet): the client reconnects on its own.
// Usage: node reconnect.mjs <url> <default|websocket|polling>
import { connect, deadline, failure, next, result } from "./lib.mjs";

const [url, mode = "websocket"] = process.argv.slice(2);
deadline(40000, "reconnect"); // generous: a loaded 2-core machine, a cold server; the outcome is checked, not the time

try {
  const socket = connect(url, mode, { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 200 });
  await next(socket, "connect");
  if (mode === "default" && socket.io.engine.transport.name !== "websocket") {
    // drop a settled connection, not one mid-upgrade; a refused probe says why instead of timing out
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no 'upgrade' within 15000 ms")), 15000);
      socket.io.engine.once("upgrade", () => { clearTimeout(timer); resolve(); });
      socket.io.engine.once("upgradeError", (e) => { clearTimeout(timer); reject(new Error(`upgrade failed: ${e}`)); });
    });
  }
  const firstId = socket.id;
  socket.emit("drop-me");
  const [reason] = await next(socket, "disconnect");
  await next(socket, "connect", 15000);
  const acked = await socket.timeout(10000).emitWithAck("message-with-ack", "after reconnect");
  result({ reason, firstId, secondId: socket.id, reconnected: socket.connected, acked });
} catch (e) {
  failure(e.message);
}
