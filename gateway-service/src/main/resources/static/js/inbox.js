// The conversation list: GET /api/messages/conversations (newest first) with an unread badge, an online
// dot and the block state per contact, reloaded on every connection and on each message event.
import { $, el, formatWhen } from "./ui.js";

const RELOADING_EVENTS = ["message:received", "message:sent", "message:read", "conversation:read", "message:deleted"];

export class Inbox {
  constructor(session, chat, presence, blocking) {
    this.session = session;
    this.chat = chat;
    this.presence = presence;
    this.blocking = blocking;
    this.conversations = [];
    this.loading = false;
    this.reloadAgain = false;
    session.onSocket((socket) => RELOADING_EVENTS.forEach((event) => socket.on(event, () => this.reload())));
    // Also after a reconnection that was not recovered: the list is the state to reload (contract section 3).
    session.onConnected(() => this.reload());
    chat.onOpened(() => this.render());
    chat.onRead(() => this.reload());
    blocking.onChange(() => this.render());
  }

  /** Loads the list; a reload asked for while one is on its way runs once more after it. */
  async reload() {
    if (this.loading) {
      this.reloadAgain = true;
      return;
    }
    this.loading = true;
    try {
      this.conversations = await this.session.api("GET", "/api/messages/conversations");
      this.render();
      this.presence.watch("inbox", this.conversations.map((conversation) => conversation.userId));
    } catch (error) {
      $("#conversations").replaceChildren(el("li", "error", `Conversations unavailable: ${error.message}`));
    } finally {
      this.loading = false;
      if (this.reloadAgain) {
        this.reloadAgain = false;
        this.reload();
      }
    }
  }

  render() {
    $("#conversations").replaceChildren(...this.conversations.map((conversation) => this.row(conversation)));
    $("#conversations-empty").hidden = this.conversations.length > 0;
    const unread = this.conversations.reduce((sum, conversation) => sum + conversation.unreadCount, 0);
    $("#inbox-unread").textContent = String(unread);
    $("#inbox-unread").hidden = unread === 0;
  }

  row({ userId, lastMessage, unreadCount }) {
    const item = el("li", "conversation");
    item.dataset.userId = userId;
    item.dataset.unread = String(unreadCount);
    item.dataset.blocked = String(this.blocking.isBlocked(userId));
    if (userId === this.chat.peer) item.setAttribute("aria-current", "true");

    const open = el("button", "conversation-open");
    open.type = "button";
    open.addEventListener("click", () => this.chat.open(userId));
    const top = el("span", "conversation-top");
    const blocked = el("span", "tag blocked", "blocked");
    blocked.hidden = !this.blocking.isBlocked(userId);
    top.append(el("span", "conversation-user", userId), blocked, el("time", "conversation-time", formatWhen(lastMessage?.createdAt)));
    const mine = lastMessage?.senderId === this.session.userId;
    const main = el("span", "conversation-main");
    main.append(top, el("span", "conversation-preview", lastMessage ? `${mine ? "You: " : ""}${lastMessage.content}` : ""));
    const badge = el("span", "badge", String(unreadCount));
    badge.title = `${unreadCount} unread`;
    badge.hidden = unreadCount === 0;
    open.append(this.presence.dot(userId), main, badge);
    item.append(open);
    return item;
  }
}
