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
  /**
   * The headers of several people: the connections are shared out among them, one autocannon per
   * person, all at once (`headers` is then unused).
   */
  people?: Record<string, string>[];
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

/** Several people at once: requests and rates add up; latencies are the people's worst. */
async function runPeople(scenario: LoadScenario, people: Record<string, string>[]): Promise<LoadResult> {
  const connections = Math.max(1, Math.floor(scenario.connections / people.length));
  const results = await Promise.all(
    people.map((headers) => runOne({ ...scenario, headers, connections, people: undefined })),
  );
  const sum = (pick: (r: LoadResult) => number) => results.reduce((total, r) => total + pick(r), 0);
  const worst = (pick: (r: LoadResult) => number) => Math.max(...results.map(pick));
  const statusCodes: Record<string, number> = {};
  for (const r of results)
    for (const [code, n] of Object.entries(r.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + n;
  const requests = sum((r) => r.requests);
  return {
    requests,
    perSecond: sum((r) => r.perSecond),
    p50: worst((r) => r.p50),
    p90: worst((r) => r.p90),
    p99: worst((r) => r.p99),
    max: worst((r) => r.max),
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
    statusCodes,
    bytesPerRequest: requests ? sum((r) => r.bytesPerRequest * r.requests) / requests : 0,
  };
}

function run(scenario: LoadScenario): Promise<LoadResult> {
  return scenario.people ? runPeople(scenario, scenario.people) : runOne(scenario);
}

async function runOne(scenario: LoadScenario): Promise<LoadResult> {
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
