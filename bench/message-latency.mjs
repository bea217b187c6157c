// Send -> message:received latency at a steady rate, through gateway, Kafka, message-service,
// PostgreSQL, the outbox relay and back: pairs of users, each sender well under its 20/10 s limit.
//   node message-latency.mjs --rate 200 --seconds 30
import { arg, connectMany, percentiles, sleep } from "./lib.mjs";

const RATE = arg("rate", 200);
const SECONDS = arg("seconds", 30);
// 20 messages per 10 s per user: at RATE msg/s spread over enough senders to stay at half the limit.
const PAIRS = Math.max(1, Math.ceil(RATE / 1));
const run = Date.now();
const senders = await connectMany(PAIRS, (i) => `sender-${run}-${i}`);
const receivers = await connectMany(PAIRS, (i) => `receiver-${run}-${i}`);
console.log(`${PAIRS} sender/receiver pairs connected`);

const latencies = [];
// The two halves of the path, split at the message's createdAt (stamped by message-service as it stores it):
// socket -> gateway -> messaging.message-commands -> message-service's insert, then its commit -> outbox
// relay -> messaging.message-events -> gateway -> the receiver's socket.
const toStored = [];
const fromStored = [];
const refused = { count: 0 };
for (const receiver of receivers) {
  receiver.on("message:received", (message) => {
    const now = Date.now();
    const sent = Number(message.content.split(" ")[0]);
    const stored = Date.parse(message.createdAt);
    latencies.push(now - sent);
    toStored.push(stored - sent);
    fromStored.push(now - stored);
  });
}
const total = RATE * SECONDS;
const began = Date.now();
for (let i = 0; i < total; i++) {
  const pair = i % PAIRS;
  senders[pair].timeout(15000).emitWithAck("message:send", { receiverId: `receiver-${run}-${pair}`, content: `${Date.now()} bench` })
    .then((ack) => { if (!ack.ok) refused.count++; }).catch(() => refused.count++);
  const due = began + ((i + 1) * 1000) / RATE;
  if (due > Date.now()) await sleep(due - Date.now());
}
for (let waited = 0; latencies.length + refused.count < total && waited < 30000; waited += 200) await sleep(200);
const p = percentiles(latencies);
console.log(`sent ${total} at ${RATE}/s: received ${latencies.length}, refused ${refused.count}`);
console.log(`send -> message:received ms: p50 ${p.p50}  p90 ${p.p90}  p99 ${p.p99}  max ${p.max}`);
for (const [label, samples] of [["send -> stored", toStored], ["stored -> received", fromStored]]) {
  const q = percentiles(samples);
  console.log(`  ${label} ms: p50 ${q.p50}  p90 ${q.p90}  p99 ${q.p99}  max ${q.max}`);
}
// One line for ./ticketing bench messages to read.
console.log(`RESULT ${JSON.stringify({ rate: RATE, sent: total, received: latencies.length, refused: refused.count,
  total: p, toStored: percentiles(toStored), fromStored: percentiles(fromStored) })}`);
[...senders, ...receivers].forEach((s) => s.disconnect());
process.exit(0);
