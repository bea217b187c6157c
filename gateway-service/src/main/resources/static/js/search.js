// Searching my messages: GET /api/messages/search (newest first) shows each hit's plain-text snippet
// with the words marked; a click opens the hit's conversation.
import { $, el, formatWhen, toast } from "./ui.js";

const LIMIT = 20;

export class Search {
  constructor(session, chat) {
    this.session = session;
    this.chat = chat;
    this.query = null;
    $("#search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const q = $("#search-input").value.trim();
      if (q) this.search(q);
    });
    $("#search-close").addEventListener("click", () => this.close());
  }

  async search(q) {
    this.query = q;
    $("#search-results").hidden = false;
    $("#search-summary").textContent = "Searching…";
    $("#search-hits").replaceChildren();
    try {
      const hits = await this.session.api("GET", `/api/messages/search?q=${encodeURIComponent(q)}&limit=${LIMIT}`);
      if (this.query !== q) return;
      $("#search-summary").textContent = hits.length === 0 ? `No messages match “${q}”`
          : `${hits.length}${hits.length === LIMIT ? "+" : ""} message${hits.length === 1 ? "" : "s"} match “${q}”`;
      $("#search-hits").replaceChildren(...hits.map((hit) => this.hit(hit, q)));
    } catch (error) {
      $("#search-summary").textContent = "";
      toast(`Search failed: ${error.message}`, "error");
    }
  }

  close() {
    this.query = null;
    $("#search-results").hidden = true;
    $("#search-hits").replaceChildren();
    $("#search-input").value = "";
  }

  hit({ message, snippet }, q) {
    const mine = message.senderId === this.session.userId;
    const other = mine ? message.receiverId : message.senderId;
    const item = el("li", "hit");
    item.dataset.messageId = message.id;
    item.dataset.userId = other;
    const open = el("button", "hit-open");
    open.type = "button";
    open.addEventListener("click", () => this.chat.open(other, message.id));
    const top = el("span", "hit-top");
    top.append(el("span", "hit-user", mine ? `You → ${other}` : `${other} → you`), el("time", "hit-time", formatWhen(message.createdAt)));
    const text = el("span", "hit-snippet");
    text.append(...marked(snippet || message.content, q));
    open.append(top, text);
    item.append(open);
    return item;
  }
}

/** The snippet as text nodes, with each occurrence of a query word in a mark element (never parsed as HTML). */
function marked(snippet, q) {
  const words = q.split(/\s+/).map((word) => word.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean);
  if (words.length === 0) return [document.createTextNode(snippet)];
  // split() with one capturing group puts the matches at the odd indexes
  return snippet.split(new RegExp(`(${words.join("|")})`, "giu"))
      .map((part, index) => (index % 2 === 1 ? el("mark", null, part) : document.createTextNode(part)))
      .filter((node) => node.textContent !== "");
}
