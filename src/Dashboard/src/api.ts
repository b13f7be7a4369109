import { currentAccessToken, signIn, signOut, takeRefreshToken, type Tokens } from "./session";

/** The JSON error shape every CleanRag failure answers with. */
export interface ApiErrorBody {
  error: string;
  code: string;
  status: number;
  errors?: Record<string, string[]>;
  retryAfter?: number;
}

export class ApiError extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.error);
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** Sent as If-Match (the version read), so a concurrent change is refused instead of overwritten. */
  version?: number;
  anonymous?: boolean;
}

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as ApiErrorBody;
    if (body && typeof body.error === "string") return new ApiError(body);
  } catch {
    // not the error shape (a proxy's page, a dropped connection): described below
  }
  return new ApiError({ error: `The server answered ${response.status} ${response.statusText}.`, code: "unexpected_response", status: response.status });
}

let refreshing: Promise<boolean> | null = null;

/** Spends the stored refresh token for new tokens (once at a time: a second caller waits for the first). */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = takeRefreshToken();
    if (!refreshToken) return false;
    const response = await fetch("/v1/auth/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken }),
    });
    if (!response.ok) {
      signOut();
      return false;
    }
    signIn((await response.json()) as Tokens);
    return true;
  })().finally(() => (refreshing = null));
  return refreshing;
}

/** Ends the session on the server too: the refresh token's whole family is revoked, then the tab forgets its tokens. */
export async function logOut(): Promise<void> {
  const refreshToken = takeRefreshToken();
  signOut();
  if (!refreshToken) return;
  try {
    await fetch("/v1/auth/logout", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ refreshToken }) });
  } catch {
    // Offline: the tab has forgotten the tokens anyway, and the refresh token expires on its own.
  }
}

/** Calls the API; an expired access token is refreshed once and the call repeated. Failures throw ApiError. */
async function call<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const send = () => {
    const headers: Record<string, string> = {};
    const token = currentAccessToken();
    if (token && !options.anonymous) headers.Authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (options.version !== undefined) headers["If-Match"] = `"v${options.version}"`;
    return fetch(withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  };
  let response: Response;
  try {
    response = await send();
    if (response.status === 401 && !options.anonymous && (await refreshSession())) response = await send();
  } catch {
    throw new ApiError({ error: "The server cannot be reached. Check your connection and try again.", code: "unreachable", status: 0 });
  }
  if (!response.ok) throw await errorOf(response);
  if (response.status === 204) return undefined as T;
  const type = response.headers.get("Content-Type") ?? "";
  return (type.includes("json") ? await response.json() : await response.text()) as T;
}

export const get = <T>(path: string, query?: Query) => call<T>("GET", path, { query });
export const post = <T>(path: string, body?: unknown) => call<T>("POST", path, { body });
export const patch = <T>(path: string, body: unknown, version?: number) => call<T>("PATCH", path, { body, version });
export const remove = <T>(path: string) => call<T>("DELETE", path);

/**
 * Uploads one file, reporting progress (fetch cannot report upload progress, XMLHttpRequest can): as multipart form
 * data to a documents endpoint (POST, signed in), or as the raw bytes to a signed upload URL (PUT). Resolves with the
 * answer's JSON; rejects with ApiError.
 */
export function uploadFile<T>(method: "POST" | "PUT", url: string, file: File, progress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    const token = currentAccessToken();
    if (token && method === "POST") request.setRequestHeader("Authorization", `Bearer ${token}`);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else if (body && typeof (body as ApiErrorBody).error === "string") reject(new ApiError(body as ApiErrorBody));
      else reject(new ApiError({ error: `The upload failed (${request.status}).`, code: "upload_failed", status: request.status }));
    });
    request.addEventListener("error", () =>
      reject(new ApiError({ error: "The upload could not reach the server.", code: "unreachable", status: 0 })));
    if (method === "PUT") {
      request.setRequestHeader("Content-Type", "application/octet-stream");
      request.send(file);
      return;
    }
    const form = new FormData();
    form.append("files", file, file.name);
    request.send(form);
  });
}
