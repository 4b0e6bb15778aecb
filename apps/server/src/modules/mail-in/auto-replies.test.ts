import { describe, expect, it } from "vitest";
import { classifyAutomatic, isAutomatic, type MessageHeaders } from "./auto-replies.js";

const headers = (fields: Record<string, string>): MessageHeaders =>
  new Map(Object.entries(fields).map(([name, value]) => [name.toLowerCase(), value]));

/** What a customer's ordinary message carries (Outlook adds X-Auto-Response-Suppress to many). */
const person = {
  "Return-Path": "<camille.dupont@banque-ducasse.fr>",
  From: "Camille Dupont <camille.dupont@banque-ducasse.fr>",
  To: "support@multicloud-ready.fr",
  "Content-Type": 'multipart/alternative; boundary="b1"',
  "X-Auto-Response-Suppress": "All",
};

// A message from a program must never open a ticket nor be answered (MCR-SUP-03, DSN-SUP-03:
// only people's mail becomes or joins a ticket), or the desk and an autoresponder loop.
describe("classifyAutomatic", () => {
  it("takes a person's message as a person's, X-Auto-Response-Suppress notwithstanding", () => {
    expect(classifyAutomatic(headers(person))).toEqual({
      autoSubmitted: false,
      isBounce: false,
      reason: null,
    });
  });

  it("follows RFC 3834 Auto-Submitted: any value but 'no'", () => {
    for (const value of ["auto-replied", "auto-generated", "Auto-Notified; owner-email=x@y.fr"]) {
      expect(isAutomatic(headers({ ...person, "Auto-Submitted": value })), value).toBe(true);
    }
    expect(isAutomatic(headers({ ...person, "Auto-Submitted": "no" }))).toBe(false);
    expect(isAutomatic(headers({ ...person, "Auto-Submitted": " No " }))).toBe(false);
  });

  it("recognises vacation programs' X-Autoreply and X-Autorespond", () => {
    expect(classifyAutomatic(headers({ ...person, "X-Autoreply": "yes" }))).toEqual({
      autoSubmitted: true,
      isBounce: false,
      reason: "x-autoreply",
    });
    expect(isAutomatic(headers({ ...person, "X-Autorespond": "Out of office" }))).toBe(true);
  });

  it("treats bulk, junk, list and auto_reply precedence as automatic, not other values", () => {
    for (const value of ["bulk", "Junk", "list", "auto_reply"]) {
      expect(isAutomatic(headers({ ...person, Precedence: value })), value).toBe(true);
    }
    expect(isAutomatic(headers({ ...person, Precedence: "first-class" }))).toBe(false);
  });

  it("treats mailing-list traffic as automatic", () => {
    expect(classifyAutomatic(headers({ ...person, "List-Id": "<dsi.banque-ducasse.fr>" })).reason).toBe(
      "List-Id",
    );
    expect(isAutomatic(headers({ ...person, "List-Unsubscribe": "<mailto:leave@lists.x.fr>" }))).toBe(true);
  });

  it("recognises a delivery report by its content type, even from an ordinary-looking sender", () => {
    const verdict = classifyAutomatic(
      headers({
        ...person,
        "Content-Type": 'multipart/report; report-type="delivery-status"; boundary="x"',
      }),
    );
    expect(verdict).toMatchObject({ autoSubmitted: true, isBounce: true });
  });

  it("counts a read receipt (disposition-notification report) as automatic but not as a bounce", () => {
    const verdict = classifyAutomatic(
      headers({
        ...person,
        "Content-Type": "multipart/report; report-type=disposition-notification; boundary=x",
      }),
    );
    expect(verdict).toMatchObject({ autoSubmitted: true, isBounce: false });
  });

  it("recognises the null reverse-path <> as a bounce", () => {
    expect(classifyAutomatic(headers({ ...person, "Return-Path": "<>" }))).toEqual({
      autoSubmitted: true,
      isBounce: true,
      reason: "Return-Path: <>",
    });
  });

  it("recognises MAILER-DAEMON and postmaster senders, but not a display name", () => {
    const from = (value: string) => classifyAutomatic(headers({ ...person, From: value }));
    expect(from("Mail Delivery System <MAILER-DAEMON@mx.banque-ducasse.fr>").isBounce).toBe(true);
    expect(from("postmaster@transports-garnier.fr").isBounce).toBe(true);
    expect(from("MAILER-DAEMON").isBounce).toBe(true);
    expect(from("Postmaster <jean.martin@fibre-poitou.fr>").autoSubmitted).toBe(false);
  });
});
