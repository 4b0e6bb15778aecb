import { createRootRoute, createRoute, createRouter } from "@tanstack/react-router";
import { Layout } from "./components/Layout";
import { SessionGate } from "./components/SessionGate";
import { AssistancePage } from "./pages/AssistancePage";
import { AuditPage, type AuditSearch } from "./pages/AuditPage";
import { ForgotPasswordPage } from "./pages/ForgotPasswordPage";
import { HomePage } from "./pages/HomePage";
import { InvitationPage } from "./pages/InvitationPage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { OrganisationsPage } from "./pages/OrganisationsPage";
import { OutboxPage } from "./pages/OutboxPage";
import { ResetPage } from "./pages/ResetPage";
import { RightsPage } from "./pages/RightsPage";
import { SecondFactorPage } from "./pages/SecondFactorPage";
import { SignInPage, type SignInSearch } from "./pages/SignInPage";

/** Page addresses are French, like the interface; /invitation and /reset are the e-mails' links. */
const optional = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);

const rootRoute = createRootRoute({ component: Layout, notFoundComponent: NotFoundPage });

const signIn = createRoute({
  getParentRoute: () => rootRoute,
  path: "/connexion",
  component: SignInPage,
  validateSearch: (search): SignInSearch => ({
    redirect: optional(search.redirect),
    email: optional(search.email),
    passwordSet: optional(search.passwordSet),
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

/** Everything below needs a session; the gate sends others to sign in. */
const session = createRoute({ getParentRoute: () => rootRoute, id: "session", component: SessionGate });
const home = createRoute({ getParentRoute: () => session, path: "/", component: HomePage });
const rights = createRoute({ getParentRoute: () => session, path: "/droits", component: RightsPage });
const organisations = createRoute({
  getParentRoute: () => session,
  path: "/organisations",
  component: OrganisationsPage,
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

const routeTree = rootRoute.addChildren([
  signIn,
  secondFactor,
  invitation,
  reset,
  forgot,
  session.addChildren([home, rights, organisations, audit, outbox, assistance]),
]);

export const router = createRouter({ routeTree, defaultPreload: false, scrollRestoration: true });

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
