/** The port, answered with the "starting" page until the real server takes it (starting-page.mjs). */
export interface HeldPort {
  release(): Promise<void>;
}

export function holdPort(address: { PORT: number; HOST: string }): Promise<HeldPort>;

export function holdPortEarly(env: NodeJS.ProcessEnv): Promise<void>;

export function takeEarlyHold(): HeldPort | undefined;
