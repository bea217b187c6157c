// The clients of `./ticketing faults`: official socket.io-client sockets, one user each, as an app uses
// them. Each follows one listing and records every `listing:updated` it receives (version, arrival time);
// each sends direct messages to the next socket's user, one at a time, retrying a send whose ack times out
// or says UNAVAILABLE with the same clientMessageId (as the contract asks a client to); each records the
// messages it receives. A reconnect that is not recovered re-subscribes, as an app that resyncs does, and
// is counted: what it missed shows up as lost.
//
// Protocol: one JSON command per line on stdin, one JSON answer per line on stdout (logs go to stderr):
//   {"cmd":"connect","urls":["http://127.0.0.1:4000",...],"run":"r1","sockets":200,"listings":["lst-a",...]}
//                                        sockets 2k and 2k+1 take urls[k mod urls.length]
//   {"cmd":"send","rate":100}            start sending, `rate` messages per second over all sockets
//   {"cmd":"stopSending","timeoutMs":60000}
//                                        stop starting sends; answer once every started send is acked
//   {"cmd":"progress","final":{"lst-a":41,...}}
//                                        how many sockets hold their listing's final version, and
//                                        how many acked messages have reached their receiver
//   {"cmd":"socketIds","users":[...]}    each user's current socket id (for the presence check)
//   {"cmd":"check","final":{...},"from":2,"faultAt":1733100000000}
//                                        lost / duplicated / out of order, per update and per message,
//                                        the longest pause in deliveries from the fault on (and which
//                                        listing, from when to when), sessions, and for the sockets
//                                        that lost their connection after the fault: how long until
//                                        connected again, and from then until their next update
// stdin closing ends the process.
import { io } from "socket.io-client";
import { sign } from "./hs256.mjs";
import { serveJsonLines } from "./json-lines.mjs";

const ACK_TIMEOUT_MS = 10_000;
const RETRY_AFTER_MS = 500;
const RETRYABLE = new Set(["timeout", "UNAVAILABLE", "RATE_LIMITED"]);

const clients = [];
const sends = { started: 0, acked: 0, retries: {}, refused: {} };
let sender = null;

class Client {
  constructor(index, userId, listingId, receiverId) {
    Object.assign(this, { index, userId, listingId, receiverId });
    this.versions = [];
    this.arrivals = [];
    this.received = new Map(); // message id -> times received
    this.receivedSeqs = []; // seq of each new message from its one sender, in arrival order
    this.acked = []; // { id, seq } of this socket's sends, in send order
    this.seq = 0;
    this.pending = false;
    this.sessions = { connects: 0, recovered: 0, fresh: 0 };
    this.disconnects = []; // when this socket lost its connection (ms)
    this.connects = []; // when it was connected again, in the same order
  }
}

function open(client, url) {
  return new Promise((resolve) => {
    // Half over WebSocket only, half as browsers start: long-polling, then the upgrade.
    const transports = client.index % 2 === 0 ? ["websocket"] : ["polling", "websocket"];
    const socket = io(url, {
      transports,
      auth: (cb) => cb({ token: sign(client.userId) }),
      reconnectionDelay: 250,
      reconnectionDelayMax: 2_000,
      timeout: 10_000,
    });
    client.socket = socket;
    let first = true;
    socket.on("disconnect", () => client.disconnects.push(Date.now()));
    socket.on("connect", async () => {
      client.sessions.connects++;
      if (!first) client.connects.push(Date.now());
      if (!first && socket.recovered) {
        client.sessions.recovered++;
        return;
      }
      if (!first) client.sessions.fresh++;
      const answer = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck("subscribe:listing", client.listingId)
        .catch((error) => ({ ok: false, error: { code: error.message } }));
      if (first) {
        first = false;
        resolve(answer?.ok ? null : `subscribe refused: ${JSON.stringify(answer)}`);
      }
    });
    socket.on("connect_error", (error) => {
      if (first && !socket.active) resolve(error.message);
    });
    socket.on("listing:updated", (update) => {
      if (update.listingId !== client.listingId) return;
      client.versions.push(update.version);
      client.arrivals.push(Date.now());
    });
    socket.on("message:received", (message) => {
      const times = client.received.get(message.id) ?? 0;
      client.received.set(message.id, times + 1);
      if (times === 0) client.receivedSeqs.push(Number(message.content.slice(message.content.lastIndexOf("#") + 1)));
    });
  });
}

