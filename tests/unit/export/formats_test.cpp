// GraphML, Cytoscape.js and JSON-LD exports of a hand-made store, counted by hand.
#include "diplograph/export/export.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <set>

#include "diplograph/graph/vocabulary.h"
#include "world.h"

namespace diplograph::exporter {
namespace {

using testing::kBase;
using testing::sahel;
using testing::storeOf;
using Json = nlohmann::json;

std::string exported(const graph::Store& store, ExportFormat format, std::optional<std::string> focus = {},
                     int depth = 1) {
  ExportOptions options;
  options.format = format;
  options.focus = std::move(focus);
  options.depth = depth;
  return exportGraph(store, options);
}

std::size_t count(const std::string& text, const std::string& pattern) {
  const std::regex re(pattern);
  return static_cast<std::size_t>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

TEST(GraphMl, HasOneNodePerEntityAndOneEdgePerRelation) {
  const auto graphml = exported(storeOf(sahel()), ExportFormat::GraphMl);
  EXPECT_EQ(count(graphml, "<node "), 10u);
  EXPECT_EQ(count(graphml, "<edge "), 11u);
  EXPECT_NE(graphml.find("edgedefault=\"directed\""), std::string::npos);
}

TEST(GraphMl, DeclaresTypedAttributesForNodesAndEdges) {
  const auto graphml = exported(storeOf(sahel()), ExportFormat::GraphMl);
  for (const char* key : {R"(for="node" attr.name="label" attr.type="string")", R"(for="node" attr.name="type" attr.type="string")",
                          R"(for="node" attr.name="iri" attr.type="string")", R"(for="edge" attr.name="label" attr.type="string")",
                          R"(for="edge" attr.name="predicate" attr.type="string")", R"(for="edge" attr.name="count" attr.type="long")"})
    EXPECT_NE(graphml.find(key), std::string::npos) << key;
  EXPECT_NE(graphml.find(">Mali<"), std::string::npos);
  EXPECT_NE(graphml.find(">Resolution<"), std::string::npos);
  EXPECT_NE(graphml.find(">" + graph::vocab::kDg + "cites<"), std::string::npos);
}

TEST(Cytoscape, NodesCarryLabelAndTypeAndEdgesTheirCount) {
  const auto json = Json::parse(exported(storeOf(sahel()), ExportFormat::Cytoscape));
  const auto& nodes = json["elements"]["nodes"];
  const auto& edges = json["elements"]["edges"];
  ASSERT_EQ(nodes.size(), 10u);
  ASSERT_EQ(edges.size(), 11u);
  std::map<std::string, Json> byId;
  for (const auto& node : nodes) byId[node["data"]["id"]] = node["data"];
  EXPECT_EQ(byId[kBase + "state/NER"]["label"], "Niger");
  EXPECT_EQ(byId[kBase + "state/NER"]["type"], "State");
  EXPECT_EQ(byId[kBase + "resolution/unsc/103-2001"]["type"], "Resolution");
  std::size_t cites = 0;
  for (const auto& edge : edges) {
    const auto& data = edge["data"];
    EXPECT_TRUE(byId.count(data["source"]) && byId.count(data["target"])) << data;
    EXPECT_EQ(data["count"], 1);
    if (data["label"] == "cites") {
      ++cites;
      EXPECT_EQ(data["predicate"], graph::vocab::kDg + "cites");
    }
  }
  EXPECT_EQ(cites, 6u);
}

TEST(Cytoscape, FocusKeepsTheNeighbourhoodLikeDot) {
  const auto store = storeOf(sahel());
  // Depth 1 around 103: the Second meeting only. Depth 2 adds what Second links to: 101, 102,
  // Niger and Chad, with the five relations of Second.
  auto json = Json::parse(exported(store, ExportFormat::Cytoscape, "UNSC 103 (2001)", 1));
  EXPECT_EQ(json["elements"]["nodes"].size(), 2u);
  EXPECT_EQ(json["elements"]["edges"].size(), 1u);
  json = Json::parse(exported(store, ExportFormat::Cytoscape, "UNSC 103 (2001)", 2));
  EXPECT_EQ(json["elements"]["nodes"].size(), 6u);
  EXPECT_EQ(json["elements"]["edges"].size(), 5u);
  const auto graphml = exported(store, ExportFormat::GraphMl, "Mali", 1);
  EXPECT_EQ(count(graphml, "<node "), 2u);
}

// Reads our own JSON-LD back into N-Triples terms by the JSON-LD rules it relies on: compact
// IRIs expand through the @context prefixes, @type is rdf:type, value objects keep their tags.
std::set<std::string> triplesOf(const Json& document) {
  const auto& context = document["@context"];
  auto expand = [&](const std::string& name) {
    const auto colon = name.find(':');
    if (colon != std::string::npos && context.contains(name.substr(0, colon)))
      return context[name.substr(0, colon)].get<std::string>() + name.substr(colon + 1);
    return name;
  };
  auto term = [&](const Json& value) {
    if (value.is_string()) return graph::Term::literal(value);
    if (value.contains("@id")) return graph::Term::iri(value["@id"]);
    return graph::Term::literal(value["@value"], value.value("@language", ""),
                                value.contains("@type") ? expand(value["@type"]) : "");
  };
  std::set<std::string> out;
  for (const auto& node : document["@graph"]) {
    const auto subject = graph::Term::iri(node["@id"]);
    for (const auto& [key, values] : node.items()) {
      if (key == "@id") continue;
      for (const auto& value : values) {
        if (key == "@type") {
          out.insert(graph::toNTriples({subject, graph::Term::iri(graph::vocab::kRdf + "type"), graph::Term::iri(expand(value))}));
        } else {
          out.insert(graph::toNTriples({subject, graph::Term::iri(expand(key)), term(value)}));
        }
      }
    }
  }
  return out;
}

TEST(JsonLd, HoldsEveryTripleOfTheStore) {
  const auto store = storeOf(sahel());
  const auto document = Json::parse(exported(store, ExportFormat::JsonLd));
  std::set<std::string> expected;
  for (const auto& triple : store.triples()) expected.insert(graph::toNTriples(triple));
  EXPECT_EQ(triplesOf(document), expected);
  EXPECT_EQ(expected.size(), store.size());
}

TEST(JsonLd, LiteralsKeepLanguageTagsAndDatatypes) {
  const auto document = Json::parse(exported(storeOf(sahel()), ExportFormat::JsonLd));
  Json peru, first;
  for (const auto& node : document["@graph"]) {
    if (node["@id"] == kBase + "state/PER") peru = node;
    if (node["@id"] == kBase + "meeting/2001-01-10-first") first = node;
  }
  ASSERT_FALSE(peru.is_null());
  EXPECT_EQ(peru["@type"], Json::array({"dg:State"}));
  EXPECT_EQ(peru["rdfs:label"], Json::array({"Peru"}));
  EXPECT_EQ(peru["skos:altLabel"], Json::parse(R"([{"@value": "Pérou", "@language": "fr"}])"));
  ASSERT_FALSE(first.is_null());
  EXPECT_EQ(first["schema:startDate"], Json::parse(R"([{"@value": "2001-01-10", "@type": "xsd:date"}])"));
  EXPECT_EQ(first["dg:cites"].size(), 2u);
}

TEST(JsonLd, EmbedsTheContextPublishedInData) {
  std::ifstream in(DIPLOGRAPH_SOURCE_DIR "/data/context.jsonld");
  ASSERT_TRUE(in) << "data/context.jsonld is missing";
  const std::string published((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(jsonLdContext(), published) << "regenerate data/context.jsonld from exporter::jsonLdContext()";
  const auto document = Json::parse(exported(storeOf(sahel()), ExportFormat::JsonLd));
  const Json embedded = {{"@context", document["@context"]}};
  EXPECT_EQ(embedded, Json::parse(published));
  EXPECT_EQ(document["@context"]["dg"], graph::vocab::kDg);
  EXPECT_EQ(document["@context"]["nif"], graph::vocab::kNif);
}

TEST(ExportFormats, NewNamesAreKnown) {
  EXPECT_EQ(exportFormatFromName("graphml"), ExportFormat::GraphMl);
  EXPECT_EQ(exportFormatFromName("cytoscape"), ExportFormat::Cytoscape);
  EXPECT_EQ(exportFormatFromName("jsonld"), ExportFormat::JsonLd);
}

}  // namespace
}  // namespace diplograph::exporter
