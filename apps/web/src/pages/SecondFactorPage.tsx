import { Alert, Button, CopyButton, Group, List, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, keys } from "../api/endpoints";
import { CopyValue } from "../components/CopyValue";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { landingPath } from "../permissions";

/**
 * TOTP enrolment for provider staff whose contract requires a second factor: the secret is
 * shown once, as an otpauth URI (text, no QR code) and as the bare key, then a code confirms it.
 * Until then the secret is only pending on the server (issue 13): leaving the page changes
 * nothing, and the next visit starts again. The confirmation returns the recovery codes, shown
 * here once before the person goes on.
 */
export function SecondFactorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [code, setCode] = useState("");
  const enrol = useMutation({ mutationFn: api.enrolTotp });
  const goOn = async () => {
    const me = await queryClient.fetchQuery({ queryKey: keys.me, queryFn: api.me, staleTime: 0 });
    await navigate({ href: landingPath(me) });
  };
  const verify = useMutation({
    mutationFn: () => api.verifyTotp(code),
    onSuccess: async (done) => {
      if (done.recoveryCodes.length === 0) await goOn();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  const recoveryCodes = verify.data?.recoveryCodes ?? [];
  if (recoveryCodes.length > 0) {
    return (
      <Stack maw={640}>
        <PageHeader title={t("secondFactor.recoveryTitle")} intro={t("secondFactor.recoveryIntro")} />
        <List
          aria-label={t("secondFactor.recoveryTitle")}
          data-testid="recovery-codes"
          styles={{ item: { fontFamily: "var(--mantine-font-family-monospace)" } }}
        >
          {recoveryCodes.map((recovery) => (
            <List.Item key={recovery}>{recovery}</List.Item>
          ))}
        </List>
        <Group>
          <CopyButton value={recoveryCodes.join("\n")}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy}>
                {copied ? t("secondFactor.recoveryCopied") : t("secondFactor.recoveryCopy")}
              </Button>
            )}
          </CopyButton>
          <Button onClick={() => void goOn()}>{t("secondFactor.recoveryDone")}</Button>
        </Group>
      </Stack>
    );
  }
  const started = enrol.isSuccess || enrol.isError;
  return (
    <Stack maw={640}>
      <PageHeader title={t("secondFactor.title")} intro={t("secondFactor.intro")} />
      {!started && (
        <Button onClick={() => enrol.mutate()} loading={enrol.isPending} style={{ alignSelf: "flex-start" }}>
          {t("secondFactor.start")}
        </Button>
      )}
      <ErrorAlert error={enrol.error} />
      {enrol.data && (
        <Stack gap="sm">
          <Alert color="yellow" variant="light">
            {t("secondFactor.once")}
          </Alert>
          <CopyValue label={t("secondFactor.uri")} value={enrol.data.uri} />
          <CopyValue label={t("secondFactor.secret")} value={enrol.data.secret} />
        </Stack>
      )}
      {started && (
        <form onSubmit={submit}>
          <Stack maw={320}>
            <TextInput
              label={t("secondFactor.code")}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value.trim())}
            />
            <ErrorAlert error={verify.error} />
            <Button type="submit" loading={verify.isPending}>
              {t("secondFactor.verify")}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
