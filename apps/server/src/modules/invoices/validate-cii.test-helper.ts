import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { validateXML } from "xmllint-wasm";

/**
 * The official EN 16931 validation artefacts (test/data/en16931, EUPL 1.2, unchanged): the CII D16B
 * XSD run by libxml2 compiled to WebAssembly (xmllint-wasm), and the business rules' Schematron
 * compiled to XSLT run by SaxonJS (xslt3). No Java. The stylesheet is compiled once to a SEF file,
 * cached under node_modules/.cache keyed by the stylesheet's hash (tens of seconds the first time).
 */
const root = fileURLToPath(new URL("../../../../../", import.meta.url));
const artefacts = join(root, "test/data/en16931");
const schemaDir = join(artefacts, "schema/CII/uncefact/data/standard");
const stylesheet = join(artefacts, "EN16931-CII-validation.xslt");
const require = createRequire(import.meta.url);

function schemaFiles(): Array<{ fileName: string; contents: string }> {
  const files: Array<{ fileName: string; contents: string }> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".xsd"))
        files.push({
          fileName: relative(join(artefacts, "schema"), path),
          contents: readFileSync(path, "utf8"),
        });
    }
  };
  walk(join(artefacts, "schema"));
  return files;
}

/** XSD errors of a CII document (empty: valid). */
export async function xsdErrors(xml: string): Promise<string[]> {
  const all = schemaFiles();
  const main = relative(join(artefacts, "schema"), join(schemaDir, "CrossIndustryInvoice_100pD16B.xsd"));
  const result = await validateXML({
    xml: [{ fileName: "invoice.xml", contents: xml }],
    schema: [all.find((f) => f.fileName === main) as { fileName: string; contents: string }],
    preload: all.filter((f) => f.fileName !== main),
  });
  return result.errors.map((e) => e.rawMessage);
}

function compiledStylesheet(): string {
  const hash = createHash("sha256").update(readFileSync(stylesheet)).digest("hex").slice(0, 16);
  const cache = join(root, "node_modules/.cache/guichet");
  const sef = join(cache, `en16931-${hash}.sef.json`);
  if (!existsSync(sef)) {
    mkdirSync(cache, { recursive: true });
    const xslt3 = join(dirname(require.resolve("xslt3/package.json")), "xslt3.js");
    execFileSync(process.execPath, [xslt3, `-xsl:${stylesheet}`, `-export:${sef}`, "-nogo"], {
      stdio: "pipe",
    });
  }
  return sef;
}

interface SaxonJs {
  transform(options: Record<string, unknown>, mode: "async"): Promise<{ principalResult: string }>;
}

/** The fatal EN 16931 business rules a CII document breaks, as "BR-05: text" (empty: valid). */
export async function schematronFailures(xml: string): Promise<string[]> {
  const saxon = require("saxon-js") as SaxonJs;
  const { principalResult } = await saxon.transform(
    { stylesheetFileName: compiledStylesheet(), sourceText: xml, destination: "serialized" },
    "async",
  );
  const failures: string[] = [];
  const pattern = /<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g;
  for (const match of principalResult.matchAll(pattern)) {
    const attributes = match[1] ?? "";
    if (/flag="warning"/.test(attributes)) continue;
    const id = /id="([^"]*)"/.exec(attributes)?.[1] ?? "?";
    const text = /<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2] ?? "")?.[1]?.trim() ?? "";
    failures.push(`${id}: ${text}`);
  }
  return failures;
}