async function connect({ urls, run, sockets, listings }) {
  const began = Date.now();
  for (let i = 0; i < sockets; i++) {
    clients.push(new Client(i, `${run}-u${i}`, listings[i % listings.length], `${run}-u${(i + 1) % sockets}`));
  }
  const errors = {};
  let next = 0;
  async function runner() {
    while (next < clients.length) {
      const client = clients[next++];
      // Pairs take the balancers in turn, so each balancer has WebSocket and polling clients.
      const error = await open(client, urls[Math.floor(client.index / 2) % urls.length]);
      if (error !== null) errors[error] = (errors[error] ?? 0) + 1;
    }
  }
  await Promise.all(Array.from({ length: 20 }, runner));
  const failed = Object.values(errors).reduce((sum, n) => sum + n, 0);
  return { connected: clients.length - failed, failed, errors, ms: Date.now() - began };
}

/** One send, retried with the same clientMessageId until it is acked or refused for good. */
function send(client, run) {
  const seq = client.seq;
  const payload = { receiverId: client.receiverId, content: `fault ${run} ${client.userId} #${seq}`, clientMessageId: `${run}-${seq}` };
  client.pending = true;
  sends.started++;
  const attempt = () => {
    client.socket.timeout(ACK_TIMEOUT_MS).emit("message:send", payload, (error, answer) => {
      if (!error && answer?.ok) {
        client.acked.push({ id: answer.id, seq });
        sends.acked++;
      } else {
        const code = error ? "timeout" : answer?.error?.code ?? "no answer";
        if (RETRYABLE.has(code)) {
          sends.retries[code] = (sends.retries[code] ?? 0) + 1;
          setTimeout(attempt, RETRY_AFTER_MS);
          return;
        }
        sends.refused[code] = (sends.refused[code] ?? 0) + 1;
      }
      client.seq++;
      client.pending = false;
    });
  };
  attempt();
}

function startSending({ rate, run }) {
  let budget = 0;
  let turn = 0;
  sender = setInterval(() => {
    budget += rate / 50;
    for (let tries = 0; budget >= 1 && tries < clients.length; tries++) {
      const client = clients[turn++ % clients.length];
      if (client.pending) continue;
      send(client, run);
      budget--;
    }
    budget = Math.min(budget, rate); // a backlog of sockets still waiting does not turn into a burst
  }, 20);
  return { ok: true };
}

