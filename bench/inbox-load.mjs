// Closed-loop REST load on one message-service endpoint: CONCURRENCY requests in flight over keep-alive
// connections, each from a user drawn in turn from USERS, for SECONDS; prints a RESULT line (latency ms
// percentiles, requests/s, failures, its own CPU in ms). Used by `./ticketing bench inbox`; asserts nothing.
//   MESSAGE_SERVICE_URL=http://127.0.0.1:8081 node inbox-load.mjs --path /api/messages/unread-count \
//     --users bench-user- --user-count 10000 --concurrency 4 --seconds 30
import http from "node:http";
import { sign } from "./hs256.mjs";
import { percentiles } from "./lib.mjs";

const text = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const BASE = new URL(process.env.MESSAGE_SERVICE_URL ?? "http://127.0.0.1:8081");
const PATH = text("path", "/api/messages/conversations");
const PREFIX = text("users", "bench-user-");
const USER_COUNT = Number(text("user-count", "10000"));
const CONCURRENCY = Number(text("concurrency", "4"));
const SECONDS = Number(text("seconds", "30"));

// At most 500 users (their tokens signed once, outside the timed part), spread over the whole range.
const tokens = Array.from({ length: Math.min(500, USER_COUNT) },
  (_, i) => sign(`${PREFIX}${Math.floor((i * USER_COUNT) / Math.min(500, USER_COUNT))}`));
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function request(token) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.get({ host: BASE.hostname, port: BASE.port, path: PATH, agent,
      headers: { authorization: `Bearer ${token}`, accept: "application/json" } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ ok: res.statusCode === 200, status: res.statusCode,
        micros: Number(process.hrtime.bigint() - started) / 1000 }));
    });
    req.on("error", (error) => resolve({ ok: false, status: error.code, micros: 0 }));
  });
}

const latencies = [];
const failures = {};
let next = 0;
const deadline = Date.now() + SECONDS * 1000;
async function worker() {
  while (Date.now() < deadline) {
    const outcome = await request(tokens[next++ % tokens.length]);
    if (outcome.ok) latencies.push(outcome.micros / 1000);
    else failures[outcome.status] = (failures[outcome.status] ?? 0) + 1;
  }
}
const began = Date.now();
const cpuBefore = process.cpuUsage();
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
const elapsed = (Date.now() - began) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const p = percentiles(latencies);
const round = (ms) => Math.round(ms * 100) / 100;
console.log(`RESULT ${JSON.stringify({ path: PATH, requests: latencies.length, perSecond: Math.round(latencies.length / elapsed),
  failures, p50: round(p.p50), p90: round(p.p90), p99: round(p.p99), max: round(p.max),
  cpuMs: Math.round((cpu.user + cpu.system) / 1000) })}`);
agent.destroy();
