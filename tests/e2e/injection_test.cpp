// End-to-end: a document cannot break an output format or inject triples or SPARQL. Its file
// name, title, sentences and entity names hold quotes, angle brackets, backslashes, braces,
// ampersands, tabs, newlines and control characters, and a place in the gazetteer is named with
// them too (gazetteers are data an analyst edits). After ingesting, every format is read back
// by a real parser: rapper (Turtle, N-Triples, RDF/XML), Graphviz's dot (DOT), an XML parser
// (GraphML, SVG, SPARQL XML results), a JSON parser (extract, query, Cytoscape, JSON-LD); and
// canned-query parameters written as SPARQL are refused as values, never run as text.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <string>

#include "suite_store.h"

namespace {

namespace fs = std::filesystem;
using diplograph::e2e::shell;
using Json = nlohmann::json;

const char* const kPlace = "Fort \"Quote\" <Angle> \\Back & Co";

// `text` as one shell word.
std::string shellQuoted(const std::string& text) { return "'" + std::regex_replace(text, std::regex("'"), "'\\''") + "'"; }

class InjectionTest : public diplograph::e2e::SuiteWithStore {
 protected:
  static void SetUpTestSuite() {
    makeFolder("dg-injection");
    // The project's data, with one place whose name is hostile.
    fs::copy(DIPLOGRAPH_SOURCE_DIR "/data", dir() / "data", fs::copy_options::recursive);
    std::ofstream(dir() / "data" / "gazetteers" / "places.tsv", std::ios::app) << kPlace << "\tcity\tFort Quote\n";
    // A file name with quotes, angle brackets, a tab and a newline.
    write("report \"evil\" <x>\t\nname.md",
          "# Report: \"Contact Group\" <on> Mali \\ {braces} & more\n\n"
          "The OIC Contact Group on Mali met in " + std::string(kPlace) + " on 20 September 2017.\n"
          "Djibouti, Senegal and Turkey attended. A line with a tab\tand \"quotes\" \\\" ends here.\n"
          "\"\"\"Triple quotes\"\"\" and '''single''' and }} ]] >> \x01\x02 \x1b[0m.\n"
          "<https://evil.example/s> <https://evil.example/p> \"injected\" .\n"
          "_:b0 <https://evil.example/p> <https://evil.example/o> . } ; DROP ALL ; INSERT DATA { <a> <b> <c> }\n");
    write("page.html",
          "<html><head><title>Meeting &quot;in&quot; &lt;script&gt;alert(1)&lt;/script&gt;</title></head><body>"
          "<p>The OIC Contact Group on Mali met in &lt;script&gt;New York&lt;/script&gt; on 20 September 2017.</p>"
          "<p>Djibouti and Senegal attended. &#1;&#x1b; H.E. Mr. Karim &quot;Bey&quot; Al-Tahir, Minister of Foreign "
          "Affairs of Senegal, spoke. <![CDATA[ ]]> --> \\u0022 &amp;lt;</p></body></html>");
    const auto run = diplograph("ingest --quiet " + store() + " " + diplograph::e2e::quoted(dir() / "docs"));
    ASSERT_EQ(run.status, 0) << run.err;
  }

