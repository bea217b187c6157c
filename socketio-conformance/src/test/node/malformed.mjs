// A raw client that sends one malformed Socket.IO packet is closed; a bystander is not.
// Usage: node malformed.mjs <url> <packets without the Engine.IO "4", separated by "||">
import WebSocket from "ws";
import { connect, deadline, failure, next, result } from "./lib.mjs";

const [url, packet] = process.argv.slice(2);
deadline(10000, "malformed");

try {
  const bystander = connect(url, "websocket");
  await next(bystander, "connect");

  const ws = new WebSocket(url.replace(/^http/, "ws") + "/socket.io/?EIO=4&transport=websocket");
  const received = [];
  const closed = new Promise((resolve) => ws.on("close", (code) => resolve(code)));
  ws.on("message", (data) => {
    const text = data.toString();
    received.push(text);
    if (text.startsWith("0")) ws.send("40");
    else if (text.startsWith("40")) packet.split("||").forEach((p) => ws.send("4" + p));
    else if (text === "2") ws.send("3");
  });
  const code = await closed;
  const acked = await bystander.timeout(3000).emitWithAck("message-with-ack", "unaffected");
  result({ closeCode: code, received: received.filter((t) => t !== "2"), bystanderAck: acked });
} catch (e) {
  failure(e.message);
}
