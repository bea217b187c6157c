// Online dots: GET /api/presence/users/{userId} for the contacts on screen, when they appear and every
// 10 s while the page is visible. Features say whom they show with watch(owner, userIds).
import { el } from "./ui.js";

const REFRESH_MS = 10_000;
const MAX_WATCHED = 20; // one request per contact per round: keep a round cheap

export class Presence {
  constructor(session) {
    this.session = session;
    this.online = new Map(); // userId -> true / false, as last answered
    this.watched = new Map(); // owner -> userIds it shows
    this.refreshing = false;
    session.onConnected(() => this.refresh());
    setInterval(() => document.visibilityState === "visible" && this.refresh(), REFRESH_MS);
  }

  /** The users owner shows now; those never asked about yet are asked at once. */
  watch(owner, userIds) {
    this.watched.set(owner, userIds.slice(0, MAX_WATCHED));
    const unknown = this.watchedUsers().filter((userId) => !this.online.has(userId));
    if (unknown.length) this.ask(unknown);
  }

  /** A dot for userId, repainted on every answer from then on. */
  dot(userId) {
    const node = el("span", "presence-dot");
    node.dataset.userId = userId;
    this.paint(node);
    return node;
  }

  watchedUsers() {
    return [...new Set([...this.watched.values()].flat())];
  }

  async refresh() {
    if (this.refreshing || !this.session.userId) return;
    this.refreshing = true;
    try {
      await this.ask(this.watchedUsers());
    } finally {
      this.refreshing = false;
    }
  }

  async ask(userIds) {
    await Promise.all(userIds.map(async (userId) => {
      try {
        const answer = await this.session.api("GET", `/api/presence/users/${encodeURIComponent(userId)}`);
        this.online.set(userId, answer.online === true);
      } catch {
        this.online.delete(userId); // unknown until the next round
      }
    }));
    document.querySelectorAll(".presence-dot").forEach((node) => this.paint(node));
  }

  paint(node) {
    const userId = node.dataset.userId;
    if (!userId) return;
    const online = this.online.get(userId);
    node.dataset.online = online === undefined ? "unknown" : String(online);
    node.title = online === undefined ? "" : `${userId} is ${online ? "online" : "offline"}`;
  }
}
