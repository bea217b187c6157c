// Delivery latency of listing updates to many subscribed sockets, end to end:
// marketplace.listing-events -> listing-events-service -> realtime.listing-updates -> gateway -> sockets.
// Latency = arrival at the socket - the marketplace event's time (same clock: all on this machine).
//   node fanout-latency.mjs --sockets 1000 --updates 200 --rate 20
import { Kafka, logLevel } from "kafkajs";
import { arg, cloudEvent, connectMany, KAFKA, percentiles, sleep } from "./lib.mjs";

const SOCKETS = arg("sockets", 1000);
const UPDATES = arg("updates", 200);
const RATE = arg("rate", 20);
const listingId = `lst-bench-${Date.now()}`;

const producer = new Kafka({ brokers: KAFKA.split(","), logLevel: logLevel.ERROR }).producer();
await producer.connect();
const publish = (type, data) => producer.send({ topic: "marketplace.listing-events", acks: -1,
  messages: [{ key: listingId, value: cloudEvent(type, listingId, data) }] });

const began = Date.now();
const sockets = await connectMany(SOCKETS, (i) => `watcher-${i}`);
console.log(`${SOCKETS} sockets connected in ${((Date.now() - began) / 1000).toFixed(1)} s`);
await Promise.all(sockets.map((s) => s.timeout(10000).emitWithAck("subscribe:listing", listingId)));

const latencies = [];
let received = 0;
for (const socket of sockets) {
  socket.on("listing:updated", (update) => {
    if (update.version > 1) latencies.push(Date.now() - Date.parse(update.occurredAt));
    received++;
  });
}
await publish("ticketing.listing.created.v1", { sellerId: "bench", title: "Bench tickets", quantity: 10, price: { amount: "100.00", currency: "USD" } });
await sleep(1000);
for (let i = 1; i <= UPDATES; i++) {
  await publish("ticketing.listing.price_changed.v1", { price: { amount: (100 + i).toFixed(2), currency: "USD" } });
  await sleep(1000 / RATE);
}
const expected = SOCKETS * UPDATES;
for (let waited = 0; latencies.length < expected && waited < 30000; waited += 200) await sleep(200);
const p = percentiles(latencies);
console.log(`listing:updated deliveries: ${latencies.length}/${expected} at ${RATE} updates/s to ${SOCKETS} sockets`);
console.log(`latency ms: p50 ${p.p50}  p90 ${p.p90}  p99 ${p.p99}  max ${p.max}`);
sockets.forEach((s) => s.disconnect());
await producer.disconnect();
process.exit(0);
