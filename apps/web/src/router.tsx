import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { TICKET_STATUSES } from "./api/types";
import { Layout } from "./components/Layout";
import { SessionGate } from "./components/SessionGate";
import type { QueueSearch } from "./desk/QueueFilters";
import type { RequestsSearch } from "./desk/RequestFilters";
import { MONTH } from "./desk/report/months";
import { ticketQuery } from "./desk/use-ticket";
import {
  AssistancePage,
  AuditPage,
  BudgetsPage,
  ChangesPage,
  CommitmentsPage,
  CostExplorerPage,
  CustomersPage,
  DocumentsPage,
  ForgotPasswordPage,
  HelpPage,
  HomePage,
  InvitationPage,
  InvoicePage,
  InvoicesPage,
  MaintenancePage,
  NewRequestPage,
  NewsPage,
  NoticesPage,
  OrdersPage,
  OrganisationsPage,
  OutboxPage,
  QueuePage,
  RequestPage,
  RequestsPage,
  ResetPage,
  RightsPage,
  SecondFactorPage,
  SecurityPage,
  SlaReportPage,
  StaffPage,
  WorkspacePage,
} from "./lazy-pages";
import type { AuditSearch } from "./pages/AuditPage";
import type { CommitmentsSearch } from "./pages/CommitmentsPage";
import type { DocumentsSearch } from "./pages/DocumentsPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import type { OrdersSearch } from "./pages/OrdersPage";
import type { RequestSearch } from "./pages/RequestPage";
import { SignInPage, type SignInSearch } from "./pages/SignInPage";
import type { SlaReportSearch } from "./pages/SlaReportPage";
import { queryClient } from "./query-client";
import { meQuery } from "./session";

/** Page addresses are French, like the interface; /invitation and /reset are the e-mails' links. */
const optional = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
const oneOf = <T extends string>(value: unknown, allowed: readonly T[]) =>
  allowed.find((candidate) => candidate === value);
/** A page number of a list, 1 when absent or not a whole number above 1. */
const page = (value: unknown) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 1 ? number : undefined;
};

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });

const signIn = createRoute({
  getParentRoute: () => rootRoute,
  path: "/connexion",
  component: SignInPage,
  validateSearch: (search): SignInSearch => ({
    redirect: optional(search.redirect),
    email: optional(search.email),
    passwordSet: search.passwordSet === true ? true : undefined,
  }),
});
const secondFactor = createRoute({
  getParentRoute: () => rootRoute,
  path: "/second-facteur",
  component: SecondFactorPage,
});
const invitation = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitation",
  component: InvitationPage,
});
const reset = createRoute({ getParentRoute: () => rootRoute, path: "/reset", component: ResetPage });
const forgot = createRoute({
  getParentRoute: () => rootRoute,
  path: "/mot-de-passe-oublie",
  component: ForgotPasswordPage,
});

/**
 * Everything below needs a session; the gate sends others to sign in. The router loads a page's
 * code and runs its loaders side by side: a loader that starts a page's requests without waiting
 * for them lets a deep link ask for the session, the page's code and its data at once, instead of
 * one after the other once each arrives (issue 13, first load: the ticket page's waterfall).
 * The page still shows its own wait and error; a loader never throws.
 */
const session = createRoute({
  getParentRoute: () => rootRoute,
  id: "session",
  component: SessionGate,
  loader: () => {
    void queryClient.ensureQueryData(meQuery).catch(() => undefined);
  },
});
const ticketLoader = ({ params }: { params: { ticketId: string } }) => {
  void queryClient.prefetchQuery(ticketQuery(params.ticketId));
};
const home = createRoute({ getParentRoute: () => session, path: "/", component: HomePage });
const rights = createRoute({ getParentRoute: () => session, path: "/droits", component: RightsPage });
const organisations = createRoute({
  getParentRoute: () => session,
  path: "/organisations",
  component: OrganisationsPage,
});
const customers = createRoute({ getParentRoute: () => session, path: "/clients", component: CustomersPage });
const staff = createRoute({ getParentRoute: () => session, path: "/equipe", component: StaffPage });
const budgetsPage = createRoute({ getParentRoute: () => session, path: "/budgets", component: BudgetsPage });
const costsPage = createRoute({ getParentRoute: () => session, path: "/couts", component: CostExplorerPage });
const invoicesPage = createRoute({
  getParentRoute: () => session,
  path: "/factures",
  component: InvoicesPage,
});
const invoicePage = createRoute({
  getParentRoute: () => session,
  path: "/factures/$invoiceId",
  component: InvoicePage,
});
const audit = createRoute({
  getParentRoute: () => session,
  path: "/journal",
  component: AuditPage,
  validateSearch: (search): AuditSearch => ({
    email: optional(search.email),
    organisationId: optional(search.organisationId),
    from: optional(search.from),
    to: optional(search.to),
  }),
});
const outbox = createRoute({ getParentRoute: () => session, path: "/courriels", component: OutboxPage });
const assistance = createRoute({
  getParentRoute: () => session,
  path: "/assistance",
  component: AssistancePage,
});

