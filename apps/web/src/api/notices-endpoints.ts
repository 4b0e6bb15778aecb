import { call, urlOf } from "./client";
import type { ChangeBody } from "./notices-types";

/** Changes with notice and each customer's notices (issue 18), one function per route the portal uses. */
export const noticesApi = {
  options: () => call("get", "/api/contract-changes/options"),
  changes: () => call("get", "/api/contract-changes"),
  preview: (body: ChangeBody) => call("post", "/api/contract-changes/preview", { body }),
  announce: (body: ChangeBody & { idempotencyKey: string }) =>
    call("post", "/api/contract-changes", { body }),
  notices: () => call("get", "/api/notices"),
  letterUrl: (noticeId: string) => urlOf("/api/notices/{noticeId}/letter", { path: { noticeId } }),
  read: (noticeId: string) => call("post", "/api/notices/{noticeId}/read", { path: { noticeId } }),
  sign: (noticeId: string) => call("post", "/api/notices/{noticeId}/signature", { path: { noticeId } }),
  terminate: (noticeId: string, subscriptionId: string) =>
    call("post", "/api/notices/{noticeId}/termination", { path: { noticeId }, body: { subscriptionId } }),
};

export const noticesKeys = {
  all: ["notices"] as const,
  options: ["notices", "options"] as const,
  changes: ["notices", "changes"] as const,
  notices: ["notices", "mine"] as const,
};
