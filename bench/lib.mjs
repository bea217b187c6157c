// Shared helpers of the load scripts: HS256 tokens, sockets, percentiles.
import { randomUUID } from "node:crypto";
import { io } from "socket.io-client";
import { sign } from "./hs256.mjs";

export const GATEWAY = process.env.GATEWAY_URL ?? "http://localhost:3000";
export const KAFKA = process.env.KAFKA_BOOTSTRAP_SERVERS ?? "localhost:9092";

export function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** A token signed like `./ticketing token USER` (HS256 with the configured secret). */
export const token = (userId) => sign(userId);

/** Opens a websocket-only socket for userId and resolves once connected. */
export function connect(userId) {
  return new Promise((resolve, reject) => {
    const socket = io(GATEWAY, { transports: ["websocket"], auth: { token: token(userId) }, forceNew: true, reconnection: false });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Opens n sockets, a few at a time. */
export async function connectMany(n, userOf, parallel = 50) {
  const sockets = [];
  for (let i = 0; i < n; i += parallel) {
    const batch = [];
    for (let j = i; j < Math.min(n, i + parallel); j++) batch.push(connect(userOf(j)));
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

export function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] };
}

export function cloudEvent(type, subject, data) {
  return JSON.stringify({ specversion: "1.0", id: randomUUID(), source: "/bench", type, time: new Date().toISOString(),
    subject, datacontenttype: "application/json", data });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
