#pragma once
// A small command-line reader: flags with values, repeated flags and positionals, and a one-line
// UsageError for anything it does not know.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace diplograph::cli {

class Arguments {
 public:
  // `valued` flags take the next word as their value ("--store S" or "--store=S"); `switches`
  // take none. Anything else starting with '-' is an unknown flag.
  Arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
            const std::set<std::string>& switches);

  std::optional<std::string> value(const std::string& flag) const;
  std::string value(const std::string& flag, const std::string& fallback) const;
  std::vector<std::string> values(const std::string& flag) const;
  bool has(const std::string& flag) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::multimap<std::string, std::string> values_;
  std::set<std::string> switches_;
  std::vector<std::string> positionals_;
};

}  // namespace diplograph::cli
