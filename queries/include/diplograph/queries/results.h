#pragma once
// Query results as text: an aligned table for people, CSV/TSV for spreadsheets, and the
// SPARQL 1.1 Query Results JSON and XML formats for programs. CONSTRUCT/DESCRIBE results are
// written as Turtle or N-Triples.
#include <string>

#include "diplograph/graph/rdf.h"

namespace diplograph::queries {

enum class ResultFormat { Table, Csv, Tsv, Json, Xml, Turtle, NTriples };

ResultFormat resultFormatFromName(const std::string& name);  // throws UsageError
std::string formatResult(const graph::QueryResult& result, ResultFormat format);

}  // namespace diplograph::queries
