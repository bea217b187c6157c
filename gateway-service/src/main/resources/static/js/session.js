// Signing in (pasted token or demo user), the one Socket.IO connection, and its status in the top bar.
import { api, demoToken, demoUsers, useToken } from "./api.js";
import { $, el, logEvent, toast } from "./ui.js";

const STORAGE_KEY = "ticketing.demo.token";

/**
 * Owns the socket. Features register with onSocket(fn): fn(socket) runs for every new socket, and
 * onConnected(fn) runs on every (re)connection with {userId, socketId, serverTime, recovered}.
 */
export class Session {
  constructor() {
    this.socket = null;
    this.userId = null;
    this.socketSetups = [];
    this.connectedListeners = [];
  }

  onSocket(setup) {
    this.socketSetups.push(setup);
  }

  onConnected(listener) {
    this.connectedListeners.push(listener);
  }

  async start() {
    $("#token-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const token = $("#token-input").value.trim();
      if (token) this.connect(token);
    });
    $("#sign-out").addEventListener("click", () => this.signOut());
    await this.offerDemoUsers();
    const saved = sessionStorage.getItem(STORAGE_KEY);
    if (saved) this.connect(saved);
  }

  async offerDemoUsers() {
    const users = await demoUsers();
    if (!users) return;
    const buttons = $("#demo-user-buttons");
    for (const user of users) {
      const button = el("button", "button demo-user", user);
      button.type = "button";
      button.dataset.user = user;
      button.addEventListener("click", () => this.signInAsDemoUser(user));
      buttons.append(button);
    }
    $("#demo-users").hidden = false;
    $("#demo-off-hint").hidden = true;
  }

  async signInAsDemoUser(user) {
    try {
      this.connect(await demoToken(user));
    } catch (error) {
      this.showSignInError(`Demo sign-in failed: ${error.message}`);
    }
  }

  connect(token) {
    this.disconnect();
    this.showSignInError("");
    useToken(token);
    sessionStorage.setItem(STORAGE_KEY, token);
    this.setState("connecting", "connecting…");
    const socket = io({ auth: { token }, reconnectionDelayMax: 5000 });
    this.socket = socket;
    // A resumed session's missed events arrive between the CONNECT reply and the server's "connected".
    let connects = 0;
    let awaitingHello = false;
    let replayed = 0;
    socket.onAny((event, ...args) => {
      if (awaitingHello && event !== "connected") replayed += 1;
      logEvent("in", event, args.length === 1 ? args[0] : args);
    });
    socket.onAnyOutgoing((event, ...args) => logEvent("out", event, args.filter((a) => typeof a !== "function")));
    socket.on("connected", (hello) => {
      this.userId = hello.userId;
      $("#who").textContent = hello.userId;
      $("#sign-in").hidden = true;
      $("#app").hidden = false;
      $("#sign-out").hidden = false;
      this.connectedListeners.forEach((listener) => listener({ ...hello, recovered: socket.recovered }));
      awaitingHello = false;
      if (connects > 1) {
        toast(socket.recovered
          ? `Reconnected, ${replayed} missed update${replayed === 1 ? "" : "s"} recovered`
          : "Reconnected with a fresh session: following your listings again", "info");
      }
    });
    socket.on("connect", () => {
      connects += 1;
      awaitingHello = true;
      replayed = 0;
      this.setState("online", socket.io.engine.transport.name);
      socket.io.engine.on("upgrade", (transport) => this.setState("online", transport.name));
    });
    socket.on("disconnect", (reason) => this.setState("offline", reason === "io client disconnect" ? "offline" : "reconnecting…"));
    socket.on("connect_error", (error) => this.refused(error));
    socket.on("error", (error) => toast(`${error.event ?? "socket"}: ${error.message ?? error.code}`, "error"));
    this.socketSetups.forEach((setup) => setup(socket));
  }

  /** A refused CONNECT (bad or expired token) goes back to the sign-in card; network trouble just retries. */
  refused(error) {
    const authProblem = /token|authentication|connections/i.test(error.message ?? "");
    this.setState("offline", authProblem ? "refused" : "retrying…");
    if (authProblem) {
      this.disconnect();
      sessionStorage.removeItem(STORAGE_KEY);
      this.showSignInError(`Connection refused: ${error.message}`);
      $("#sign-in").hidden = false;
      $("#app").hidden = true;
    }
  }

  disconnect() {
    if (this.socket) {
      this.socket.removeAllListeners();
      this.socket.disconnect();
      this.socket = null;
    }
  }

  signOut() {
    this.disconnect();
    sessionStorage.removeItem(STORAGE_KEY);
    location.reload();
  }

  /** Emits with an acknowledgement (10 s timeout); resolves with the ack's first argument. */
  request(event, ...args) {
    return new Promise((resolve) => {
      if (!this.socket) return resolve({ ok: false, error: { code: "UNAVAILABLE", message: "not connected" } });
      this.socket.timeout(10000).emit(event, ...args, (timeout, answer) => resolve(timeout
          ? { ok: false, error: { code: "UNAVAILABLE", message: "no answer from the gateway" } } : answer));
    });
  }

  emit(event, ...args) {
    this.socket?.emit(event, ...args);
  }

  api(method, path, body) {
    return api(method, path, body);
  }

  setState(state, label) {
    const pill = $("#connection");
    pill.dataset.state = state;
    pill.textContent = label;
  }

  showSignInError(message) {
    $("#sign-in-error").textContent = message;
  }
}
