#pragma once
// A one-line progress bar on standard error for long ingests: documents done, MB/s and time
// left. Silent when standard error is not a terminal, so logs and pipes stay clean.
#include <chrono>
#include <cstdint>
#include <mutex>

namespace diplograph::cli {

class Progress {
 public:
  Progress(std::size_t documents, std::uintmax_t bytes, bool enabled);
  ~Progress();  // ends the line if one was drawn
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // One document done (thread-safe).
  void advance(std::uintmax_t bytes);

 private:
  void draw();

  const std::size_t documents_;
  const std::uintmax_t bytes_;
  const bool enabled_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point lastDraw_{};
  std::size_t done_ = 0;
  std::uintmax_t doneBytes_ = 0;
  bool drawn_ = false;
  std::mutex mutex_;
};

}  // namespace diplograph::cli
