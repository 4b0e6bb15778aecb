export { describeValue } from "./describe-value.js";
export {
  CALENDAR_UNITS,
  type CalendarDuration,
  type CalendarUnit,
  parseCalendarDuration,
  parseTerm,
  TERM_DOCUMENTS,
  type Term,
  type TermDocument,
  ZCalendarDuration,
  ZTerm,
} from "./duration.js";
export { CONTRACT_SCHEMA_ID, contractJsonSchema } from "./json-schema.js";
export { type Money, type Percent, parseMoney, parsePercent, ZMoney, ZPercent } from "./money.js";
export {
  ContractError,
  type ContractIssue,
  loadContractText,
  type ParseContractResult,
  parseContract,
} from "./parse.js";
export {
  interfaceLocale,
  LANGUAGES,
  type Label,
  type Language,
  type Limit,
  labelIn,
  ZKey,
  ZLabel,
} from "./primitives.js";
export {
  acceptedTags,
  fallbackOrder,
  labelFor,
  readerLanguage,
  readerTag,
  textLanguage,
} from "./reading.js";
export {
  type ContractRules,
  contractRules,
  DEPLOYMENT_RULE,
  namedContactClauseOf,
  orDeploymentRule,
} from "./rules.js";
export {
  type Contract,
  type ContractInput,
  contractLanguages,
  ZContract,
  ZContractShape,
  ZProvider,
} from "./schema.js";
export { type IdentifierPolicy, type Security, ZIdentifierPolicy, ZSecurity } from "./schema-accounts.js";
export {
  CATALOGUE_KINDS,
  type CatalogueItem,
  PRICE_KINDS,
  type Price,
  ZCatalogue,
  ZCatalogueItem,
  ZPrice,
} from "./schema-catalogue.js";
export { type Invoicing, ZInvoicing } from "./schema-invoicing.js";
export {
  EMAIL_ACCEPT,
  type Priorities,
  type SupportPlan,
  ZPriorities,
  ZSupportPlan,
} from "./schema-support.js";
export { type Commitments, type Notice, ZCommitments, ZLiability, ZNotices } from "./schema-terms.js";
export {
  NAMED_CONTACT_FIELDS,
  TICKET_VOCABULARIES,
  type TicketNouns,
  type TicketVocabulary,
  type TicketWords,
  type TicketWorkflow,
  ZTicketWorkflow,
  ZVocabulary,
} from "./schema-tickets.js";
