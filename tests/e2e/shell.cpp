#include "shell.h"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace diplograph::e2e {

Run shell(const std::string& command) {
  static int counter = 0;
  const auto errFile = std::filesystem::temp_directory_path() /
                       ("dg-e2e-err-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  Run run;
  FILE* pipe = ::popen(("cd '" DIPLOGRAPH_SOURCE_DIR "' && " + command + " 2>'" + errFile.string() + "'").c_str(), "r");
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) run.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(errFile);
  run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
  std::filesystem::remove(errFile);
  return run;
}

Run diplograph(const std::string& args) { return shell("'" DIPLOGRAPH_BINARY "' " + args); }

}  // namespace diplograph::e2e
