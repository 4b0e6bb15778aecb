import { type Locale, t } from "../../i18n/index.js";
import type { LeftOutFile } from "./attachments.js";

/**
 * What the ticket and the acknowledgement say of a mail's files the desk did not keep (issue 14):
 * each by its name, with the reason; "" when every file was kept.
 */
export function leftOutFilesText(locale: Locale, files: readonly LeftOutFile[]): string {
  if (files.length === 0) return "";
  const lines = files.map((file) => {
    const reason = t(locale, `desk.${file.reason}`, { file: file.fileName, ...file.params });
    // The limit in number names no file: the line does.
    return file.reason === "attachment_too_many" ? `- « ${file.fileName} » : ${reason}` : `- ${reason}`;
  });
  return t(locale, "mailIn.files_left_out", { files: lines.join("\n") });
}
