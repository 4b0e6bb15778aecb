/**
 * Where signing in leads back to: only a path of this site (never `//host`, nor a slash and a
 * backslash, which browsers read as another site), and never the sign-in page itself, so no one
 * is sent elsewhere or round in circles (issue 13).
 */
export function safeRedirect(path: string | undefined): string | undefined {
  if (!path?.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return undefined;
  return path === "/connexion" || path.startsWith("/connexion?") ? undefined : path;
}
