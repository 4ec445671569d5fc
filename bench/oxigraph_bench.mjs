// Oxigraph (npm) side of the benchmark: load an N-Triples file, then run each query file
// `repeat` times. Prints "load <ms> <triples>" then "query <name> <median ms> <rows>" lines.
// Usage: node oxigraph_bench.mjs GRAPH.nt REPEAT QUERY.rq...
import { createRequire } from "node:module";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, "../tools/package.json"));
const oxigraph = require("oxigraph");

const [graphFile, repeatText, ...queries] = process.argv.slice(2);
const repeat = Number(repeatText);
const store = new oxigraph.Store();
// Loaded in chunks cut at line ends: a JavaScript string cannot hold a graph past 512 MB, and
// N-Triples (our exports have no blank nodes) can be split at any line.
function loadNTriples(file) {
  const fd = openSync(file, "r");
  const chunk = Buffer.alloc(64 << 20);
  let carry = Buffer.alloc(0);
  for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0; ) {
    const bytes = Buffer.concat([carry, chunk.subarray(0, read)]);
    const end = bytes.lastIndexOf(10) + 1;
    store.load(bytes.toString("utf8", 0, end), { format: "application/n-triples" });
    carry = Buffer.from(bytes.subarray(end));
  }
  if (carry.length > 0) store.load(carry.toString("utf8"), { format: "application/n-triples" });
  closeSync(fd);
}
let start = performance.now();
loadNTriples(graphFile);
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
