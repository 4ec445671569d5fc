#pragma once
// One node per real-world thing across documents. IRIs minted from one document's text are
// mapped onto nodes the store (or an earlier document of the same ingest) already has:
//   - a person named by surname only ("Mammadyarov") joins the one known person with that surname,
//     and spellings of one full name join ("Youssef bin Ahmed Al-Othaimeen", "Yousef A. Al-Othaimeen");
//   - a resolution without a year ("UNSC 1265") joins the one known resolution with that issuer
//     and number and a year;
//   - a meeting without a place joins the one known meeting of the same body on the same date.
// Ambiguous cases stay separate. An analyst corrects the rest with an override file
// (data/identity.tsv): `same A B` merges node A into B, `distinct A B` stops A joining B.
#include <filesystem>
#include <set>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "diplograph/extract/extraction.h"
#include "diplograph/graph/store.h"

namespace diplograph::graph {

struct IdentityOverrides {
  std::map<std::string, std::string> same;                 // IRI -> IRI it is merged into
  std::set<std::pair<std::string, std::string>> distinct;  // automatic merges refused
};

// Reads `same|distinct <TAB> IRI <TAB> IRI` lines ('#' comments); a missing file is no override.
// Throws InputError on a malformed line, with its number.
IdentityOverrides loadIdentityOverrides(const std::filesystem::path& file);

// Returns the extractions with their IRIs mapped onto known nodes (see above).
std::vector<extract::Extraction> resolveIdentities(std::vector<extract::Extraction> extractions, const Store& store,
                                                   const IdentityOverrides& overrides);

}  // namespace diplograph::graph
