#!/usr/bin/env bash
# The main job: set up, build the graph of data/corpus into the embedded store, print a summary,
# answer a sample question and draw the graph to graph.svg.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build
dg=build/cli/diplograph
$dg ingest data/corpus
echo
$dg stats
echo
echo "Which meetings cited UNSC resolution 822 (1993)?"
$dg query --name meetings-citing --param "resolution=UNSC 822 (1993)"
echo
echo "Which states attended them?"
$dg query --name states-at-meetings-citing --param "resolution=UNSC 822 (1993)"
$dg export --format svg -o graph.svg
echo
echo "wrote graph.svg ($(wc -c < graph.svg) bytes); the store is in ./diplograph-store"
