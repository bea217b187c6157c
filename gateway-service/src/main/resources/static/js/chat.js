// Direct messages with one other user: history over REST (newest page, then older ones by keyset),
// message:send with its ack, live message:received / message:sent, typing indicators both ways, read
// receipts, and the peer's online dot and block button in the header.
import { Typing } from "./typing.js";
import { $, el, flash, formatTime, toast } from "./ui.js";

const PAGE = 50;

export class Chat {
  constructor(session, presence, blocking) {
    this.session = session;
    this.presence = presence;
    this.blocking = blocking;
    this.peer = null;
    this.oldestId = null; // the oldest message shown: where "load older" goes on from
    this.openedListeners = [];
    this.readListeners = [];
    this.olderButton = el("button", "button ghost older", "Load older messages");
    this.olderButton.type = "button";
    this.olderButton.addEventListener("click", () => this.loadOlder());
    this.bubbles = new Map(); // message id or client id -> bubble node
    this.typing = new Typing(session, blocking, (error) => this.showNotice(error));
    this.pendingReads = new Set();
    session.onSocket((socket) => {
      socket.on("message:received", (message) => this.received(message));
      socket.on("message:sent", (message) => this.sentElsewhere(message));
      socket.on("message:read", (receipt) => this.markRead(receipt.messageId));
      socket.on("conversation:read", (read) => read.readerId === this.peer && this.markAllMineRead());
      socket.on("message:deleted", (deleted) => this.bubbles.get(deleted.messageId)?.classList.add("deleted"));
    });
    // A fresh session missed whatever happened meanwhile: the open conversation is reloaded.
    session.onConnected(({ recovered }) => !recovered && this.peer && this.open(this.peer));
    blocking.onChange(() => this.showBlocking());
    $("#block-button").addEventListener("click", () => this.peer && this.blocking.toggle(this.peer));
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
    input.addEventListener("input", () => this.typing.typed());
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey) {
        event.preventDefault();
        this.send();
      }
    });
    document.addEventListener("visibilitychange", () => this.readVisible());
  }

  /** opened(peer) runs when a conversation opens; read(peer) when messages of it were marked read. */
  onOpened(listener) {
    this.openedListeners.push(listener);
  }

  onRead(listener) {
    this.readListeners.push(listener);
  }

  /** Shows the newest page of the conversation with peer and marks it read; revealId flashes that message. */
  async open(peer, revealId) {
    if (peer === this.session.userId) {
      toast("Pick another user to chat with", "error");
      return;
    }
    this.peer = peer;
    this.typing.follow(peer);
    this.oldestId = null;
    this.bubbles.clear();
    this.showNotice(null);
    $("#chat-peer").textContent = `with ${peer}`;
    const dot = $("#chat-presence");
    dot.dataset.userId = peer;
    dot.hidden = false;
    this.presence.watch("chat", [peer]);
    this.presence.paint(dot);
    this.showBlocking();
    $("#compose-input").disabled = false;
    $("#send-button").disabled = false;
    this.openedListeners.forEach((listener) => listener(peer));
    const box = $("#messages");
    box.replaceChildren(el("p", "empty", "Loading…"));
    try {
      const newestFirst = await this.page(peer);
      if (this.peer !== peer) return;
      const arrivedMeanwhile = [...box.querySelectorAll(".bubble")];
      this.bubbles.clear();
      this.olderButton.hidden = newestFirst.length < PAGE;
      box.replaceChildren(this.olderButton);
      newestFirst.slice().reverse().forEach((message) => this.append(message));
      this.keepNewer(arrivedMeanwhile);
      this.oldestId = newestFirst.at(-1)?.id ?? null;
      if (newestFirst.length === 0) box.append(el("p", "empty", `No messages with ${peer} yet. Say hello!`));
      this.readConversation(peer);
      this.reveal(revealId);
    } catch (error) {
      box.replaceChildren(el("p", "error", `History unavailable: ${error.message}`));
    }
    $("#compose-input").focus();
  }

  /** Live bubbles that arrived (or were sent) while the history loaded, unless the history has them. */
  keepNewer(bubbles) {
    const box = $("#messages");
    bubbles.filter((bubble) => !this.bubbles.has(bubble.dataset.messageId)).forEach((bubble) => {
      box.append(bubble);
      if (bubble.dataset.messageId) this.identify(bubble, bubble.dataset.messageId);
    });
  }

  /** The page of messages with peer, newest first: the newest, or those older than message id before. */
  page(peer, before) {
    const older = before ? `&before=${encodeURIComponent(before)}` : "";
    return this.session.api("GET", `/api/messages/conversation/${encodeURIComponent(peer)}?limit=${PAGE}${older}`);
  }

  /** Puts the page before the oldest shown message on top, keeping what the reader looks at in place. */
  async loadOlder() {
    const peer = this.peer;
    if (!peer || !this.oldestId) return;
    this.olderButton.disabled = true;
    try {
      const older = await this.page(peer, this.oldestId);
      if (this.peer !== peer) return;
      const box = $("#messages");
      const fromBottom = box.scrollHeight - box.scrollTop;
      const fresh = older.filter((message) => !this.bubbles.has(message.id)).reverse();
      this.olderButton.after(...fresh.map((message) => this.bubble(message)));
      this.oldestId = older.at(-1)?.id ?? this.oldestId;
      this.olderButton.hidden = older.length < PAGE;
      box.scrollTop = box.scrollHeight - fromBottom;
    } catch (error) {
      toast(`Older messages unavailable: ${error.message}`, "error");
    } finally {
      this.olderButton.disabled = false;
    }
  }

  reveal(messageId) {
    const bubble = messageId && this.bubbles.get(messageId);
    if (!bubble) return;
    bubble.scrollIntoView({ block: "center" });
    flash(bubble);
  }

  async send() {
    const input = $("#compose-input");
    const content = input.value.trim();
    if (!this.peer || !content) return;
    input.value = "";
    this.typing.stop();
    const clientMessageId = crypto.randomUUID ? crypto.randomUUID() : `c-${Date.now()}-${Math.random()}`;
    const bubble = this.append({ id: null, senderId: this.session.userId, receiverId: this.peer, content,
      createdAt: new Date().toISOString(), isRead: false }, clientMessageId);
    this.setReceipt(bubble, "sending", "sending…");
    const ack = await this.session.request("message:send", { receiverId: this.peer, content, clientMessageId });
    if (!ack?.ok) {
      const error = ack?.error ?? { code: "UNAVAILABLE", message: "no answer" };
      this.setReceipt(bubble, "failed", `not sent: ${error.message}`);
      this.showNotice(error);
      return;
    }
    this.showNotice(null);
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
    if (message.receiverId !== this.peer) return;
    const known = this.bubbles.get(message.id);
    if (known) {
      if (known.dataset.receipt === "queued") this.setReceipt(known, "sent", "✓ sent"); // stored after all
      return;
    }
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
    const bubble = this.bubble(message, clientId);
    box.append(bubble);
    box.scrollTop = box.scrollHeight;
    return bubble;
  }

  /** A new bubble for message, known by its id (and clientId, for a send not yet acknowledged). */
  bubble(message, clientId) {
    const mine = message.senderId === this.session.userId;
    const bubble = el("div", `bubble ${mine ? "mine" : "theirs"}`);
    const meta = el("div", "meta");
    meta.append(el("time", "time", formatTime(message.createdAt)));
    if (mine) meta.append(el("span", "receipt"));
    bubble.append(el("p", "text", message.content), meta);
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

  unreadBubbles() {
    return [...$("#messages").querySelectorAll('.bubble.theirs[data-unread="true"]')];
  }

  /** A conversation just opened is read at once (PUT /api/messages/conversation/{userId}/read), if on screen. */
  readConversation(peer) {
    const unread = this.unreadBubbles();
    if (document.visibilityState !== "visible" || unread.length === 0) return;
    this.session.api("PUT", `/api/messages/conversation/${encodeURIComponent(peer)}/read`)
        .then(() => {
          unread.forEach((bubble) => delete bubble.dataset.unread);
          this.readListeners.forEach((listener) => listener(peer));
        })
        .catch((error) => toast(`Could not mark read: ${error.message}`, "error"));
  }

  /** Marks the peer's unread messages read once they are on screen (PUT /api/messages/{id}/read). */
  readVisible() {
    if (document.visibilityState !== "visible") return;
    const peer = this.peer;
    this.unreadBubbles().forEach((bubble) => {
      const id = bubble.dataset.messageId;
      if (!id || this.pendingReads.has(id)) return;
      this.pendingReads.add(id);
      this.session.api("PUT", `/api/messages/${encodeURIComponent(id)}/read`)
          .then(() => {
            delete bubble.dataset.unread;
            this.readListeners.forEach((listener) => listener(peer));
          })
          .catch((error) => toast(`Could not mark read: ${error.message}`, "error"))
          .finally(() => this.pendingReads.delete(id));
    });
  }

  /** A refusal ({code, message}) shown above the compose box until the next open or successful send; null hides it. */
  showNotice(error) {
    const notice = $("#chat-notice");
    notice.hidden = !error;
    notice.textContent = error ? error.message : "";
    notice.dataset.code = error ? error.code : "";
  }

  /** The header's block button and tag for the open conversation. */
  showBlocking() {
    const blocked = this.peer !== null && this.blocking.isBlocked(this.peer);
    const button = $("#block-button");
    button.hidden = this.peer === null;
    button.dataset.blocked = String(blocked);
    button.textContent = blocked ? "Unblock" : "Block";
    button.title = blocked ? `Let ${this.peer} message you again` : `Stop messages and typing between you and ${this.peer}`;
    $("#chat-blocked").hidden = !blocked;
  }
}
