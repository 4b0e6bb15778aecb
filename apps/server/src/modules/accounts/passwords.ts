import { hash, verify } from "@node-rs/argon2";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 20–40 ms
 * on this class of machine, measured in bench/accounts.
 */
export const ARGON2_PARAMETERS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody has, verified when the account does not exist so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword("decoy password that matches no account");
  return decoyHash;
}

/** zxcvbn and its dictionaries load when a first password is set, not at every start (about 0.6 s of CPU). */
let estimator: Promise<ZxcvbnFactory> | undefined;
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= Promise.all([
    import("@zxcvbn-ts/core"),
    import("@zxcvbn-ts/language-common"),
    import("@zxcvbn-ts/language-fr"),
  ]).then(
    ([{ ZxcvbnFactory }, common, french]) =>
      new ZxcvbnFactory({
        dictionary: { ...common.dictionary, ...french.dictionary },
        graphs: common.adjacencyGraphs,
        translations: french.translations,
      }),
  );
  return estimator;
}

/** Strength 0 (too guessable) to 4 (very unguessable), zxcvbn's scale; 4 is the level recommended (DSN-ID-02). */
export async function passwordStrength(
  password: string,
  personalWords: string[] = [],
): Promise<0 | 1 | 2 | 3 | 4> {
  return (await loadEstimator()).check(password, personalWords).score;
}

/** Longer passwords are refused before hashing: argon2 over megabytes is a denial of service. */
export const PASSWORD_MAX_LENGTH = 256;
