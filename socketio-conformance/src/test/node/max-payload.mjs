// A message above maxPayload closes that client only; a bystander keeps working.
// Usage: node max-payload.mjs <url> <bytes> <websocket|polling>
import { connect, deadline, failure, next, result } from "./lib.mjs";

const [url, size = "1000001", mode = "websocket"] = process.argv.slice(2);
deadline(15000, "max-payload");

try {
  const bystander = connect(url, "websocket");
  const big = connect(url, mode);
  await Promise.all([next(bystander, "connect"), next(big, "connect")]);

  big.emit("message", "x".repeat(Number(size)));
  const [reason] = await next(big, "disconnect", 5000);

  const acked = await bystander.timeout(3000).emitWithAck("message-with-ack", "still here");
  result({ reason, bystanderConnected: bystander.connected, bystanderAck: acked });
} catch (e) {
  failure(e.message);
}