/** The service desk: the customer's requests and help, the provider's queue and workspace. */
const requests = createRoute({
  getParentRoute: () => session,
  path: "/demandes",
  component: RequestsPage,
  validateSearch: (search): RequestsSearch => ({
    state: oneOf(search.state, ["open", "closed"] as const),
    status: oneOf(search.status, TICKET_STATUSES),
    q: optional(search.q),
    page: page(search.page),
  }),
});
const newRequest = createRoute({
  getParentRoute: () => session,
  path: "/demandes/nouvelle",
  component: NewRequestPage,
});
const request = createRoute({
  getParentRoute: () => session,
  path: "/demandes/$ticketId",
  component: RequestPage,
  loader: ticketLoader,
  validateSearch: (search): RequestSearch => ({ opened: search.opened === true ? true : undefined }),
});
const help = createRoute({ getParentRoute: () => session, path: "/aide", component: HelpPage });
const queue = createRoute({
  getParentRoute: () => session,
  path: "/file",
  component: QueuePage,
  validateSearch: (search): QueueSearch => ({
    assignee: oneOf(search.assignee, ["me", "none"] as const),
    organisationId: optional(search.organisationId),
    q: optional(search.q),
    page: page(search.page),
  }),
});
const workspace = createRoute({
  getParentRoute: () => session,
  path: "/file/$ticketId",
  component: WorkspacePage,
  loader: ticketLoader,
});

/** Scheduled maintenance and portal outages (the provider), or the customer's maintenance. */
const maintenance = createRoute({
  getParentRoute: () => session,
  path: "/maintenance",
  component: MaintenancePage,
});
const slaReport = createRoute({
  getParentRoute: () => session,
  path: "/rapport-sla",
  component: SlaReportPage,
  validateSearch: (search): SlaReportSearch => {
    const month = optional(search.month);
    return {
      organisationId: optional(search.organisationId),
      month: month && MONTH.test(month) ? month : undefined,
    };
  },
});

const commitments = createRoute({
  getParentRoute: () => session,
  path: "/abonnements",
  component: CommitmentsPage,
  validateSearch: (search): CommitmentsSearch => ({ organisationId: optional(search.organisationId) }),
});

const orders = createRoute({
  getParentRoute: () => session,
  path: "/commandes",
  component: OrdersPage,
  validateSearch: (search): OrdersSearch => ({ organisationId: optional(search.organisationId) }),
});

const documents = createRoute({
  getParentRoute: () => session,
  path: "/documents",
  component: DocumentsPage,
  validateSearch: (search): DocumentsSearch => ({ organisationId: optional(search.organisationId) }),
});

const notices = createRoute({ getParentRoute: () => session, path: "/avis", component: NoticesPage });
const news = createRoute({ getParentRoute: () => session, path: "/actualites", component: NewsPage });
const security = createRoute({ getParentRoute: () => session, path: "/securite", component: SecurityPage });
const changes = createRoute({ getParentRoute: () => session, path: "/changements", component: ChangesPage });

const routeTree = rootRoute.addChildren([
  signIn,
  secondFactor,
  invitation,
  reset,
  forgot,
  session.addChildren([
    home,
    rights,
    organisations,
    staff,
    customers,
    invoicesPage,
    invoicePage,
    budgetsPage,
    costsPage,
    audit,
    outbox,
    assistance,
    requests,
    newRequest,
    request,
    help,
    queue,
    workspace,
    maintenance,
    slaReport,
    commitments,
    orders,
    documents,
    notices,
    news,
    security,
    changes,
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
