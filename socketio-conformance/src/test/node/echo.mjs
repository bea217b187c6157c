// The bare Engine.IO server at /engine.io/ sends back every message, text and binary.
// Usage: node echo.mjs <url> <default|websocket|polling>
import { Socket } from "engine.io-client";
import { deadline, failure, result, TRANSPORTS } from "./lib.mjs";

const [url, mode = "default"] = process.argv.slice(2);
deadline(10000, "echo");

const transports = TRANSPORTS[mode] ?? ["polling", "websocket"];
const socket = new Socket(url, { path: "/engine.io/", transports });
const echoed = [];
socket.on("open", () => {
  socket.send("hello é");
  socket.send(Buffer.from([1, 2, 3]));
});
socket.on("message", (data) => {
  echoed.push(typeof data === "string" ? data : { buffer: Buffer.from(data).toString("hex") });
  if (echoed.length === 2) {
    result({ echoed, transport: socket.transport.name });
  }
});
socket.on("error", (e) => failure(e.message ?? String(e)));
