import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { totpCodeAt } from "../../src/modules/accounts/totp.js";
import type { TestUser } from "./factories.js";

export interface SignedIn {
  cookie: string;
  csrfToken: string;
  /** Headers for a request as this person: cookie, and the CSRF token for writes. */
  headers: Record<string, string>;
}

/** Signs in through the real route, with the TOTP code when the person has one. */
export async function signInAs(app: FastifyInstance, user: TestUser, now: Date): Promise<SignedIn> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/sign-in",
    payload: {
      email: user.email,
      password: user.password,
      ...(user.totpSecret ? { totpCode: totpCodeAt(user.totpSecret, now) } : {}),
    },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === "guichet_session");
  if (!setCookie) throw new Error("no session cookie");
  const cookie = `guichet_session=${setCookie.value}`;
  const csrfToken = response.json().csrfToken as string;
  return { cookie, csrfToken, headers: { cookie, "x-csrf-token": csrfToken } };
}

/**
 * One request as a person, signed in afresh through the real route (the tests that call it
 * compare what each role may do, so no session is shared between them).
 */
export function requestAs(
  app: FastifyInstance,
  now: Date,
): (
  user: TestUser,
  method: "GET" | "POST",
  url: string,
  payload?: object,
) => Promise<LightMyRequestResponse> {
  return async (user, method, url, payload) =>
    app.inject({
      method,
      url,
      headers: (await signInAs(app, user, now)).headers,
      ...(payload ? { payload } : {}),
    });
}
