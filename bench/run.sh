#!/usr/bin/env bash
# Benchmarks diplograph side by side with the stock tools an analyst would otherwise use, on the
# same generated corpus and graph, and prints each result as a ratio. Never part of the tests.
#
# Usage: bench/run.sh [DOCUMENTS...]     default: 1000 (about 0.2 M triples)
# Env:   DIPLOGRAPH=path/to/diplograph (default build/cli/diplograph), EXTRACT_THROUGHPUT (and
#        sentence_throughput beside it),
#        STORE_THROUGHPUT and QUERY_LATENCY=paths to those programs of bench/ (default: beside
#        it in the build), REPEAT=5 (query runs), EXTRACT_REPEAT=7 (runs of extraction, sentence
#        breaking and grep, of which the best counts), WORK=folder for corpora and stores (default
#        /tmp/diplograph-bench), SQLITE=1 to add rdfproc's sqlite storage (slow to load: use on
#        the smallest size only), STOCK_TIMEOUT=120 (seconds one stock rdfproc query may take;
#        past it the table says ">N" and the ratio is a bound), EXTRACT_ONLY=1 to measure only
#        extraction and grep (for the 100 k-document corpus, whose graph is ~40 M triples).
set -euo pipefail
cd "$(dirname "$0")/.."
DG=$(realpath "${DIPLOGRAPH:-build/cli/diplograph}")
EXTRACT=$(realpath "${EXTRACT_THROUGHPUT:-$(dirname "$DG")/../bench/extract_throughput}")
SENTENCES=$(realpath "$(dirname "$EXTRACT")/sentence_throughput")
LATENCY=$(realpath "${QUERY_LATENCY:-$(dirname "$DG")/../bench/query_latency}")
STORE_ONLY=$(realpath "${STORE_THROUGHPUT:-$(dirname "$DG")/../bench/store_throughput}")
STOCK_TIMEOUT=${STOCK_TIMEOUT:-120}
REPEAT=${REPEAT:-5}
# Extraction probes keep the best of this many runs: a shared VM's other tenants slow single runs.
EXTRACT_REPEAT=${EXTRACT_REPEAT:-7}
WORK=${WORK:-/tmp/diplograph-bench}
SIZES=("${@:-1000}")

seconds() { python3 -c "import sys; print(f'{float(sys.argv[1]):.3f}')" "$1"; }
ratio() { python3 -c "import sys; a,b=float(sys.argv[1]),float(sys.argv[2]); print(f'{a/b:.2f}x' if b>0 else 'n/a')" "$1" "$2"; }
# Runs a command, prints "<seconds> <peak RSS KiB>". A failure shows the command's stderr, but
# not a `timeout` (exit 124), which the caller reports.
measure() {
  local rc=0
  /usr/bin/time -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>"$WORK/stderr" || rc=$?
  if ((rc)); then
    ((rc == 124)) || cat "$WORK/stderr" >&2
    return 1
  fi
  cat "$WORK/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# Median whole-process milliseconds of a stock rdfproc query, or ">N000" when one run passes
# STOCK_TIMEOUT seconds (then it is not run again).
stock_ms() {
  local runs=() t
  for _ in $(seq "$REPEAT"); do
    if ! t=$(measure timeout "$STOCK_TIMEOUT" "$@" | cut -d' ' -f1); then echo ">${STOCK_TIMEOUT}000"; return; fi
    runs+=("$t")
  done
  printf '%s\n' "${runs[@]}" | median | awk '{printf "%.0f\n", $1*1000}'
}
# "a/b" as a ratio; a bound (">" or "<") when b is a timeout.
ratio_ms() {
  case "$2" in
    ">"*) python3 -c "import sys; print(f'<{float(sys.argv[1])/float(sys.argv[2]):.3f}x')" "$1" "${2#>}" ;;
    *) ratio "$1" "$2" ;;
  esac
}

# Which rasqal diplograph loads: the patched one setup builds, or the system's (rdfproc always
# loads the system's).
echo "diplograph's rasqal: $(ldd "$DG" | awk '/librasqal/ {print $3}')"

