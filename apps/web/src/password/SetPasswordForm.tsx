import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { api } from "../api/endpoints";
import type { ContractSummary } from "../api/types";
import { ErrorAlert } from "../components/ErrorAlert";
import { PasswordStrength } from "./PasswordStrength";
import { useStrength } from "./use-strength";

/** The link's secret, from `#token=…`: a fragment never reaches a server log or a Referer header. */
function tokenFromFragment(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get("token") ?? "";
}

/**
 * Sets a password from an invitation or reset link (MCR-ACC-01, DSN-ID-02): the strength is
 * shown live and the contract's minimum refused here already; the server checks it again.
 */
export function SetPasswordForm({ contract }: { contract: ContractSummary }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [token] = useState(tokenFromFragment);
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [problem, setProblem] = useState<{ field: "password" | "confirmation"; message: string }>();
  const strength = useStrength(password);
  const { minimumStrength: minimum, recommendedStrength: recommended } = contract.passwordPolicy;

  useEffect(() => {
    // Keep the secret out of the history once read.
    if (window.location.hash) window.history.replaceState(null, "", window.location.pathname);
  }, []);

  const redeem = useMutation({
    mutationFn: () => api.redeemLink(token, password),
    onSuccess: ({ email }) => navigate({ to: "/connexion", search: { email, passwordSet: true } }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const score = strength?.score ?? 0;
    // While the dictionaries load, only the server judges (it checks the minimum in any case).
    if (password === "" || (strength && score < minimum)) {
      setProblem({ field: "password", message: t("password.tooWeak", { score, minimum }) });
      return;
    }
    if (password !== confirmation) {
      setProblem({ field: "confirmation", message: t("password.mismatch") });
      return;
    }
    redeem.mutate();
  };

  if (!token) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t("password.noToken")}{" "}
        <Anchor component={Link} to="/mot-de-passe-oublie">
          {t("password.askNew")}
        </Anchor>
      </Alert>
    );
  }
  const linkDead = redeem.error instanceof ApiError && redeem.error.status === 404;
  return (
    <form onSubmit={submit} noValidate>
      <Stack maw={520}>
        <PasswordInput
          label={t("password.new")}
          description={t("password.hint")}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={problem?.field === "password" ? problem.message : undefined}
        />
        <PasswordStrength strength={strength} minimum={minimum} recommended={recommended} />
        <PasswordInput
          label={t("password.confirm")}
          autoComplete="new-password"
          required
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          error={problem?.field === "confirmation" ? problem.message : undefined}
        />
        <ErrorAlert error={redeem.error} />
        {linkDead && (
          <Anchor component={Link} to="/mot-de-passe-oublie">
            {t("password.askNew")}
          </Anchor>
        )}
        <Button type="submit" loading={redeem.isPending} style={{ alignSelf: "flex-start" }}>
          {t("password.submit")}
        </Button>
      </Stack>
    </form>
  );
}