async function stopSending({ timeoutMs }) {
  clearInterval(sender);
  const deadline = Date.now() + timeoutMs;
  while (clients.some((client) => client.pending) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { pending: clients.filter((client) => client.pending).length, ...sends };
}

function receiverOf(client) {
  return clients[(client.index + 1) % clients.length];
}

function progress({ final }) {
  let current = 0;
  let delivered = 0;
  let acked = 0;
  for (const client of clients) {
    if (client.versions.includes(final[client.listingId])) current++;
    const receiver = receiverOf(client);
    acked += client.acked.length;
    delivered += client.acked.filter(({ id }) => receiver.received.has(id)).length;
  }
  return { sockets: clients.length, current, acked, delivered };
}

function socketIds({ users }) {
  const ids = {};
  for (const client of clients) if (users.includes(client.userId)) ids[client.userId] = client.socket.id ?? null;
  return ids;
}

function check({ final, from, faultAt }) {
  const updates = { expected: 0, unique: 0, lost: 0, duplicates: 0, outOfOrder: 0, socketsWithLoss: 0 };
  const messages = { acked: 0, delivered: 0, lost: 0, duplicates: 0, outOfOrder: 0 };
  const sessions = { connects: 0, recovered: 0, fresh: 0 };
  let longestPause = 0;
  // Where and when it was (wall clock, to find it in the services' and brokers' logs).
  let longestPauseAt = null;
  const back = { reconnect: [], firstUpdate: [] };
  const ackedIds = [];
  for (const client of clients) {
    const last = final[client.listingId];
    const seen = new Set();
    let previous = -Infinity;
    for (const version of client.versions) {
      if (seen.has(version)) updates.duplicates++;
      else if (version >= from && version <= last) seen.add(version);
      if (version < previous) updates.outOfOrder++;
      previous = Math.max(previous, version);
    }
    const expected = Math.max(0, last - from + 1);
    updates.expected += expected;
    updates.unique += seen.size;
    updates.lost += expected - seen.size;
    if (seen.size < expected) updates.socketsWithLoss++;

    // The longest a socket waited for its next update from the fault on (updates flow all along).
    let since = faultAt;
    for (const at of client.arrivals) {
      if (at < faultAt) continue;
      if (at - since > longestPause) {
        longestPause = at - since;
        longestPauseAt = { listingId: client.listingId, from: new Date(since).toISOString(), to: new Date(at).toISOString(),
          moved: client.disconnects.some((down) => down >= faultAt), transport: client.socket.io.engine?.transport?.name ?? null };
      }
      since = at;
    }

    // Where a moved socket's pause went: getting connected again, then its first update after that.
    client.disconnects.forEach((down, i) => {
      const up = client.connects[i];
      if (down < faultAt || up === undefined) return;
      back.reconnect.push(up - down);
      const next = client.arrivals.find((at) => at >= up);
      if (next !== undefined) back.firstUpdate.push(next - up);
    });

    const receiver = receiverOf(client);
    for (const { id } of client.acked) {
      messages.acked++;
      ackedIds.push(id);
      const times = receiver.received.get(id) ?? 0;
      if (times === 0) messages.lost++;
      else {
        messages.delivered++;
        messages.duplicates += times - 1;
      }
    }
    for (let i = 1; i < client.receivedSeqs.length; i++) if (client.receivedSeqs[i] < client.receivedSeqs[i - 1]) messages.outOfOrder++;
    for (const key of Object.keys(sessions)) sessions[key] += client.sessions[key] - (key === "connects" ? 1 : 0);
  }
  const summary = (values) => {
    if (values.length === 0) return null;
    const sorted = [...values].sort((a, b) => a - b);
    return { count: sorted.length, p50: sorted[Math.floor((sorted.length - 1) / 2)], max: sorted[sorted.length - 1] };
  };
  const reconnected = { reconnect: summary(back.reconnect), firstUpdate: summary(back.firstUpdate) };
  if (longestPauseAt !== null) {
    // Whether the pause was the listing's (no socket of it got anything: the updates stopped coming) or
    // this socket's (the others of its listing kept receiving), over the middle of the pause.
    const from = Date.parse(longestPauseAt.from) + 1000;
    const to = Date.parse(longestPauseAt.to) - 1000;
    const others = clients.filter((other) => other.listingId === longestPauseAt.listingId);
    longestPauseAt.listingSockets = others.length;
    longestPauseAt.listingSocketsAlsoPaused = others.filter((other) => !other.arrivals.some((at) => at > from && at < to)).length;
  }
  return { updates, messages, sessions, longestPause, longestPauseAt, reconnected, ackedIds, sends };
}

function answer(command) {
  switch (command.cmd) {
    case "connect": return connect(command);
    case "send": return startSending(command);
    case "stopSending": return stopSending(command);
    case "progress": return progress(command);
    case "socketIds": return socketIds(command);
    case "check": return check(command);
    default: return { error: `unknown command ${command.cmd}` };
  }
}

serveJsonLines(answer, () => clients.forEach((client) => client.socket?.disconnect()));
