import { z } from "zod";
import { CUSTOMER_ROLES } from "../accounts/roles.js";
import { ZClauseId } from "../sla/policy-schema.js";
import { ZBusinessDays } from "../sla/target.js";
import { ZCalendarDuration } from "./duration.js";
import { ZKey, ZLabel } from "./primitives.js";

/** Identifiers (accounts of people) and security duties. */

/** Password strength on the zxcvbn scale, 0 (weakest) to 4 (strongest). */
const ZStrength = z.int().min(0).max(4);

export const ZIdentifierPolicy = z.strictObject({
  /** One identifier per physical person (DSN-ID-01). */
  onePerPerson: z.strictObject({ clause: ZClauseId }).optional(),
  /** Identifiers an organisation may hold across all its services (DSN-ID-01); absent: no limit. */
  maxPerOrganisation: z.strictObject({ limit: z.int().min(1), clause: ZClauseId }).optional(),
  /** An identifier unused this long is deactivated (DSN-ID-03); absent: never. */
  inactivityDeactivation: z.strictObject({ after: ZCalendarDuration, clause: ZClauseId }).optional(),
  /** Deadline to send identifiers after an order is received (DSN-ID-02). */
  identifiersSentWithin: z
    .strictObject({ within: ZBusinessDays, calendar: ZKey, clause: ZClauseId })
    .optional(),
  password: z
    .strictObject({
      minimumStrength: ZStrength,
      /** Shown as the advised level (DSN-ID-02: the highest is recommended). */
      recommendedStrength: ZStrength,
      clause: ZClauseId.optional(),
    })
    .refine((p) => p.recommendedStrength >= p.minimumStrength, {
      message: "recommendedStrength must not be below minimumStrength",
      path: ["recommendedStrength"],
      when: (payload) => payload.issues.length === 0,
    }),
  /** The link that sets a password: single use, expiring (MCR-ACC-01). */
  invitationLink: z.strictObject({
    validFor: ZCalendarDuration,
    singleUse: z.boolean(),
    clause: ZClauseId.optional(),
  }),
  /** The provider's own staff sign in with a second factor (TOTP). */
  totpRequiredForProviderStaff: z.boolean(),
  /**
   * The Rights section (MCR-ACC-03, DSN-ID-05): the customer roles the portal offers and whether
   * a person may be given the right to invite others (MCR-ACC-02). Absent: the deployment's rule,
   * an administrator and plain users (and named contacts where a plan has them), only
   * administrators invite.
   */
  rights: z
    .strictObject({
      roles: z.array(z.enum(CUSTOMER_ROLES)).min(1),
      /** Absent: only customer administrators invite. */
      delegatedInvitation: z.strictObject({ clause: ZClauseId }).optional(),
      clause: ZClauseId,
    })
    .optional(),
  /**
   * Revoking a lost or compromised identifier (DSN-ID-04): the reasons a customer chooses from and
   * whether a new identifier is issued to the same person. Absent: the deployment's rule, revoked
   * without a reason to choose and a new identifier issued.
   */
  revocation: z
    .strictObject({
      reasons: z
        .record(ZKey, ZLabel)
        .refine((reasons) => Object.keys(reasons).length > 0, "at least one reason"),
      reissue: z.boolean(),
      clause: ZClauseId,
    })
    .optional(),
});

export const ZSecurity = z.strictObject({
  /** Each customer organisation names a security contact (DSN-SEC-04). */
  organisationSecurityContact: z.strictObject({ required: z.boolean(), clause: ZClauseId }).optional(),
  /** Every connection and action is attributed to one physical person (DSN-SEC-01). */
  attribution: z.strictObject({ everyActionToAPerson: z.boolean(), clause: ZClauseId }).optional(),
  /** Access suspended at once, without notice, on a serious security incident (DSN-SEC-02). */
  suspensionOnSeriousIncident: z.strictObject({ withoutNotice: z.boolean(), clause: ZClauseId }).optional(),
  /**
   * The provider may refuse or suspend a customer's access (MCR-ACC-06); cited where
   * suspensionOnSeriousIncident is absent. Neither: suspension is the deployment's rule.
   */
  accessSuspension: z.strictObject({ clause: ZClauseId }).optional(),
  /**
   * Deadline for a remediation plan after an audit finding (DSN-SEC-05), in calendar time from the
   * non-conformity's notification; the operator is reminded `reminderBefore` the deadline (absent:
   * the deployment's rule, 3 days).
   */
  remediationPlan: z
    .strictObject({
      within: ZCalendarDuration,
      reminderBefore: ZCalendarDuration.optional(),
      clause: ZClauseId,
    })
    .optional(),
  /** Machine-to-machine access (DSN-SEC-03). */
  integratedMode: z
    .strictObject({
      transports: z.array(z.enum(["web-services", "file-exchange"])).min(1),
      authentication: z.array(z.enum(["certificate", "credentials"])).min(1),
      httpsOnly: z.boolean(),
      clause: ZClauseId,
    })
    .optional(),
});

export type IdentifierPolicy = z.infer<typeof ZIdentifierPolicy>;
export type Security = z.infer<typeof ZSecurity>;
