/** The message a demo server waits for before it serves the portal it was started beside. */
export const PORTAL_BUILT: "portal-built";

/** Both shipped deployments side by side (demo.mjs); resolves with the exit code. */
export function startDemo(env: NodeJS.ProcessEnv, buildPortal: boolean): Promise<number>;

/** In a demo server: resolves when the parent says the portal is built. */
export function portalBuiltByParent(): Promise<void>;
