// Opens N idle Socket.IO connections (raw WebSocket: Engine.IO handshake, CONNECT to "/", pongs)
// against a running server and prints its memory per idle connection: VmRSS from /proc and the
// live heap after a full GC from jcmd. Prints figures only; it asserts nothing.
//
// Usage: node idle-connections.mjs <url> <server pid> [connections=10000] [parallel=200]
// The server needs a file-descriptor limit above N: run.sh raises it and starts the server.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import WebSocket from "ws";

const [url, pid, count = "10000", parallel = "200"] = process.argv.slice(2);
if (!url || !pid) {
  console.error("usage: node idle-connections.mjs <url> <server pid> [connections] [parallel]");
  process.exit(2);
}
const n = Number(count);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function rssKiB() {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]);
}

function liveHeapKiB() {
  execFileSync("jcmd", [pid, "GC.run"]);
  const info = execFileSync("jcmd", [pid, "GC.heap_info"], { encoding: "utf8" });
  // heap lines read "<space name> total NK, used NK" (one for G1, one per generation otherwise)
  return [...info.matchAll(/total \d+K, used (\d+)K/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}

function open() {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url.replace(/^http/, "ws") + "/socket.io/?EIO=4&transport=websocket");
    ws.on("message", (data) => {
      const text = data.toString();
      if (text.startsWith("0")) ws.send("40");
      else if (text.startsWith("40")) resolve(ws);
      else if (text === "2") ws.send("3");
    });
    ws.on("error", reject);
    ws.on("close", () => reject(new Error("closed before connecting")));
  });
}

const before = { rss: rssKiB(), heap: liveHeapKiB() };
const started = Date.now();
const sockets = [];
for (let i = 0; i < n; i += Number(parallel)) {
  const batch = Math.min(Number(parallel), n - i);
  sockets.push(...(await Promise.all(Array.from({ length: batch }, open))));
}
const connectMs = Date.now() - started;
await sleep(5000); // let the server settle
const after = { rss: rssKiB(), heap: liveHeapKiB() };
if (process.env.HISTOGRAM) {
  // the classes holding the most live heap, to see what one connection costs
  const histogram = execFileSync("jcmd", [pid, "GC.class_histogram"], { encoding: "utf8" });
  console.error(histogram.split("\n").slice(0, Number(process.env.HISTOGRAM) + 3).join("\n"));
}
const stillOpen = sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length;

const perConnection = (a, b) => (((b - a) * 1024) / n).toFixed(0);
console.log(JSON.stringify({
  connections: n,
  stillOpen,
  connectMs,
  rssKiB: { before: before.rss, after: after.rss },
  liveHeapKiB: { before: before.heap, after: after.heap },
  rssBytesPerConnection: Number(perConnection(before.rss, after.rss)),
  liveHeapBytesPerConnection: Number(perConnection(before.heap, after.heap)),
}));
sockets.forEach((ws) => ws.terminate());
process.exit(0);
