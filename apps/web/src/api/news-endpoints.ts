import { call } from "./client";
import type { NewsBody } from "./news-types";

/** The news page (issue 18: DSN-POR-01, MCR 8.2.4), one function per route the portal uses. */
export const newsApi = {
  publish: (body: NewsBody) => call("post", "/api/news", { body }),
  all: () => call("get", "/api/news"),
  received: () => call("get", "/api/news/received"),
  read: (newsId: string) => call("post", "/api/news/{newsId}/read", { path: { newsId } }),
};

export const newsKeys = {
  all: ["news"] as const,
  staff: ["news", "staff"] as const,
  received: ["news", "received"] as const,
};
