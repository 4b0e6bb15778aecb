import type { frStaff } from "./fr-staff";

/** The provider's staff in the back office (issue 22); the keys of fr-staff.ts. */
export const enStaff: typeof frStaff = {
  title: "Team",
  intro:
    "The provider's people: their roles, their second factor, their last activity. Every change goes to the audit trail.",
  listHeading: "Team members",
  empty: "Nobody in the team.",
  secondFactor: "Second factor",
  enrolled: "On",
  notEnrolled: "Not yet",
  lastUsed: "Last activity",
  you: "you",
  inviteHeading: "Invite a member",
  inviteIntro:
    "They receive a single-use link to choose a password, then set up their second factor at their first sign-in.",
  roles: "Roles",
  inviteSubmit: "Send the invitation",
  invited: "Invitation sent to {{email}}.",
  changeRoles: "Roles",
  changeRolesOf: "Change the roles of {{name}}",
  changeRolesIntro: "The new roles apply as soon as they are saved; the person stays signed in.",
  saveRoles: "Save",
  rolesChanged: "Roles of {{name}} saved.",
  resetSecondFactor: "Reset the second factor",
  resetSecondFactorOf: "Reset the second factor of {{name}}",
  resetIntro:
    "Lost phone: {{name}}'s secret and recovery codes are erased and their sessions closed; they set up a new second factor at their next sign-in.",
  resetConfirm: "Reset",
  resetDone: "Second factor of {{name}} reset.",
  remove: "Remove",
  removeOf: "Remove {{name}} from the team",
  removeIntro: "{{name}} is deactivated and signed out at once. Their history stays in the audit trail.",
  removeConfirm: "Remove from the team",
  removed: "{{name}} was removed from the team.",
  lastAdministrator: "Last administrator: can be neither removed nor lose this role.",
};
