// The demo page: sign in, watch listings, chat. Plain ES modules on top of the socket.io-client bundle.
import { Chat } from "./chat.js";
import { Listings } from "./listings.js";
import { Session } from "./session.js";

const session = new Session();
new Listings(session);
new Chat(session);
session.start();
