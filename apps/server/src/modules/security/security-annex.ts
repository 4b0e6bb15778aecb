import { randomBytes } from "node:crypto";
import { type ContractRules, contractRules } from "@guichet/domain";
import type { FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.js";
import { AppError } from "../../http/errors.js";
import { negotiateLocale, t } from "../../i18n/index.js";

export type SecurityAnnex = NonNullable<ContractRules["securityAnnex"]>;

/**
 * The contract's security annex (DSN annex 2), or a 404 saying why: a deployment whose contract
 * names no security contact (MCR) has none of these routes' resources, and says so rather than
 * answering an empty page.
 */
export function securityAnnexOf(
  request: FastifyRequest,
  context: Pick<AppContext, "contract">,
): SecurityAnnex {
  const annex = contractRules(context.contract).securityAnnex;
  if (!annex)
    throw new AppError(
      "not_found",
      t(negotiateLocale(request.headers["accept-language"]), "security.not_in_contract"),
      { resource: "security_annex" },
    );
  return annex;
}

/** A short reference people can quote on the phone ("SI-3F9A2C01"): unique by index, 2^32 per prefix. */
export function securityReference(prefix: "SI" | "AU"): string {
  return `${prefix}-${randomBytes(4).toString("hex").toUpperCase()}`;
}
