import type { Answer } from "../api/paths";

/** The server's rules for files (GET /api/attachments/rules): sizes in bytes, extensions with the dot. */
export type FileRules = Answer<"/api/attachments/rules">;

export type FileRefusal = { reason: "tooLarge" | "type" | "empty" | "tooMany"; name: string; size: number };

/** What the server would answer, decided before sending: the files kept, and why others are not. */
export function checkFiles(
  kept: readonly File[],
  added: readonly File[],
  rules: FileRules,
): { files: File[]; refusals: FileRefusal[] } {
  const files = [...kept];
  const refusals: FileRefusal[] = [];
  for (const file of added) {
    const refuse = (reason: FileRefusal["reason"]) =>
      refusals.push({ reason, name: file.name, size: file.size });
    const dot = file.name.lastIndexOf(".");
    const extension = dot > 0 ? file.name.slice(dot).toLowerCase() : "";
    // The same file chosen twice is kept once.
    if (files.some((f) => f.name === file.name && f.size === file.size)) continue;
    if (!rules.extensions.includes(extension)) refuse("type");
    else if (file.size > rules.maxBytes) refuse("tooLarge");
    else if (file.size === 0) refuse("empty");
    else if (files.length >= rules.maxFiles) refuse("tooMany");
    else files.push(file);
  }
  return { files, refusals };
}
