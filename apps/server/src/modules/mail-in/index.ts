/** Inbound e-mail of the service desk: receiving (SMTP) or polling (IMAP), parsing, classifying. No database here. */
export {
  type AutomaticVerdict,
  classifyAutomatic,
  isAutomatic,
  type MessageHeaders,
} from "./auto-replies.js";
export {
  type ImapAccount,
  type ImapPoller,
  type ImapPollerOptions,
  type PollReport,
  startImapPoller,
} from "./imap-poller.js";
export { messageIdsIn, normaliseMessageId, threadCandidateIds } from "./message-ids.js";
export {
  type InboundAddress,
  type InboundAttachment,
  type InboundMessage,
  type InboundParseResult,
  parseInbound,
} from "./parse-inbound.js";
export {
  type Envelope,
  MessageRefused,
  type ReceiverLogger,
  type SmtpReceiver,
  type SmtpReceiverOptions,
  startSmtpReceiver,
} from "./smtp-receiver.js";
export { stripQuotedHistory } from "./strip-quoted.js";
export {
  FREE_NEW_TICKET_SUBJECT,
  type NewTicketSubject,
  parseNewTicketSubject,
  stripReplyPrefixes,
  ticketReferenceIn,
} from "./subject.js";
