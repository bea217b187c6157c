// The custom namespace answers like the main one; an unknown namespace is refused.
// Usage: node namespaces.mjs <url>
import { connect, deadline, failure, next, result } from "./lib.mjs";

const [url] = process.argv.slice(2);
deadline(10000, "namespaces");

try {
  const custom = connect(url + "/custom", "websocket", { auth: { ns: "custom" } });
  const [[auth]] = await Promise.all([next(custom, "auth"), next(custom, "connect")]);

  const unknown = connect(url + "/unknown", "websocket");
  const [error] = await next(unknown, "connect_error");
  result({ customAuth: auth, customConnected: custom.connected, unknownError: error.message,
           unknownConnected: unknown.connected });
} catch (e) {
  failure(e.message);
}
