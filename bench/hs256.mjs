// HS256 JSON Web Tokens with Node's crypto only: signed like `./ticketing token USER`, checked like
// the gateway's JwtValidator (alg pinned to HS256, signature, `exp` and `sub` required, 30 s skew).
// Used by the load scripts (sign) and the reference server of `./ticketing bench` (verify).
import { createHmac, timingSafeEqual } from "node:crypto";

/** The secret the local stack and the benchmark use unless TICKETING_JWT_SECRET says otherwise. */
export const SECRET = process.env.TICKETING_JWT_SECRET || "ticketing-local-development-secret-not-for-production";
const CLOCK_SKEW_SECONDS = 30;

const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
const signature = (unsigned, secret) => createHmac("sha256", secret).update(unsigned).digest();

/** A token for userId, valid for ttlSeconds. */
export function sign(userId, { ttlSeconds = 3600, roles = [], secret = SECRET } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: "HS256", typ: "JWT" })}.${encode({ sub: userId, iat: now, exp: now + ttlSeconds, roles })}`;
  return `${unsigned}.${signature(unsigned, secret).toString("base64url")}`;
}

/**
 * Checks a token; answers { userId, expiresAt } or { refused } with the contract's message
 * (`Authentication required`, `Token expired`, `Invalid token`).
 */
export function verify(token, secret = SECRET) {
  if (typeof token !== "string" || token.trim() === "") return { refused: "Authentication required" };
  const parts = token.trim().split(".");
  if (parts.length !== 3) return { refused: "Invalid token" };
  const [header, payload, signed] = parts;
  const claims = parseSegment(payload);
  if (parseSegment(header)?.alg !== "HS256" || !claims || !sameSignature(signed, signature(`${header}.${payload}`, secret))) {
    return { refused: "Invalid token" };
  }
  if (typeof claims.exp !== "number" || typeof claims.sub !== "string" || claims.sub === "") return { refused: "Invalid token" };
  if ((claims.exp + CLOCK_SKEW_SECONDS) * 1000 <= Date.now()) return { refused: "Token expired" };
  return { userId: claims.sub, expiresAt: claims.exp * 1000 };
}

function parseSegment(segment) {
  try {
    const value = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" ? value : null;
  } catch {
    return null;
  }
}

function sameSignature(given, expected) {
  const bytes = Buffer.from(given, "base64url");
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}
