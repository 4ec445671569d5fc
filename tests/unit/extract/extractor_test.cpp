// Extractor rules on tiny inline fixtures, and offsets checked on the whole corpus.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "diplograph/extract/extractor.h"
#include "diplograph/extract/json.h"
#include "text.h"

namespace diplograph::extract {
namespace {

const Extractor& extractor() {
  static const Extractor instance([] {
    ExtractOptions options;
    options.dataDir = std::filesystem::path(DIPLOGRAPH_SOURCE_DIR) / "data";
    return options;
  }());
  return instance;
}

Extraction run(const std::string& text) { return extractor().extract({"fixture.txt", text, ""}); }

// The last part of an IRI: "…/state/PAK" -> "PAK".
std::string lastPart(const std::string& iri) { return iri.substr(iri.rfind('/') + 1); }

// A meeting's attendees by the last part of their IRIs.
std::set<std::string> attendeesOf(const Meeting& m) {
  std::set<std::string> out;
  for (const auto& a : m.attendees) out.insert(lastPart(a));
  return out;
}

// The meeting a text reports on (an empty one if none is found, so that a test fails on its fields).
Meeting mainMeeting(const std::string& text) {
  const auto x = run(text);
  return x.meetings.empty() ? Meeting{} : x.meetings.front();
}

std::set<std::string> keys(const Extraction& x, EntityType type) {
  std::set<std::string> out;
  for (const auto& e : x.entities) {
    if (e.type != type) continue;
    const auto& k = e.keys;
    if (k.iso3166) out.insert(*k.iso3166);
    else if (k.acronym) out.insert(*k.acronym);
    else if (k.date) out.insert(*k.date);
    else if (k.issuer) out.insert(*k.issuer + " " + *k.number + (k.year ? " (" + std::to_string(*k.year) + ")" : ""));
    else if (k.name) out.insert(*k.name);
  }
  return out;
}

// Code points of a UTF-8 string, for checking offsets independently of the library.
std::u32string codePoints(const std::string& s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += n;
  }
  return out;
}

TEST(Dates, FrenchAndEnglishFormsAndRanges) {
  const auto x = run(
      "La réunion s'est tenue le lundi 19 Septembre 2016 et le 1er juin 2019. The Council met on September 28, 2018, "
      "on 18–19 October 2022 and du 27 au 30 juin 2000. Not dates: mai 2014, 26 Ramadan 1440.");
  EXPECT_EQ(keys(x, EntityType::Date),
            (std::set<std::string>{"2016-09-19", "2019-06-01", "2018-09-28", "2022-10-18", "2022-10-19", "2000-06-27",
                                   "2000-06-30"}));
}

TEST(Dates, DateSplitAcrossLineBreak) {
  const auto x = run("She spoke on 1\nMarch 2019 in Abu Dhabi.");
  EXPECT_EQ(keys(x, EntityType::Date), (std::set<std::string>{"2019-03-01"}));
}

TEST(Resolutions, ListsIssuersAndYears) {
  const auto x = run(
      "Rappelant les résolutions du Conseil de sécurité de l'ONU, à savoir 822 (1993), 853 (1993), le ministre a parlé. "
      "The Council adopted resolution No. 8/44-POL. It welcomed resolution 76/254 of the General Assembly. "
      "The 44e session and 57 Member States are not resolutions.");
  EXPECT_EQ(keys(x, EntityType::Resolution),
            (std::set<std::string>{"UNSC 822 (1993)", "UNSC 853 (1993)", "OIC 8/44-POL", "UNGA 76/254"}));
}

TEST(Resolutions, HyphenatedTriggerAndAdoptionYear) {
  const auto x = run("The Security Council had deplored that attack in resolu-\ntion 271, adopted on 15 September 1969.");
  EXPECT_EQ(keys(x, EntityType::Resolution), (std::set<std::string>{"UNSC 271 (1969)"}));
}

// The fuzzer found "resolution ES-10" thrown out of the extractor as an internal error.
TEST(Resolutions, EmergencySessionAloneIsNotAResolution) {
  const auto x = run("The Assembly recalled resolution ES-10 and its resolution ES-10/19 of 2017.");
  EXPECT_EQ(keys(x, EntityType::Resolution), (std::set<std::string>{"UNGA ES-10/19"}));
}

// Digits of other scripts ("٢٠") make a token of digits but never a year: once, such a token
// where a year may stand ended the extraction with an exception. A resolution numbered so keeps
// its number as written.
TEST(Dates, DigitsOfOtherScriptsAreNotYears) {
  const auto x = run("The meeting was held on 3 May \u0662\u0660 in Paris. It recalled resolution \u0662\u0660 (\u0662\u0660) "
                     "adopted in May \u0662\u0660, and resolution 2254 (2015).");
  EXPECT_EQ(keys(x, EntityType::Resolution), (std::set<std::string>{"UNSC 2254 (2015)", "UNSC \u0662\u0660"}));
  EXPECT_TRUE(keys(x, EntityType::Date).empty());
}

TEST(States, FormsArticlesHyphenationAndDistractors) {
  const auto x = run(
      "La Réunion a salué la République islamique du Pakistan, le Royaume d'Arabie Saoudite et la Türkiye. "
      "The draft was sponsored by Paki-\nstan and the UAE. Le président djiboutien a parlé du processus d'Alger.");
  EXPECT_EQ(keys(x, EntityType::State), (std::set<std::string>{"PAK", "SAU", "TUR", "ARE"}));
  EXPECT_TRUE(keys(x, EntityType::Place).empty());
}

TEST(Organizations, ParentNamedInsideAnOrgan) {
  const auto x = run("Le Conseil de sécurité des Nations Unies et la BID ont été saluées.");
  EXPECT_EQ(keys(x, EntityType::Organization), (std::set<std::string>{"UNSC", "UN", "IsDB"}));
}

TEST(Persons, HonorificsDroppedAndPostRecorded) {
  const auto x = run(
      "La réunion a été ouverte par SEM Iyad Ameen Madani, Secrétaire général de l'OCI. "
      "Le Ministre des Affaires étrangères de la République d'Azerbaïdjan, SEM Elmar Mammadyarov a parlé. "
      "Mammadyarov a conclu.");
  EXPECT_EQ(keys(x, EntityType::Person), (std::set<std::string>{"Iyad Ameen Madani", "Elmar Mammadyarov"}));
  int posts = 0;
  for (const auto& r : x.relations) {
    if (r.predicate != "holdsPost") continue;
    ++posts;
    if (r.object == "Secretary-General") {
      EXPECT_EQ(r.of.value_or(""), "https://diplograph.org/id/org/oic");
    }
    if (r.object == "Minister of Foreign Affairs") {
      EXPECT_EQ(r.of.value_or(""), "https://diplograph.org/id/state/AZE");
    }
  }
  EXPECT_EQ(posts, 2);
  const auto& main = x.meetings.front();
  EXPECT_EQ(main.chair.value_or(""), "https://diplograph.org/id/person/iyad-ameen-madani");
}

// Posts held, as "person IRI's last part | post | State or body IRI's last part".
std::set<std::string> postsHeld(const Extraction& x) {
  std::set<std::string> out;
  for (const auto& r : x.relations) {
    if (r.predicate == "holdsPost") out.insert(lastPart(r.subject) + " | " + r.object + " | " + lastPart(r.of.value_or("")));
  }
  return out;
}

// A text and the posts held in it, as postsHeld lists them.
struct PostCase {
  const char* name;
  std::string text;
  std::set<std::string> posts;
};

class Posts : public testing::TestWithParam<PostCase> {};

TEST_P(Posts, AreReadWhole) { EXPECT_EQ(postsHeld(run(GetParam().text)), GetParam().posts); }

INSTANTIATE_TEST_SUITE_P(
    Extractor, Posts,
    testing::Values(
        PostCase{"ALongerPostIsNotAlsoReadShort",
                 "Le vice-ministre des Affaires étrangères de la République de Turquie, M. Yavuz Selim Kıran, a parlé.",
                 {"yavuz-selim-kiran | Deputy Minister of Foreign Affairs | TUR"}},
        PostCase{"PortfoliosBeyondTheGazetteerInEnglish",
                 "The meeting was chaired by H.E. Dr. Mamadou Tangara, Minister of Foreign Affairs, International Cooperation "
                 "and Gambians Abroad of the Republic of The Gambia. Mr. Riyad Al-Maliki, Minister of Foreign Affairs and\n"
                 "Expatriates of the State of Palestine, spoke next. The Minister of Foreign Affairs and the Head of "
                 "Delegation of Egypt, Mr. Sameh Hassan, also spoke.",
                 {"mamadou-tangara | Minister of Foreign Affairs, International Cooperation and Gambians Abroad | GMB",
                  "riyad-al-maliki | Minister of Foreign Affairs and Expatriates | PSE"}},
        PostCase{"TwoPostsHeldTogetherAndPortfoliosAfterTheBody",
                 "H.E. Sheikh Mohammed bin Abdulrahman Al Thani, Deputy Prime Minister and Minister of Foreign Affairs of the "
                 "State of Qatar, reported. H.E. Ambassador Yousef M. Aldobeay, OIC Assistant Secretary General for Political "
                 "Affairs, then presented the report.",
                 {"mohammed-bin-abdulrahman-al-thani | Deputy Prime Minister and Minister of Foreign Affairs | QAT",
                  "yousef-m-aldobeay | Assistant Secretary General for Political Affairs | oic"}},
        // A portfolio missing from portfolios.tsv ("Anciens combattants") leaves the post out.
        PostCase{"FrenchPortfoliosByTheirEnglishNames",
                 "M. Riyad Al-Maliki, ministre des Affaires étrangères et des Expatriés de l'État de Palestine, a parlé. "
                 "Le ministre sénégalais des Affaires étrangères, de la Coopération et des Sénégalais de l'extérieur, "
                 "M. Sidiki Kaba, a pris la parole. M. Alpha Barry, ministre des Affaires étrangères et des Anciens "
                 "combattants du Burkina Faso, était présent. Le ministre burkinabè des Affaires étrangères et des "
                 "Anciens combattants, M. Alpha Barry, a parlé.",
                 {"riyad-al-maliki | Minister of Foreign Affairs and Expatriates | PSE",
                  "sidiki-kaba | Minister of Foreign Affairs, Cooperation and Senegalese Abroad | SEN"}},
        PostCase{"ARankAndThePostAfterItAreOnePost",
                 "M. Kalla Ankourao, ministre d'État, ministre des Affaires étrangères et de la Coopération du Niger, a "
                 "ensuite été porté à la présidence.",
                 {"kalla-ankourao | Minister of State, Minister of Foreign Affairs and Cooperation | NER"}},
        PostCase{"RowsOfAttendanceLists",
                 "The following attended:\n"
                 "- **Republic of Azerbaijan** — H.E. Mr. Elmar Mammadyarov, Minister of Foreign Affairs\n"
                 "  Malaysia ................ H.E. Dato' Seri Saifuddin Abdullah, Minister of Foreign Affairs\n"
                 "  Secretary General of the OIC ........ H.E. Mr. Hissein Brahim Taha (Chair)\n"
                 "\n"
                 "Jordan thanked Mr. Ayman Safadi, Minister of Foreign Affairs, for his work.\n"
                 "\n"
                 "- **Niger** : M. Kalla Ankourao, ministre des Affaires étrangères, de la Coopération et des Nigériens à "
                 "l'extérieur, président de la session\n"
                 "- **Burkina Faso** : M. Alpha Barry\n",
                 {"elmar-mammadyarov | Minister of Foreign Affairs | AZE",
                  "saifuddin-abdullah | Minister of Foreign Affairs | MYS",
                  "hissein-brahim-taha | Secretary-General | oic"}}),
    [](const testing::TestParamInfo<PostCase>& info) { return std::string(info.param.name); });

TEST(Persons, NamesWithoutTitlesBeforePostsAndWordsThatLookLikeTitles) {
  const auto x = run(
      "The ministers met in Sarajevo.\n\nSameh Shoukry, Foreign Minister of Egypt, stressed the point. "
      "Iran's Permanent Representative to the United Nations, Mr. Amir Saeid Iravani, called for calm.");
  EXPECT_EQ(keys(x, EntityType::Person), (std::set<std::string>{"Sameh Shoukry", "Amir Saeid Iravani"}));
  EXPECT_EQ(postsHeld(x), (std::set<std::string>{
                              "sameh-shoukry | Foreign Minister | EGY",
                              "amir-saeid-iravani | Permanent Representative to the United Nations | IRN",
                          }));
}

TEST(Persons, SpeakersInCapitalsAsUnMeetingsCoverageWritesThem) {
  const auto x = run(
      "# GENERAL ASSEMBLY ADOPTS TEXT\n\nThe General Assembly met in New York on 12 December 2023.\n\n"
      "**MUNIR AKRAM**, Permanent Representative of Pakistan to the United Nations, said the text was balanced.\n\n"
      "Türkiye's Permanent Representative, **SEDAT ÖNAL**, said it came at a critical time.\n\n"
      "**ABDULAZIZ ALWASIL** (Saudi Arabia) recalled the Annual Coordination Meeting.\n");
  EXPECT_EQ(keys(x, EntityType::Person), (std::set<std::string>{"MUNIR AKRAM", "SEDAT ÖNAL", "ABDULAZIZ ALWASIL"}));
  EXPECT_EQ(attendeesOf(x.meetings.front()), (std::set<std::string>{"PAK", "TUR", "SAU"}));
}

// A text and the keys of the entities of one type found in it.
struct KeysCase {
  const char* name;
  std::string text;
  EntityType type;
  std::set<std::string> keys;
};

class Keys : public testing::TestWithParam<KeysCase> {};

TEST_P(Keys, AreFound) { EXPECT_EQ(keys(run(GetParam().text), GetParam().type), GetParam().keys); }

INSTANTIATE_TEST_SUITE_P(
    Extractor, Keys,
    testing::Values(
        // "Saïd" folds to "said", a cue for a speaker: in a name it is a name.
        KeysCase{"AVerbCueWithACapitalIsAName",
                 "La République de Djibouti était représentée par M. Dya-Eddine Saïd Bamakhrama, ambassadeur auprès du "
                 "Royaume d'Arabie saoudite. Le ministre a souligné l'importance du dialogue.",
                 EntityType::Person, {"Dya-Eddine Saïd Bamakhrama"}},
        KeysCase{"TheUnitedNationsAsAWholeIsNotTheIssuer",
                 "The Permanent Representative to the United Nations recalled resolution 2593 (2021) and the "
                 "United Nations resolution 76/254.",
                 EntityType::Resolution, {"UNSC 2593 (2021)", "UNGA 76/254"}},
        KeysCase{"ItsResolutionIsTheSubjectsHoweverFarBack",
                 "The Human Rights Council created the mandate of the Special Rapporteur on the situation of human rights in "
                 "Afghanistan by its resolution 48/1, adopted on 7 October 2021.",
                 EntityType::Resolution, {"HRC 48/1 (2021)"}}),
    [](const testing::TestParamInfo<KeysCase>& info) { return std::string(info.param.name); });

TEST(Meetings, WhoHostedOrChairedAReferencedMeetingAttendedIt) {
  const auto x = run(
      "La 48e session du Conseil des ministres des Affaires étrangères s'est tenue à Islamabad le 22 mars 2022. "
      "La présidence du Conseil est passée des Émirats arabes unis, qui avaient accueilli la 46e session à "
      "Abou Dhabi les 1er et 2 mars 2019, au Niger. La précédente réunion du Comité exécutif s'était tenue à "
      "Djeddah le 3 février 2020, sous la présidence du Royaume d'Arabie saoudite. Il a rappelé la 17e session "
      "extraordinaire du Conseil, tenue à Islamabad le 19 décembre 2021 et présidée par le ministre pakistanais des Affaires étrangères, M. Shah Mahmood "
      "Qureshi. L'Égypte a envoyé un message. Le Maroc a accueilli avec satisfaction la 45e session, tenue à Dhaka "
      "les 5 et 6 mai 2018.");
  std::map<std::string, std::set<std::string>> attendees;  // by referenced meeting's date
  std::map<std::string, std::string> chairs;
  for (const auto& m : x.meetings) {
    if (m.role != MeetingRole::Referenced || !m.date) continue;
    if (!m.attendees.empty()) attendees[*m.date] = attendeesOf(m);
    if (m.chair) chairs[*m.date] = lastPart(*m.chair);
  }
  EXPECT_EQ(attendees, (std::map<std::string, std::set<std::string>>{
                           {"2019-03-01", {"ARE"}}, {"2020-02-03", {"SAU"}}, {"2021-12-19", {"PAK"}}}));
  EXPECT_EQ(chairs, (std::map<std::string, std::string>{{"2021-12-19", "shah-mahmood-qureshi"}}));
}

TEST(Meetings, SpeakersNamedWithTheirStatesAttend) {
  const auto x = run(
      "The Security Council held a briefing on Afghanistan in New York on 20 December 2022. "
      "United States Ambassador to the United Nations Linda Thomas-Greenfield said that commitments were broken. "
      "Mr. Vladimir Norov, Minister of Foreign Affairs of the Republic of Uzbekistan, stressed the role of trade. "
      "UNAMA and UN Women briefed members. Ms. Roza Otunbayeva, former President of the Kyrgyz Republic, "
      "described the situation.");
  EXPECT_EQ(keys(x, EntityType::Person),
            (std::set<std::string>{"Linda Thomas-Greenfield", "Vladimir Norov", "Roza Otunbayeva"}));
  EXPECT_TRUE(keys(x, EntityType::Organization).count("UNAMA"));
  EXPECT_TRUE(keys(x, EntityType::Organization).count("UN Women"));
  EXPECT_EQ(attendeesOf(x.meetings.front()), (std::set<std::string>{"USA", "UZB"}));
}

TEST(Meetings, OrdinalsWithTheirSuffixInATag) {
  const auto x = run(
      "La 45<sup>e</sup> session du Conseil des ministres des Affaires étrangères s'est tenue à Dhaka les 5 et 6 "
      "mai 2018. M. Marcel Amon-Tanoh, qui avait présidé la 44<sup>e</sup> session (Abidjan, 10-11 juillet 2017), "
      "a transmis la présidence.");
  std::set<std::string> labels;
  for (const auto& m : x.meetings) labels.insert(m.label);
  EXPECT_EQ(labels, (std::set<std::string>{"45th Council of Foreign Ministers, Dhaka, 2018-05-05",
                                           "44th session, Abidjan, 2017-07-10"}));
}

// A text and one field of the meeting it reports on.
struct MainMeetingCase {
  const char* name;
  std::string text;
  std::optional<std::string> Meeting::*field;
  std::string expected;
};

class MainMeeting : public testing::TestWithParam<MainMeetingCase> {};

// A title naming the city the meeting is about, then a dateline naming where and when it met.
const char* const kCommuniqueOnGaza =
    "COMMUNIQUÉ FINAL\n\nde la réunion extraordinaire du Comité exécutif consacrée à la situation à Gaza\n\n"
    "Djeddah – mercredi 18 octobre 2023\n\nLe Comité exécutif de l'OCI s'est réuni en session extraordinaire.";

TEST_P(MainMeeting, IsReadFromTheText) {
  const auto& c = GetParam();
  EXPECT_EQ((mainMeeting(c.text).*c.field).value_or(""), c.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Extractor, MainMeeting,
    testing::Values(
        MainMeetingCase{"ANewspaperIsDatedAfterTheMeeting",
                        "LE QUOTIDIEN - Édition du lundi 2 septembre 2024\n\nLes ministres ont clos vendredi leur session à "
                        "Yaoundé.\n\nPendant deux jours, les 29 et 30 août 2024, la capitale a vécu au rythme de la 50e session "
                        "du Conseil des ministres des Affaires étrangères de l'OCI.",
                        &Meeting::date, "2024-08-29"},
        MainMeetingCase{"AnAgencyDispatchIsDatedAfterTheMeeting",
                        "BANJUL, May 5, 2024 (WAPA) - Leaders of the OIC wrapped up their 15th Islamic Summit on Sunday.\n\n"
                        "The two-day meeting (4-5 May 2024) was chaired by President Adama Barrow of The Gambia.",
                        &Meeting::date, "2024-05-04"},
        // A first date given with the meeting stays its date, whatever earlier date follows.
        MainMeetingCase{"AFirstDateGivenWithTheMeetingStays",
                        "Le Comité exécutif de l'OCI a tenu le lundi 3 février 2020 à Djeddah une réunion extraordinaire pour "
                        "examiner le plan présenté le 28 janvier 2020 par les États-Unis.",
                        &Meeting::date, "2020-02-03"},
        MainMeetingCase{"OpeningTheMeetingNamesTheOpener",
                        "The General Assembly met in New York on 12 December 2023. Opening the meeting, the President of the General "
                        "Assembly, Dennis Francis, said both organizations faced a test.",
                        &Meeting::chair, "https://diplograph.org/id/person/dennis-francis"},
        MainMeetingCase{"AtTheHeadOfTheProceedingsIsTheChair",
                        "La 50e session du Conseil des ministres des Affaires étrangères s'est tenue à Yaoundé le 29 août 2024. "
                        "Le ministre des Relations extérieures du Cameroun, M. Lejeune Mbella Mbella, a ensuite été élu par "
                        "acclamation à la tête des travaux.",
                        &Meeting::chair, "https://diplograph.org/id/person/lejeune-mbella-mbella"},
        MainMeetingCase{"TheCityNamedWithTheDateIsThePlace",
                        kCommuniqueOnGaza,
                        &Meeting::place, "https://diplograph.org/id/place/jeddah"},
        MainMeetingCase{"TheDatelineGivesTheDate",
                        kCommuniqueOnGaza,
                        &Meeting::date, "2023-10-18"}),
    [](const testing::TestParamInfo<MainMeetingCase>& info) { return std::string(info.param.name); });

TEST(Offsets, CountCodePointsNotBytes) {
  // "Éé — " is 5 code points but 8 bytes.
  const auto x = run("Éé — Türkiye et le Sénégal.");
  bool found = false;
  for (const auto& e : x.entities) {
    for (const auto& m : e.mentions) {
      if (m.text != "Türkiye") continue;
      found = true;
      EXPECT_EQ(m.start, 5u);
      EXPECT_EQ(m.end, 12u);
    }
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(keys(x, EntityType::State), (std::set<std::string>{"TUR", "SEN"}));
}

std::vector<std::pair<std::size_t, std::size_t>> sentenceSpans(const Extraction& x) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const auto& s : x.sentences) out.emplace_back(s.start, s.end);
  return out;
}

// Hard-wrapped lines (LF or CRLF) do not end a sentence; a blank line, a list item and a page
// break do. The same text with a character beyond U+FFFF in place of a plain letter (one code
// point either way) splits at the same offsets: the sentence breaker works in UTF-16, where
// that character takes two units.
TEST(Sentences, LineBreaksAndCharactersBeyondTheBasicPlane) {
  const std::string plain =
      "The X Group met in Jeddah\r\non 3 May 2019. It was\nchaired by Mali.\n\nA new one\n- Pakistan\fThe end";
  std::string astral = plain;
  astral.replace(astral.find('X'), 1, "\U0001D417");  // MATHEMATICAL BOLD CAPITAL X
  const std::vector<std::pair<std::size_t, std::size_t>> expected = {{0, 41}, {42, 65}, {67, 76}, {77, 87}, {88, 95}};
  EXPECT_EQ(sentenceSpans(run(plain)), expected);
  EXPECT_EQ(sentenceSpans(run(astral)), expected);
}

// Every mention's text is exactly its code-point slice, in every corpus document.
TEST(Offsets, MentionsAreExactSlicesOnTheCorpus) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(DIPLOGRAPH_CORPUS)) {
    const auto ext = entry.path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    const auto x = extractor().extract(readDocument(entry.path()));
    const auto cps = codePoints(x.text);
    for (const auto& e : x.entities) {
      for (const auto& m : e.mentions) {
        ASSERT_LE(m.end, cps.size()) << entry.path();
        const std::u32string slice = cps.substr(m.start, m.end - m.start);
        EXPECT_EQ(codePoints(m.text), slice) << entry.path() << " " << m.text;
      }
    }
    EXPECT_EQ(std::count_if(x.meetings.begin(), x.meetings.end(), [](const Meeting& m) { return m.role == MeetingRole::Main; }), 1)
        << entry.path();
  }
}

