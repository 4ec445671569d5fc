#pragma once
// Runs commands for the end-to-end tests: the real diplograph binary and real clients (rapper,
// dot, node, python3), from the source folder, with stdout and stderr captured apart.
#include <string>

namespace diplograph::e2e {

struct Run {
  int status = -1;  // exit code, or -1 if the process did not exit normally
  std::string out;
  std::string err;
};

// `command` is a shell command line, already quoted.
Run shell(const std::string& command);

// `args` are diplograph's arguments, already shell-quoted.
Run diplograph(const std::string& args);

}  // namespace diplograph::e2e
