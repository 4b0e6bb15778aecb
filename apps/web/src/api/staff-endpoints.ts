import { call } from "./client";
import type { Body } from "./paths";

/** The provider's staff (issue 22): one function per route of /api/staff, typed from `paths`. */
export const staffApi = {
  list: () => call("get", "/api/staff"),
  invite: (input: Body<"/api/staff">) => call("post", "/api/staff", { body: input }),
  changeRoles: (userId: string, roles: Body<"/api/staff/{userId}/roles">["roles"]) =>
    call("post", "/api/staff/{userId}/roles", { path: { userId }, body: { roles } }),
  resetSecondFactor: (userId: string) =>
    call("post", "/api/staff/{userId}/second-factor/reset", { path: { userId } }),
  remove: (userId: string) => call("post", "/api/staff/{userId}/remove", { path: { userId } }),
};

export const staffKeys = { list: ["staff"] as const };
