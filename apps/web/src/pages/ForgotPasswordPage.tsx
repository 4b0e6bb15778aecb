import { Alert, Anchor, Button, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { SignInEmailInput } from "../components/SignInEmailInput";

/** Asks for a reset link. The answer is the same whether the address has an identifier or not. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const ask = useMutation({ mutationFn: () => api.requestPasswordReset(email) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ask.mutate();
  };
  return (
    <Stack maw={480} mx="auto">
      <PageHeader title={t("forgot.title")} intro={t("forgot.intro")} />
      {ask.isSuccess ? (
        <Alert color="green" variant="light" role="status">
          {t("forgot.sent", { email })}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <SignInEmailInput value={email} onChange={setEmail} />
            <ErrorAlert error={ask.error} />
            <Button type="submit" loading={ask.isPending}>
              {t("forgot.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/connexion">
        {t("forgot.back")}
      </Anchor>
    </Stack>
  );
}
