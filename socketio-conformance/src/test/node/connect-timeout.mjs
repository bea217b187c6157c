// A raw client that opens an Engine.IO session but never sends a Socket.IO CONNECT is closed after
// connectTimeout (answering pings meanwhile, so only the connect timeout can close it).
// Usage: node connect-timeout.mjs <url>
import WebSocket from "ws";
import { deadline, failure, result } from "./lib.mjs";

const [url] = process.argv.slice(2);
deadline(10000, "connect-timeout");

const ws = new WebSocket(url.replace(/^http/, "ws") + "/socket.io/?EIO=4&transport=websocket");
let openedAt;
ws.on("message", (data) => {
  const text = data.toString();
  if (text.startsWith("0")) openedAt = Date.now();
  else if (text === "2") ws.send("3");
});
ws.on("close", (code) => result({ code, closedAfterMs: Date.now() - openedAt }));
ws.on("error", (e) => failure(e.message));
