import { SimpleGrid } from "@mantine/core";
import type { ReactElement } from "react";
import type { Me } from "../api/types";
import { clausesOf } from "../clauses";
import { can, costsSection, maintenanceSection } from "../permissions";
import { useContract } from "../session";
import { BudgetsCard, InvoicesCard, NoticesCard, OrdersCard } from "./CommercialCards";
import { BreachingRequestsCard, OpenRequestsCard } from "./DeskCards";
import { NamedContactsCard, PlanCard, SubscriptionsCard } from "./PlanCards";
import { IncidentsCard, MaintenanceCard } from "./ServiceCards";
import { NoticesDueCard, SignaturesCard } from "./StaffCards";

/**
 * The home page's cards (issue 13): what exists for this person, each shown only where her roles
 * and the contract allow it (the same rules as the portal's sections, permissions.ts), so a role
 * with little to see still lands on what it may do. Each card asks for its own data once near the
 * screen, in a box of fixed height.
 */
export function HomeCards({ me }: { me: Me }) {
  const contract = useContract().data;
  if (!contract) return null;
  const clauses = clausesOf(contract);
  const customer = me.organisationKind === "customer" && !me.acting;
  const cards: [boolean, ReactElement][] = [
    // A customer's own space.
    [customer && can.viewCommitments(me), <PlanCard key="plan" me={me} />],
    [can.followRequests(me), <OpenRequestsCard key="requests" />],
    [
      customer && can.manageRights(me) && Boolean(clauses.namedContacts),
      <NamedContactsCard key="named" me={me} />,
    ],
    [maintenanceSection(me, contract), <MaintenanceCard key="maintenance" />],
    [customer && can.viewCommitments(me), <SubscriptionsCard key="subscriptions" me={me} />],
    // What waits for the provider's people.
    [can.workQueue(me), <BreachingRequestsCard key="breaching" />],
    [customer ? can.viewOrders(me) : can.decideOrders(me), <OrdersCard key="orders" me={me} />],
    [can.announceChanges(me), <SignaturesCard key="signatures" />],
    [can.announceChanges(me), <NoticesDueCard key="noticesDue" />],
    [customer && can.readNotices(me), <NoticesCard key="notices" />],
    [can.viewInvoices(me), <InvoicesCard key="invoices" />],
    [customer && costsSection(me, contract), <BudgetsCard key="budgets" />],
    [
      (customer || can.securityStaff(me)) && can.viewSecurity(me) && Boolean(contract.rules.securityAnnex),
      <IncidentsCard key="incidents" />,
    ],
  ];
  const shown = cards.filter(([allowed]) => allowed);
  if (shown.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid="home-cards">
      {shown.map(([, card]) => card)}
    </SimpleGrid>
  );
}
