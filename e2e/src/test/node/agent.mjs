// A socket.io-client puppet for the Java end-to-end tests. It reads one JSON command per line on
// stdin and writes one JSON line per thing that happens on stdout:
//   {"op":"connect","id":"c1","client":"alice-1","url":"http://...","auth":{"token":"..."},"transports":["websocket"]}
//   {"op":"emit","id":"c2","client":"alice-1","event":"subscribe:listing","args":["lst-1"],"ack":true}
//   {"op":"disconnect","id":"c3","client":"alice-1"}
//   {"op":"cut","id":"c4","client":"alice-1"}   closes the transport under the socket, as a network drop
//   {"op":"away","id":"c5","client":"alice-1"}  the same drop, but the client stays away until
//   {"op":"back","id":"c6","client":"alice-1"}  it reconnects (resuming its session when the server can)
// With "reconnect":true a client reconnects by itself (and resumes its session when the server can);
// each reconnection is pushed as {"client":...,"event":"$connect","args":[{"id":...,"recovered":...}]}.
// Replies: {"reply":"c1","ok":true,...} / {"reply":"c2","ack":[...]}; pushed events:
//   {"client":"alice-1","event":"listing:updated","args":[...]}, plus connect_error and disconnect.
import { io } from "socket.io-client";
import readline from "node:readline";

const clients = new Map();
const write = (value) => process.stdout.write(JSON.stringify(value) + "\n");

function connect({ id, client, url, auth, transports, query, reconnect = false }) {
  const socket = io(url, {
    forceNew: true,
    reconnection: reconnect,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0,
    auth,
    query,
    ...(transports ? { transports } : {}),
  });
  clients.set(client, socket);
  let connects = 0;
  socket.onAny((event, ...args) => write({ client, event, args }));
  socket.on("connect", () => {
    connects += 1;
    if (connects === 1) write({ reply: id, ok: true, socketId: socket.id, recovered: socket.recovered });
    else write({ client, event: "$connect", args: [{ id: socket.id, recovered: socket.recovered }] });
    socket.io.engine.on("upgrade", (transport) => write({ client, event: "$upgrade", args: [transport.name] }));
  });
  socket.on("connect_error", (error) => {
    write({ client, event: "connect_error", args: [{ message: error.message, data: error.data ?? null }] });
    if (connects === 0 && !reconnect) write({ reply: id, ok: false, message: error.message });
  });
  socket.on("disconnect", (reason) => write({ client, event: "disconnect", args: [reason] }));
}

function emit({ id, client, event, args = [], ack, timeoutMs = 10000 }) {
  const socket = clients.get(client);
  if (!socket) return write({ reply: id, ok: false, message: `no client ${client}` });
  if (!ack) {
    socket.emit(event, ...args);
    return write({ reply: id, ok: true });
  }
  socket.timeout(timeoutMs).emit(event, ...args, (error, ...answer) => {
    if (error) write({ reply: id, ok: false, message: "ack timeout" });
    else write({ reply: id, ok: true, ack: answer });
  });
}

// Emits the same event once per entry of argsList without waiting in between (a burst), then
// replies with every acknowledgement in order.
function burst({ id, client, event, argsList, timeoutMs = 15000 }) {
  const socket = clients.get(client);
  if (!socket) return write({ reply: id, ok: false, message: `no client ${client}` });
  const acks = argsList.map((args) => new Promise((resolve) =>
    socket.timeout(timeoutMs).emit(event, ...args, (error, ...answer) => resolve(error ? { timeout: true } : answer[0]))));
  Promise.all(acks).then((answers) => write({ reply: id, ok: true, acks: answers }));
}

function command(line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch (e) {
    return write({ error: `not JSON: ${line}` });
  }
  switch (request.op) {
    case "connect": return connect(request);
    case "emit": return emit(request);
    case "burst": return burst(request);
    case "transport": {
      const socket = clients.get(request.client);
      return write({ reply: request.id, ok: true, transport: socket?.io?.engine?.transport?.name ?? null });
    }
    case "cut": {
      clients.get(request.client)?.io?.engine?.close();
      return write({ reply: request.id, ok: true });
    }
    case "away": {
      const socket = clients.get(request.client);
      socket?.io?.reconnection(false);
      socket?.io?.engine?.close();
      return write({ reply: request.id, ok: true });
    }
    case "back": {
      const socket = clients.get(request.client);
      socket?.io?.reconnection(true);
      socket?.connect();
      return write({ reply: request.id, ok: true });
    }
    case "disconnect": {
      clients.get(request.client)?.disconnect();
      clients.delete(request.client);
      return write({ reply: request.id, ok: true });
    }
    case "exit": {
      clients.forEach((socket) => socket.disconnect());
      write({ reply: request.id, ok: true });
      return setTimeout(() => process.exit(0), 50);
    }
    default: return write({ reply: request.id, ok: false, message: `unknown op ${request.op}` });
  }
}

readline.createInterface({ input: process.stdin }).on("line", command).on("close", () => process.exit(0));
write({ ready: true });
