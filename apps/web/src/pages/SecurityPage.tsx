import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Allowed } from "../components/Allowed";
import { PageHeader } from "../components/PageHeader";
import { can } from "../permissions";
import { AuditsSection } from "../security/AuditsSection";
import { CertificatesSection } from "../security/CertificatesSection";
import { ContactsSection } from "../security/ContactsSection";
import { IncidentsSection } from "../security/IncidentsSection";
import { useContract } from "../session";

/**
 * The security annex (issue 18, DSN annex 2): security contacts kept current and incidents both
 * ways (DSN-SEC-04), audits and their remediation plans (DSN-SEC-05), for an operator's people and
 * the provider's security staff, and for those staff the client certificates of the integrated mode
 * (DSN-SEC-03). In the main navigation only where the contract has the annex.
 */
export function SecurityPage() {
  const { t } = useTranslation();
  const contract = useContract().data;
  return (
    <Allowed when={can.viewSecurity}>
      {(me) => (
        <Stack gap="md">
          <PageHeader title={t("security.title")} intro={t("security.intro")} />
          <ContactsSection me={me} />
          <IncidentsSection me={me} />
          <AuditsSection me={me} />
          {can.securityStaff(me) && contract?.rules.securityAnnex?.certificates && (
            <CertificatesSection clause={contract.rules.securityAnnex.certificates} />
          )}
        </Stack>
      )}
    </Allowed>
  );
}
