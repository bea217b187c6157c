// Connection state recovery: pid in the CONNECT reply, an offset on events, and after the
// transport drops, the same socket comes back (recovered) with the events it missed.
// Usage: node recovery.mjs <url>
import { connect, deadline, failure, next, result } from "./lib.mjs";

const [url] = process.argv.slice(2);
deadline(15000, "recovery");

try {
  const socket = connect(url, "websocket", { reconnection: true, reconnectionDelay: 300, reconnectionDelayMax: 300 });
  const missed = [];
  socket.on("missed", (...args) => missed.push(args));
  const [[, offset]] = await Promise.all([next(socket, "auth"), next(socket, "connect")]);
  const firstId = socket.id;
  const pid = socket._pid;
  // the server emits "missed" to this socket's room 100 ms from now, while it is away
  await socket.timeout(3000).emitWithAck("schedule-missed", 100, 2);
  // engine.close() reports the disconnect synchronously: listen first
  const disconnected = next(socket, "disconnect");
  socket.io.engine.close();
  const [reason] = await disconnected;
  await next(socket, "connect", 5000);
  await new Promise((resolve) => setTimeout(resolve, 200));
  result({ pid, authOffset: offset, reason, firstId, secondId: socket.id, recovered: socket.recovered,
           missed: missed.map((args) => args.slice(0, 1)) });
} catch (e) {
  failure(e.message);
}
