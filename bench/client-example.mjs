// The README's client example: a buyer connects with a token, watches a listing, messages the seller
// and shows typing. Run it against `./ticketing local`:
//   cd bench && npm ci && TOKEN=$(../ticketing token alice) node client-example.mjs lst-1001 bob
import { io } from "socket.io-client";

const [listingId = "lst-1001", sellerId = "bob"] = process.argv.slice(2);
const socket = io(process.env.GATEWAY_URL ?? "http://localhost:3000", { auth: { token: process.env.TOKEN } });

socket.on("connect_error", (error) => console.error("refused:", error.message)); // e.g. "Token expired"
socket.on("connected", ({ userId, socketId }) => console.log(`connected as ${userId} (${socketId})`));
socket.on("listing:updated", (u) => console.log(`listing ${u.listingId} v${u.version}: ${u.status}, ${u.quantity} left at ${u.price.amount} ${u.price.currency}`));
socket.on("listing:price_changed", (p) => console.log(`price ${p.oldPrice} -> ${p.newPrice} ${p.currency}`));
socket.on("message:received", (m) => console.log(`${m.senderId}: ${m.content}`));
socket.on("typing:start", ({ userId }) => console.log(`${userId} is typing…`));
socket.on("error", (e) => console.error(`refused ${e.event}: ${e.code} ${e.message}`));

socket.on("connect", async () => {
  const watching = await socket.emitWithAck("subscribe:listing", listingId);
  console.log("subscribe:listing ->", JSON.stringify(watching));

  await socket.emitWithAck("typing:start", sellerId);
  const sent = await socket.emitWithAck("message:send", {
    receiverId: sellerId, content: "Are these two seats next to each other?", listingId, clientMessageId: `ask-${Date.now()}`,
  });
  console.log("message:send ->", JSON.stringify(sent)); // { ok: true, id, createdAt, status: "stored", message }
  await socket.emitWithAck("typing:stop", sellerId);
  setTimeout(() => socket.disconnect(), Number(process.env.LISTEN_MS ?? 3000));
});
