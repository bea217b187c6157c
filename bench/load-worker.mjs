// One load-generator process of `./ticketing bench` (the launcher starts several and drives them).
// Its clients are raw WebSockets speaking just enough Engine.IO v4 / Socket.IO v5: the open packet,
// CONNECT with a token, pongs, `subscribe:listing` with an ack id, and `listing:updated` events,
// which it counts per socket against the versions the publisher announced: lost, duplicated,
// publish -> receipt latency (event occurredAt to arrival, one clock: everything runs on this host).
//
// Protocol: one JSON command per line on stdin, one JSON answer per line on stdout (logs go to stderr):
//   {"cmd":"connect","url":"ws://127.0.0.1:3000","first":0,"step":2,"count":5000,"listings":100,
//    "listingPrefix":"bench-lst-","userPrefix":"bench-u","subscribe":true,"parallel":100,"sourceAddresses":16}
//   {"cmd":"begin","from":41,"to":190}   count versions from..to of each socket's listing from now on
//   {"cmd":"mark"}                        end of the publishing window: how many arrived inside it
//   {"cmd":"status"}                      open sockets and versions received so far
//   {"cmd":"end"}                         the point's figures, then stop counting
//   {"cmd":"storm","share":0.5,"url":"ws://...","parallel":5000}
//                                         drops that share of its sockets at once (as a crashed server's
//                                         clients lose theirs) and reconnects them all at once with
//                                         {token, pid, offset}: how long each took to be resumed, and whether it was
// Latencies of sockets that went through a storm are kept apart: the live fan-out of the others is what counts.
// stdin closing ends the process.
import WebSocket from "ws";
import { sign } from "./hs256.mjs";
import { serveJsonLines } from "./json-lines.mjs";

const HANDSHAKE_TIMEOUT_MS = 30_000;
const LATENCY_CAP_MS = 60_000;
const SUBSCRIBE_ACK_ID = 0;
const LISTING_UPDATED = '42["listing:updated"';

/** Every client of this process, in the order they were opened. */
const clients = [];
/** The load point being counted, or null between points. */
let point = null;

/** One socket: its user, its listing, and which versions of the current point it has received. */
class Client {
  constructor(userId, listingId) {
    this.userId = userId;
    this.listingId = listingId;
    this.ws = null;
    this.open = false;
    this.received = null;
    this.pid = null;
    this.offset = null;
    this.stormed = false;
    this.localAddress = null;
  }
}

function newPoint(from, to) {
  const length = to - from + 1;
  const open = clients.filter((client) => client.open);
  open.forEach((client) => { client.received = new Uint8Array(length); });
  return { from, length, expected: open.length * length, unique: 0, inWindow: 0, counting: true, duplicates: 0,
    stale: 0, closed: 0, latencies: new Uint32Array(LATENCY_CAP_MS + 1),
    stormedLatencies: new Uint32Array(LATENCY_CAP_MS + 1) };
}

/** Counts one `listing:updated` for the current point (anything else, or nothing being counted: stale). */
function countUpdate(client, update) {
  const current = point;
  if (current === null) return;
  const index = update.version - current.from;
  if (update.listingId !== client.listingId || client.received === null || index < 0 || index >= current.length) {
    current.stale++;
    return;
  }
  if (client.received[index] === 1) {
    current.duplicates++;
    return;
  }
  client.received[index] = 1;
  current.unique++;
  if (current.counting) current.inWindow++;
  const latency = Date.now() - Date.parse(update.occurredAt);
  (client.stormed ? current.stormedLatencies : current.latencies)[Math.min(Math.max(latency, 0), LATENCY_CAP_MS)]++;
}

/** Engine.IO / Socket.IO frames of one client; `settle` ends its handshake (error message or null). */
function onFrame(client, text, token, subscribe, settle) {
  if (text === "2") return client.ws.send("3"); // ping -> pong
  if (text.startsWith(LISTING_UPDATED)) {
    const args = JSON.parse(text.slice(2));
    if (typeof args[args.length - 1] === "string") client.offset = args[args.length - 1]; // recovery offset
    return countUpdate(client, args[1]);
  }
  if (text.startsWith("0")) {
    const auth = client.resuming ? { token, pid: client.pid, offset: client.offset } : { token };
    return client.ws.send(`40${JSON.stringify(auth)}`); // open -> CONNECT to "/"
  }
  if (text.startsWith("40")) {
    const reply = JSON.parse(text.slice(2));
    if (client.resuming) {
      client.recovered = reply.pid !== undefined && reply.pid === client.pid;
      client.pid = reply.pid ?? null;
      return settle(null);
    }
    client.pid = reply.pid ?? null;
    if (!subscribe) return settle(null);
    return client.ws.send(`42${SUBSCRIBE_ACK_ID}${JSON.stringify(["subscribe:listing", client.listingId])}`);
  }
  if (text.startsWith("44")) return settle(JSON.parse(text.slice(2)).message ?? "connect_error");
  if (text.startsWith(`43${SUBSCRIBE_ACK_ID}[`)) {
    const [answer] = JSON.parse(text.slice(3));
    return settle(answer?.ok ? null : `subscribe refused: ${JSON.stringify(answer)}`);
  }
}

