#include "arguments.h"

#include "diplograph/extract/error.h"

namespace diplograph::cli {

Arguments::Arguments(const std::vector<std::string>& words, const std::set<std::string>& valued,
                     const std::set<std::string>& switches) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    if (word == "--") {
      positionals_.insert(positionals_.end(), words.begin() + static_cast<long>(i) + 1, words.end());
      break;
    }
    if (word.size() < 2 || word[0] != '-') {
      positionals_.push_back(word);
      continue;
    }
    const auto equals = word.find('=');
    const std::string flag = word.substr(0, equals);
    if (valued.count(flag)) {
      if (equals != std::string::npos) {
        values_.emplace(flag, word.substr(equals + 1));
      } else if (i + 1 < words.size()) {
        values_.emplace(flag, words[++i]);
      } else {
        throw UsageError("flag " + flag + " needs a value");
      }
    } else if (switches.count(flag) && equals == std::string::npos) {
      switches_.insert(flag);
    } else {
      throw UsageError("unknown flag " + flag + " (diplograph --help lists the commands and flags)");
    }
  }
}

std::optional<std::string> Arguments::value(const std::string& flag) const {
  const auto range = values_.equal_range(flag);
  if (range.first == range.second) return std::nullopt;
  return std::prev(range.second)->second;  // the last one given wins
}

std::string Arguments::value(const std::string& flag, const std::string& fallback) const {
  return value(flag).value_or(fallback);
}

std::vector<std::string> Arguments::values(const std::string& flag) const {
  std::vector<std::string> out;
  const auto range = values_.equal_range(flag);
  for (auto it = range.first; it != range.second; ++it) out.push_back(it->second);
  return out;
}

bool Arguments::has(const std::string& flag) const { return switches_.count(flag) > 0; }

}  // namespace diplograph::cli
