// A raw WebSocket client completes the handshake and the Socket.IO CONNECT, then never answers
// pings: the server must close it after pingInterval + pingTimeout.
// Usage: node ping-timeout.mjs <url>
import WebSocket from "ws";
import { deadline, failure, result } from "./lib.mjs";

const [url] = process.argv.slice(2);
deadline(10000, "ping-timeout");

const ws = new WebSocket(url.replace(/^http/, "ws") + "/socket.io/?EIO=4&transport=websocket");
let openedAt;
let connected = false;
let pings = 0;
let open;
ws.on("message", (data) => {
  const text = data.toString();
  if (text.startsWith("0")) {
    open = JSON.parse(text.slice(1));
    openedAt = Date.now();
    ws.send("40");
  } else if (text.startsWith("40")) {
    connected = true;
  } else if (text === "2") {
    pings++; // deliberately not answered
  }
});
ws.on("close", (code) => {
  result({ connected, pings, code, closedAfterMs: Date.now() - openedAt,
           pingInterval: open?.pingInterval, pingTimeout: open?.pingTimeout });
});
ws.on("error", (e) => failure(e.message));
