// The users I block: GET /api/users/blocked on every connection and after each change, which is
// PUT (block) or DELETE (unblock) /api/users/{userId}/block.
import { toast } from "./ui.js";

export class Blocking {
  constructor(session) {
    this.session = session;
    this.blocked = new Map(); // userId -> blockedAt
    this.listeners = [];
    session.onConnected(() => this.load());
  }

  /** listener() runs whenever the set of blocked users may have changed. */
  onChange(listener) {
    this.listeners.push(listener);
  }

  isBlocked(userId) {
    return this.blocked.has(userId);
  }

  async load() {
    try {
      const list = await this.session.api("GET", "/api/users/blocked");
      this.blocked = new Map(list.map(({ userId, blockedAt }) => [userId, blockedAt]));
      this.listeners.forEach((listener) => listener());
    } catch (error) {
      toast(`Blocked users unavailable: ${error.message}`, "error");
    }
  }

  /** Blocks or unblocks userId; resolves once the list shows the new state. */
  async toggle(userId) {
    const block = !this.isBlocked(userId);
    try {
      await this.session.api(block ? "PUT" : "DELETE", `/api/users/${encodeURIComponent(userId)}/block`);
      toast(block ? `You blocked ${userId}: neither of you can message the other` : `You unblocked ${userId}`);
    } catch (error) {
      toast(`Could not ${block ? "block" : "unblock"} ${userId}: ${error.message}`, "error");
    }
    await this.load();
  }
}
