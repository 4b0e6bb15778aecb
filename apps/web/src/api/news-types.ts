/** The news area's answers (issue 18), named from the generated types (schema.d.ts). */
import type { Answer, Body } from "./paths";

export type NewsBody = Body<"/api/news">;
export type StaffNews = Answer<"/api/news">["items"][number];
export type ReceivedNews = Answer<"/api/news/received">["items"][number];
