// The reference of `./ticketing bench`: the gateway's fan-out job done by the official Node server
// (socket.io 4.8 + kafkajs), so both can be measured side by side under the same load.
//   - CONNECT needs `auth.token`, an HS256 JWT with the gateway's secret (refusals as the contract words them);
//   - every socket joins `user:<sub>` and is greeted with `connected` { userId, socketId, serverTime };
//   - `subscribe:listing` joins `listing:<id>` and acknowledges { ok: true, listingId };
//   - every record of realtime.listing-updates (from the latest offset, a fresh consumer group per start)
//     becomes `listing:updated` with the event's data to `listing:<id>`, plus `listing:price_changed`
//     when data.changes.price exists; an event id seen lately is not delivered twice (as the gateway).
// GET /health answers {"status":"UP"} once the consumer has joined its group.
//
// Usage: KAFKA_BOOTSTRAP_SERVERS=localhost:9092 PORT=3100 node reference-server.mjs
//        (PING_INTERVAL_MS / PING_TIMEOUT_MS default to the production 25 s / 20 s)
import { createServer } from "node:http";
import { Kafka, logLevel } from "kafkajs";
import { Server } from "socket.io";
import { verify } from "./hs256.mjs";

const TOPIC = "realtime.listing-updates";
const LISTING_UPDATED = "ticketing.listing.updated.v1";
const RECENT_IDS = 100_000;
const VALID_ID = /^[A-Za-z0-9_.:@-]{1,64}$/;

const port = Number(process.env.PORT ?? 3100);
const brokers = (process.env.KAFKA_BOOTSTRAP_SERVERS ?? "localhost:9092").split(",");
let consuming = false;

// socket.io takes /socket.io/ before this listener sees it; everything else is /health or nothing.
const http = createServer((request, response) => {
  if (request.url !== "/health") {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(consuming ? 200 : 503, { "content-type": "application/json" });
  response.end(JSON.stringify({ status: consuming ? "UP" : "DOWN" }));
});
const io = new Server(http, {
  pingInterval: Number(process.env.PING_INTERVAL_MS ?? 25_000),
  pingTimeout: Number(process.env.PING_TIMEOUT_MS ?? 20_000),
  maxHttpBufferSize: 1_000_000,
  cors: { origin: "*" },
  ...(Number(process.env.RECOVERY_MS ?? 0) > 0
    ? { connectionStateRecovery: { maxDisconnectionDuration: Number(process.env.RECOVERY_MS), skipMiddlewares: true } }
    : {}),
});

io.use((socket, next) => {
  const check = verify(socket.handshake.auth?.token);
  if (check.refused) return next(new Error(check.refused));
  socket.data.userId = check.userId;
  next();
});

io.on("connection", (socket) => {
  const { userId } = socket.data;
  socket.join(`user:${userId}`);
  socket.emit("connected", { userId, socketId: socket.id, serverTime: new Date().toISOString() });
  socket.on("subscribe:listing", (listingId, ack) => {
    if (typeof listingId !== "string" || !VALID_ID.test(listingId)) {
      const error = { code: "VALIDATION", message: "listingId must be 1 to 64 letters, digits or _ . : @ -" };
      return typeof ack === "function" ? ack({ ok: false, error }) : socket.emit("error", { event: "subscribe:listing", ...error });
    }
    socket.join(`listing:${listingId}`);
    if (typeof ack === "function") ack({ ok: true, listingId });
  });
});

/** Ids of the latest events delivered, oldest first (a Map keeps insertion order). */
const recentIds = new Map();
function firstTime(id) {
  if (recentIds.has(id)) return false;
  recentIds.set(id, true);
  if (recentIds.size > RECENT_IDS) recentIds.delete(recentIds.keys().next().value);
  return true;
}

function route(event) {
  if (event.type !== LISTING_UPDATED || !firstTime(event.id)) return;
  const update = event.data;
  const room = io.to(`listing:${update.listingId}`);
  room.emit("listing:updated", update);
  const price = update.changes?.price;
  if (price) {
    room.emit("listing:price_changed", { listingId: update.listingId, version: update.version, oldPrice: price.from.amount,
      newPrice: price.to.amount, currency: price.to.currency, occurredAt: update.occurredAt });
  }
}

async function consume() {
  const consumer = new Kafka({ clientId: "bench-reference", brokers, logLevel: logLevel.WARN })
    .consumer({ groupId: `bench-reference-${process.pid}-${Date.now()}` });
  consumer.on(consumer.events.GROUP_JOIN, () => { consuming = true; });
  consumer.on(consumer.events.CRASH, ({ payload }) => { consuming = false; console.error("consumer crashed:", payload.error); });
  await consumer.connect();
  await consumer.subscribe({ topic: TOPIC, fromBeginning: false });
  await consumer.run({
    autoCommit: false, // a fresh group that starts at the end: committing offsets would only load the broker
    eachMessage: async ({ message }) => {
      try {
        route(JSON.parse(message.value.toString("utf8")));
      } catch (error) {
        console.error("skipped an unreadable record:", error.message);
      }
    },
  });
  return consumer;
}

const consumer = await consume();
http.listen(port, "127.0.0.1", () => console.log(`reference server on :${port}, consuming ${TOPIC} from ${brokers}`));

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.on(signal, async () => {
    io.close();
    await consumer.disconnect().catch(() => {});
    process.exit(0);
  });
}
