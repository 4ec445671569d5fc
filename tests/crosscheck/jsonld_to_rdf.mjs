// Expands a JSON-LD file with the reference JSON-LD processor (npm `jsonld`, installed in tools/)
// and, given an N-Triples file too, checks that both hold exactly the same triples. The N-Triples
// are read by the N-Quads parser the jsonld package itself uses (rdf-canonize), so no side is
// parsed by diplograph. (Not by Oxigraph: its store turns xsd:nonNegativeInteger literals into
// xsd:integer.) Remote contexts are refused: the export must carry its own @context.
// Usage: node jsonld_to_rdf.mjs GRAPH.jsonld [EXPECTED.nt]
//   prints the expansion as N-Quads, or with EXPECTED.nt a JSON report
//   {"jsonld": n, "ntriples": m, "missing": [...], "extra": [...]} and exits 1 when they differ.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../../tools/package.json"));
const jsonld = require("jsonld");
const rdfCanonize = createRequire(require.resolve("jsonld"))("rdf-canonize");

const [jsonldFile, expectedFile] = process.argv.slice(2);
const documentLoader = (url) => {
  throw new Error(`refusing to load a remote context: ${url}`);
};
const document = JSON.parse(readFileSync(jsonldFile, "utf8"));

if (!expectedFile) {
  process.stdout.write(await jsonld.toRDF(document, { format: "application/n-quads", documentLoader }));
  process.exit(0);
}

// One comparable key per triple: term kinds, values, language tags and datatypes all count.
const term = (t) =>
  t.termType === "Literal"
    ? `L|${t.value}|${(t.language || "").toLowerCase()}|${t.datatype.value}`
    : t.termType === "BlankNode" ? "B|" : `I|${t.value}`;
const key = (q) => [term(q.subject), term(q.predicate), term(q.object)].join(" ");

const expanded = new Set((await jsonld.toRDF(document, { documentLoader })).map(key));
const expected = new Set(rdfCanonize.NQuads.parse(readFileSync(expectedFile, "utf8")).map(key));

const missing = [...expected].filter((k) => !expanded.has(k));
const extra = [...expanded].filter((k) => !expected.has(k));
process.stdout.write(
  JSON.stringify({ jsonld: expanded.size, ntriples: expected.size, missing: missing.slice(0, 10), extra: extra.slice(0, 10) }) + "\n",
);
process.exit(missing.length === 0 && extra.length === 0 ? 0 : 1);
