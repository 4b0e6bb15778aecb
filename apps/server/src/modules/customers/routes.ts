import { type CustomerProblem, checkCustomerRecord } from "@guichet/domain";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { ZErrorBody } from "../../http/error-body.js";
import { AppError } from "../../http/errors.js";
import { ZText } from "../../http/input-schemas.js";
import { notFound } from "../../http/not-found.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { customerPolicy } from "../../policies/customer-policy.js";
import { ZOrganisationParams } from "../organisations/routes.js";
import { createCustomer } from "./create-customer.js";
import { describeLineProblem, describeProblem } from "./describe-problem.js";
import { importCustomers } from "./import-customers.js";
import { listCustomers, ZCustomerView } from "./list-customers.js";
import { takenIdentifiers } from "./taken-identifiers.js";

const ZField = (max: number) => ZText.max(max);
/** Shapes only: the keys and formats are checked by checkCustomerRecord, which names each field. */
const ZNewCustomer = z.strictObject({
  legalName: ZField(200),
  /** Where the customer is established (issue 17): decides which identifiers are required. */
  billingCountry: ZField(60).default("FR"),
  /** Required in France, absent or checked if given elsewhere. */
  siren: ZField(20).optional(),
  siret: ZField(30).optional(),
  /** A company established abroad: its own country's registration number, optional. */
  registrationNumber: ZField(60).optional(),
  vatNumber: ZField(30).optional(),
  billingAddress: ZField(300),
  billingPostalCode: ZField(20),
  billingCity: ZField(100),
  billingEmail: ZField(254),
  administrator: z.strictObject({
    email: ZField(254),
    firstName: ZField(100),
    lastName: ZField(100),
    locale: z.enum(["fr", "en"]).default("fr"),
  }),
});

/** One refused field, already worded in the reader's language (`message`). */
const ZFieldProblem = z
  .object({
    field: z.string(),
    reason: z.string(),
    value: z.string(),
    expected: z.string(),
    message: z.string(),
  })
  .meta({ id: "FieldProblem" });
/** One refused line of a CSV import. */
const ZLineProblem = ZFieldProblem.extend({ line: z.number(), column: z.string() }).meta({
  id: "LineProblem",
});
/** A refusal listing every problem found, so a form can show each beside its field. */
function refusalListing(problem: z.ZodType, id: string) {
  return ZErrorBody.extend({
    details: z
      .object({ field: z.string().optional(), problems: z.array(problem).optional() })
      .catchall(z.unknown()),
  }).meta({ id });
}
const ZCustomerRefusal = refusalListing(ZFieldProblem, "CustomerRefusal");
const ZImportRefusal = refusalListing(ZLineProblem, "CustomerImportRefusal");
const ZCreated = z.object({
  customer: ZCustomerView,
  administrator: z.object({ userId: z.string(), identifierDueAt: z.string().nullable() }),
});
const ZImported = z.object({
  created: z.array(z.object({ line: z.number(), organisationId: z.string(), legalName: z.string() })),
});

/** Customers: creation by provider staff, CSV import of existing ones, their details (issue 16). */
export function customerRoutes(context: AppContext): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    app.get(
      "/api/customers",
      {
        schema: {
          tags: ["customers"],
          summary: "Every customer with its company identifiers and billing details (provider staff)",
          response: { 200: z.array(ZCustomerView) },
        },
      },
      async (request) => {
        authorize(request, customerPolicy.list);
        return listCustomers(db);
      },
    );

    app.get(
      "/api/customers/:organisationId",
      {
        schema: {
          tags: ["customers"],
          summary: "One customer's company identifiers and billing details",
          params: ZOrganisationParams,
          response: { 200: ZCustomerView },
        },
      },
      async (request) => {
        const { organisationId } = request.params;
        authorize(request, (p) => customerPolicy.view(p, organisationId));
        const [customer] = await listCustomers(db, organisationId);
        if (!customer) throw notFound(request, "customer");
        return customer;
      },
    );

    app.post(
      "/api/customers",
      {
        schema: {
          tags: ["customers"],
          summary:
            "Create a customer, in France or abroad: a SIREN required in France, the VAT number checked by its member state's pattern (and France's key), put to VIES where it can be; its administrator is invited by e-mail",
          body: ZNewCustomer,
          response: { 201: ZCreated, 400: ZCustomerRefusal, 409: ZCustomerRefusal },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, customerPolicy.create);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const checked = checkCustomerRecord(request.body);
        const problems: CustomerProblem[] = checked.ok
          ? ((await takenIdentifiers(db, [checked.record])).get(checked.record) ?? [])
          : checked.problems;
        if (!checked.ok || problems.length > 0) {
          const described = problems.map((p) => ({ ...p, message: describeProblem(locale, p) }));
          const taken = problems.some((p) => p.reason === "taken");
          throw new AppError(
            taken ? "conflict" : "validation_failed",
            t(locale, "customer.refused", { problems: described.map((p) => p.message).join(" ") }),
            { field: problems[0]?.field, problems: described },
          );
        }
        const created = await createCustomer(
          context,
          actorOf(principal, request),
          checked.record,
          context.clock(),
        );
        const [customer] = await listCustomers(db, created.organisationId);
        return reply.code(201).send({
          customer: customer as z.infer<typeof ZCustomerView>,
          administrator: {
            userId: created.administratorUserId,
            identifierDueAt: created.identifierDueAt?.toISOString() ?? null,
          },
        });
      },
    );

    app.post(
      "/api/customers/import",
      {
        schema: {
          tags: ["customers"],
          summary:
            "Import existing customers from CSV, all or nothing: a refused line imports nothing and every problem is reported by line and column",
          body: z.strictObject({ csv: ZText.min(1).max(900_000) }),
          response: { 201: ZImported, 400: ZImportRefusal },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, customerPolicy.create);
        const locale = negotiateLocale(request.headers["accept-language"]);
        const outcome = await importCustomers(
          context,
          actorOf(principal, request),
          request.body.csv,
          context.clock(),
        );
        if (!outcome.ok) {
          if (outcome.empty)
            throw new AppError("validation_failed", t(locale, "customer.import_empty"), { field: "csv" });
          const lines = outcome.problems.map((p) => ({ ...p, message: describeLineProblem(locale, p) }));
          throw new AppError(
            "validation_failed",
            t(locale, "customer.import_refused", { count: lines.length, first: lines[0]?.message ?? "" }),
            { field: "csv", problems: lines satisfies z.infer<typeof ZLineProblem>[] },
          );
        }
        return reply.code(201).send({ created: outcome.created });
      },
    );
  };
}
