import { isIP } from "node:net";
import { z } from "zod";
import type { ImapAccount } from "./modules/mail-in/imap-poller.js";
import { DEFAULT_CONTRACT_ID } from "./seed/demo-deployments.mjs";

/**
 * Configuration, read once at boot from the environment and validated. Every variable is
 * documented in the README's configuration table. A wrong value stops the boot with one line
 * naming the variable (ConfigError).
 */

const IMAP_URL_EXAMPLE = '"imaps://support%40example.fr:password@imap.example.fr"';

function imapAccountOf(value: string, context: z.RefinementCtx): ImapAccount {
  const refuse = (message: string) => {
    context.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse(`expected an IMAP URL such as ${IMAP_URL_EXAMPLE}`);
  }
  if (url.protocol !== "imap:" && url.protocol !== "imaps:")
    return refuse(`expected imap:// or imaps://, such as ${IMAP_URL_EXAMPLE}`);
  if (!url.username || !url.password)
    return refuse(`expected the mailbox's user and password in the URL, such as ${IMAP_URL_EXAMPLE}`);
  if (url.pathname !== "" && url.pathname !== "/")
    return refuse("expected no folder in the URL: the folder is DESK_IMAP_FOLDER");
  try {
    const secure = url.protocol === "imaps:";
    return {
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port ? Number(url.port) : secure ? 993 : 143,
      secure,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    };
  } catch {
    return refuse("expected the user and password percent-encoded (@ as %40, : as %3A)");
  }
}

const TRUST_PROXY_EXAMPLE = 'a hop count such as "1", or proxy addresses such as "127.0.0.1,10.0.0.0/8"';

/** TRUST_PROXY as Fastify's trustProxy: a hop count, or the proxies' addresses and networks. */
function trustProxyOf(value: string, context: z.RefinementCtx): number | string[] {
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return hops;
  } else {
    const entries = value.split(",").map((entry) => entry.trim());
    const valid = entries.every((entry) => {
      const [address = "", bits, ...rest] = entry.split("/");
      const kind = isIP(address);
      const maxBits = kind === 6 ? 128 : 32;
      return (
        kind !== 0 &&
        rest.length === 0 &&
        (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits))
      );
    });
    if (valid) return entries;
  }
  // "true" (believe any X-Forwarded-For) is refused: any client could then choose its address.
  context.addIssue({ code: "custom", message: `expected ${TRUST_PROXY_EXAMPLE}` });
  return z.NEVER;
}

/** Seconds between two looks at something outside (a mailbox, a folder): 1 to 3600. */
const pollSeconds = z.coerce
  .number({ message: "expected a number of seconds" })
  .int("expected a whole number of seconds")
  .min(1, "expected between 1 and 3600 seconds")
  .max(3600, "expected between 1 and 3600 seconds");

