import type { Page } from "playwright-core";
import { signIn } from "./browser.js";
import { controllableClock, type ServerClock } from "./clock.js";
import { type Mailboxes, startMailboxes } from "./mail.js";
import { type Portal, startPortal } from "./portal.js";
import type { Person } from "./seed.js";
import type { ContractId } from "./server.js";

/** A portal whose server sends and takes real e-mail, on a clock the test moves. */
export interface MailPortal extends Portal {
  clock: ServerClock;
  mail: Mailboxes;
  /** signIn, with the second factor's code of the server's time. */
  signIn(page: Page, person: Person): Promise<void>;
}

export async function startMailPortal(
  postgresUrl: string,
  contract: ContractId,
  input: {
    /** The server's time at start. */
    startsAt: Date;
    /** DESK_MAIL_ADDRESS. */
    deskAddress: string;
    /** MAIL_FROM. */
    mailFrom: string;
  },
): Promise<MailPortal> {
  const clock = controllableClock(input.startsAt);
  const mail = await startMailboxes(input);
  let portal: Portal;
  try {
    portal = await startPortal(postgresUrl, contract, {
      env: { ...mail.env, ...clock.env },
      prepareVisitor: (context) => clock.follow(context),
    });
  } catch (error) {
    await mail.stop();
    clock.dispose();
    throw error;
  }
  return {
    ...portal,
    clock,
    mail,
    signIn: (page, person) => signIn(page, person, undefined, clock.now),
    async stop() {
      await portal.stop();
      await mail.stop();
      clock.dispose();
    },
  };
}
