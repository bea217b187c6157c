// REST calls to the gateway with the session's bearer token; errors carry the contract's {error:{code,message}}.

let token = null;

export function useToken(value) {
  token = value;
}

/** An error answer of the REST API. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? safeParse(text) : null;
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(response.status, error.code ?? `HTTP_${response.status}`, error.message ?? response.statusText);
  }
  return json;
}

function safeParse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** The demo users when the gateway runs in demo mode, or null (the endpoint does not exist otherwise). */
export async function demoUsers() {
  try {
    const response = await fetch("/demo/users", { headers: { Accept: "application/json" } });
    return response.ok ? (await response.json()).users : null;
  } catch {
    return null;
  }
}

export async function demoToken(user) {
  const response = await fetch(`/demo/token?user=${encodeURIComponent(user)}`, { headers: { Accept: "application/json" } });
  const json = await response.json();
  if (!response.ok) throw new ApiError(response.status, json?.error?.code, json?.error?.message ?? "no demo token");
  return json.token;
}
