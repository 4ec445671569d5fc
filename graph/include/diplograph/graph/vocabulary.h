#pragma once
// Namespace IRIs of the vocabularies the graph uses; data/ontology.ttl documents every term.
#include <span>
#include <string>
#include <string_view>

namespace diplograph::graph::vocab {

inline const std::string kDg = "https://diplograph.org/ns#";
inline const std::string kRdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
inline const std::string kRdfs = "http://www.w3.org/2000/01/rdf-schema#";
inline const std::string kXsd = "http://www.w3.org/2001/XMLSchema#";
inline const std::string kSkos = "http://www.w3.org/2004/02/skos/core#";
inline const std::string kSchema = "http://schema.org/";
inline const std::string kOrg = "http://www.w3.org/ns/org#";
inline const std::string kDct = "http://purl.org/dc/terms/";
inline const std::string kProv = "http://www.w3.org/ns/prov#";
inline const std::string kNif = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
inline const std::string kItsrdf = "http://www.w3.org/2005/11/its/rdf#";

// The usual prefix of each of the above, as the PREFIX lines and the RDF files' namespaces give it.
struct Namespace {
  const char* prefix;
  const std::string* iri;
};
std::span<const Namespace> namespaces();

// The PREFIX lines for all of the above, prepended to canned queries and usable in user queries.
std::string sparqlPrefixes();
// The same, but for the prefixes `query` declares itself: its own declaration must win, and the
// SPARQL engine keeps the first of two.
std::string sparqlPrefixesFor(std::string_view query);

}  // namespace diplograph::graph::vocab