// A slice of the text is its UTF-8 bytes, whatever its length and wherever the characters beyond
// ASCII fall (one, two, three or four bytes each), in runs of ASCII of every length.
TEST(Offsets, SlicesAreTheTextsBytes) {
  std::string text;
  for (const char* other : {"\u00E9", "\u20AC", "\U0001D417", "\u00E7\u0103"}) {
    for (std::size_t ascii = 0; ascii < 19; ++ascii) text.append(ascii, static_cast<char>('a' + ascii)).append(other);
  }
  text.append(70, 'z');  // longer than the buffer toUtf8 writes through
  std::vector<std::size_t> byteAt;  // code point -> its first byte, and the end of the text
  for (std::size_t b = 0; b < text.size(); ++b) {
    if ((static_cast<unsigned char>(text[b]) & 0xC0) != 0x80) byteAt.push_back(b);
  }
  byteAt.push_back(text.size());
  const TextView view(text);
  ASSERT_EQ(view.text().size() + 1, byteAt.size());
  for (std::size_t start = 0; start < byteAt.size(); ++start) {
    for (std::size_t end = start; end < byteAt.size(); ++end)
      ASSERT_EQ(view.slice(start, end), text.substr(byteAt[start], byteAt[end] - byteAt[start])) << start << " " << end;
  }
}

