import { Alert, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { Allowed } from "../components/Allowed";
import { ClauseTag } from "../components/ClauseTag";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { NewRequestForm } from "../desk/NewRequestForm";
import { useDeskWords } from "../desk/vocabulary";
import { can } from "../permissions";

/**
 * Opening a request (MCR-SUP-03..08, DSN-SUP-01). Someone who may not open one reads why, with
 * the clause (MCR-SUP-04: named contacts only), instead of a form the server would refuse.
 */
export function NewRequestPage() {
  return <Allowed when={can.followRequests}>{() => <NewRequest />}</Allowed>;
}

function NewRequest() {
  const { t } = useTranslation();
  const words = useDeskWords();
  const form = useQuery({ queryKey: keys.deskForm, queryFn: api.deskForm });
  return (
    <Stack gap="md">
      <PageHeader
        title={t(`deskWords.${words}.newTitle`)}
        intro={form.data ? t("desk.form.plan", { plan: form.data.plan.name }) : undefined}
      />
      <ErrorAlert error={form.error} />
      {form.data &&
        (form.data.canOpen ? (
          <NewRequestForm form={form.data} />
        ) : (
          <Alert color="yellow" variant="light" role="status" maw={820}>
            <Group gap="xs" align="baseline">
              <Text>{t(`deskWords.${words}.cannotOpen`)}</Text>
              {form.data.namedContactClause && <ClauseTag clause={form.data.namedContactClause} />}
            </Group>
          </Alert>
        ))}
    </Stack>
  );
}
