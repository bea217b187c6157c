// Typing indicators both ways: typing:start / typing:stop while I type to the open conversation's peer
// (with acks, since a user who blocked me refuses them), and the peer's indicator while he types.
import { $ } from "./ui.js";

const REPEAT_MS = 2000; // re-announce typing at most this often (the gateway coalesces too)
const IDLE_MS = 3000; // stop typing after this long without a key
const SHOWN_MS = 8000; // hide the peer's indicator if no typing:stop arrives

export class Typing {
  /** refused({code, message}) runs when the peer refuses my typing signals. */
  constructor(session, blocking, refused) {
    this.session = session;
    this.blocking = blocking;
    this.refused = refused;
    this.peer = null;
    this.sentAt = 0;
    this.idleTimer = null;
    this.shownTimer = null;
    this.refusedByPeer = false;
    session.onSocket((socket) => {
      socket.on("typing:start", ({ userId }) => userId === this.peer && this.show(true));
      socket.on("typing:stop", ({ userId }) => userId === this.peer && this.show(false));
    });
  }

  /** From now on signals go to peer, and only peer's typing shows. */
  follow(peer) {
    this.stop();
    this.peer = peer;
    this.refusedByPeer = false;
    this.show(false);
  }

  /** A key in the compose box. */
  typed() {
    if (!this.peer || this.refusedByPeer || this.blocking.isBlocked(this.peer)) return;
    const now = Date.now();
    if (now - this.sentAt > REPEAT_MS) {
      this.sentAt = now;
      this.signal("typing:start");
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stop(), IDLE_MS);
  }

  stop() {
    clearTimeout(this.idleTimer);
    if (this.sentAt && this.peer) this.signal("typing:stop");
    this.sentAt = 0;
  }

  /** Typing to a user who blocked me is refused: say so once, and stop signalling to him. */
  async signal(event) {
    const peer = this.peer;
    const answer = await this.session.request(event, peer);
    if (answer?.ok === false && answer.error?.code === "FORBIDDEN" && peer === this.peer && !this.refusedByPeer) {
      this.refusedByPeer = true;
      this.refused(answer.error);
    }
  }

  show(typing) {
    clearTimeout(this.shownTimer);
    $("#typing-text").textContent = typing ? `${this.peer} is typing…` : "";
    $("#typing").hidden = !typing;
    if (typing) this.shownTimer = setTimeout(() => this.show(false), SHOWN_MS);
  }
}
