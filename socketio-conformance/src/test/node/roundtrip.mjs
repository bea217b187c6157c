// Connects with a transport mode and exercises events and acks both ways, nested JSON and binary.
// Usage: node roundtrip.mjs <url> <default|websocket|polling>
import { isDeepStrictEqual } from "node:util";
import { connect, deadline, failure, next, plain, result, sleep } from "./lib.mjs";

const [url, mode = "default"] = process.argv.slice(2);
deadline(15000, "roundtrip");

const payload = [
  "text",
  { nested: { list: [1, 2.5, true, null, "é"], deep: { buffer: Buffer.from([0, 1, 2, 255]) } } },
  Buffer.from("binary-argument"),
];

const socket = connect(url, mode, { auth: { token: "abc", n: 1 } });
let firstTransport;
socket.io.on("open", () => (firstTransport = socket.io.engine.transport.name));
const upgraded = new Promise((resolve) => socket.io.on("open", () => socket.io.engine.once("upgrade", resolve)));
// the question the server asks, answered with the same arguments plus "answer"
socket.on("question", (...args) => {
  const ack = args.pop();
  ack(...args, "answer");
});

try {
  const [auth] = await Promise.all([next(socket, "auth"), next(socket, "connect")]).then(([a]) => a);

  socket.emit("message", ...payload);
  const back = await next(socket, "message-back");

  const acked = await new Promise((resolve, reject) =>
    socket.timeout(5000).emit("message-with-ack", ...payload, (err, ...args) => (err ? reject(err) : resolve(args))));

  socket.emit("ask", { question: 42 }, Buffer.from("q"));
  const answer = await next(socket, "answer");

  if (mode === "default") {
    await Promise.race([upgraded, sleep(3000)]);
  }
  result({
    id: socket.id,
    firstTransport,
    transport: socket.io.engine.transport.name,
    auth: plain(auth),
    messageBackEqual: isDeepStrictEqual(back, payload),
    messageBack: plain(back),
    ackEqual: isDeepStrictEqual(acked, payload),
    ack: plain(acked),
    serverAckReply: plain(answer),
  });
} catch (e) {
  failure(e.message);
}
