// Watching listings: subscribe:listing, the current state over REST, then live listing:updated and
// listing:price_changed with the changed values flashing.
import { $, el, flash, formatMoney, toast } from "./ui.js";

export class Listings {
  constructor(session) {
    this.session = session;
    this.watched = new Map(); // listingId -> { node, version }
    session.onSocket((socket) => {
      socket.on("listing:updated", (update) => this.updated(update));
      socket.on("listing:price_changed", (change) => this.priceChanged(change));
    });
    // Rooms do not survive a new session: join them again unless the connection was recovered.
    session.onConnected(({ recovered }) => {
      if (!recovered) this.watched.forEach((_, listingId) => this.subscribe(listingId));
    });
    $("#watch-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const input = $("#listing-input");
      const listingId = input.value.trim();
      if (listingId) this.watch(listingId).then((ok) => ok && (input.value = ""));
    });
  }

  async watch(listingId) {
    if (this.watched.has(listingId)) {
      flash(this.watched.get(listingId).node);
      return true;
    }
    const answer = await this.subscribe(listingId);
    if (!answer.ok) return false;
    const node = this.card(listingId);
    this.watched.set(listingId, { node, version: 0 });
    $("#listings").prepend(node);
    $("#listings-empty").hidden = true;
    this.loadCurrentState(listingId);
    return true;
  }

  async subscribe(listingId) {
    const answer = await this.session.request("subscribe:listing", listingId);
    if (!answer?.ok) toast(`Cannot watch ${listingId}: ${answer?.error?.message ?? "refused"}`, "error");
    return answer ?? { ok: false };
  }

  unwatch(listingId) {
    const entry = this.watched.get(listingId);
    if (!entry) return;
    this.session.request("unsubscribe:listing", listingId);
    entry.node.remove();
    this.watched.delete(listingId);
    $("#listings-empty").hidden = this.watched.size > 0;
  }

  /** The state so far, so a new watcher does not wait for the next change; a live update may already be newer. */
  async loadCurrentState(listingId) {
    try {
      const listing = await this.session.api("GET", `/api/listings/${encodeURIComponent(listingId)}`);
      const entry = this.watched.get(listingId);
      if (entry && listing.version > entry.version) this.render(entry, listing, {});
      if (entry && listing.title) {
        entry.node.querySelector(".listing-title").textContent = listing.title;
        entry.node.querySelector(".listing-id").textContent = listingId;
      }
    } catch (error) {
      const note = this.watched.get(listingId)?.node.querySelector(".listing-note");
      if (note) note.textContent = error.status === 404 ? "No events yet — waiting for the first one…"
          : `Current state unavailable (${error.message})`;
    }
  }

  updated(update) {
    const entry = this.watched.get(update.listingId);
    if (!entry || update.version <= entry.version) return;
    this.render(entry, update, update.changes ?? {});
  }

  priceChanged(change) {
    const entry = this.watched.get(change.listingId);
    if (!entry) return;
    const delta = Number(change.newPrice) - Number(change.oldPrice);
    const deltaNode = entry.node.querySelector(".delta");
    deltaNode.textContent = `${delta < 0 ? "▼" : "▲"} ${formatMoney({ amount: Math.abs(delta).toFixed(2), currency: change.currency })}`;
    deltaNode.dataset.direction = delta < 0 ? "down" : "up";
    flash(entry.node.querySelector('[data-field="price"]'), delta < 0 ? "flash-down" : "flash-up");
  }

  render(entry, state, changes) {
    entry.version = state.version;
    const node = entry.node;
    node.querySelector(".listing-note").textContent = "";
    this.set(node, "price", formatMoney(state.price), "price" in changes);
    this.set(node, "quantity", String(state.quantity), "quantity" in changes);
    this.set(node, "status", state.status, "status" in changes);
    node.querySelector('[data-field="status"]').dataset.status = state.status;
    node.dataset.status = state.status;
    node.querySelector(".version").textContent = `v${state.version}`;
  }

  set(node, field, text, changed) {
    const value = node.querySelector(`[data-field="${field}"]`);
    value.textContent = text;
    if (changed && field !== "price") flash(value); // the price flashes on listing:price_changed, with its direction
  }

  card(listingId) {
    const node = el("li", "listing");
    node.dataset.listingId = listingId;
    const head = el("div", "listing-head");
    const titles = el("div", "listing-titles");
    titles.append(el("span", "listing-title", listingId), el("span", "listing-id"));
    const status = el("span", "status", "—");
    status.dataset.field = "status";
    const close = el("button", "icon-button", "×");
    close.type = "button";
    close.title = "Stop watching";
    close.addEventListener("click", () => this.unwatch(listingId));
    head.append(titles, status, close);

    const metrics = el("div", "metrics");
    metrics.append(this.metric("Price", "price", el("span", "delta")), this.metric("Tickets left", "quantity"),
        this.metric("Version", null, el("span", "version", "v0")));
    node.append(head, metrics, el("p", "listing-note", "Loading…"));
    return node;
  }

  metric(label, field, extra) {
    const box = el("div", "metric");
    box.append(el("span", "metric-label", label));
    if (field) {
      const value = el("span", "metric-value", "—");
      value.dataset.field = field;
      box.append(value);
    }
    if (extra) box.append(extra);
    return box;
  }
}
