// Direct messages with one other user: history over REST, message:send with its ack, live
// message:received / message:sent, typing indicators both ways and read receipts.
import { $, el, formatTime, toast } from "./ui.js";

const TYPING_REPEAT_MS = 2000; // re-announce typing at most this often (the gateway coalesces too)
const TYPING_IDLE_MS = 3000; // stop typing after this long without a key
const TYPING_SHOWN_MS = 8000; // hide the peer's indicator if no typing:stop arrives

export class Chat {
  constructor(session) {
    this.session = session;
    this.peer = null;
    this.bubbles = new Map(); // message id or client id -> bubble node
    this.typingSentAt = 0;
    this.typingIdleTimer = null;
    this.typingShownTimer = null;
    this.pendingReads = new Set();
    session.onSocket((socket) => {
      socket.on("message:received", (message) => this.received(message));
      socket.on("message:sent", (message) => this.sentElsewhere(message));
      socket.on("message:read", (receipt) => this.markRead(receipt.messageId));
      socket.on("conversation:read", (read) => read.readerId === this.peer && this.markAllMineRead());
      socket.on("message:deleted", (deleted) => this.bubbles.get(deleted.messageId)?.classList.add("deleted"));
      socket.on("typing:start", ({ userId }) => userId === this.peer && this.showTyping(true));
      socket.on("typing:stop", ({ userId }) => userId === this.peer && this.showTyping(false));
    });
    $("#peer-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const peer = $("#peer-input").value.trim();
      if (peer) this.open(peer);
    });
    $("#compose-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.send();
    });
    const input = $("#compose-input");
    input.addEventListener("input", () => this.typed());
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        this.send();
      }
    });
    document.addEventListener("visibilitychange", () => this.readVisible());
  }

  async open(peer) {
    if (peer === this.session.userId) {
      toast("Pick another user to chat with", "error");
      return;
    }
    this.stopTyping();
    this.peer = peer;
    this.bubbles.clear();
    this.showTyping(false);
    $("#chat-peer").textContent = `with ${peer}`;
    $("#compose-input").disabled = false;
    $("#send-button").disabled = false;
    const box = $("#messages");
    box.replaceChildren(el("p", "empty", "Loading…"));
    try {
      const newestFirst = await this.session.api("GET", `/api/messages/conversation/${encodeURIComponent(peer)}?limit=50`);
      if (this.peer !== peer) return;
      box.replaceChildren();
      newestFirst.slice().reverse().forEach((message) => this.append(message));
      if (newestFirst.length === 0) box.append(el("p", "empty", `No messages with ${peer} yet. Say hello!`));
      this.readVisible();
    } catch (error) {
      box.replaceChildren(el("p", "error", `History unavailable: ${error.message}`));
    }
    $("#compose-input").focus();
  }

  async send() {
    const input = $("#compose-input");
    const content = input.value.trim();
    if (!this.peer || !content) return;
    input.value = "";
    this.stopTyping();
    const clientMessageId = crypto.randomUUID ? crypto.randomUUID() : `c-${Date.now()}-${Math.random()}`;
    const bubble = this.append({ id: null, senderId: this.session.userId, receiverId: this.peer, content,
      createdAt: new Date().toISOString(), isRead: false }, clientMessageId);
    this.setReceipt(bubble, "sending", "sending…");
    const ack = await this.session.request("message:send", { receiverId: this.peer, content, clientMessageId });
    if (!ack?.ok) {
      this.setReceipt(bubble, "failed", `not sent: ${ack?.error?.message ?? "no answer"}`);
      return;
    }
    this.identify(bubble, ack.id);
    if (bubble.dataset.receipt !== "read") {
      this.setReceipt(bubble, ack.status === "queued" ? "queued" : "sent", ack.status === "queued" ? "queued" : "✓ sent");
    }
  }

  /** A message to me: shown if its conversation is open, and then marked read. */
  received(message) {
    if (message.senderId !== this.peer) {
      toast(`New message from ${message.senderId}`);
      return;
    }
    this.append(message);
    this.readVisible();
  }

  /** My own message, sent from this or another device. */
  sentElsewhere(message) {
    if (message.receiverId !== this.peer || this.bubbles.has(message.id)) return;
    const pending = [...$("#messages").querySelectorAll('.bubble.mine[data-receipt="sending"]')]
        .find((bubble) => bubble.querySelector(".text").textContent === message.content);
    if (pending) {
      this.identify(pending, message.id);
      this.setReceipt(pending, "sent", "✓ sent");
    } else {
      this.append(message);
    }
  }

  append(message, clientId) {
    const box = $("#messages");
    box.querySelector(".empty")?.remove();
    if (message.id && this.bubbles.has(message.id)) return this.bubbles.get(message.id);
    const mine = message.senderId === this.session.userId;
    const bubble = el("div", `bubble ${mine ? "mine" : "theirs"}`);
    const meta = el("div", "meta");
    meta.append(el("time", "time", formatTime(message.createdAt)));
    if (mine) meta.append(el("span", "receipt"));
    bubble.append(el("p", "text", message.content), meta);
    box.append(bubble);
    box.scrollTop = box.scrollHeight;
    if (clientId) this.bubbles.set(clientId, bubble);
    if (message.id) this.identify(bubble, message.id);
    if (mine) {
      this.setReceipt(bubble, message.isRead ? "read" : "sent", message.isRead ? "✓✓ read" : "✓ sent");
    } else if (!message.isRead) {
      bubble.dataset.unread = "true";
    }
    return bubble;
  }

  identify(bubble, id) {
    bubble.dataset.messageId = id;
    this.bubbles.set(id, bubble);
  }

  setReceipt(bubble, state, text) {
    bubble.dataset.receipt = state;
    const receipt = bubble.querySelector(".receipt");
    if (receipt) receipt.textContent = text;
  }

  markRead(messageId) {
    const bubble = this.bubbles.get(messageId);
    if (bubble) this.setReceipt(bubble, "read", "✓✓ read");
  }

  markAllMineRead() {
    $("#messages").querySelectorAll(".bubble.mine").forEach((bubble) => this.setReceipt(bubble, "read", "✓✓ read"));
  }

  /** Marks the peer's unread messages read once they are on screen (PUT /api/messages/{id}/read). */
  readVisible() {
    if (document.visibilityState !== "visible") return;
    $("#messages").querySelectorAll('.bubble.theirs[data-unread="true"]').forEach((bubble) => {
      const id = bubble.dataset.messageId;
      if (!id || this.pendingReads.has(id)) return;
      this.pendingReads.add(id);
      this.session.api("PUT", `/api/messages/${encodeURIComponent(id)}/read`)
          .then(() => delete bubble.dataset.unread)
          .catch((error) => toast(`Could not mark read: ${error.message}`, "error"))
          .finally(() => this.pendingReads.delete(id));
    });
  }

  typed() {
    if (!this.peer) return;
    const now = Date.now();
    if (now - this.typingSentAt > TYPING_REPEAT_MS) {
      this.typingSentAt = now;
      this.session.emit("typing:start", this.peer);
    }
    clearTimeout(this.typingIdleTimer);
    this.typingIdleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping() {
    clearTimeout(this.typingIdleTimer);
    if (this.typingSentAt && this.peer) this.session.emit("typing:stop", this.peer);
    this.typingSentAt = 0;
  }

  showTyping(typing) {
    clearTimeout(this.typingShownTimer);
    $("#typing-text").textContent = typing ? `${this.peer} is typing…` : "";
    $("#typing").hidden = !typing;
    if (typing) this.typingShownTimer = setTimeout(() => this.showTyping(false), TYPING_SHOWN_MS);
  }
}
