// TNEF ("winmail.dat", application/ms-tnef): how Outlook and Exchange wrap a message's files and
// body for another Outlook (MS-OXTNEF). A customer writing from Outlook may send only that; the
// desk unwraps it into the files and text inside (issue 14). Written here rather than taken from
// npm: the one package found (node-tnef) copies the rest of the file for each attribute (quadratic
// on a 10 MB file) and logs to standard output. Every read is bounds-checked: a truncated or
// crafted file yields what was read before the damage, never an exception.

export interface TnefFile {
  fileName: string;
  content: Buffer;
}

export interface TnefContent {
  files: TnefFile[];
  /** The plain-text body, when the wrapper carries one (attBody or PR_BODY). */
  body: string | null;
  /** The HTML body (PR_BODY_HTML), when it carries one. */
  html: string | null;
}

interface FoundAttachment {
  title?: string;
  longName?: string;
  data?: Buffer;
}

const SIGNATURE = 0x223e9f78;
const LEVEL_ATTACHMENT = 2;
/** Attribute ids (low word of the attribute's id, MS-OXTNEF 2.1.3.3). */
const ATT = {
  body: 0x800c,
  attachData: 0x800f,
  attachTitle: 0x8010,
  msgProps: 0x9003,
  attachRendData: 0x9002,
  attachment: 0x9005,
} as const;
/** MAPI property ids the desk reads. */
const PROP = {
  attachDataObject: 0x3701,
  attachFileName: 0x3704,
  attachLongFileName: 0x3707,
  body: 0x1000,
  bodyHtml: 0x1013,
} as const;
/** Sizes of fixed-length MAPI property types (MS-OXCDATA 2.11.1), padded to 4 bytes. */
const FIXED_SIZES: Readonly<Record<number, number>> = {
  2: 4,
  3: 4,
  4: 4,
  5: 8,
  6: 8,
  7: 8,
  10: 4,
  11: 4,
  20: 8,
  64: 8,
  72: 16,
};
const MULTIPLE = 0x1000;
const STRING8 = 0x001e;
const UNICODE = 0x001f;
const BINARY = 0x0102;
const OBJECT = 0x000d;

/** Whether a mail's part is a TNEF wrapper, by its type or its usual name. */
export function isTnef(part: { contentType: string; fileName: string | null }): boolean {
  return (
    /^application\/(vnd\.)?ms-tnef$/i.test(part.contentType) || /^winmail\.dat$/i.test(part.fileName ?? "")
  );
}

/** The files and body inside a TNEF wrapper; null when the bytes are not TNEF. */
export function decodeTnef(bytes: Buffer): TnefContent | null {
  if (bytes.length < 6 || bytes.readUInt32LE(0) !== SIGNATURE) return null;
  const content: TnefContent = { files: [], body: null, html: null };
  let attachment: FoundAttachment | null = null;
  const attachments: FoundAttachment[] = [];
  let offset = 6;
  // level (1) + id (4) + length (4) + data + checksum (2)
  while (offset + 9 <= bytes.length) {
    const level = bytes.readUInt8(offset);
    const id = bytes.readUInt32LE(offset + 1) & 0xffff;
    const length = bytes.readUInt32LE(offset + 5);
    const start = offset + 9;
    if (start + length > bytes.length) break;
    const data = bytes.subarray(start, start + length);
    offset = start + length + 2;
    if (id === ATT.attachRendData) {
      attachment = {};
      attachments.push(attachment);
    } else if (level === LEVEL_ATTACHMENT && attachment) {
      if (id === ATT.attachTitle) attachment.title = string8(data);
      else if (id === ATT.attachData) attachment.data = data;
      else if (id === ATT.attachment) {
        const props = mapiProperties(data);
        const longName = props.get(PROP.attachLongFileName) ?? props.get(PROP.attachFileName);
        if (typeof longName === "string") attachment.longName = longName;
        const object = props.get(PROP.attachDataObject);
        if (Buffer.isBuffer(object) && !attachment.data) attachment.data = object;
      }
    } else if (id === ATT.body) {
      content.body = string8(data);
    } else if (id === ATT.msgProps) {
      const props = mapiProperties(data);
      const body = props.get(PROP.body);
      if (typeof body === "string" && !content.body) content.body = body;
      const html = props.get(PROP.bodyHtml);
      if (html !== undefined) content.html = Buffer.isBuffer(html) ? html.toString("utf8") : html;
    }
  }
  for (const found of attachments) {
    if (!found.data) continue;
    content.files.push({ fileName: found.longName || found.title || "piece-jointe", content: found.data });
  }
  return content;
}

/** A Windows-1252 string as TNEF and MAPI PT_STRING8 hold them, without its final NULs. */
function string8(data: Buffer): string {
  return new TextDecoder("windows-1252").decode(data).replace(/\0+$/, "");
}

/** The properties of a MAPI property list (MS-OXTNEF 2.1.3.4), by id; unreadable ones stop the walk. */
function mapiProperties(data: Buffer): Map<number, string | Buffer> {
  const props = new Map<number, string | Buffer>();
  if (data.length < 4) return props;
  const count = data.readUInt32LE(0);
  let offset = 4;
  const fits = (n: number) => n >= 0 && offset + n <= data.length;
  for (let i = 0; i < count && fits(4); i++) {
    const type = data.readUInt16LE(offset);
    const id = data.readUInt16LE(offset + 2);
    offset += 4;
    if (id >= 0x8000) {
      // A named property: its GUID, then a number or a name.
      if (!fits(20)) break;
      const kind = data.readUInt32LE(offset + 16);
      offset += 20;
      if (kind === 0) offset += 4;
      else {
        if (!fits(4)) break;
        const nameLength = data.readUInt32LE(offset);
        offset += 4 + padded(nameLength);
      }
    }
    const base = type & ~MULTIPLE;
    const fixed = FIXED_SIZES[base];
    if (fixed !== undefined) {
      if (type & MULTIPLE) {
        if (!fits(4)) break;
        offset += 4 + data.readUInt32LE(offset) * fixed;
      } else offset += fixed;
      continue;
    }
    if (base !== STRING8 && base !== UNICODE && base !== BINARY && base !== OBJECT) break;
    if (!fits(4)) break;
    const values = data.readUInt32LE(offset);
    offset += 4;
    for (let v = 0; v < values; v++) {
      if (!fits(4)) return props;
      const length = data.readUInt32LE(offset);
      offset += 4;
      if (!fits(length)) return props;
      const value = data.subarray(offset, offset + length);
      offset += padded(length);
      if (v > 0 || props.has(id)) continue;
      if (base === STRING8) props.set(id, string8(value));
      else if (base === UNICODE) props.set(id, value.toString("utf16le").replace(/\0+$/, ""));
      // An embedded object starts with the interface id it is reached through.
      else props.set(id, base === OBJECT ? value.subarray(16) : value);
    }
  }
  return props;
}

function padded(length: number): number {
  return length + ((4 - (length % 4)) % 4);
}
