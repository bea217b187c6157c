// The demo page: sign in, watch listings, an inbox with search, chat. Plain ES modules on top of the socket.io-client bundle.
import { Blocking } from "./blocking.js";
import { Chat } from "./chat.js";
import { Inbox } from "./inbox.js";
import { Listings } from "./listings.js";
import { Presence } from "./presence.js";
import { Search } from "./search.js";
import { Session } from "./session.js";

const session = new Session();
const presence = new Presence(session);
const blocking = new Blocking(session);
new Listings(session);
const chat = new Chat(session, presence, blocking);
new Inbox(session, chat, presence, blocking);
new Search(session, chat);
session.start();
