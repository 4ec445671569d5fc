#include "diplograph/graph/rdf.h"

#include <cstdio>
#include <regex>
#include <set>
#include <string_view>

#include "diplograph/graph/vocabulary.h"

namespace diplograph::graph {
namespace {

// Appends `value`, escaping each byte `needsEscape` marks: runs of plain bytes are copied whole,
// since most IRIs and literals have nothing to escape.
template <typename NeedsEscape, typename Escape>
void appendEscaped(std::string& out, const std::string& value, NeedsEscape needsEscape, Escape escape) {
  std::size_t plain = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (!needsEscape(c)) continue;
    out.append(value, plain, i - plain);
    escape(out, c);
    plain = i + 1;
  }
  out.append(value, plain, std::string::npos);
}

void appendHex(std::string& out, const char* format, unsigned char c) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, format, c);
  out += buffer;
}

// N-Triples string escaping: the escapes of the grammar, \uXXXX for other control characters.
void appendLiteral(std::string& out, const std::string& value) {
  appendEscaped(
      out, value, [](unsigned char c) { return c < 0x20 || c == 0x7F || c == '"' || c == '\\'; },
      [](std::string& to, unsigned char c) {
        switch (c) {
          case '"': to += "\\\""; break;
          case '\\': to += "\\\\"; break;
          case '\n': to += "\\n"; break;
          case '\r': to += "\\r"; break;
          case '\t': to += "\\t"; break;
          default: appendHex(to, "\\u%04X", c);
        }
      });
}

// IRIs cannot hold spaces, quotes, angle brackets and the like; percent-encode what the
// N-Triples IRIREF production forbids so a hostile string still yields a valid IRI.
void appendIri(std::string& out, const std::string& value) {
  out += '<';
  appendEscaped(
      out, value,
      [](unsigned char c) {
        return c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
               c == '`' || c == '\\';
      },
      [](std::string& to, unsigned char c) { appendHex(to, "%%%02X", c); });
  out += '>';
}

void appendTerm(std::string& out, const Term& term) {
  switch (term.kind) {
    case Term::Kind::Iri: return appendIri(out, term.value);
    case Term::Kind::Blank:
      out += "_:";
      out += term.value;
      return;
    case Term::Kind::Unbound: return;
    case Term::Kind::Literal:
      out += '"';
      appendLiteral(out, term.value);
      out += '"';
      if (!term.language.empty()) {
        out += '@';
        out += term.language;
      } else if (!term.datatype.empty()) {
        out += "^^";
        appendIri(out, term.datatype);
      }
      return;
  }
}

}  // namespace

std::string toNTriples(const Term& term) {
  std::string out;
  appendTerm(out, term);
  return out;
}

std::string toNTriples(const Triple& triple) {
  std::string out;
  out.reserve(triple.subject.value.size() + triple.predicate.value.size() + triple.object.value.size() + 16);
  appendTerm(out, triple.subject);
  out += ' ';
  appendTerm(out, triple.predicate);
  out += ' ';
  appendTerm(out, triple.object);
  out += " .";
  return out;
}

namespace vocab {

std::span<const Namespace> namespaces() {
  static const Namespace kNamespaces[] = {{"dg", &kDg},     {"rdf", &kRdf},       {"rdfs", &kRdfs}, {"xsd", &kXsd},
                                          {"skos", &kSkos}, {"schema", &kSchema}, {"org", &kOrg},   {"dct", &kDct},
                                          {"prov", &kProv}, {"nif", &kNif},       {"itsrdf", &kItsrdf}};
  return kNamespaces;
}

std::string sparqlPrefixes() { return sparqlPrefixesFor(""); }

std::string sparqlPrefixesFor(std::string_view query) {
  // The prefixes the query declares: "PREFIX dg: <...>", in any case.
  static const std::regex declaration(R"(\bPREFIX\s+([A-Za-z][A-Za-z0-9_.-]*)?\s*:)", std::regex::icase);
  std::set<std::string, std::less<>> declared;
  for (std::cregex_iterator it(query.data(), query.data() + query.size(), declaration), end; it != end; ++it)
    declared.insert((*it)[1].str());
  std::string out;
  for (const auto& [prefix, iri] : namespaces()) {
    if (!declared.contains(prefix)) out += std::string("PREFIX ") + prefix + ": <" + *iri + ">\n";
  }
  return out;
}
}  // namespace vocab

}  // namespace diplograph::graph
