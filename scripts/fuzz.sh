#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a bounded time, seeded
# from data/corpus and the regression inputs. Prints executions per second and coverage per
# target; a crash leaves its input in build-fuzz/crashes/ and makes the script fail: copy it to
# fuzz/regressions/<target>/ once fixed, where ctest replays it in every build.
# Usage: scripts/fuzz.sh [SECONDS per target, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-60}"
BUILD=build-fuzz

scripts/setup.sh build  # the packages (clang among them) and the regular build

CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIPLOGRAPH_FUZZ=ON \
  -DDIPLOGRAPH_TESTS=OFF -DDIPLOGRAPH_BENCH=OFF >/dev/null
cmake --build "$BUILD" -j"$(nproc)" --target fuzz_reader fuzz_extractor fuzz_parameters

# Seeds: each real report once per reader format (the first byte picks it), as text for the
# extractor, and the parameter forms analysts type.
seeds="$BUILD/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"/{reader,extractor,parameters} "$BUILD/crashes"
i=0
for file in data/corpus/*; do
  for format in 0 1 2 3; do
    { printf "\\x$(printf %02x "$format")"; cat "$file"; } > "$seeds/reader/$i-$format"
  done
  cp "$file" "$seeds/extractor/$i"
  i=$((i + 1))
done
n=0
for value in "UNSC 822 (1993)" "S/RES/822 (1993)" "822" "Azerbaijan" "AZE" "Azerbaïdjan" "Mammadyarov" "2016"; do
  for query in 0 1 2 3 4 5 6 7 8 9 10 11; do
    { printf "\\x$(printf %02x "$query")"; printf '%s' "$value"; } > "$seeds/parameters/$n"
    n=$((n + 1))
  done
done

export ASAN_OPTIONS="detect_leaks=1:fast_unwind_on_malloc=0:suppressions=$PWD/tests/sanitizers/asan.supp"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
status=0
for target in reader extractor parameters; do
  corpus="$BUILD/corpus/$target"
  mkdir -p "$corpus"
  log="$BUILD/fuzz_$target.log"
  echo "== fuzz_$target: ${SECONDS_PER_TARGET}s"
  dict=()
  [ -f "fuzz/$target.dict" ] && dict=(-dict="fuzz/$target.dict")
  if ! "$BUILD/fuzz/fuzz_$target" "${dict[@]}" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=30 \
      -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$target-" \
      "$corpus" "$seeds/$target" "fuzz/regressions/$target" >"$log" 2>&1; then
    status=1
    echo "fuzz_$target FAILED; see $log and $BUILD/crashes/"
    grep -E "ERROR|SUMMARY|Test unit written" "$log" | head -5
  fi
  # libFuzzer's final stats: executions, executions per second, coverage (edges and features).
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)" "$log" | sed 's/^/  /'
  grep -oE "cov: [0-9]+ ft: [0-9]+" "$log" | tail -1 | sed 's/^/  final /'
done
exit "$status"
