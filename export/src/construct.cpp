#include "construct.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "diplograph/extract/error.h"
#include "diplograph/graph/vocabulary.h"
#include "relations.h"

namespace diplograph::exporter {
namespace {

using graph::EntityGraph;
using graph::Term;
using Vertex = EntityGraph::vertex_descriptor;
namespace vocab = graph::vocab;

// The query form keyword (SELECT, CONSTRUCT, ASK, DESCRIBE), upper-cased: the first word after
// comments and the PREFIX/BASE prologue. IRIs are skipped whole, as they may hold '#'.
std::string queryForm(const std::string& sparql) {
  std::size_t i = 0;
  auto skipBlank = [&] {
    while (i < sparql.size()) {
      if (std::isspace(static_cast<unsigned char>(sparql[i]))) {
        ++i;
      } else if (sparql[i] == '#') {
        while (i < sparql.size() && sparql[i] != '\n') ++i;
      } else {
        break;
      }
    }
  };
  auto word = [&] {
    std::string w;
    for (; i < sparql.size() && std::isalpha(static_cast<unsigned char>(sparql[i])); ++i)
      w += static_cast<char>(std::toupper(static_cast<unsigned char>(sparql[i])));
    return w;
  };
  for (;;) {
    skipBlank();
    const std::string keyword = word();
    if (keyword != "PREFIX" && keyword != "BASE") return keyword;
    // PREFIX name: <iri> or BASE <iri>: skip to the end of the IRI.
    const std::size_t close = sparql.find('>', sparql.find('<', i));
    if (close == std::string::npos) return keyword;
    i = close + 1;
  }
}

std::string lastSegment(const std::string& iri) {
  const auto cut = iri.find_last_of("/#");
  const std::string tail = cut == std::string::npos ? iri : iri.substr(cut + 1);
  return tail.empty() ? iri : tail;
}

// What the picture needs to know about one node.
struct NodeFacts {
  std::vector<std::string> classes;
  std::string label;
  std::string date;

  void add(const std::string& predicate, const Term& object) {
    if (predicate == vocab::kRdf + "type" && object.kind == Term::Kind::Iri) classes.push_back(object.value);
    if (object.kind != Term::Kind::Literal) return;
    if (predicate == vocab::kRdfs + "label" && label.empty()) label = object.value;
    if (predicate == vocab::kSchema + "startDate" && date.empty()) date = object.value;
  }

  std::string type() const {
    for (const auto& c : classes) {
      if (c.starts_with(vocab::kDg)) return c.substr(vocab::kDg.size());
    }
    return classes.empty() ? "Resource" : lastSegment(classes.front());
  }
};

}  // namespace

std::vector<graph::Triple> constructTriples(const graph::Store& store, const std::string& sparql) {
  const std::string form = queryForm(sparql);
  // DESCRIBE too returns a graph, but rasqal 0.9.33 cannot run it.
  if (form != "CONSTRUCT")
    throw QueryError("--construct needs a CONSTRUCT query, not " + (form.empty() ? std::string("this text") : form));
  auto result = store.query(vocab::sparqlPrefixes() + sparql);
  if (result.kind != graph::QueryResult::Kind::Graph) throw QueryError("--construct: the query returned no graph");
  // rasqal emits a template's triples once per solution: keep each triple once.
  auto& triples = result.triples;
  std::sort(triples.begin(), triples.end());
  triples.erase(std::unique(triples.begin(), triples.end()), triples.end());
  return std::move(triples);
}

EntityGraph projectTriples(const std::vector<graph::Triple>& triples, const graph::Store& store) {
  // Nodes in the order the triples first name them; facts from the triples themselves first.
  std::vector<Term> order;
  std::map<std::string, NodeFacts> facts;
  auto node = [&](const Term& term) {
    if (term.kind != Term::Kind::Iri && term.kind != Term::Kind::Blank) return;
    if (facts.emplace(nodeId(term), NodeFacts{}).second) order.push_back(term);
  };
  for (const auto& t : triples) {
    node(t.subject);
    if (t.predicate.value != vocab::kRdf + "type") node(t.object);
  }
  for (const auto& t : triples) {
    if (const auto found = facts.find(nodeId(t.subject)); found != facts.end()) found->second.add(t.predicate.value, t.object);
  }
  // The rest from the store: one lookup by subject per node (an index lookup), for IRIs only,
  // as the result's blank nodes are its own.
  for (const auto& term : order) {
    auto& f = facts[nodeId(term)];
    if (term.kind != Term::Kind::Iri || (!f.classes.empty() && !f.label.empty())) continue;
    NodeFacts stored;
    const auto rows = store.query("SELECT ?p ?o WHERE { " + graph::toNTriples(term) + " ?p ?o }").rows;
    for (const auto& row : rows) stored.add(row[0].value, row[1]);
    if (f.classes.empty()) f.classes = stored.classes;
    if (f.label.empty()) f.label = stored.label;
    if (f.date.empty()) f.date = stored.date;
  }
  EntityGraph graph;
  std::map<std::string, Vertex> vertices;
  for (const auto& term : order) {
    const std::string id = nodeId(term);
    const auto& f = facts[id];
    const std::string label = f.label.empty() ? lastSegment(term.value) : f.label;
    vertices[id] = boost::add_vertex(graph::EntityNode{id, f.type(), label, f.date}, graph);
  }
  for (const auto& t : triples) {
    if (t.predicate.value == vocab::kRdf + "type") continue;
    const auto s = vertices.find(nodeId(t.subject));
    const auto o = t.object.kind == Term::Kind::Literal ? vertices.end() : vertices.find(nodeId(t.object));
    if (s == vertices.end() || o == vertices.end()) continue;
    // The triples are a set (constructTriples): one edge each, never a parallel duplicate.
    boost::add_edge(s->second, o->second, graph::EntityEdge{relationOf(t.predicate.value), 1}, graph);
  }
  return graph;
}

}  // namespace diplograph::exporter
