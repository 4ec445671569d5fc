#pragma once
// The shortest of `repeat` timed runs, in seconds: the run least disturbed by the rest of the
// machine, for the throughput probes of bench/.
#include <algorithm>
#include <chrono>

template <typename Run>
double bestOf(int repeat, Run run) {
  double best = 1e300;
  for (int i = 0; i < repeat; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}
