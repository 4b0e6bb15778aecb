import { describe, expect, it } from "vitest";
import { checkFiles } from "./check-files";

const rules = { maxBytes: 1000, maxFiles: 2, extensions: [".pdf", ".txt"] };
const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

describe("files checked before sending, with the server's rules", () => {
  it("keeps files within the rules and says why the others are refused", () => {
    const { files, refusals } = checkFiles(
      [],
      [file("a.PDF", 10), file("big.txt", 1001), file("run.exe", 10), file("vide.txt", 0), file("b.txt", 5)],
      rules,
    );
    expect(files.map((f) => f.name)).toEqual(["a.PDF", "b.txt"]);
    expect(refusals).toEqual([
      { reason: "tooLarge", name: "big.txt", size: 1001 },
      { reason: "type", name: "run.exe", size: 10 },
      { reason: "empty", name: "vide.txt", size: 0 },
    ]);
  });

  it("stops at the number of files a message may carry, and keeps a file chosen twice once", () => {
    const a = file("a.txt", 3);
    const { files, refusals } = checkFiles(
      [a],
      [file("a.txt", 3), file("b.txt", 4), file("c.txt", 5)],
      rules,
    );
    expect(files.map((f) => f.name)).toEqual(["a.txt", "b.txt"]);
    expect(refusals).toEqual([{ reason: "tooMany", name: "c.txt", size: 5 }]);
  });
});
