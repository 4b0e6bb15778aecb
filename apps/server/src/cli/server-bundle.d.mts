/** The server's command line as one ES module (`guichet prepare` writes it; not versioned). */
export const SERVER_BUNDLE: string;
/** The bundle's path if it is newer than every source file, else undefined. */
export function freshServerBundle(): string | undefined;
/** Bundles the server's command line with esbuild. */
export function buildServerBundle(): Promise<void>;
