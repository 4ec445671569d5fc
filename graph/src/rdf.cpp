#include "diplograph/graph/rdf.h"

#include <cstdio>

#include "diplograph/graph/vocabulary.h"

namespace diplograph::graph {
namespace {

// N-Triples string escaping: the escapes of the grammar, \uXXXX for other control characters.
std::string escapeLiteral(const std::string& value) {
  std::string out;
  out.reserve(value.size() + 2);
  for (unsigned char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04X", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out;
}

// IRIs cannot hold spaces, quotes, angle brackets and the like; percent-encode what the
// N-Triples IRIREF production forbids so a hostile string still yields a valid IRI.
std::string escapeIri(const std::string& value) {
  std::string out;
  out.reserve(value.size());
  for (unsigned char c : value) {
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^' ||
        c == '`' || c == '\\') {
      char buffer[4];
      std::snprintf(buffer, sizeof buffer, "%%%02X", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string toNTriples(const Term& term) {
  switch (term.kind) {
    case Term::Kind::Iri: return "<" + escapeIri(term.value) + ">";
    case Term::Kind::Blank: return "_:" + term.value;
    case Term::Kind::Unbound: return "";
    case Term::Kind::Literal: {
      std::string out = "\"" + escapeLiteral(term.value) + "\"";
      if (!term.language.empty()) return out + "@" + term.language;
      if (!term.datatype.empty()) return out + "^^<" + escapeIri(term.datatype) + ">";
      return out;
    }
  }
  return "";
}

std::string toNTriples(const Triple& triple) {
  return toNTriples(triple.subject) + " " + toNTriples(triple.predicate) + " " + toNTriples(triple.object) + " .";
}

namespace vocab {
std::string sparqlPrefixes() {
  return "PREFIX dg: <" + kDg + ">\n" + "PREFIX rdf: <" + kRdf + ">\n" + "PREFIX rdfs: <" + kRdfs + ">\n" +
         "PREFIX xsd: <" + kXsd + ">\n" + "PREFIX skos: <" + kSkos + ">\n" + "PREFIX schema: <" + kSchema + ">\n" +
         "PREFIX org: <" + kOrg + ">\n" + "PREFIX dct: <" + kDct + ">\n" + "PREFIX prov: <" + kProv + ">\n" +
         "PREFIX nif: <" + kNif + ">\n" + "PREFIX itsrdf: <" + kItsrdf + ">\n";
}
}  // namespace vocab

}  // namespace diplograph::graph
