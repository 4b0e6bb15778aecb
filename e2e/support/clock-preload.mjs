// Loaded by the e2e harness into a spawned `guichet start` (NODE_OPTIONS=--import …) when a test
// drives time: the server runs its own code unchanged, only its reading of the wall clock is
// shifted. The file named by GUICHET_E2E_CLOCK_FILE holds the offset in milliseconds from the
// real clock; it is re-read at most every RE_READ_MS, so a test that rewrote it waits that long.
// Timers keep real durations (Node's timers use a monotonic clock): a sweep due every minute
// still runs every real minute, at the shifted date.
import { readFileSync } from "node:fs";

const file = process.env.GUICHET_E2E_CLOCK_FILE;
const RE_READ_MS = 20;

if (file) {
  const RealDate = Date;
  const realNow = RealDate.now.bind(RealDate);
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  const now = () => {
    const real = realNow();
    if (real - readAt >= RE_READ_MS) {
      readAt = real;
      const written = Number(readFileSync(file, "utf8"));
      if (Number.isFinite(written)) offset = written;
    }
    return real + offset;
  };
  // A proxy rather than a subclass: `Date()` called without `new` keeps working, and
  // `instanceof Date` still holds for dates made before the swap or by Node's internals.
  globalThis.Date = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget);
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, property) {
      return property === "now" ? now : Reflect.get(target, property, target);
    },
  });
}
