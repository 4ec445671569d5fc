// The diplograph command: parses the command word and hands over to the libraries. This is the
// one place that catches: every error becomes one line on stderr and a distinct exit code.
#include <cstdio>
#include <exception>
#include <iostream>
#include <map>

#include "commands.h"
#include "diplograph/extract/error.h"

int main(int argc, char** argv) {
  using namespace diplograph::cli;
  const std::map<std::string, int (*)(const Words&)> commands = {
      {"ingest", ingestCommand}, {"remove", removeCommand}, {"extract", extractCommand},
      {"query", queryCommand},   {"export", exportCommand}, {"stats", statsCommand},
      {"eval", evalCommand},     {"analyze", analyzeCommand}};
  const Words words(argv + 1, argv + argc);
  try {
    if (words.empty() || words[0] == "--help" || words[0] == "-h" || words[0] == "help") {
      std::cout << kUsage;
      return words.empty() ? 2 : 0;
    }
    const auto command = commands.find(words[0]);
    if (command == commands.end())
      throw diplograph::UsageError("unknown command '" + words[0] + "' (diplograph --help lists them)");
    return command->second(Words(words.begin() + 1, words.end()));
  } catch (const diplograph::Error& error) {
    std::cerr << "diplograph: " << error.what() << "\n";
    return error.exitCode();
  } catch (const std::exception& error) {
    std::cerr << "diplograph: internal error: " << error.what() << "\n";
    return 70;
  }
}
