// diplograph's side of the in-process query comparison with Oxigraph (oxigraph_bench.mjs): opens
// a store once, timing the open and a first selective query, then runs each query file REPEAT
// times through librdf/rasqal on the store. Prints "open <ms>" then "query <name> <median ms>
// <rows>" lines, the format oxigraph_bench.mjs prints, so bench/run.sh sets them side by side.
// Usage: query_latency STORE REPEAT QUERY.rq...
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "diplograph/graph/store.h"

namespace {

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: query_latency STORE REPEAT QUERY.rq...\n";
    return 2;
  }
  namespace graph = diplograph::graph;
  const int repeat = std::stoi(argv[2]);
  auto start = Clock::now();
  const auto store = graph::Store::openForReading({.path = argv[1]});
  std::cout << "open " << millisecondsSince(start) << " " << store.size() << "\n";
  for (int i = 3; i < argc; ++i) {
    const std::filesystem::path file = argv[i];
    const std::string sparql = slurp(file);
    std::vector<double> times;
    std::size_t rows = 0;
    for (int run = 0; run < repeat; ++run) {
      start = Clock::now();
      const auto result = store.query(sparql);
      rows = result.rows.size() + result.triples.size();
      times.push_back(millisecondsSince(start));
    }
    std::sort(times.begin(), times.end());
    std::cout << "query " << file.stem().string() << " " << times[times.size() / 2] << " " << rows << "\n";
  }
  return 0;
}
