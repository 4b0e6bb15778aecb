import { type Document, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import { contractErrorMap, formatPath, splitIssue } from "./format-issues.js";
import { type Contract, ZContract } from "./schema.js";

/**
 * Reading a contract file's text (GEN-01). The server reads the file; this turns its text into
 * a validated Contract, or into lines that each name the file, the key and what was expected:
 *
 *   contracts/x.yaml:12:5: invalid YAML: Map keys must be unique
 *   contracts/x.yaml: supportPlans.premium.sla.initialResponse.P1.target: expected a duration …
 */

/** One problem, with the position of the offending key when the file has it. */
export interface ContractIssue {
  file: string;
  /** Dotted key path, "(top level)" for the document itself; empty for a YAML syntax error. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export type ParseContractResult =
  | { ok: true; contract: Contract }
  | { ok: false; errors: string[]; issues: ContractIssue[] };

/** A contract file that cannot be used; `lines` are the messages, one problem each. */
export class ContractError extends Error {
  readonly lines: readonly string[];

  constructor(lines: readonly string[]) {
    super(lines.join("\n"));
    this.name = "ContractError";
    this.lines = lines;
  }
}

function fail(issues: ContractIssue[]): ParseContractResult {
  const errors = issues.map((issue) =>
    issue.path === ""
      ? `${issue.file}:${issue.line ?? 1}:${issue.column ?? 1}: ${issue.message}`
      : `${issue.file}: ${issue.path}: ${issue.message}`,
  );
  return { ok: false, errors, issues };
}

/** Position of the node at `path`, or of the nearest enclosing node that exists. */
function locate(doc: Document, path: readonly PropertyKey[], lines: LineCounter) {
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      offset = key.range?.[0] ?? offset;
      node = pair.value as Node | null;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment] as Node | undefined;
      if (!node) break;
      offset = node.range?.[0] ?? offset;
    } else break;
  }
  if (offset === undefined) return {};
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

export function parseContract(text: string, file: string): ParseContractResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });

  const syntax = [...doc.errors, ...doc.warnings];
  if (syntax.length > 0) {
    return fail(
      syntax.map((error) => {
        const pos = lines.linePos(error.pos[0]);
        return { file, path: "", message: `invalid YAML: ${error.message}`, line: pos.line, column: pos.col };
      }),
    );
  }

  let data: unknown;
  try {
    // Aliases are allowed (a provider may reuse a block) but bounded, against "billion laughs".
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail([{ file, path: "", message: `invalid YAML: ${message}`, line: 1, column: 1 }]);
  }

  const result = ZContract.safeParse(data, { error: contractErrorMap, reportInput: true });
  if (result.success) return { ok: true, contract: result.data };

  return fail(
    result.error.issues.flatMap(splitIssue).map(({ path, message }) => ({
      file,
      path: formatPath(path),
      message,
      ...locate(doc, path, lines),
    })),
  );
}

/** parseContract for callers that would rather throw: a ContractError carrying every line. */
export function loadContractText(text: string, file: string): Contract {
  const result = parseContract(text, file);
  if (!result.ok) throw new ContractError(result.errors);
  return result.contract;
}
