/**
 * The portal's build script in a child process; its output is shown ("inherit") or kept and
 * shown only if it fails ("quiet").
 */
export function runPortalBuild(output: "inherit" | "quiet"): Promise<void>;
