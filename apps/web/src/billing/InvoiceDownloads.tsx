import { Anchor, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { billingApi } from "../api/billing-endpoints";

/** An invoice's two files: the PDF carrying its Factur-X XML, and the XML alone (each download audited). */
export function InvoiceDownloads({ invoice }: { invoice: { id: string; number: string } }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor href={billingApi.pdfUrl(invoice.id)} download>
        {t("billing.list.pdf", { number: invoice.number })}
      </Anchor>
      <Anchor href={billingApi.xmlUrl(invoice.id)} download>
        {t("billing.list.xml", { number: invoice.number })}
      </Anchor>
    </Group>
  );
}
