import { i18n } from "../i18n";

/**
 * An error answered by the API: `{code, message, details}`, `message` already in the
 * reader's language (the request carries Accept-Language), so the portal shows it as is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  /** The person's organisation is suspended (DSN-SEC-02, MCR-ACC-06). */
  get suspended(): boolean {
    return this.status === 403 && this.details.reason === "organisation_suspended";
  }

  /** Password accepted, a TOTP code (or enrolment) is still due. */
  get secondFactorDue(): boolean {
    return this.status === 401 && this.details.secondFactor === "totp";
  }

  get unauthenticated(): boolean {
    return this.status === 401;
  }
}

/** The session's anti-forgery token, given by sign-in and /api/auth/me; sent with every write. */
let csrfToken: string | undefined;

export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Method = "GET" | "POST";

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": i18n.language };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, "network", i18n.t("errors.network"));
  }
  const text = await response.text();
  const data: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
    throw new ApiError(
      response.status,
      error.code ?? "internal",
      error.message ?? i18n.t("errors.unexpected", { status: response.status }),
      error.details ?? {},
    );
  }
  return data as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A query string from the defined values only. */
export function queryString(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
