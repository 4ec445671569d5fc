// Runs one SPARQL query with Oxigraph (an independent engine) over an N-Triples file and prints
// the answer in SPARQL 1.1 Results JSON, so tests can compare it with diplograph's own answer.
// Usage: node oxigraph_query.mjs GRAPH.nt QUERY.rq
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../../tools/package.json"));
const oxigraph = require("oxigraph");

const [graphFile, queryFile] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(readFileSync(graphFile, "utf8"), { format: "application/n-triples" });
const result = store.query(readFileSync(queryFile, "utf8"), { results_format: "application/sparql-results+json" });
process.stdout.write(typeof result === "string" ? result : JSON.stringify(result));
