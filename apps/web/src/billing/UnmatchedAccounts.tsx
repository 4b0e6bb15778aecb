import { Table } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { billingApi, billingKeys } from "../api/billing-endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { RecordTable } from "../components/RecordTable";
import { Section } from "../components/Section";
import { useLocaleFormat } from "../i18n/format";
import { useBillingClauses } from "./billing-clauses";

/** A full-precision decimal ("12.34567") to two places, half-up, without a float: "12.35". */
function twoPlaces(text: string): string {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  let cents = BigInt(whole) * 100n + BigInt(`${fraction}00`.slice(0, 2));
  if (Number(fraction[2] ?? "0") >= 5) cents += 1n;
  const shown = `${cents / 100n}.${String(cents % 100n).padStart(2, "0")}`;
  return negative && cents !== 0n ? `-${shown}` : shown;
}

/** Imported cost lines no customer holds, for staff: billed to no one until the account is recorded (MCR-BIL-01). */
export function UnmatchedAccounts() {
  const { t } = useTranslation();
  const clauses = useBillingClauses();
  const f = useLocaleFormat();
  const accounts = useQuery({ queryKey: billingKeys.unmatched, queryFn: billingApi.unmatchedAccounts });
  return (
    <Section
      title={t("billing.unmatched.heading")}
      intro={t("billing.unmatched.intro")}
      clause={clauses?.cloudConsumption}
    >
      <ErrorAlert error={accounts.error} />
      <RecordTable
        records={accounts.data?.items}
        empty={t("billing.unmatched.empty")}
        headings={[
          t("billing.unmatched.vendor"),
          t("billing.unmatched.account"),
          t("billing.unmatched.subAccount"),
          t("billing.unmatched.billed"),
          t("billing.unmatched.lines"),
          t("billing.unmatched.days"),
        ]}
      >
        {(a) => (
          <Table.Tr key={`${a.vendor}/${a.billingAccountId}/${a.subAccountId}/${a.currency}`}>
            <Table.Td>{accounts.data?.vendorNames[a.vendor] ?? a.vendor}</Table.Td>
            {/* Vendors' ids can be long unbroken strings (Oracle OCIDs): they wrap rather than widen the table. */}
            <Table.Td style={{ wordBreak: "break-all" }}>{a.billingAccountId}</Table.Td>
            <Table.Td style={{ wordBreak: "break-all" }}>{a.subAccountId || t("common.none")}</Table.Td>
            <Table.Td>{f.money(twoPlaces(a.billedCost), a.currency)}</Table.Td>
            <Table.Td>{f.number(a.lineCount)}</Table.Td>
            <Table.Td>
              {f.date(a.firstDay)} – {f.date(a.lastDay)}
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Section>
  );
}
