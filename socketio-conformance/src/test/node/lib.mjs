// Shared helpers of the e2e scripts: each script prints exactly one JSON result line on stdout
// (the Java test asserts on it) and exits 0; anything unexpected prints {"error": ...} and exits 1.
import { io } from "socket.io-client";

export function result(value) {
  process.stdout.write(JSON.stringify(value) + "\n");
  process.exit(0);
}

export function failure(message, details = {}) {
  process.stdout.write(JSON.stringify({ error: String(message), ...details }) + "\n");
  process.exit(1);
}

/** Fails the script if it has not finished after ms milliseconds. */
export function deadline(ms, what = "script") {
  // kept referenced: a script whose sockets all died still reports instead of exiting silently
  setTimeout(() => failure(`${what} did not finish within ${ms} ms`), ms);
}

/** Resolves with the event's arguments the next time it is emitted, or rejects after ms. */
export function next(emitter, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${event}' within ${ms} ms`)), ms);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const TRANSPORTS = {
  default: undefined,
  websocket: ["websocket"],
  polling: ["polling"],
};

/** A socket.io-client socket for a transport mode: default (polling then upgrade), websocket, polling. */
export function connect(url, mode = "default", options = {}) {
  const transports = TRANSPORTS[mode];
  return io(url, { forceNew: true, reconnection: false, ...(transports ? { transports } : {}), ...options });
}

/** A JSON-friendly view of socket.io arguments: Buffers become {buffer: "<hex>"}. */
export function plain(value) {
  if (Buffer.isBuffer(value) || value instanceof ArrayBuffer) {
    return { buffer: Buffer.from(value).toString("hex") };
  }
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  }
  return value;
}