/** Opens one client; resolves with null once it is connected (and subscribed), or with the reason it failed. */
function open(client, url, localAddress, subscribe) {
  return new Promise((resolve) => {
    const token = sign(client.userId);
    let pending = true;
    const settle = (error) => {
      if (!pending) return;
      pending = false;
      clearTimeout(timer);
      client.open = error === null;
      if (error !== null) client.ws.terminate();
      resolve(error);
    };
    const timer = setTimeout(() => settle("handshake timed out"), HANDSHAKE_TIMEOUT_MS);
    const ws = new WebSocket(`${url}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false, localAddress });
    client.ws = ws;
    // A socket dropped in a storm may close after its successor opened: only the current one counts.
    ws.on("message", (data) => { if (client.ws === ws) onFrame(client, data.toString(), token, subscribe, settle); });
    ws.on("error", (error) => { if (client.ws === ws) settle(error.code ?? error.message); });
    ws.on("close", (code) => {
      if (client.ws !== ws) return;
      if (client.open && point !== null && !client.dropping) point.closed++;
      client.open = false;
      settle(`closed (${code})`);
    });
  });
}

/** Opens this worker's share of the sockets, at most `parallel` handshakes at a time. */
async function connect({ url, first, step, count, listings, listingPrefix, userPrefix, subscribe, parallel, sourceAddresses }) {
  const began = Date.now();
  const mine = [];
  for (let i = first; i < count; i += step) mine.push({ index: i, client: new Client(`${userPrefix}${i}`, `${listingPrefix}${i % listings}`) });
  clients.push(...mine.map(({ client }) => client));
  const errors = {};
  let next = 0;
  async function runner() {
    while (next < mine.length) {
      const { index, client } = mine[next++];
      // Loopback has a whole /8: spreading clients over source addresses keeps each address's
      // pre-CONNECT sessions (and ephemeral ports) well under the server's per-address limits.
      client.localAddress = `127.0.0.${2 + (index % sourceAddresses)}`;
      const error = await open(client, url, client.localAddress, subscribe);
      if (error !== null) errors[error] = (errors[error] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, mine.length) }, runner));
  const failed = Object.values(errors).reduce((sum, n) => sum + n, 0);
  return { connected: mine.length - failed, failed, errors, ms: Date.now() - began };
}

/** Drops `share` of the open sockets at once, then resumes them all at once; per socket the ms to its CONNECT reply. */
async function storm({ share, url, parallel }) {
  const connected = clients.filter((client) => client.open);
  const victims = connected.slice(0, Math.round(connected.length * share));
  victims.forEach((client) => {
    client.dropping = true;
    client.stormed = true;
    const dropped = client.ws;
    client.ws = null;
    client.open = false;
    dropped.terminate();
  });
  const began = Date.now();
  const took = [];
  const errors = {};
  let recovered = 0;
  let next = 0;
  async function runner() {
    while (next < victims.length) {
      const client = victims[next++];
      client.resuming = true;
      client.recovered = false;
      const start = Date.now();
      // As socket.io-client does: a refused or failed attempt is retried after a short back-off.
      let error = await open(client, url, client.localAddress, false);
      for (let attempt = 1; error !== null && attempt < 20; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 100 * Math.min(attempt, 5)));
        error = await open(client, url, client.localAddress, false);
      }
      client.resuming = false;
      client.dropping = false;
      if (error !== null) errors[error] = (errors[error] ?? 0) + 1;
      else {
        took.push(Date.now() - start);
        if (client.recovered) recovered++;
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallel, victims.length) }, runner));
  return { dropped: victims.length, resumed: took.length, recovered, errors, took, ms: Date.now() - began };
}

function summary(current) {
  const latencies = [];
  current.latencies.forEach((n, ms) => { if (n > 0) latencies.push([ms, n]); });
  const stormedLatencies = [];
  current.stormedLatencies.forEach((n, ms) => { if (n > 0) stormedLatencies.push([ms, n]); });
  return { expected: current.expected, unique: current.unique, inWindow: current.inWindow, duplicates: current.duplicates,
    stale: current.stale, closed: current.closed, latencies, stormedLatencies };
}

function answer(command) {
  switch (command.cmd) {
    case "connect": return connect(command);
    case "begin": point = newPoint(command.from, command.to); return { ok: true };
    case "mark": point.counting = false; return { inWindow: point.inWindow };
    case "status": return { open: clients.filter((client) => client.open).length, unique: point?.unique ?? 0 };
    case "end": { const result = summary(point); point = null; return result; }
    case "storm": return storm(command);
    default: return { error: `unknown command ${command.cmd}` };
  }
}

serveJsonLines(answer, () => clients.forEach((client) => client.ws?.terminate()));
