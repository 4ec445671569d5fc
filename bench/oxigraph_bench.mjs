// Oxigraph (npm) side of the benchmark: load an N-Triples file, then run each query file
// `repeat` times. Prints "load <ms> <triples>" then "query <name> <median ms> <rows>" lines.
// Usage: node oxigraph_bench.mjs GRAPH.nt REPEAT QUERY.rq...
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../tools/package.json"));
const oxigraph = require("oxigraph");

const [graphFile, repeatText, ...queries] = process.argv.slice(2);
const repeat = Number(repeatText);
const store = new oxigraph.Store();
let start = performance.now();
store.load(readFileSync(graphFile, "utf8"), { format: "application/n-triples" });
console.log(`load ${(performance.now() - start).toFixed(1)} ${store.size}`);
for (const file of queries) {
  const text = readFileSync(file, "utf8");
  const times = [];
  let rows = 0;
  for (let i = 0; i < repeat; ++i) {
    start = performance.now();
    const result = store.query(text);
    rows = Array.isArray(result) ? result.length : 1;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`query ${basename(file, ".rq")} ${times[Math.floor(times.length / 2)].toFixed(2)} ${rows}`);
}
