// Small DOM helpers shared by the page's features. User data only ever goes through textContent.

export const $ = (selector) => document.querySelector(selector);

/** Creates an element with a class name and optional text. */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Shows a short notice in the corner; kind is "info" or "error". */
export function toast(message, kind = "info") {
  const node = el("div", `toast ${kind}`, message);
  $("#toasts").append(node);
  setTimeout(() => node.classList.add("leaving"), 4000);
  setTimeout(() => node.remove(), 4600);
}

/** Replays a CSS animation class on a node (flashing a changed value). */
export function flash(node, className = "flash") {
  node.classList.remove("flash", "flash-up", "flash-down");
  void node.offsetWidth; // restart the animation
  node.classList.add(className);
}

export function formatMoney(money) {
  if (!money || money.amount === undefined) return "—";
  const amount = Number(money.amount);
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: money.currency }).format(amount);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

export function formatTime(iso) {
  const date = iso ? new Date(iso) : new Date();
  return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** The time for today's moments, the date for older ones; empty without a time. */
export function formatWhen(iso) {
  if (!iso) return "";
  const date = new Date(iso);
  return date.toDateString() === new Date().toDateString() ? formatTime(iso)
      : date.toLocaleDateString([], { day: "numeric", month: "short" });
}

/** Appends one line to the event log (newest first, at most 200 lines). */
export function logEvent(direction, event, payload) {
  const list = $("#log");
  const item = el("li");
  item.append(el("span", `log-dir ${direction}`, direction === "in" ? "←" : "→"), el("code", "log-event", event));
  if (payload !== undefined) item.append(el("span", "log-payload", JSON.stringify(payload)));
  list.prepend(item);
  while (list.children.length > 200) list.lastElementChild.remove();
}
