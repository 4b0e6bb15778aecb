import { useEffect, useMemo, useState } from "react";
import type { Strength } from "./estimator";

type Estimate = (password: string) => Strength;
let loading: Promise<Estimate> | undefined;

function loadEstimator(): Promise<Estimate> {
  loading ??= import("./estimator").then((module) => (password: string) => module.estimate(password));
  return loading;
}

/** The live zxcvbn strength of a password (0–4), undefined while the dictionaries load or when empty. */
export function useStrength(password: string): Strength | undefined {
  const [estimate, setEstimate] = useState<Estimate | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void loadEstimator().then((loaded) => {
      if (alive) setEstimate(() => loaded);
    });
    return () => {
      alive = false;
    };
  }, []);
  return useMemo(() => (estimate && password !== "" ? estimate(password) : undefined), [estimate, password]);
}
