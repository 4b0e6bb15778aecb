import { describe, expect, it } from "vitest";
import { messageIdsIn, normaliseMessageId, threadCandidateIds } from "./message-ids.js";

// DSN-SUP-03 / MCR-SUP-03: a reply finds its ticket by the ids of the desk's own messages.
describe("normaliseMessageId", () => {
  it("gives the '<left@right>' form the outbox stores, keeping case", () => {
    expect(normaliseMessageId("<Ab.12@mail.gmail.com>")).toBe("<Ab.12@mail.gmail.com>");
    expect(normaliseMessageId("  Ab.12@mail.gmail.com ")).toBe("<Ab.12@mail.gmail.com>");
  });

  it("gives null when there is no id", () => {
    expect(normaliseMessageId("")).toBeNull();
    expect(normaliseMessageId("<>")).toBeNull();
    expect(normaliseMessageId("two words")).toBeNull();
  });
});

describe("messageIdsIn", () => {
  it("reads every id in a header, skipping comments and duplicates", () => {
    expect(messageIdsIn("<a@x.fr> (Camille's message of Monday)\r\n <b@x.fr> <a@x.fr>")).toEqual([
      "<a@x.fr>",
      "<b@x.fr>",
    ]);
  });

  it("accepts ids written without angle brackets, and arrays as mailparser gives them", () => {
    expect(messageIdsIn("a@x.fr b@x.fr")).toEqual(["<a@x.fr>", "<b@x.fr>"]);
    expect(messageIdsIn(["<a@x.fr>", "<b@x.fr>"])).toEqual(["<a@x.fr>", "<b@x.fr>"]);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});

describe("threadCandidateIds", () => {
  it("puts the direct parent first, then References from the most recent back", () => {
    expect(threadCandidateIds("<c@x.fr>", "<a@x.fr> <b@x.fr> <c@x.fr>")).toEqual([
      "<c@x.fr>",
      "<b@x.fr>",
      "<a@x.fr>",
    ]);
  });

  it("falls back on References alone when In-Reply-To is missing", () => {
    expect(threadCandidateIds(null, ["<a@x.fr>", "<b@x.fr>"])).toEqual(["<b@x.fr>", "<a@x.fr>"]);
  });
});