  static void write(const std::string& name, const std::string& text) {
    fs::create_directories(dir() / "docs");
    std::ofstream(dir() / "docs" / name, std::ios::binary) << text;
  }
  // diplograph with the hostile gazetteer.
  static diplograph::e2e::Run diplograph(const std::string& args) {
    return shell("DIPLOGRAPH_DATA_DIR='" + (dir() / "data").string() + "' '" DIPLOGRAPH_BINARY "' " + args);
  }
  static std::string exported(const std::string& format) {
    const std::string path = (dir() / ("graph." + format)).string();
    const auto run = diplograph("export " + store() + " --format " + format + " -o '" + path + "'");
    EXPECT_EQ(run.status, 0) << format << ": " << run.err;
    return path;
  }
  static std::size_t storeSize() {
    std::smatch size;
    const auto stats = diplograph("stats " + store()).out;
    return std::regex_search(stats, size, std::regex(R"(: (\d+) triples)")) ? std::stoul(size[1]) : 0;
  }
  static bool pythonParsesXml(const std::string& path) {
    return shell("python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' '" + path + "'").status == 0;
  }

};

TEST_F(InjectionTest, HostileNamesReachTheGraphIntact) {
  const auto run = diplograph("query " + store() + " 'SELECT ?l WHERE { ?p a dg:Place ; rdfs:label ?l }' --format json");
  ASSERT_EQ(run.status, 0) << run.err;
  const Json json = Json::parse(run.out);
  bool found = false;
  for (const auto& row : json["results"]["bindings"]) found = found || row["l"]["value"] == kPlace;
  EXPECT_TRUE(found) << run.out;
  const auto source = diplograph("query " + store() + " 'SELECT ?s WHERE { ?d dct:source ?s }' --format json");
  EXPECT_NE(source.out.find("report \\\"evil\\\" <x>\\t\\nname.md"), std::string::npos) << source.out;
}

TEST_F(InjectionTest, DocumentTextInjectsNoTriple) {
  const auto nt = diplograph("query " + store() + " 'CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }' --format nt");
  ASSERT_EQ(nt.status, 0) << nt.err;
  std::istringstream lines(nt.out);
  // Subject and predicate of each line: the text may appear inside a literal, never as a term.
  static const std::regex kTerms(R"(^(<[^>]*>|_:\S+) <([^>]*)> )");
  for (std::string line; std::getline(lines, line);) {
    std::smatch terms;
    ASSERT_TRUE(std::regex_search(line, terms, kTerms)) << line;
    EXPECT_EQ(terms[1].str().find("evil.example"), std::string::npos) << line;
    EXPECT_EQ(terms[2].str().find("evil.example"), std::string::npos) << line;
    EXPECT_NE(terms[1].str().rfind("_:", 0), 0u) << line;
    EXPECT_NE(terms[1].str(), "<a>") << line;
  }
  const auto ask = diplograph("query " + store() + " 'ASK { { <https://evil.example/s> ?p ?o } UNION { ?s <https://evil.example/p> ?o } }' --format json");
  EXPECT_EQ(Json::parse(ask.out)["boolean"], false) << ask.out;
}

TEST_F(InjectionTest, RapperReadsTurtleNTriplesAndRdfXml) {
  const std::string count = std::to_string(storeSize());
  for (const auto& [format, parser] : {std::pair{"ttl", "turtle"}, {"nt", "ntriples"}, {"rdfxml", "rdfxml"}}) {
    const auto run = shell(std::string("rapper -c -i ") + parser + " '" + exported(format) + "'");
    EXPECT_EQ(run.status, 0) << format << ": " << run.err;
    EXPECT_NE(run.err.find("returned " + count + " triples"), std::string::npos) << format << ": " << run.err;
  }
  // extract's own N-Triples and Turtle of the hostile document parse too.
  for (const auto& [format, parser] : {std::pair{"nt", "ntriples"}, {"ttl", "turtle"}}) {
    const std::string out = (dir() / (std::string("extract.") + format)).string();
    const auto run = diplograph(std::string("extract --format ") + format + " '" +
                                (dir() / "docs" / "report \"evil\" <x>\t\nname.md").string() + "' > '" + out + "'");
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_EQ(shell(std::string("rapper -q -c -i ") + parser + " '" + out + "'").status, 0) << format;
  }
}

TEST_F(InjectionTest, DotAcceptsTheDotExport) {
  const auto dot = exported("dot");
  const auto run = shell("dot -Tsvg '" + dot + "' -o '" + (dir() / "drawn.svg").string() + "'");
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.err, "") << "dot warned";
  EXPECT_TRUE(pythonParsesXml((dir() / "drawn.svg").string()));
  // The focus view of the hostile place, and the pictures diplograph renders itself.
  const auto focus = diplograph("export " + store() + " --format dot --depth 1 --focus " + shellQuoted(kPlace));
  ASSERT_EQ(focus.status, 0) << focus.err;
  EXPECT_NE(focus.out.find("Angle"), std::string::npos) << focus.out;
  EXPECT_EQ(shell("printf '%s' " + shellQuoted(focus.out) + " | dot -Tsvg -o /dev/null").status, 0);
  EXPECT_TRUE(pythonParsesXml(exported("svg")));
}

