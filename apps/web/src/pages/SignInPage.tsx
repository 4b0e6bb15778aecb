import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate, useSearch } from "@tanstack/react-router";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { api, keys } from "../api/endpoints";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { SignInEmailInput } from "../components/SignInEmailInput";
import { landingPath } from "../permissions";
import { safeRedirect } from "../sign-in-redirect";

export interface SignInSearch {
  /** The page asked for before signing in. */
  redirect?: string;
  email?: string;
  /** Arriving from a set-password link. */
  passwordSet?: true;
}

/**
 * E-mail and password, then the TOTP code when the account has one. Provider staff who must
 * enrol a second factor are sent on to enrolment (/second-facteur).
 */
export function SignInPage() {
  const { t } = useTranslation();
  const search = useSearch({ from: "/connexion" });
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState(search.email ?? "");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [codeStep, setCodeStep] = useState(false);
  /** In the code step: a recovery code instead of the app's (issue 13). */
  const [recovery, setRecovery] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (codeStep || recovery) codeInput.current?.focus();
  }, [codeStep, recovery]);

  const signIn = useMutation({
    mutationFn: () =>
      api.signIn({
        email,
        password,
        ...(codeStep ? (recovery ? { recoveryCode: code } : { totpCode: code }) : {}),
      }),
    onSuccess: async () => {
      try {
        // Refetch in place (not remove): the header observes this query and must see the new session.
        const me = await queryClient.fetchQuery({ queryKey: keys.me, queryFn: api.me, staleTime: 0 });
        await navigate({ href: safeRedirect(search.redirect) ?? landingPath(me) });
      } catch (error) {
        if (error instanceof ApiError && error.secondFactorDue) await navigate({ to: "/second-facteur" });
        else throw error;
      }
    },
    onError: (error) => {
      if (error instanceof ApiError && error.secondFactorDue) setCodeStep(true);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate();
  };
  // Asking for the code is a step, not a failure: only other refusals are shown as errors.
  const refusal = signIn.error instanceof ApiError && signIn.error.secondFactorDue ? null : signIn.error;

  return (
    <Stack maw={480} mx="auto">
      <PageHeader title={t("signIn.title")} intro={t("signIn.intro")} />
      {safeRedirect(search.redirect) && !search.passwordSet && (
        <Alert color="blue" variant="light" role="status">
          {t("signIn.continue")}
        </Alert>
      )}
      {search.passwordSet && search.email && (
        <Alert color="green" variant="light" role="status">
          {t("signIn.passwordSet", { email: search.email })}
        </Alert>
      )}
      <form onSubmit={submit}>
        <Stack>
          {!codeStep ? (
            <>
              <SignInEmailInput value={email} onChange={setEmail} />
              <PasswordInput
                label={t("signIn.password")}
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
            </>
          ) : recovery ? (
            <TextInput
              key="recovery"
              label={t("signIn.recoveryCode")}
              description={t("signIn.recoveryIntro")}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
              required
              ref={codeInput}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
          ) : (
            <TextInput
              key="code"
              label={t("signIn.code")}
              description={t("signIn.codeIntro")}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              ref={codeInput}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value.trim())}
            />
          )}
          <ErrorAlert error={refusal} />
          <Button type="submit" loading={signIn.isPending}>
            {codeStep ? t("signIn.verify") : t("signIn.submit")}
          </Button>
          {codeStep && (
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                setRecovery(!recovery);
                setCode("");
                signIn.reset();
              }}
            >
              {recovery ? t("signIn.useCode") : t("signIn.useRecovery")}
            </Anchor>
          )}
          {codeStep ? (
            <Anchor
              component="button"
              type="button"
              onClick={() => {
                setCodeStep(false);
                setRecovery(false);
                setCode("");
                signIn.reset();
              }}
            >
              {t("signIn.back")}
            </Anchor>
          ) : (
            <Anchor component={Link} to="/mot-de-passe-oublie">
              {t("signIn.forgot")}
            </Anchor>
          )}
        </Stack>
      </form>
    </Stack>
  );
}
