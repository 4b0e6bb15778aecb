import { Alert, Button, FileInput, Group, Stack, Table, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { commercialApi, commercialKeys } from "../api/commercial-endpoints";
import type { LineProblem } from "../api/commercial-types";
import { keys } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";

/**
 * Imports existing customers from a CSV file (issue 16), all or nothing: a refused file imports
 * nothing, and the report lists each problem with its line, column and how to fix it.
 */
export function CustomerImport() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async (chosen: File) => commercialApi.importCustomers(await chosen.text()),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: commercialKeys.customers });
      void queryClient.invalidateQueries({ queryKey: keys.organisations });
    },
  });
  const problems =
    upload.error instanceof ApiError && Array.isArray(upload.error.details.problems)
      ? (upload.error.details.problems as LineProblem[])
      : [];
  return (
    <Stack>
      <Text size="sm">{t("customers.import.columns")}</Text>
      <Group align="flex-end">
        <FileInput
          label={t("customers.import.file")}
          accept=".csv,text/csv"
          value={file}
          onChange={setFile}
          clearable
          w={360}
        />
        <Button disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          {t("customers.import.submit")}
        </Button>
      </Group>
      <ErrorAlert error={upload.error} />
      {problems.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-label={t("customers.import.report")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("customers.import.line")}</Table.Th>
                <Table.Th scope="col">{t("customers.import.column")}</Table.Th>
                <Table.Th scope="col">{t("customers.import.problem")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {problems.map((problem) => (
                <Table.Tr key={`${problem.line}-${problem.column}-${problem.reason}`}>
                  <Table.Td>{problem.line}</Table.Td>
                  <Table.Td>{problem.column}</Table.Td>
                  <Table.Td>{problem.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {upload.data && (
        <Alert color="green" variant="light" role="status">
          {t("customers.import.done", { count: upload.data.created.length })}
        </Alert>
      )}
    </Stack>
  );
}