const ZConfig = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce
    .number({ message: "expected a port number" })
    .int("expected a whole port number")
    .min(1, "expected a port between 1 and 65535")
    .max(65535, "expected a port between 1 and 65535")
    .default(3000),
  /** Interface to listen on; 0.0.0.0 to accept connections from other hosts. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /**
   * The reverse proxies whose X-Forwarded-For gives the client's address (Fastify's trustProxy):
   * a hop count, or their addresses and networks. Unset: none, the connection's address is the
   * client's. Sign-in throttling is per client address (issue 14): behind a proxy without this,
   * every person shares the proxy's.
   */
  TRUST_PROXY: z.string().transform(trustProxyOf).optional(),
  /**
   * Plain HTTP from a loopback client where the contract says httpsOnly (DSN-SEC-03): "allow" (the
   * demo, the tests, a browser on the machine itself) or "refuse". Behind a reverse proxy on the
   * same host, set TRUST_PROXY: the client address is then the proxy's X-Forwarded-For one.
   */
  PLAIN_HTTP_LOOPBACK: z
    .enum(["allow", "refuse"], { message: 'expected "allow" or "refuse"' })
    .default("allow"),
  /**
   * Serve HTTPS directly (both set): the server's certificate chain and private key, PEM files.
   * Then clients may present a client certificate the provider registered (DSN-SEC-03).
   */
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  /** Where the embedded database (and later attachments, cost data) live. */
  GUICHET_DATA_DIR: z.string().min(1).default("./data"),
  /**
   * A folder watched for FinOps FOCUS files (MCR-BIL-01): each file dropped there is imported as
   * `guichet costs import` does, then moved to done/ or refused/ (with a report). Unset: off.
   */
  COSTS_WATCH_DIR: z.string().min(1).optional(),
  /** Seconds between two looks at COSTS_WATCH_DIR; a file is taken once unchanged between two looks. */
  COSTS_WATCH_POLL_SECONDS: pollSeconds.default(10),
  /** PostgreSQL server URL; unset means the embedded PGlite under GUICHET_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/.+/,
      'expected a PostgreSQL URL such as "postgres://user:pass@host:5432/guichet"',
    )
    .optional(),
  /** The id of a contract file in contracts/ (the demo's first by default) or the path of a contract file. */
  GUICHET_CONTRACT: z.string().min(1).default(DEFAULT_CONTRACT_ID),
  /** The address people reach Guichet at, used in links sent by e-mail. */
  PUBLIC_URL: z.url({ message: 'expected an absolute URL such as "https://portail.example.fr"' }).optional(),
  /** Outgoing mail server; unset keeps messages in the outbox (shown in the back office). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/.+/, 'expected an SMTP URL such as "smtp://user:pass@mail.example.fr:587"')
    .optional(),
  /** Sender address of outgoing mail; defaults to no-reply@ the host of PUBLIC_URL. */
  MAIL_FROM: z.email({ message: 'expected an e-mail address such as "portail@example.fr"' }).optional(),
  /** Port of the built-in SMTP receiver that takes mail to the desk (MCR-SUP-03, DSN-SUP-03); unset: off. */
  DESK_SMTP_PORT: z.coerce
    .number({ message: "expected a port number" })
    .int("expected a whole port number")
    .min(1, "expected a port between 1 and 65535")
    .max(65535, "expected a port between 1 and 65535")
    .optional(),
  /** Interface the desk's SMTP receiver listens on. */
  DESK_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  /**
   * The desk's mailbox, polled by IMAP: the other way for mail to reach the desk (MCR-SUP-03,
   * DSN-SUP-03), beside or instead of DESK_SMTP_PORT. `imaps://user:password@host[:993]`, or
   * `imap://` with STARTTLS (required off loopback); user and password percent-encoded. Unset: off.
   */
  DESK_IMAP_URL: z.string().transform(imapAccountOf).optional(),
  /** The folder of that mailbox the desk's mail arrives in. */
  DESK_IMAP_FOLDER: z.string().min(1).default("INBOX"),
  /** Where a message goes once the desk took it (created when missing); unset: it stays, flagged \Seen. */
  DESK_IMAP_PROCESSED_FOLDER: z.string().min(1).optional(),
  /** Seconds between two polls of the mailbox; IDLE takes new mail sooner when the server offers it. */
  DESK_IMAP_POLL_SECONDS: pollSeconds.default(60),
  /** The address customers write to the desk at, and the Reply-To of desk mails; defaults to the contract's support address. */
  DESK_MAIL_ADDRESS: z
    .email({ message: 'expected an e-mail address such as "support@example.fr"' })
    .optional(),
  /**
   * Seconds a process's lease on the once-only background work (sweeps, the desk's mailbox) lasts
   * without renewal: with several processes on one PostgreSQL, the longest the work waits after
   * its process dies. Renewed every third of it.
   */
  WORK_LEASE_SECONDS: z.coerce
    .number({ message: "expected a number of seconds" })
    .int("expected a whole number of seconds")
    .min(3, "expected between 3 and 600 seconds")
    .max(600, "expected between 3 and 600 seconds")
    .default(30),
  /**
   * Bearer token that opens `/metrics` (Prometheus text format). Unset: no metrics route. At
   * least 32 characters, as for any secret a scraper keeps.
   */
  METRICS_TOKEN: z.string().min(32, "expected a token of at least 32 characters").optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** "json" lines, or "readable" short lines without one per request; unset: readable on a terminal. */
  LOG_FORMAT: z.enum(["json", "readable"]).optional(),
  /** Load the contract's demo data on the first start of an empty database: "auto" (embedded only), "always", "never". */
  GUICHET_DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
});

export type Config = Omit<z.infer<typeof ZConfig>, "PUBLIC_URL"> & { PUBLIC_URL: string };

export class ConfigError extends Error {}

/** Reads and validates the configuration; an empty variable counts as unset. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(
    Object.keys(ZConfig.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === "" ? [] : [[key, value]];
    }),
  );
  const parsed = ZConfig.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "?");
    const value = present[variable];
    // Whatever stands before the last "@" (a URL's user and password, however mistyped: no "//",
    // a line break) is not repeated in a message that ends up in logs; the scheme is kept.
    const redacted = value?.replace(/^([a-z][a-z0-9+.-]*:\/*)?[\s\S]*@/i, "$1***@");
    const got = redacted === undefined ? "" : `, got "${redacted}"`;
    throw new ConfigError(`Configuration error: ${variable}: ${issue?.message ?? "invalid"}${got}`);
  }
  const config = parsed.data;
  if (Boolean(config.TLS_CERT_FILE) !== Boolean(config.TLS_KEY_FILE))
    throw new ConfigError(
      `Configuration error: ${config.TLS_CERT_FILE ? "TLS_KEY_FILE" : "TLS_CERT_FILE"}: expected both TLS_CERT_FILE and TLS_KEY_FILE, or neither`,
    );
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return { ...config, PUBLIC_URL: publicUrl.replace(/\/$/, "") };
}
