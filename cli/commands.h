#pragma once
// One function per diplograph command; each returns the process exit code.
#include <string>
#include <vector>

namespace diplograph::cli {

using Words = std::vector<std::string>;

int ingestCommand(const Words& args);
int removeCommand(const Words& args);
int extractCommand(const Words& args);
int queryCommand(const Words& args);
int exportCommand(const Words& args);
int analyzeCommand(const Words& args);
int statsCommand(const Words& args);
int evalCommand(const Words& args);

extern const char* const kUsage;

}  // namespace diplograph::cli
