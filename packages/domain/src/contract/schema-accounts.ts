import { z } from "zod";
import { ZClauseId } from "../sla/policy-schema.js";
import { ZBusinessDays } from "../sla/target.js";
import { ZCalendarDuration } from "./duration.js";
import { ZKey } from "./primitives.js";

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
});

export const ZSecurity = z.strictObject({
  /** Each customer organisation names a security contact (DSN-SEC-04). */
  organisationSecurityContact: z.strictObject({ required: z.boolean(), clause: ZClauseId }).optional(),
  /** Every connection and action is attributed to one physical person (DSN-SEC-01). */
  attribution: z.strictObject({ everyActionToAPerson: z.boolean(), clause: ZClauseId }).optional(),
  /** Access suspended at once, without notice, on a serious security incident (DSN-SEC-02). */
  suspensionOnSeriousIncident: z.strictObject({ withoutNotice: z.boolean(), clause: ZClauseId }).optional(),
  /** Deadline for a remediation plan after an audit finding (DSN-SEC-05). */
  remediationPlan: z.strictObject({ within: ZCalendarDuration, clause: ZClauseId }).optional(),
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
