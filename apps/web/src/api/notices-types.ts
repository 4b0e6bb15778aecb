/** The notices area's answers (issue 18), named from the generated types (schema.d.ts). */
import type { Answer, Body } from "./paths";

export type ChangeOptions = Answer<"/api/contract-changes/options">;
export type ChangeBody = Body<"/api/contract-changes/preview">;
export type ChangeListed = Answer<"/api/contract-changes">["items"][number];
export type NoticeView = Answer<"/api/notices">["items"][number];
export type PriceTermsView = ChangeOptions["prices"][number]["current"];
/** Whether a change applies to a customer today (DSN 10.1: a version to sign, only once signed). */
export type ChangeStanding = NoticeView["standing"];
