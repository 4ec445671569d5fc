#include "diplograph/queries/results.h"

#include <nlohmann/json.hpp>

#include <algorithm>

#include "diplograph/extract/error.h"
#include "diplograph/graph/store.h"

namespace diplograph::queries {
namespace {

using graph::Term;

// Display width in code points (diplomatic text is mostly Latin; no East Asian widths needed).
std::size_t width(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The plain value an analyst reads: IRIs without brackets, literals without quotes or tags.
std::string plain(const Term& term) {
  std::string value = term.value;
  std::replace(value.begin(), value.end(), '\n', ' ');
  return value;
}

std::string table(const graph::QueryResult& result) {
  std::vector<std::size_t> widths;
  for (const auto& name : result.variables) widths.push_back(width(name));
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(plain(row[i])));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      out += cells[i];
      if (i + 1 < cells.size()) out += std::string(widths[i] - width(cells[i]) + 2, ' ');
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(result.variables);
  std::vector<std::string> rule;
  for (auto w : widths) rule.push_back(std::string(w, '-'));
  out += line(rule);
  for (const auto& row : result.rows) {
    std::vector<std::string> cells;
    for (const auto& term : row) cells.push_back(plain(term));
    out += line(cells);
  }
  out += "(" + std::to_string(result.rows.size()) + (result.rows.size() == 1 ? " row)\n" : " rows)\n");
  return out;
}

// RFC 4180 quoting, as the SPARQL 1.1 CSV format requires.
std::string csvField(const std::string& value) {
  if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string separated(const graph::QueryResult& result, bool tsv) {
  std::string out;
  const char* separator = tsv ? "\t" : ",";
  for (std::size_t i = 0; i < result.variables.size(); ++i)
    out += (i ? separator : "") + (tsv ? "?" + result.variables[i] : result.variables[i]);
  out += tsv ? "\n" : "\r\n";
  for (const auto& row : result.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += i ? separator : "";
      // TSV carries RDF terms in Turtle/N-Triples syntax; CSV carries plain values (SPARQL 1.1).
      out += tsv ? graph::toNTriples(row[i]) : csvField(row[i].value);
    }
    out += tsv ? "\n" : "\r\n";
  }
  return out;
}

nlohmann::json jsonTerm(const Term& term) {
  nlohmann::json j;
  switch (term.kind) {
    case Term::Kind::Iri: j = {{"type", "uri"}, {"value", term.value}}; break;
    case Term::Kind::Blank: j = {{"type", "bnode"}, {"value", term.value}}; break;
    case Term::Kind::Literal:
      j = {{"type", "literal"}, {"value", term.value}};
      if (!term.language.empty()) j["xml:lang"] = term.language;
      if (!term.datatype.empty()) j["datatype"] = term.datatype;
      break;
    case Term::Kind::Unbound: break;
  }
  return j;
}

std::string json(const graph::QueryResult& result) {
  nlohmann::json out;
  out["head"] = nlohmann::json::object();
  if (result.kind == graph::QueryResult::Kind::Boolean) {
    out["boolean"] = result.boolean;
    return out.dump(2) + "\n";
  }
  out["head"]["vars"] = result.variables;
  auto bindings = nlohmann::json::array();
  for (const auto& row : result.rows) {
    nlohmann::json binding = nlohmann::json::object();
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i].kind != Term::Kind::Unbound) binding[result.variables[i]] = jsonTerm(row[i]);
    }
    bindings.push_back(binding);
  }
  out["results"]["bindings"] = bindings;
  return out.dump(2) + "\n";
}

std::string xmlEscape(const std::string& value) {
  std::string out;
  for (char c : value) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string xml(const graph::QueryResult& result) {
  std::string out = "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n  <head>\n";
  if (result.kind == graph::QueryResult::Kind::Boolean) {
    return out + "  </head>\n  <boolean>" + (result.boolean ? "true" : "false") + "</boolean>\n</sparql>\n";
  }
  for (const auto& name : result.variables) out += "    <variable name=\"" + xmlEscape(name) + "\"/>\n";
  out += "  </head>\n  <results>\n";
  for (const auto& row : result.rows) {
    out += "    <result>\n";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Term& t = row[i];
      if (t.kind == Term::Kind::Unbound) continue;
      out += "      <binding name=\"" + xmlEscape(result.variables[i]) + "\">";
      if (t.kind == Term::Kind::Iri) out += "<uri>" + xmlEscape(t.value) + "</uri>";
      if (t.kind == Term::Kind::Blank) out += "<bnode>" + xmlEscape(t.value) + "</bnode>";
      if (t.kind == Term::Kind::Literal) {
        out += "<literal";
        if (!t.language.empty()) out += " xml:lang=\"" + xmlEscape(t.language) + "\"";
        if (!t.datatype.empty()) out += " datatype=\"" + xmlEscape(t.datatype) + "\"";
        out += ">" + xmlEscape(t.value) + "</literal>";
      }
      out += "</binding>\n";
    }
    out += "    </result>\n";
  }
  return out + "  </results>\n</sparql>\n";
}

}  // namespace

ResultFormat resultFormatFromName(const std::string& name) {
  if (name == "table") return ResultFormat::Table;
  if (name == "csv") return ResultFormat::Csv;
  if (name == "tsv") return ResultFormat::Tsv;
  if (name == "json") return ResultFormat::Json;
  if (name == "xml") return ResultFormat::Xml;
  if (name == "ttl" || name == "turtle") return ResultFormat::Turtle;
  if (name == "nt" || name == "ntriples") return ResultFormat::NTriples;
  throw UsageError("unknown result format '" + name + "' (expected table, csv, tsv, json, xml, ttl or nt)");
}

std::string formatResult(const graph::QueryResult& result, ResultFormat format) {
  if (result.kind == graph::QueryResult::Kind::Graph) {
    return graph::serializeTriples(result.triples, format == ResultFormat::NTriples ? "ntriples" : "turtle");
  }
  if (format == ResultFormat::Turtle || format == ResultFormat::NTriples)
    throw UsageError("ttl and nt are for CONSTRUCT and DESCRIBE results; use table, csv, tsv, json or xml");
  if (result.kind == graph::QueryResult::Kind::Boolean) {
    if (format == ResultFormat::Json) return json(result);
    if (format == ResultFormat::Xml) return xml(result);
    return result.boolean ? "true\n" : "false\n";
  }
  switch (format) {
    case ResultFormat::Table: return table(result);
    case ResultFormat::Csv: return separated(result, false);
    case ResultFormat::Tsv: return separated(result, true);
    case ResultFormat::Json: return json(result);
    case ResultFormat::Xml: return xml(result);
    default: return table(result);
  }
}

}  // namespace diplograph::queries