for n in "${SIZES[@]}"; do
  dir="$WORK/$n"
  rm -rf "$dir" && mkdir -p "$dir"
  python3 bench/generate_corpus.py "$n" "$dir/corpus"
  mb=$(du -sb "$dir/corpus" | awk '{print $1/1e6}')
  echo "== $n documents, $(printf '%.1f' "$mb") MB of text"

  # Extraction alone, on one core, the text already in memory (bench/extract_throughput.cpp).
  read -r _ tx mbs _ < <("$EXTRACT" data "$dir/corpus" "$EXTRACT_REPEAT")
  echo "extraction: $(printf '%.2f' "$mbs") MB/s on one core (cmd: extract_throughput data corpus $EXTRACT_REPEAT)"
  # Raw scanning limit: grep for every gazetteer name over the same text.
  cut -f3 data/gazetteers/states.tsv | grep -v '^#' | grep -v '^$' > "$dir/names.txt"
  find "$dir/corpus" -type f -print0 | sort -z | xargs -0 cat > "$dir/all.txt"
  # Timed in bash (microseconds): /usr/bin/time's 10 ms steps are too coarse for a few MB.
  # Counted into a file: with its output on /dev/null GNU grep stops at the first match.
  # The best of as many runs as the extraction gets.
  tg=1e300
  for _ in $(seq "$EXTRACT_REPEAT"); do
    t0=$EPOCHREALTIME; grep -c -F -f "$dir/names.txt" "$dir/all.txt" >"$dir/grep-count"; t1=$EPOCHREALTIME
    tg=$(python3 -c "print(min($tg, $t1 - $t0))")
  done
  gmbs=$(python3 -c "print($mb/$tg)")
  echo "  grep -c -F -f states.tsv names ($(wc -l < "$dir/names.txt") names): $(printf '%.1f' "$gmbs") MB/s; diplograph extraction runs at $(ratio "$mbs" "$gmbs") of grep's throughput (cmd: grep -c -F -f names.txt all.txt)"
  # The same extraction on every core, documents shared out as `ingest --jobs` does: what a user
  # gets from the machine, against grep's one core (grep -F has no threads).
  read -r _ _ pmbs _ < <("$EXTRACT" data "$dir/corpus" "$EXTRACT_REPEAT" "$(nproc)")
  echo "  extraction on $(nproc) cores: $(printf '%.2f' "$pmbs") MB/s, $(ratio "$pmbs" "$mbs") of one core, $(ratio "$pmbs" "$gmbs") of grep's throughput (cmd: extract_throughput data corpus $EXTRACT_REPEAT $(nproc))"
  # Sentence breaking alone over the same text, already decoded: ICU reading the whole text, and
  # as extraction does it, ICU reading only the stretches around what can end a sentence.
  read -r _ _ smbs _ kmbs < <("$SENTENCES" "$dir/corpus" "$EXTRACT_REPEAT")
  echo "  ICU sentence breaking alone, whole text: $(printf '%.1f' "$smbs") MB/s, $(ratio "$smbs" "$gmbs") of grep; as extraction reads it: $(printf '%.1f' "$kmbs") MB/s, $(ratio "$kmbs" "$smbs") of the whole-text rate (cmd: sentence_throughput corpus $EXTRACT_REPEAT)"
  # The same rules over one long document (up to 1000 reports joined): time must grow linearly
  # with a document's length, not with the square of its names.
  # (The list goes through a file: head closing a pipe early would fail the script under pipefail.)
  find "$dir/corpus" -type f -print0 | sort -z > "$dir/files"
  mkdir -p "$dir/long" && head -z -n 1000 "$dir/files" | xargs -0 cat > "$dir/long/joined.txt"
  read -r lmb _ lmbs _ < <("$EXTRACT" data "$dir/long" "$EXTRACT_REPEAT")
  echo "  one long document ($(printf '%.2f' "$lmb") MB, up to 1000 reports joined): $(printf '%.2f' "$lmbs") MB/s (cmd: extract_throughput data long $EXTRACT_REPEAT)"
  rm -r "$dir/all.txt" "$dir/files" "$dir/long"
  [ "${EXTRACT_ONLY:-0}" = 1 ] && continue

  # Whole ingests into a fresh store with one job and with every core. (Not the `memory` store
  # kind: librdf's memory hashes break past about two million triples.)
  read -r t1 _ < <(rm -rf "$dir/jobs"; measure "$DG" ingest --jobs 1 --quiet --store "$dir/jobs" "$dir/corpus")
  read -r tn _ < <(rm -rf "$dir/jobs"; measure "$DG" ingest --quiet --store "$dir/jobs" "$dir/corpus")
  rm -rf "$dir/jobs"
  echo "  whole ingest: $(python3 -c "print(f'{$mb/$t1:.2f}')") MB/s with --jobs 1, $(python3 -c "print(f'{$mb/$tn:.2f}')") MB/s with --jobs $(nproc)"

  # Ingest end to end into the default embedded store.
  read -r ti rss < <(measure "$DG" ingest --store "$dir/store" --quiet "$dir/corpus")
  triples=$("$DG" stats --store "$dir/store" | head -1 | grep -o '[0-9]* triples' | cut -d' ' -f1)
  size=$(du -sb "$dir/store" | awk '{print $1}')
  echo "ingest: $triples triples in ${ti}s = $(python3 -c "print(int($triples/$ti))") triples/s end to end, peak RSS $((rss / 1024)) MiB, store $((size / 1048576)) MiB"
  read -r _ tso _ < <(rm -rf "$dir/store-only"; "$STORE_ONLY" data "$dir/corpus" "$dir/store-only")
  rm -rf "$dir/store-only"
  echo "  store only (what ingest does after extraction): $(seconds "$tso")s = $(python3 -c "print(int($triples/$tso))") triples/s (cmd: store_throughput data corpus new-store)"
  read -r topen _ < <(measure "$DG" query --store "$dir/store" 'ASK { ?s ?p ?o }')
  echo "  open a store and answer ASK: ${topen}s"
  "$DG" export --store "$dir/store" --format nt -o "$dir/graph.nt"

  # Stock Redland: rdfproc with hashes (the same storage, loaded by raptor from N-Triples).
  read -r tr _ < <(measure rdfproc -n -s hashes -t "hash-type='bdb',dir='$dir',index-predicates='yes'" rdfproc parse "$dir/graph.nt" ntriples)
  echo "  rdfproc hashes load: ${tr}s; diplograph ingest (extraction included) takes $(ratio "$ti" "$tr") of it, its store part $(ratio "$tso" "$tr")"
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
  # The plain two-pattern join of the issue that motivated the LMDB store: its second pattern has
  # all three terms bound, which stock `hashes` answers with a full scan per row.
  cat > "$dir/queries/join-cites-attendee.rq" <<'JOIN'
