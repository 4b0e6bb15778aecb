import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as french from "@zxcvbn-ts/language-fr";

/**
 * The same estimator as the server's (apps/server/src/modules/accounts/passwords.ts): zxcvbn
 * with the common and French dictionaries, so the meter and the server's refusal agree.
 * Feedback comes back as keys, translated by the portal (password.feedback.* in fr.ts, en.ts).
 * This module is loaded on demand: its dictionaries weigh about a megabyte.
 */
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...french.dictionary },
  graphs: common.adjacencyGraphs,
});

export interface Strength {
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

export function estimate(password: string, personalWords: string[] = []): Strength {
  const result = estimator.check(password, personalWords);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
