import { currentLanguage, currentLocale, i18n } from "../i18n";
import type { AnswerOf, ApiPath, BodyOf, Method, Operation, PathParamsOf, QueryOf } from "./paths";

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

/** What a call names besides its route: path parameters, query, JSON body. */
export interface CallOptions<O> {
  path?: PathParamsOf<O>;
  query?: QueryOf<O>;
  body?: BodyOf<O>;
}

/** The address of a route, its `{name}` parameters and query filled in. */
export function urlOf<P extends ApiPath, M extends Method>(
  route: P,
  options: Omit<CallOptions<Operation<P, M>>, "body"> = {},
): string {
  const params = (options.path ?? {}) as Record<string, string>;
  const path = route.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  return path + queryString((options.query ?? {}) as Record<string, string | number | undefined>);
}

/** Calls a route by its documented path: arguments and answer typed from the generated `paths`. */
export function call<P extends ApiPath, M extends Method>(
  method: M,
  route: P,
  options: CallOptions<Operation<P, M>> = {},
): Promise<AnswerOf<Operation<P, M>>> {
  return request(method, urlOf<P, M>(route, options), options.body);
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": acceptLanguage() };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "get" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: method.toUpperCase(),
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

/**
 * Sends a multipart form (files) to a route, reporting the share of bytes sent so far (0 to 1):
 * XMLHttpRequest, since fetch tells nothing of an upload's progress. Answers and refusals are
 * read as `request` reads them.
 */
export function sendForm<T>(path: string, form: FormData, onProgress?: (sent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("accept-language", acceptLanguage());
    if (csrfToken) xhr.setRequestHeader("x-csrf-token", csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, "network", i18n.t("errors.network")));
    xhr.onload = () => {
      const data = xhr.responseText ? safeJson(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const error = (data ?? {}) as { code?: string; message?: string; details?: Record<string, unknown> };
      reject(
        new ApiError(
          xhr.status,
          error.code ?? "internal",
          error.message ?? i18n.t("errors.unexpected", { status: xhr.status }),
          error.details ?? {},
        ),
      );
    };
    xhr.send(form);
  });
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

/**
 * The reader's language, then the interface's (issue 23): a German reader asks for German, then the
 * English the server writes its messages in until it has German ones.
 */
function acceptLanguage(): string {
  const language = currentLanguage();
  const locale = currentLocale();
  return language === locale ? language : `${language}, ${locale};q=0.9`;
}
