#include "progress.h"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace diplograph::cli {

Progress::Progress(std::size_t documents, std::uintmax_t bytes, bool enabled)
    : documents_(documents), bytes_(bytes), enabled_(enabled && documents > 1 && ::isatty(STDERR_FILENO)) {}

Progress::~Progress() {
  if (drawn_) std::fputc('\n', stderr);
}

void Progress::advance(std::uintmax_t bytes) {
  const std::lock_guard lock(mutex_);
  ++done_;
  doneBytes_ += bytes;
  if (!enabled_) return;
  // At most ten redraws a second, and always the last one.
  const auto now = std::chrono::steady_clock::now();
  if (done_ < documents_ && now - lastDraw_ < std::chrono::milliseconds(100)) return;
  lastDraw_ = now;
  draw();
}

void Progress::draw() {
  constexpr int kWidth = 30;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double fraction = bytes_ > 0 ? static_cast<double>(doneBytes_) / static_cast<double>(bytes_)
                                     : static_cast<double>(done_) / static_cast<double>(documents_);
  const int filled = static_cast<int>(fraction * kWidth);
  const double rate = seconds > 0 ? static_cast<double>(doneBytes_) / 1e6 / seconds : 0;
  const int left = fraction > 0 ? static_cast<int>(seconds * (1 - fraction) / fraction) : 0;
  std::fprintf(stderr, "\r[%s%s] %zu/%zu documents  %.1f MB/s  ETA %d:%02d ", std::string(filled, '#').c_str(),
               std::string(kWidth - filled, '.').c_str(), done_, documents_, rate, left / 60, left % 60);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace diplograph::cli
