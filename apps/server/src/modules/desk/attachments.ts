import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { type Db, ticketAttachments } from "@guichet/db";
import type { AppContext } from "../../app-context.js";

/** Per file and per message; a form over these is refused whole, a mail keeps the files within them. */
export const ATTACHMENT_LIMITS = { maxBytes: 10 * 1024 * 1024, maxFiles: 5 } as const;

/** What may be attached, by extension, with the type it is served as. Anything else is refused. */
const ALLOWED: Readonly<Record<string, string>> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".txt": "text/plain",
  ".log": "text/plain",
  ".csv": "text/csv",
  ".json": "application/json",
  ".xml": "application/xml",
  ".eml": "message/rfc822",
  ".zip": "application/zip",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
  // Ordinary business attachments (issue 14): served as downloads like every file, never inline.
  ".doc": "application/msword",
  ".xls": "application/vnd.ms-excel",
  ".rtf": "application/rtf",
};

/** The extensions taken, as the portal offers them in its file picker (GET /api/attachments/rules). */
export const ATTACHMENT_EXTENSIONS: readonly string[] = Object.keys(ALLOWED);

/** Leading bytes a file of the type must start with, where the type has a signature. */
const SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": ["%PDF-"],
  "image/png": ["\x89PNG"],
  "image/jpeg": ["\xff\xd8\xff"],
  "image/gif": ["GIF87a", "GIF89a"],
  "application/zip": ["PK\x03\x04"],
  // Word 97-2003 and Excel 97-2003 are OLE2 compound files.
  "application/msword": ["\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
  "application/vnd.ms-excel": ["\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
  "application/rtf": ["{\\rtf"],
};
const OFFICE = ["docx", "xlsx", "odt", "ods"];
/** Executables never pass, whatever their name says. */
const EXECUTABLE = ["MZ", "\x7fELF", "#!", "\xca\xfe\xba\xbe", "\xcf\xfa\xed\xfe"];

export interface IncomingFile {
  fileName: string;
  content: Buffer;
}

export type AttachmentRefusalReason =
  | "attachment_too_large"
  | "attachment_empty"
  | "attachment_type"
  | "attachment_content"
  | "attachment_too_many";
export type AttachmentRefusal = {
  ok: false;
  reason: AttachmentRefusalReason;
  params: Record<string, string>;
};

/** The type a file is stored and served as, or why it is refused (size, type, content). */
export function checkAttachment(
  file: IncomingFile,
): { ok: true; contentType: string; fileName: string } | AttachmentRefusal {
  const fileName = safeFileName(file.fileName);
  const refuse = (reason: AttachmentRefusalReason): AttachmentRefusal => ({
    ok: false,
    reason,
    params: { file: fileName, max: String(ATTACHMENT_LIMITS.maxBytes / 1024 / 1024) },
  });
  if (file.content.length > ATTACHMENT_LIMITS.maxBytes) return refuse("attachment_too_large");
  if (file.content.length === 0) return refuse("attachment_empty");
  const extension = extname(fileName).toLowerCase();
  const contentType = ALLOWED[extension];
  if (!contentType) return refuse("attachment_type");
  const head = file.content.subarray(0, 8).toString("latin1");
  if (EXECUTABLE.some((magic) => head.startsWith(magic))) return refuse("attachment_content");
  const signatures = OFFICE.includes(extension.slice(1))
    ? SIGNATURES["application/zip"]
    : SIGNATURES[contentType];
  if (signatures && !signatures.some((magic) => head.startsWith(magic))) return refuse("attachment_content");
  return { ok: true, contentType, fileName };
}

/** A name safe to store and to put in a Content-Disposition header. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // Control characters and unpaired surrogates (a mail's or a form's name may hold them) too.
  const unsafe = (c: string) => /[\p{Cc}\p{Cs}]/u.test(c) || '"<>|:*?'.includes(c);
  const cleaned = [...base]
    .map((c) => (unsafe(c) ? "_" : c))
    .join("")
    .trim()
    .slice(0, 200);
  return cleaned || "piece-jointe";
}

export function attachmentsDirOf(context: Pick<AppContext, "config" | "contract">): string {
  return join(context.config.GUICHET_DATA_DIR, context.contract.id, "attachments");
}

/**
 * Writes the bytes under their SHA-256 (once: the same file twice is stored once), atomically by
 * rename. Called before the transaction that records them: if it rolls back, an unreferenced
 * file remains, which nobody can reach; never the reverse.
 */
async function storeBytes(directory: string, content: Buffer): Promise<string> {
  const sha256 = createHash("sha256").update(content).digest("hex");
  const target = join(directory, sha256);
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await mkdir(directory, { recursive: true });
    const temporary = join(directory, `.${randomUUID()}.tmp`);
    await writeFile(temporary, content);
    await rename(temporary, target);
  }
  return sha256;
}

/** Every file checked before anything is written: a message is taken with all its files or not at all. */
export function validateAttachments(files: readonly IncomingFile[]): AttachmentRefusal | null {
  if (files.length > ATTACHMENT_LIMITS.maxFiles) {
    return { ok: false, reason: "attachment_too_many", params: { max: String(ATTACHMENT_LIMITS.maxFiles) } };
  }
  for (const file of files) {
    const verdict = checkAttachment(file);
    if (!verdict.ok) return verdict;
  }
  return null;
}

/** A file a mail carried that the desk did not keep, and why (in the words of desk.<reason>). */
export interface LeftOutFile {
  fileName: string;
  reason: AttachmentRefusalReason;
  params: Record<string, string>;
}

/**
 * A mail's files sorted (issue 14): the allowed ones are kept, up to the limit in number, and each
 * other is left out with its reason, so that one odd attachment does not refuse the whole mail.
 */
export function sortAttachments(files: readonly IncomingFile[]): {
  kept: IncomingFile[];
  leftOut: LeftOutFile[];
} {
  const kept: IncomingFile[] = [];
  const leftOut: LeftOutFile[] = [];
  for (const file of files) {
    const verdict = checkAttachment(file);
    if (!verdict.ok)
      leftOut.push({ fileName: safeFileName(file.fileName), reason: verdict.reason, params: verdict.params });
    else if (kept.length >= ATTACHMENT_LIMITS.maxFiles)
      leftOut.push({
        fileName: verdict.fileName,
        reason: "attachment_too_many",
        params: { max: String(ATTACHMENT_LIMITS.maxFiles) },
      });
    else kept.push(file);
  }
  return { kept, leftOut };
}

/** Stores files already validated and records them on one timeline entry, in the caller's transaction. */
export async function attachFiles(
  tx: Db,
  context: Pick<AppContext, "config" | "contract">,
  target: { ticketId: string; organisationId: string; eventSeq: number },
  files: readonly IncomingFile[],
  now: Date,
): Promise<void> {
  const checked = files.map((file) => {
    const verdict = checkAttachment(file);
    if (!verdict.ok) throw new Error(`attachFiles: ${verdict.reason} (validate first)`);
    return { ...verdict, content: file.content };
  });
  const directory = attachmentsDirOf(context);
  for (const file of checked) {
    const sha256 = await storeBytes(directory, file.content);
    await tx.insert(ticketAttachments).values({
      ticketId: target.ticketId,
      eventSeq: target.eventSeq,
      organisationId: target.organisationId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.content.length,
      sha256,
      createdAt: now,
    });
  }
}

export async function readAttachmentBytes(
  context: Pick<AppContext, "config" | "contract">,
  sha256: string,
): Promise<Buffer> {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("not a SHA-256");
  return readFile(join(attachmentsDirOf(context), sha256));
}