// Same input, same JSON, byte for byte: a second extractor, fresh gazetteers, same answer.
TEST(Determinism, SameDocumentSameJson) {
  ExtractOptions options;
  options.dataDir = std::filesystem::path(DIPLOGRAPH_SOURCE_DIR) / "data";
  const Extractor another(options);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(DIPLOGRAPH_CORPUS)) {
    const auto ext = entry.path().extension();
    if (ext != ".txt" && ext != ".md") continue;
    const auto document = readDocument(entry.path());
    EXPECT_EQ(toJson(extractor().extract(document)).dump(), toJson(another.extract(document)).dump()) << entry.path();
  }
}

TEST(Seeds, ArmeniaAzerbaijanMainMeeting) {
  const auto x = extractor().extract(
      readDocument(std::filesystem::path(DIPLOGRAPH_CORPUS) / "seeds" / "oic_armenia_azerbaijan_contact_group_2016_fr.md"));
  EXPECT_EQ(x.document.language, "fr");
  EXPECT_EQ(keys(x, EntityType::State), (std::set<std::string>{"AZE", "ARM", "DJI", "GMB", "MYS", "MAR", "SAU", "TUR", "PAK"}));
  const auto& main = x.meetings.front();
  EXPECT_EQ(main.date.value_or(""), "2016-09-19");
  EXPECT_EQ(main.attendees.size(), 8u);
  EXPECT_EQ(main.cites.size(), 4u);
  EXPECT_TRUE(main.sidelinesOf.has_value());
}

TEST(Seeds, MaliNoReunionNoAlgeria) {
  const auto x = extractor().extract(readDocument(std::filesystem::path(DIPLOGRAPH_CORPUS) / "seeds" / "oic_mali_contact_group_2017_fr.md"));
  EXPECT_EQ(keys(x, EntityType::State), (std::set<std::string>{"MLI"}));
  EXPECT_EQ(x.document.symbol, "OIC/ACM-2017/MALI-REP");
  EXPECT_EQ(x.meetings.front().cites.size(), 2u);
}

}  // namespace
}  // namespace diplograph::extract