PREFIX dg: <https://diplograph.org/ns#>
PREFIX schema: <http://schema.org/>
SELECT ?meeting WHERE {
  ?meeting dg:cites <https://diplograph.org/id/resolution/unsc/100-1948> .
  ?meeting schema:attendee <https://diplograph.org/id/state/MLI> .
}
JOIN
  node bench/oxigraph_bench.mjs "$dir/graph.nt" "$REPEAT" "$dir"/queries/*.rq > "$dir/oxigraph.txt"
  read -r _ tox oxtriples < <(grep '^load' "$dir/oxigraph.txt")
  echo "  Oxigraph load: $(seconds "$(python3 -c "print($tox/1000)")")s for $oxtriples triples; diplograph ingest takes $(ratio "$ti" "$(python3 -c "print($tox/1000)")") of it"
  "$LATENCY" "$dir/store" "$REPEAT" "$dir"/queries/*.rq > "$dir/diplograph.txt"
  echo "  open the store in-process: $(awk '$1=="open" {printf "%.1f", $2}' "$dir/diplograph.txt") ms (cmd: query_latency store $REPEAT queries/*.rq)"
  echo "  median query latency, ms (process: whole diplograph / rdfproc runs, start to exit; in-process: diplograph's librdf+rasqal and Oxigraph's store.query on an open store)"
  printf '%-26s %9s %9s %9s %9s %9s %10s %11s %11s\n' query dg_proc rdfproc sqlite dg_inproc oxigraph rows vs_rdfproc vs_oxigraph
  for file in "$dir"/queries/*.rq; do
    name=$(basename "$file" .rq)
    ours=$(for _ in $(seq "$REPEAT"); do measure "$DG" query --store "$dir/store" --file "$file" --format tsv | cut -d' ' -f1; done | median | awk '{printf "%.0f\n", $1*1000}')
    theirs=$(stock_ms rdfproc -s hashes -t "hash-type='bdb',dir='$dir',index-predicates='yes'" rdfproc query sparql - "$(cat "$file")")
    lite=n/a
    if [ "${SQLITE:-0}" = 1 ]; then
      lite=$(stock_ms rdfproc -s sqlite "$dir/rdfproc.sqlite" query sparql - "$(cat "$file")")
    fi
    read -r inproc rows < <(awk -v n="$name" '$1=="query" && $2==n {print $3, $4}' "$dir/diplograph.txt")
    read -r ox oxrows < <(awk -v n="$name" '$1=="query" && $2==n {print $3, $4}' "$dir/oxigraph.txt")
    [ "$rows" = "$oxrows" ] || rows="$rows/$oxrows!"
    printf '%-26s %9s %9s %9s %9.1f %9.1f %10s %11s %11s\n' "$name" "$ours" "$theirs" "$lite" "$inproc" "$ox" "$rows" \
      "$(ratio_ms "$ours" "$theirs")" "$(ratio "$inproc" "$ox")"
  done
  echo "  (vs_rdfproc: whole diplograph process over whole rdfproc process on hashes; vs_oxigraph: in-process over in-process; rows differing between the engines are marked '!')"
done
