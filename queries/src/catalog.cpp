#include "diplograph/queries/catalog.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "diplograph/extract/error.h"
#include "diplograph/graph/lookup.h"
#include "diplograph/graph/vocabulary.h"

namespace diplograph::queries {
namespace fs = std::filesystem;

namespace {

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t\r") - begin + 1);
}

CannedQuery parseQueryFile(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  CannedQuery query;
  query.sparql = text.str();
  std::istringstream lines(query.sparql);
  static const std::regex kTitle(R"(^#\s*([a-z0-9-]+)\s+(?:—|--)\s+(.+)$)");
  static const std::regex kParam(R"(^#\s*param\s+([a-z][a-z0-9_]*)\s*:\s*([a-z]+)\s*(.*)$)");
  static const std::regex kExample(R"(^#\s*example:\s*(.+)$)");
  for (std::string line; std::getline(lines, line) && line.rfind('#', 0) == 0;) {
    std::smatch m;
    if (query.name.empty() && std::regex_match(line, m, kTitle)) {
      query.name = m[1];
      query.question = trim(m[2]);
    } else if (std::regex_match(line, m, kParam)) {
      query.parameters.push_back({m[1], m[2], trim(m[3])});
    } else if (std::regex_match(line, m, kExample)) {
      query.example = trim(m[1]);
    }
  }
  if (query.name != path.stem().string())
    throw QueryError(path.string() + ": header must start with '# " + path.stem().string() + " — <question>'");
  return query;
}

// Replaces `token` where it stands as a whole word (not inside $resolution2), inserting
// `replacement` verbatim.
std::string replaceToken(const std::string& text, const std::string& token, const std::string& replacement) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t at; (at = text.find(token, from)) != std::string::npos; from = at + token.size()) {
    const std::size_t after = at + token.size();
    const bool whole = after == text.size() || !(std::isalnum(static_cast<unsigned char>(text[after])) || text[after] == '_');
    out += text.substr(from, at - from);
    out += whole ? replacement : token;
  }
  return out + text.substr(from);
}

std::string literal(const std::string& value) { return graph::toNTriples(graph::Term::literal(value)); }

}  // namespace

std::vector<CannedQuery> loadCatalog(const fs::path& folder) {
  if (!fs::is_directory(folder)) throw QueryError("canned query folder not found: " + folder.string());
  std::vector<CannedQuery> catalog;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() == ".rq") catalog.push_back(parseQueryFile(entry.path()));
  }
  std::sort(catalog.begin(), catalog.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return catalog;
}

const CannedQuery& findQuery(const std::vector<CannedQuery>& catalog, const std::string& name) {
  for (const auto& query : catalog) {
    if (query.name == name) return query;
  }
  throw QueryError("no canned query named '" + name + "' (diplograph query --list shows them)");
}

std::string bindParameters(const CannedQuery& query, const std::map<std::string, std::string>& values,
                           const graph::Store& store) {
  for (const auto& given : values) {
    const std::string& name = given.first;  // a plain reference: clang 14 cannot capture a binding
    const bool known = std::any_of(query.parameters.begin(), query.parameters.end(),
                                   [&](const Parameter& p) { return p.name == name; });
    if (!known) throw QueryError("query '" + query.name + "' has no parameter '" + name + "'");
  }
  std::string sparql = query.sparql;
  for (const auto& parameter : query.parameters) {
    const auto value = values.find(parameter.name);
    if (value == values.end())
      throw QueryError("query '" + query.name + "' needs --param " + parameter.name + "=<" + parameter.kind + ">");
    std::string term;
    if (parameter.kind == "text") {
      term = literal(value->second);
    } else if (parameter.kind == "year") {
      if (!std::regex_match(value->second, std::regex("[0-9]{1,4}")))
        throw QueryError("parameter " + parameter.name + " must be a year, not '" + value->second + "'");
      term = graph::toNTriples(graph::Term::typed(value->second, graph::vocab::kXsd + "integer"));
    } else {
      const auto iris = graph::resolveEntity(parameter.kind, value->second, store);
      if (iris.empty())
        throw QueryError("no " + parameter.kind + " in the store matches '" + value->second + "'");
      if (iris.size() > 1) {
        std::string list;
        for (const auto& iri : iris) list += (list.empty() ? "" : ", ") + iri;
        throw QueryError("'" + value->second + "' matches several " + parameter.kind + "s: " + list);
      }
      term = graph::toNTriples(graph::Term::iri(iris.front()));
    }
    sparql = replaceToken(sparql, "$" + parameter.name, term);
  }
  return sparql;
}

}  // namespace diplograph::queries