TEST_F(InjectionTest, XmlOutputsParse) {
  EXPECT_TRUE(pythonParsesXml(exported("graphml")));
  const std::string results = (dir() / "results.xml").string();
  const auto run = diplograph("query " + store() + " 'SELECT ?s ?o WHERE { ?s ?p ?o }' --format xml -o '" + results + "'");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(pythonParsesXml(results));
}

TEST_F(InjectionTest, JsonOutputsParse) {
  for (const auto& entry : fs::directory_iterator(dir() / "docs")) {
    const auto run = diplograph("extract --format json '" + entry.path().string() + "'");
    ASSERT_EQ(run.status, 0) << run.err;
    EXPECT_FALSE(Json::parse(run.out, nullptr, false).is_discarded()) << entry.path();
  }
  for (const char* format : {"json", "csv", "tsv", "table"}) {
    const auto run = diplograph("query " + store() + " 'SELECT ?s ?p ?o WHERE { ?s ?p ?o }' --format " + format);
    ASSERT_EQ(run.status, 0) << format << ": " << run.err;
    if (std::string(format) == "json") {
      EXPECT_FALSE(Json::parse(run.out, nullptr, false).is_discarded());
    }
  }
  for (const char* format : {"cytoscape", "jsonld"}) {
    const auto run = diplograph("export " + store() + " --format " + format);
    ASSERT_EQ(run.status, 0) << format << ": " << run.err;
    EXPECT_FALSE(Json::parse(run.out, nullptr, false).is_discarded()) << format;
  }
}

TEST_F(InjectionTest, CannedQueryParametersAreValuesNotSparql) {
  const std::size_t before = storeSize();
  struct Case {
    std::string param;
    const char* expected;
  };
  const std::vector<Case> cases = {
      {"meetings-citing --param 'resolution=822\" } DROP ALL ; SELECT * WHERE { ?s ?p ?o'", "not a resolution reference"},
      {"meetings-citing --param 'resolution=UNSC 822 (1993)\" } #'", "not a resolution reference"},
      {"state-meetings --param 'state=Mali\" } UNION { ?s ?p ?o } #'", "no state in the store matches"},
      {"documents-mentioning --param 'entity=<https://evil.example/s> } UNION { ?s ?p ?o'", "no entity in the store matches"},
      {"documents-mentioning --param 'entity=\\\" ) } ; DELETE WHERE { ?s ?p ?o } #'", "no entity in the store matches"},
  };
  for (const auto& c : cases) {
    const auto run = diplograph("query " + store() + " --name " + c.param);
    EXPECT_EQ(run.status, 4) << c.param << ": " << run.err;
    EXPECT_NE(run.err.find(c.expected), std::string::npos) << c.param << ": " << run.err;
    EXPECT_EQ(std::count(run.err.begin(), run.err.end(), '\n'), 1) << run.err;
  }
  // The hostile place resolves by its full name, written into the query as one escaped term.
  const auto sparql = diplograph("query " + store() + " --name documents-mentioning --param " +
                                 shellQuoted(std::string("entity=") + kPlace) + " --print-sparql");
  ASSERT_EQ(sparql.status, 0) << sparql.err;
  EXPECT_NE(sparql.out.find("<https://diplograph.org/id/place/fort-quote-angle-back-co>"), std::string::npos) << sparql.out;
  const auto answer = diplograph("query " + store() + " --name documents-mentioning --param " +
                                 shellQuoted(std::string("entity=") + kPlace) + " --format csv");
  EXPECT_EQ(answer.status, 0) << answer.err;
  EXPECT_NE(answer.out.find("name.md"), std::string::npos) << answer.out;
  EXPECT_EQ(storeSize(), before);
}

}  // namespace
