// Identity across documents: short names, yearless resolutions and placeless meetings join the
// one known node that fits; ambiguity and the analyst's overrides keep nodes apart.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "diplograph/extract/error.h"
#include "diplograph/graph/identity.h"
#include "diplograph/graph/store.h"
#include "scratch_folder.h"

namespace diplograph::graph {
namespace {

using extract::Entity;
using extract::EntityType;
using extract::Extraction;

const std::string kBase = "https://diplograph.org/id/";

Entity person(const std::string& slug, const std::string& name) {
  Entity e{kBase + "person/" + slug, EntityType::Person, name, {}, {{0, 1, name}}};
  e.keys.name = name;
  return e;
}

Entity resolution(const std::string& number, std::optional<int> year) {
  Entity e{kBase + "resolution/unsc/" + number + (year ? "-" + std::to_string(*year) : ""), EntityType::Resolution,
           "UNSC " + number, {}, {{0, 1, number}}};
  e.keys.issuer = "UNSC";
  e.keys.number = number;
  e.keys.year = year;
  return e;
}

Extraction document(const std::string& name, std::vector<Entity> entities) {
  Extraction x;
  x.document.iri = kBase + "document/" + name;
  x.entities = std::move(entities);
  extract::Meeting m;
  m.iri = kBase + "meeting/" + name;
  for (const auto& e : x.entities) {
    if (e.type == EntityType::Resolution) m.cites.push_back(e.iri);
    if (e.type == EntityType::Person) m.chair = e.iri;
  }
  x.meetings = {m};
  return x;
}

Store emptyStore() { return Store::openForReading({"unused", StoreKind::Memory}); }

TEST(Identity, ShortNamesAndYearlessResolutionsJoinTheKnownNode) {
  const auto out = resolveIdentities(
      {document("a", {person("elmar-mammadyarov", "Elmar Mammadyarov"), resolution("822", 1993)}),
       document("b", {person("mammadyarov", "Mammadyarov"), resolution("822", std::nullopt)})},
      emptyStore(), {});
  const auto& b = out[1];
  EXPECT_EQ(b.entities[0].iri, kBase + "person/elmar-mammadyarov");
  EXPECT_EQ(b.entities[0].label, "Elmar Mammadyarov");
  EXPECT_EQ(b.entities[1].iri, kBase + "resolution/unsc/822-1993");
  EXPECT_EQ(b.meetings[0].chair, kBase + "person/elmar-mammadyarov");
  EXPECT_EQ(b.meetings[0].cites, std::vector<std::string>{kBase + "resolution/unsc/822-1993"});
}

TEST(Identity, SpellingsOfOneFullNameJoin) {
  const auto out = resolveIdentities({document("a", {person("youssef-bin-ahmed-al-othaimeen", "Youssef bin Ahmed Al-Othaimeen")}),
                                      document("b", {person("yousef-a-al-othaimeen", "Yousef A. Al-Othaimeen")}),
                                      document("c", {person("yousef-b-al-othaimeen", "Yousef B. Al-Othaimeen")})},
                                     emptyStore(), {});
  EXPECT_EQ(out[1].entities[0].iri, kBase + "person/youssef-bin-ahmed-al-othaimeen");
  EXPECT_EQ(out[2].entities[0].iri, kBase + "person/yousef-b-al-othaimeen");  // another middle name
}

TEST(Identity, AmbiguousSurnamesStayApart) {
  const auto out = resolveIdentities({document("a", {person("ali-taha", "Ali Taha"), person("hissein-taha", "Hissein Taha")}),
                                      document("b", {person("taha", "Taha")})},
                                     emptyStore(), {});
  EXPECT_EQ(out[1].entities[0].iri, kBase + "person/taha");
}

TEST(Identity, OverridesUndoAndMakeMerges) {
  IdentityOverrides overrides;
  overrides.distinct.insert({kBase + "person/mammadyarov", kBase + "person/elmar-mammadyarov"});
  overrides.same[kBase + "resolution/unsc/853-1993"] = kBase + "resolution/unsc/822-1993";
  const auto out = resolveIdentities({document("a", {person("elmar-mammadyarov", "Elmar Mammadyarov")}),
                                      document("b", {person("mammadyarov", "Mammadyarov"), resolution("853", 1993)})},
                                     emptyStore(), overrides);
  EXPECT_EQ(out[1].entities[0].iri, kBase + "person/mammadyarov");
  EXPECT_EQ(out[1].entities[1].iri, kBase + "resolution/unsc/822-1993");
}

TEST(Identity, OverrideFileIsReadAndCheckedLineByLine) {
  const diplograph::test_support::ScratchFolder scratch("dg-identity");
  const auto& dir = scratch.path();
  std::ofstream(dir / "ok.tsv") << "# comment\nsame\thttps://a\thttps://b\ndistinct\thttps://c\thttps://d\n";
  const auto overrides = loadIdentityOverrides(dir / "ok.tsv");
  EXPECT_EQ(overrides.same.at("https://a"), "https://b");
  EXPECT_EQ(overrides.distinct.count({"https://c", "https://d"}), 1u);
  std::ofstream(dir / "bad.tsv") << "same\thttps://a\n";
  EXPECT_THROW(loadIdentityOverrides(dir / "bad.tsv"), InputError);
  EXPECT_TRUE(loadIdentityOverrides(dir / "missing.tsv").same.empty());
}

}  // namespace
}  // namespace diplograph::graph
