import { Center, Loader } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "@tanstack/react-router";
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
  const location = useLocation();
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t("app.loading")} />
      </Center>
    );
  }
  if (me.isError) {
    const error = me.error;
    if (error instanceof ApiError && error.suspended) return <SuspendedNotice error={error} />;
    if (error instanceof ApiError && error.secondFactorDue) return <Navigate to="/second-facteur" />;
    if (error instanceof ApiError && error.unauthenticated) {
      return <Navigate to="/connexion" search={{ redirect: location.href }} />;
    }
    return <ErrorAlert error={error} />;
  }
  return <Outlet />;
}
