#!/usr/bin/env bash
# Benchmarks diplograph side by side with the stock tools an analyst would otherwise use, on the
# same generated corpus and graph, and prints each result as a ratio. Never part of the tests.
#
# Usage: bench/run.sh [DOCUMENTS...]     default: 1000 (about 0.2 M triples)
# Env:   DIPLOGRAPH=path/to/diplograph (default build/cli/diplograph), EXTRACT_THROUGHPUT=path to
#        bench/extract_throughput (default: beside it in the build), REPEAT=5 (query runs),
#        WORK=folder for corpora and stores (default /tmp/diplograph-bench), SQLITE=1 to add
#        rdfproc's sqlite storage (slow to load: use on the smallest size only).
set -euo pipefail
cd "$(dirname "$0")/.."
DG=$(realpath "${DIPLOGRAPH:-build/cli/diplograph}")
EXTRACT=$(realpath "${EXTRACT_THROUGHPUT:-$(dirname "$DG")/../bench/extract_throughput}")
REPEAT=${REPEAT:-5}
WORK=${WORK:-/tmp/diplograph-bench}
SIZES=("${@:-1000}")

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.3f}')" "$1"; }
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}x' if b>0 else 'n/a')" "$1" "$2"; }
# Runs a command, prints "<seconds> <peak RSS KiB>".
measure() { /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || { cat "$WORK/stderr" >&2; return 1; }; cat "$WORK/time"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

for n in "${SIZES[@]}"; do
  dir="$WORK/$n"
  rm -rf "$dir" && mkdir -p "$dir"
  python3 bench/generate_corpus.py "$n" "$dir/corpus"
  mb=$(du -sb "$dir/corpus" | awk '{print $1/1e6}')
  echo "== $n documents, $(printf '%.1f' "$mb") MB of text"

  # Extraction alone, on one core, the text already in memory (bench/extract_throughput.cpp);
  # then ingest into an in-memory store with one job and with every core.
  read -r _ tx mbs _ < <("$EXTRACT" data "$dir/corpus" 3)
  read -r t1 _ < <(measure "$DG" ingest --jobs 1 --store-kind memory --quiet "$dir/corpus")
  read -r tn _ < <(measure "$DG" ingest --store-kind memory --quiet "$dir/corpus")
  echo "extraction: $(printf '%.2f' "$mbs") MB/s on one core (cmd: extract_throughput data corpus 3)"
  echo "  ingest into memory (extraction + RDF mapping): $(python3 -c "print(f'{$mb/$t1:.2f}')") MB/s with --jobs 1, $(python3 -c "print(f'{$mb/$tn:.2f}')") MB/s with --jobs $(nproc)"
  # Raw scanning limit: grep for every gazetteer name over the same text.
  cut -f3 data/gazetteers/states.tsv | grep -v '^#' | grep -v '^$' > "$dir/names.txt"
  cat "$dir"/corpus/* > "$dir/all.txt"
  read -r tg _ < <(measure grep -c -F -f "$dir/names.txt" "$dir/all.txt")
  echo "  grep -c -F -f states.tsv names ($(wc -l < "$dir/names.txt") names): $(python3 -c "print(f'{$mb/$tg:.1f}')") MB/s; diplograph extraction runs at $(ratio "$mbs" "$(python3 -c "print($mb/$tg)")") of grep's throughput (cmd: grep -c -F -f names.txt all.txt)"

  # Ingest end to end into the default embedded store.
  read -r ti rss < <(measure "$DG" ingest --store "$dir/store" --quiet "$dir/corpus")
  triples=$("$DG" stats --store "$dir/store" | head -1 | grep -o '[0-9]* triples' | cut -d' ' -f1)
  size=$(du -sb "$dir/store" | awk '{print $1}')
  echo "ingest: $triples triples in ${ti}s = $(python3 -c "print(int($triples/$ti))") triples/s end to end, peak RSS $((rss / 1024)) MiB, store $((size / 1048576)) MiB"
  read -r topen _ < <(measure "$DG" query --store "$dir/store" 'ASK { ?s ?p ?o }')
  echo "  open a store and answer ASK: ${topen}s"
  "$DG" export --store "$dir/store" --format nt -o "$dir/graph.nt"

  # Stock Redland: rdfproc with hashes (the same storage, loaded by raptor from N-Triples).
  read -r tr _ < <(measure rdfproc -n -s hashes -t "hash-type='bdb',dir='$dir',index-predicates='yes'" rdfproc parse "$dir/graph.nt" ntriples)
  echo "  rdfproc hashes load: ${tr}s; diplograph ingest (extraction included) takes $(ratio "$ti" "$tr") of it"
  if [ "${SQLITE:-0}" = 1 ]; then
    read -r ts _ < <(measure rdfproc -n -s sqlite -t "synchronous='off'" "$dir/rdfproc.sqlite" parse "$dir/graph.nt" ntriples)
    echo "  rdfproc sqlite load: ${ts}s"
  fi

  # Every canned query with its documented example parameters.
  mkdir -p "$dir/queries"
  while read -r name params; do
    eval "\"$DG\" query --store \"$dir/store\" --name $name $params --print-sparql -o \"$dir/queries/$name.rq\""
  done <<'QUERIES'
meetings-citing --param 'resolution=UNSC 100 (1948)'
states-at-meetings-citing --param 'resolution=UNSC 100 (1948)'
co-cited --param 'resolution=UNSC 100 (1948)'
evidence --param 'resolution=UNSC 100 (1948)'
state-meetings --param state=MLI
persons-posts
sidelines
citation-counts
most-cited
documents-mentioning --param entity=Mali
entity-counts
QUERIES
  node bench/oxigraph_bench.mjs "$dir/graph.nt" "$REPEAT" "$dir"/queries/*.rq > "$dir/oxigraph.txt"
  read -r _ tox oxtriples < <(grep '^load' "$dir/oxigraph.txt")
  echo "  Oxigraph load: $(seconds "$(python3 -c "print($tox/1000)")")s for $oxtriples triples; diplograph ingest takes $(ratio "$ti" "$(python3 -c "print($tox/1000)")") of it"
  printf '%-26s %12s %12s %12s %12s %10s %10s\n' query diplograph_ms rdfproc_ms sqlite_ms oxigraph_ms vs_rdfproc vs_oxigraph
  for file in "$dir"/queries/*.rq; do
    name=$(basename "$file" .rq)
    ours=$(for _ in $(seq "$REPEAT"); do measure "$DG" query --store "$dir/store" --file "$file" --format tsv | cut -d' ' -f1; done | median)
    theirs=$(for _ in $(seq "$REPEAT"); do measure timeout 600 rdfproc -s hashes -t "hash-type='bdb',dir='$dir',index-predicates='yes'" rdfproc query sparql - "$(cat "$file")" | cut -d' ' -f1; done | median)
    lite=n/a
    if [ "${SQLITE:-0}" = 1 ]; then
      lite=$(for _ in $(seq "$REPEAT"); do measure timeout 600 rdfproc -s sqlite "$dir/rdfproc.sqlite" query sparql - "$(cat "$file")" | cut -d' ' -f1; done | median)
      lite=$(python3 -c "print(round($lite*1000))")
    fi
    ox=$(awk -v n="$name" '$1=="query" && $2==n {print $3/1000}' "$dir/oxigraph.txt")
    printf '%-26s %12.0f %12.0f %12s %12.2f %10s %10s\n' "$name" "$(python3 -c "print($ours*1000)")" "$(python3 -c "print($theirs*1000)")" "$lite" \
      "$(python3 -c "print($ox*1000)")" "$(ratio "$ours" "$theirs")" "$(ratio "$ours" "$ox")"
  done
  echo "  (diplograph and rdfproc times are whole processes: start, open the store, query, print; Oxigraph's are in-process query times on a loaded store)"
done
