/**
 * The load generator of bench/desk/run.ts, in its own process so that autocannon does not share
 * the server's event loop: it receives one scenario at a time over IPC and answers its figures.
 */
import autocannon from "autocannon";

export interface LoadScenario {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  /** `[<id>]` in the body is replaced by a fresh id on every request (autocannon's idReplacement). */
  body?: string;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
  bytesPerRequest: number;
}

async function run(scenario: LoadScenario): Promise<LoadResult> {
  const result = await autocannon({
    url: scenario.url,
    method: scenario.method,
    headers: scenario.headers,
    ...(scenario.body === undefined ? {} : { body: scenario.body, idReplacement: true }),
    connections: scenario.connections,
    duration: scenario.seconds,
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stat.count ?? 0;
  const requests = result.requests.total;
  return {
    requests,
    perSecond: requests / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
    bytesPerRequest: requests ? result.throughput.total / requests : 0,
  };
}

process.on("message", (message: { id: number; scenario: LoadScenario }) => {
  run(message.scenario).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});
process.on("disconnect", () => process.exit(0));
