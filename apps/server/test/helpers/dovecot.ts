import { type ChildProcess, execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { ImapFlow } from "imapflow";
import { freePort } from "./free-port.js";

/** A message of the test mailbox as a mail client would list it. */
export interface StoredMessage {
  uid: number;
  seen: boolean;
  subject: string;
}

export interface Dovecot {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** DESK_IMAP_URL for this server's one mailbox. */
  readonly url: string;
  /** Puts a message into a folder by IMAP APPEND, unseen, as a delivery agent would; resolves with its UID. */
  append(raw: Buffer | string, folder?: string): Promise<number>;
  /** The messages of a folder, oldest first. */
  messages(folder?: string): Promise<StoredMessage[]>;
  /** What the server logged so far (logins, logouts, errors). */
  log(): string;
  /** Stops the server, dropping every connection, and starts it again with the same mail. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  "install Debian's `dovecot-imapd` package (DEBIAN_FRONTEND=noninteractive apt-get install -y dovecot-imapd; `bash .ci/run` does it)";
const START_TIMEOUT_MS = 15_000;

/**
 * A real Dovecot IMAP server for tests, a child process with its own configuration in a temporary
 * directory: loopback only on a free port, plaintext login without TLS, one user from a passwd
 * file, maildir storage. Nothing of the machine's own Dovecot is used (not its configuration,
 * ports nor runtime directory), so a system service started by the package is no obstacle.
 * Under root everything runs as the `dovecot` user the package creates, as the PostgreSQL test
 * cluster runs as `postgres`.
 */
export async function startDovecot(): Promise<Dovecot> {
  const binary = findDovecot();
  if (!binary) throw new Error(`Dovecot not found (no dovecot on PATH nor in /usr/sbin): ${INSTALL_HINT}`);
  const dir = mkdtempSync(join(tmpdir(), "guichet-dovecot-"));
  const port = await freePort();
  const account = runAs();
  const user = "desk";
  const password = "desk-test-password";
  const log = join(dir, "dovecot.log");
  for (const sub of ["run", "state", "mail", "home"]) mkdirSync(join(dir, sub));
  writeFileSync(join(dir, "users"), `${user}:{PLAIN}${password}\n`);
  const config = join(dir, "dovecot.conf");
  writeFileSync(
    config,
    `# Written by apps/server/test/helpers/dovecot.ts for one test run.
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${account.name}
default_internal_group = ${account.group}
default_login_user = ${account.name}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
# IDLE notices new mail through inotify; this is the fallback where inotify is not available.
mailbox_idle_check_interval = 1 secs
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${account.uid} gid=${account.gid} home=${dir}/home/%u
}
# Not root: no chroot for the services that ask for one.
service anvil {
  chroot =
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", `${account.uid}:${account.gid}`, dir]);

  let child: ChildProcess;
  try {
    child = await launch(binary, config, account, port, log);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const host = "127.0.0.1";
  const client = async <T>(use: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = new ImapFlow({
      host,
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
    });
    await imap.connect();
    try {
      return await use(imap);
    } finally {
      await imap.logout();
    }
  };

  return {
    host,
    port,
    user,
    password,
    url: `imap://${user}:${encodeURIComponent(password)}@${host}:${port}`,
    append: (raw, folder = "INBOX") =>
      client(async (imap) => {
        const appended = await imap.append(folder, raw, []);
        if (!appended || appended.uid === undefined) throw new Error(`dovecot: APPEND to ${folder} failed`);
        return appended.uid;
      }),
    messages: (folder = "INBOX") =>
      client(async (imap) => {
        const lock = await imap.getMailboxLock(folder);
        try {
          if (imap.mailbox === false || imap.mailbox.exists === 0) return [];
          const listed = await imap.fetchAll("1:*", { uid: true, flags: true, envelope: true });
          return listed
            .map((m) => ({
              uid: m.uid,
              seen: m.flags?.has("\\Seen") ?? false,
              subject: m.envelope?.subject ?? "",
            }))
            .sort((a, b) => a.uid - b.uid);
        } finally {
          lock.release();
        }
      }),
    log: () => (existsSync(log) ? readFileSync(log, "utf8") : ""),
    async restart() {
      await terminate(child);
      child = await launch(binary, config, account, port, log);
    },
    async stop() {
      try {
        await terminate(child);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function findDovecot(): string | undefined {
  const onPath = spawnSync("sh", ["-c", "command -v dovecot"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  return existsSync("/usr/sbin/dovecot") ? "/usr/sbin/dovecot" : undefined;
}

interface Account {
  name: string;
  group: string;
  uid: number;
  gid: number;
}

/** Dovecot refuses mail access as root: under root, the package's `dovecot` user; else whoever runs the tests. */
function runAs(): Account {
  const name = process.getuid?.() === 0 ? "dovecot" : userInfo().username;
  const id = (flag: string) => execFileSync("id", [flag, name], { encoding: "utf8" }).trim();
  try {
    return { name, group: id("-gn"), uid: Number(id("-u")), gid: Number(id("-g")) };
  } catch {
    throw new Error(`no user "${name}" to run Dovecot as: ${INSTALL_HINT}`);
  }
}

/** Starts `dovecot -F` and resolves once it greets on its port; rejects with its log otherwise. */
async function launch(binary: string, config: string, account: Account, port: number, log: string) {
  const asRoot = process.getuid?.() === 0;
  const child = spawn(binary, ["-F", "-c", config], {
    // Its own process group, so that stopping it reaches every service and session it started.
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    ...(asRoot ? { uid: account.uid, gid: account.gid } : {}),
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(`exited (${signal ?? code})`));
    child.once("error", (error) => resolve(`could not be started (${error.message})`));
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const state = await Promise.race([exited, greets(port).then((ok) => (ok ? "ready" : "not yet"))]);
    if (state === "ready") return child;
    if (state !== "not yet" || Date.now() > deadline) {
      signalGroup(child, "SIGKILL");
      const logged = existsSync(log)
        ? readFileSync(log, "utf8").trim().split("\n").slice(-15).join("\n")
        : "";
      throw new Error(
        `Dovecot ${state === "not yet" ? `did not answer on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms` : state} ` +
          `(is the IMAP server there? ${INSTALL_HINT})\n${stderr}${logged}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether an IMAP server greets ("* OK") on the port right now. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    const finish = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("data", (data) => finish(data.toString().startsWith("* OK")));
  });
}

/**
 * SIGTERM to the whole process group, SIGKILL if it lingers. The master alone would leave
 * running sessions behind (and their clients connected), which a restart must not.
 */
async function terminate(child: ChildProcess): Promise<void> {
  const running = child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolve) => (running ? child.once("exit", () => resolve()) : resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}
