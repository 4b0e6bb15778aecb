import { lazyRouteComponent } from "@tanstack/react-router";

/**
 * Each page is its own chunk, fetched when its route is first shown (issue 13, first load): the
 * sign-in page, the first a newcomer meets, stays in the main bundle; a page loads only what it
 * shows. Router.tsx names these as it names any component.
 */
export const AssistancePage = lazyRouteComponent(() => import("./pages/AssistancePage"), "AssistancePage");
export const AuditPage = lazyRouteComponent(() => import("./pages/AuditPage"), "AuditPage");
export const CommitmentsPage = lazyRouteComponent(() => import("./pages/CommitmentsPage"), "CommitmentsPage");
export const CustomersPage = lazyRouteComponent(() => import("./pages/CustomersPage"), "CustomersPage");
export const ForgotPasswordPage = lazyRouteComponent(
  () => import("./pages/ForgotPasswordPage"),
  "ForgotPasswordPage",
);
export const HelpPage = lazyRouteComponent(() => import("./pages/HelpPage"), "HelpPage");
export const HomePage = lazyRouteComponent(() => import("./pages/HomePage"), "HomePage");
export const InvitationPage = lazyRouteComponent(() => import("./pages/InvitationPage"), "InvitationPage");
export const MaintenancePage = lazyRouteComponent(() => import("./pages/MaintenancePage"), "MaintenancePage");
export const NewRequestPage = lazyRouteComponent(() => import("./pages/NewRequestPage"), "NewRequestPage");
export const OrganisationsPage = lazyRouteComponent(
  () => import("./pages/OrganisationsPage"),
  "OrganisationsPage",
);
export const OutboxPage = lazyRouteComponent(() => import("./pages/OutboxPage"), "OutboxPage");
export const QueuePage = lazyRouteComponent(() => import("./pages/QueuePage"), "QueuePage");
export const RequestPage = lazyRouteComponent(() => import("./pages/RequestPage"), "RequestPage");
export const RequestsPage = lazyRouteComponent(() => import("./pages/RequestsPage"), "RequestsPage");
export const ResetPage = lazyRouteComponent(() => import("./pages/ResetPage"), "ResetPage");
export const RightsPage = lazyRouteComponent(() => import("./pages/RightsPage"), "RightsPage");
export const SecondFactorPage = lazyRouteComponent(
  () => import("./pages/SecondFactorPage"),
  "SecondFactorPage",
);
export const StaffPage = lazyRouteComponent(() => import("./pages/StaffPage"), "StaffPage");
export const SlaReportPage = lazyRouteComponent(() => import("./pages/SlaReportPage"), "SlaReportPage");
export const WorkspacePage = lazyRouteComponent(() => import("./pages/WorkspacePage"), "WorkspacePage");
export const DocumentsPage = lazyRouteComponent(() => import("./pages/DocumentsPage"), "DocumentsPage");
export const InvoicesPage = lazyRouteComponent(() => import("./pages/InvoicesPage"), "InvoicesPage");
export const InvoicePage = lazyRouteComponent(() => import("./pages/InvoicePage"), "InvoicePage");
export const BudgetsPage = lazyRouteComponent(() => import("./pages/BudgetsPage"), "BudgetsPage");
export const CostExplorerPage = lazyRouteComponent(
  () => import("./pages/CostExplorerPage"),
  "CostExplorerPage",
);
export const OrdersPage = lazyRouteComponent(() => import("./pages/OrdersPage"), "OrdersPage");
export const NoticesPage = lazyRouteComponent(() => import("./pages/NoticesPage"), "NoticesPage");
export const NewsPage = lazyRouteComponent(() => import("./pages/NewsPage"), "NewsPage");
export const ChangesPage = lazyRouteComponent(() => import("./pages/ChangesPage"), "ChangesPage");
export const SecurityPage = lazyRouteComponent(() => import("./pages/SecurityPage"), "SecurityPage");
