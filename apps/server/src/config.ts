import { z } from "zod";

/**
 * Configuration, read once at boot from the environment and validated. Every variable is
 * documented in the README's configuration table. A wrong value stops the boot with one line
 * naming the variable (ConfigError).
 */

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
  /** Where the embedded database (and later attachments, cost data) live. */
  GUICHET_DATA_DIR: z.string().min(1).default("./data"),
  /** PostgreSQL server URL; unset means the embedded PGlite under GUICHET_DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/.+/,
      'expected a PostgreSQL URL such as "postgres://user:pass@host:5432/guichet"',
    )
    .optional(),
  /** A shipped contract id (multicloud-ready, deux-sevres-eservices) or the path of a contract file. */
  GUICHET_CONTRACT: z.string().min(1).default("multicloud-ready"),
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
  /** The address customers write to the desk at, and the Reply-To of desk mails; defaults to the contract's support address. */
  DESK_MAIL_ADDRESS: z
    .email({ message: 'expected an e-mail address such as "support@example.fr"' })
    .optional(),
  /** pino log level. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
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
    const got = present[variable] === undefined ? "" : `, got "${present[variable]}"`;
    throw new ConfigError(`Configuration error: ${variable}: ${issue?.message ?? "invalid"}${got}`);
  }
  const config = parsed.data;
  const publicUrl = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return { ...config, PUBLIC_URL: publicUrl.replace(/\/$/, "") };
}
