import { Center, Loader } from "@mantine/core";
import { Outlet, useRouter } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { useMe } from "../session";
import { ErrorAlert } from "./ErrorAlert";
import { SuspendedNotice } from "./SuspendedNotice";

/**
 * The pages behind a session. /api/auth/me is asked on every page load, so a suspension or a
 * revoked session shows at once (the server re-checks credentials on each request).
 */
export function SessionGate() {
  const { t } = useTranslation();
  const me = useMe();
  const error = me.isError ? me.error : null;
  const away =
    error instanceof ApiError && error.secondFactorDue
      ? "second-factor"
      : error instanceof ApiError && error.unauthenticated
        ? "sign-in"
        : undefined;
  useLeaveOnce(away);
  if (me.isPending || away) {
    return (
      <Center py="xl">
        <Loader aria-label={t("app.loading")} />
      </Center>
    );
  }
  if (error) {
    if (error instanceof ApiError && error.suspended) return <SuspendedNotice error={error} />;
    return <ErrorAlert error={error} />;
  }
  return <Outlet />;
}

/**
 * Sends a person without a session to sign in (coming back afterwards to the page she was on),
 * or to second-factor enrolment: once per mount. A <Navigate> rendered
 * here navigated again at each render while its navigation was pending, each time with a
 * `redirect` that wrapped the previous one, and the tab froze (issue 13).
 */
function useLeaveOnce(away: "sign-in" | "second-factor" | undefined) {
  const router = useRouter();
  const left = useRef(false);
  useEffect(() => {
    if (!away || left.current) return;
    left.current = true;
    if (away === "second-factor") {
      void router.navigate({ to: "/second-facteur", replace: true });
      return;
    }
    // The page asked for last, even when its navigation is still under way.
    const { href } = router.state.location;
    // The bare address needs no way back: signing in lands on the person's own home.
    void router.navigate({
      to: "/connexion",
      search: { redirect: href === "/" ? undefined : href },
      replace: true,
    });
  }, [away, router]);
}
