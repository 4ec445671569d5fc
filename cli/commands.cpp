#include "commands.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include "arguments.h"
#include "progress.h"
#include "diplograph/export/analytics.h"
#include "diplograph/export/export.h"
#include "diplograph/extract/error.h"
#include "diplograph/extract/evaluation.h"
#include "diplograph/extract/extractor.h"
#include "diplograph/extract/json.h"
#include "diplograph/graph/identity.h"
#include "diplograph/graph/mapping.h"
#include "diplograph/graph/store.h"
#include "diplograph/graph/vocabulary.h"
#include "diplograph/queries/catalog.h"
#include "diplograph/queries/results.h"

namespace diplograph::cli {
namespace fs = std::filesystem;

const char* const kUsage = R"(diplograph — knowledge graphs of diplomatic meeting reports

  diplograph ingest  [--store S] [--allow-skipped] [--jobs N] [--max-document-mb N] PATH...
                     files or folders (.txt .md .html .pdf); documents over N MiB (default 16) are refused
  diplograph remove  [--store S] DOCUMENT                      a document's IRI, path or file name
  diplograph extract [--format json|ttl|nt] [--max-document-mb N] FILE   one document, no store
  diplograph query   [--store S] (QUERY | --file F.rq | --name NAME [--param k=v]...)
                     [--format table|csv|tsv|json|xml|ttl|nt] [--print-sparql] [--timeout SECONDS] [--limit ROWS]
  diplograph query   --list                                    the canned questions and their parameters
  diplograph export  [--store S] --format dot|svg|png|pdf|graphml|cytoscape|jsonld|ttl|nt|rdfxml
                     [--focus ENTITY [--depth N] | --construct F.rq] [--lang fr|en] [-o FILE]
                     --focus on a resolution without --depth draws its trace: the meetings
                     citing it by year, their attendees and what else they cited
  diplograph analyze [--store S] [--format table|json] [--top N]   most cited, most central, components
  diplograph analyze [--store S] --path A B [--format table|json]  shortest chain of facts, with evidence
  diplograph analyze [--store S] --network co-citation|co-attendance [--format dot|svg|graphml|cytoscape] [-o FILE]
  diplograph stats   [--store S]
  diplograph eval    [--format table|json] [--details] [--min-f1 X] PATH...
                     score extraction against NAME.gold.json files (files or folders)

Common flags: --store-kind lmdb|hashes|sqlite|memory (default lmdb).
Environment: DIPLOGRAPH_DATA_DIR (gazetteers), DIPLOGRAPH_QUERIES_DIR (canned queries),
DIPLOGRAPH_BASE_IRI (default https://diplograph.org/id/).
)";

namespace {

const std::set<std::string> kStoreFlags = {"--store", "--store-kind"};

std::string environment(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : fallback;
}

extract::ExtractOptions extractOptions() {
  extract::ExtractOptions options;
  options.dataDir = environment("DIPLOGRAPH_DATA_DIR", DIPLOGRAPH_DEFAULT_DATA_DIR);
  options.baseIri = environment("DIPLOGRAPH_BASE_IRI", "https://diplograph.org/id/");
  return options;
}

fs::path queriesDir() { return environment("DIPLOGRAPH_QUERIES_DIR", DIPLOGRAPH_DEFAULT_QUERIES_DIR); }

std::set<std::string> with(std::set<std::string> flags, std::initializer_list<std::string> more) {
  flags.insert(more);
  return flags;
}

graph::StoreOptions storeOptions(const Arguments& args) {
  graph::StoreOptions options;
  options.path = args.value("--store", "diplograph-store");
  options.kind = graph::storeKindFromName(args.value("--store-kind", "lmdb"));
  return options;
}

bool supported(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"};
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(), ::tolower);
  return kExtensions.count(extension) > 0;
}

// Writes `bytes` to `path` through a temporary file and a rename, so a failure never leaves a
// half-written file; "-" or no path means standard output.
void writeOutput(const std::string& bytes, const std::optional<std::string>& path) {
  if (!path || *path == "-") {
    std::cout << bytes;
    std::cout.flush();
    return;
  }
  const fs::path target(*path);
  const fs::path temporary = target.string() + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out) {
      std::error_code ignored;
      fs::remove(temporary, ignored);
      throw InputError("cannot write " + target.string());
    }
  }
  fs::rename(temporary, target);
}

std::string readQueryFile(const std::string& path) {
  // A folder opens like a file but fails on the first read.
  if (fs::is_directory(path)) throw InputError(path + ": a folder, not a query file");
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot read query file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void expectPositionals(const Arguments& args, std::size_t count, const std::string& what) {
  if (args.positionals().size() != count) throw UsageError("expected " + what);
}

}  // namespace

namespace {

// A document to ingest; one named on the command line must be good, one found in a folder may
// be skipped with its reason.
struct Input {
  fs::path path;
  bool named = false;
  std::string problem;  // set when the walk already knows it cannot be read (a folder it cannot list)
};

// Every supported file under `folder`. Real sub-folders are walked; a symbolic link to a folder
// is not followed, so a link loop cannot recurse forever. A file entry that cannot be read (no
// permission, a link loop, a dangling link, a pipe) is still listed: reading it reports why, and
// the ingest lists it as skipped instead of passing over it in silence.
void walk(const fs::path& folder, std::vector<Input>& out) {
  std::error_code error;
  fs::directory_iterator it(folder, error);
  if (error) {
    out.push_back({folder, false, folder.string() + ": cannot list this folder (" + error.message() + ")"});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) {
      out.push_back({folder, false, folder.string() + ": cannot list this folder (" + error.message() + ")"});
      return;
    }
    std::error_code ignored;
    const auto type = it->symlink_status(ignored).type();
    if (type == fs::file_type::directory) {
      walk(it->path(), out);
    } else if (supported(it->path())) {
      out.push_back({it->path(), false, ""});
    }
  }
}

std::vector<Input> inputs(const std::vector<std::string>& given) {
  std::vector<Input> out;
  for (const auto& name : given) {
    const fs::path path(name);
    std::error_code error;
    const auto status = fs::status(path, error);
    if (status.type() == fs::file_type::not_found) throw InputError(name + ": no such file or directory");
    if (!fs::is_directory(status)) {
      out.push_back({path, true, ""});  // reading it says what is wrong, if anything
      continue;
    }
    std::vector<Input> found;
    walk(path, found);
    std::sort(found.begin(), found.end(), [](const Input& a, const Input& b) { return a.path < b.path; });
    for (auto& input : found) out.push_back(std::move(input));
  }
  return out;
}

// --max-document-mb: the size limit per document, in MiB, up to the extractor's own.
extract::ReadOptions readOptions(const Arguments& args) {
  extract::ReadOptions options;
  if (const auto given = args.value("--max-document-mb")) {
    try {
      std::size_t used = 0;
      const long mib = std::stol(*given, &used);
      if (used == given->size() && mib >= 1 && static_cast<std::uintmax_t>(mib) <= extract::kLargestMaxDocumentBytes >> 20) {
        options.maxBytes = static_cast<std::uintmax_t>(mib) << 20;
        return options;
      }
    } catch (const std::exception&) {
    }
    throw UsageError("--max-document-mb takes a size in MiB, from 1 to " +
                     std::to_string(extract::kLargestMaxDocumentBytes >> 20));
  }
  return options;
}

// Extracts every input on `jobs` threads. Results keep the input order whatever thread finishes
// first, so the store and the report are the same as with one thread.
std::vector<std::variant<extract::Extraction, std::string>> extractAll(const extract::Extractor& extractor,
                                                                       const std::vector<Input>& inputs,
                                                                       const extract::ReadOptions& read, unsigned jobs,
                                                                       Progress& progress) {
  std::vector<std::variant<extract::Extraction, std::string>> results(inputs.size());
  std::atomic<std::size_t> next = 0;
  auto work = [&] {
    for (std::size_t i; (i = next++) < inputs.size();) {
      std::error_code ignored;
      const auto bytes = fs::file_size(inputs[i].path, ignored);
      if (!inputs[i].problem.empty()) {
        results[i] = inputs[i].problem;
        progress.advance(0);
        continue;
      }
      try {
        results[i] = extractor.extract(extract::readDocument(inputs[i].path, read));
      } catch (const InputError& bad) {
        results[i] = std::string(bad.what());
      } catch (const std::exception& bug) {
        // A fault of ours on one document must not take the worker thread (and the process) down
        // with it: the document is reported like unreadable input and the others go on.
        results[i] = inputs[i].path.string() + ": internal error while extracting (" + bug.what() + "); please report it";
      }
      progress.advance(ignored ? 0 : bytes);
    }
  };
  std::vector<std::jthread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, inputs.size()); ++t) threads.emplace_back(work);
  work();
  return results;
}

unsigned jobsFrom(const Arguments& args) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const auto given = args.value("--jobs");
  if (!given) return cores;
  try {
    const int jobs = std::stoi(*given);
    if (jobs >= 1) return static_cast<unsigned>(jobs);
  } catch (const std::exception&) {
  }
  throw UsageError("--jobs takes a number of threads, 1 or more");
}

}  // namespace

int ingestCommand(const Words& words) {
  const Arguments args(words, with(kStoreFlags, {"--jobs", "--max-document-mb"}), {"--allow-skipped", "--quiet"});
  if (args.positionals().empty()) throw UsageError("ingest needs at least one file or folder");
  const extract::Extractor extractor(extractOptions());
  const auto todo = inputs(args.positionals());
  std::uintmax_t bytes = 0;
  for (const auto& input : todo) {
    std::error_code ignored;
    const auto size = fs::file_size(input.path, ignored);
    if (!ignored) bytes += size;
  }
  std::vector<std::variant<extract::Extraction, std::string>> results;
  {
    Progress progress(todo.size(), bytes, !args.has("--quiet"));
    results = extractAll(extractor, todo, readOptions(args), jobsFrom(args), progress);
  }
  std::vector<extract::Extraction> extractions;
  std::vector<std::pair<std::string, std::string>> skipped;
  for (std::size_t i = 0; i < todo.size(); ++i) {
    if (auto* extraction = std::get_if<extract::Extraction>(&results[i])) {
      extractions.push_back(std::move(*extraction));
    } else if (todo[i].named) {
      throw InputError(std::get<std::string>(results[i]));  // one bad named file stops the ingest
    } else {
      skipped.emplace_back(todo[i].path.string(), std::get<std::string>(results[i]));
    }
  }
  auto store = graph::Store::openForReading(storeOptions(args));
  const auto overrides = graph::loadIdentityOverrides(extractOptions().dataDir / "identity.tsv");
  const auto report = store.ingest(graph::resolveIdentities(std::move(extractions), store, overrides));
  std::map<graph::IngestReport::Entry::Outcome, int> outcomes;
  for (const auto& entry : report.documents) ++outcomes[entry.outcome];
  using Outcome = graph::IngestReport::Entry::Outcome;
  if (!args.has("--quiet")) {
    std::cout << "ingested " << report.documents.size() << " document(s): " << outcomes[Outcome::Added] << " added, "
              << outcomes[Outcome::Replaced] << " replaced, " << outcomes[Outcome::Unchanged] << " unchanged; store has "
              << report.triplesAfter << " triples (was " << report.triplesBefore << ")\n";
  }
  // Each reason starts with the file's path already.
  for (const auto& [file, reason] : skipped)
    std::cerr << "skipped " << (reason.rfind(file, 0) == 0 ? reason : file + ": " + reason) << "\n";
  if (!skipped.empty() && !args.has("--allow-skipped")) return 1;
  return 0;
}

int removeCommand(const Words& words) {
  const Arguments args(words, kStoreFlags, {});
  expectPositionals(args, 1, "one document to remove");
  auto store = graph::Store::openForReading(storeOptions(args));
  const std::size_t removed = store.remove(args.positionals()[0]);
  std::cout << "removed " << args.positionals()[0] << ": " << removed << " triples; store has " << store.size()
            << " triples\n";
  return 0;
}

int extractCommand(const Words& words) {
  const Arguments args(words, {"--format", "--max-document-mb"}, {});
  expectPositionals(args, 1, "one FILE to extract");
  const std::string format = args.value("--format", "json");
  if (format != "json" && format != "ttl" && format != "nt")
    throw UsageError("unknown extract format '" + format + "' (expected json, ttl or nt)");
  const extract::Extractor extractor(extractOptions());
  const auto extraction = extractor.extract(extract::readDocument(args.positionals()[0], readOptions(args)));
  if (format == "json") {
    writeOutput(extract::toJson(extraction).dump(2) + "\n", std::nullopt);
  } else {
    writeOutput(graph::serializeTriples(graph::toTriples(extraction), format == "ttl" ? "turtle" : "ntriples"),
                std::nullopt);
  }
  return 0;
}

namespace {

// --timeout SECONDS and --limit ROWS of the query command.
graph::QueryLimits queryLimits(const Arguments& args) {
  graph::QueryLimits limits;
  if (const auto given = args.value("--timeout")) {
    double seconds = 0;
    std::size_t used = 0;
    try {
      seconds = std::stod(*given, &used);
    } catch (const std::exception&) {
    }
    if (used != given->size() || !(seconds > 0) || seconds > 1e6)
      throw UsageError("--timeout takes a number of seconds greater than 0");
    limits.timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000 + 0.5));
    if (limits.timeout->count() == 0) limits.timeout = std::chrono::milliseconds(1);
  }
  if (const auto given = args.value("--limit")) {
    std::size_t used = 0;
    long long rows = -1;
    try {
      rows = std::stoll(*given, &used);
    } catch (const std::exception&) {
    }
    if (used != given->size() || rows < 0) throw UsageError("--limit takes a number of rows, 0 or more");
    limits.maxRows = static_cast<std::size_t>(rows);
  }
  return limits;
}

// The hard stop behind --timeout. Store::query checks the clock between rows, but rasqal cannot
// be interrupted inside one step (a sort, an aggregate, a join before its first row). If the
// query is still running a moment after its deadline, this thread prints the same one-line
// message and ends the process with the query error code. That is safe: a query opens the store
// read-only and nothing has been written to the output yet.
class Watchdog {
 public:
  explicit Watchdog(std::chrono::milliseconds timeout)
      : thread_([this, timeout] {
          std::unique_lock lock(mutex_);
          const auto grace = std::chrono::milliseconds(500);  // lets the check between rows win
          if (done_.wait_for(lock, timeout + grace, [this] { return stopped_; })) return;
          char seconds[32];
          std::snprintf(seconds, sizeof seconds, "%g", static_cast<double>(timeout.count()) / 1000);
          const std::string message = std::string("diplograph: the query ran past its time limit of ") + seconds +
                                      " s and was stopped; nothing was printed\n";
          [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message.data(), message.size());
          ::_exit(QueryError("").exitCode());
        }) {}
  ~Watchdog() {
    {
      std::lock_guard lock(mutex_);
      stopped_ = true;
    }
    done_.notify_all();
  }
  Watchdog(const Watchdog&) = delete;
  Watchdog& operator=(const Watchdog&) = delete;

 private:
  std::mutex mutex_;
  std::condition_variable done_;
  bool stopped_ = false;
  std::jthread thread_;  // declared last: started after, and joined before, the members it uses
};

}  // namespace

int queryCommand(const Words& words) {
  const Arguments args(words, with(kStoreFlags, {"--file", "--name", "--param", "--format", "-o", "--timeout", "--limit"}),
                       {"--list", "--print-sparql"});
  const auto limits = queryLimits(args);
  const auto catalog = queries::loadCatalog(queriesDir());
  if (args.has("--list")) {
    for (const auto& query : catalog) {
      std::cout << query.name << "\n  " << query.question << "\n";
      for (const auto& p : query.parameters)
        std::cout << "  --param " << p.name << "=<" << p.kind << ">  " << p.description << "\n";
      if (!query.example.empty()) std::cout << "  e.g. " << query.example << "\n";
    }
    return 0;
  }
  const auto format = queries::resultFormatFromName(args.value("--format", "table"));
  const int sources = static_cast<int>(args.value("--file").has_value()) +
                      static_cast<int>(args.value("--name").has_value()) +
                      static_cast<int>(!args.positionals().empty());
  if (sources != 1 || args.positionals().size() > 1)
    throw UsageError("give exactly one of: a SPARQL query, --file F.rq, --name NAME");
  auto store = graph::Store::openForReading(storeOptions(args));
  std::string sparql;
  if (const auto name = args.value("--name")) {
    std::map<std::string, std::string> parameters;
    for (const auto& pair : args.values("--param")) {
      const auto equals = pair.find('=');
      if (equals == std::string::npos) throw UsageError("--param wants NAME=VALUE, not '" + pair + "'");
      parameters[pair.substr(0, equals)] = pair.substr(equals + 1);
    }
    sparql = queries::bindParameters(queries::findQuery(catalog, *name), parameters, store);
  } else if (const auto file = args.value("--file")) {
    sparql = readQueryFile(*file);
  } else {
    sparql = args.positionals()[0];
  }
  // The usual prefixes are declared, so queries can use dg:, schema:, skos: ... directly, unless
  // the query declares them itself.
  sparql = graph::vocab::sparqlPrefixesFor(sparql) + sparql;
  if (args.has("--print-sparql")) {
    writeOutput(sparql, args.value("-o"));  // what would run, parameters bound: for other engines
    return 0;
  }
  std::optional<Watchdog> watchdog;
  if (limits.timeout) watchdog.emplace(*limits.timeout);
  const auto result = store.query(sparql, limits);
  watchdog.reset();  // the query is done: nothing may end the process while the output is written
  writeOutput(queries::formatResult(result, format), args.value("-o"));
  if (result.truncated) {
    std::cerr << "diplograph: results truncated to the first " << *limits.maxRows << " "
              << (result.kind == graph::QueryResult::Kind::Graph ? "triple(s)" : "row(s)") << " (--limit)\n";
  }
  return 0;
}

int exportCommand(const Words& words) {
  const Arguments args(words,
                       with(kStoreFlags, {"--format", "--focus", "--depth", "--construct", "--lang", "-o", "--max-nodes"}), {});
  if (!args.positionals().empty()) throw UsageError("export takes no positional argument");
  const auto format = args.value("--format");
  if (!format) throw UsageError("export needs --format dot|svg|png|pdf|graphml|cytoscape|jsonld|ttl|nt|rdfxml");
  exporter::ExportOptions options;
  options.format = exporter::exportFormatFromName(*format);
  options.focus = args.value("--focus");
  options.language = args.value("--lang");
  if (const auto file = args.value("--construct")) options.construct = readQueryFile(*file);
  try {
    if (const auto depth = args.value("--depth")) options.depth = std::stoi(*depth);
    options.maxNodes = static_cast<std::size_t>(std::stoul(args.value("--max-nodes", "400")));
  } catch (const std::exception&) {
    throw UsageError("--depth and --max-nodes take a number");
  }
  if (options.depth.value_or(0) < 0) throw UsageError("--depth must be 0 or more");
  const bool binary = options.format == exporter::ExportFormat::Png || options.format == exporter::ExportFormat::Pdf;
  if (binary && !args.value("-o") && ::isatty(STDOUT_FILENO))
    throw UsageError("PNG and PDF are binary: give -o FILE");
  const auto store = graph::Store::openForReading(storeOptions(args));
  writeOutput(exporter::exportGraph(store, options), args.value("-o"));
  return 0;
}

namespace {

// The gold files named on the command line or found in the folders given, in a stable order.
std::vector<fs::path> goldFiles(const std::vector<std::string>& paths) {
  std::vector<fs::path> out;
  const auto isGold = [](const fs::path& p) { return p.string().ends_with(".gold.json"); };
  for (const auto& given : paths) {
    const fs::path path(given);
    std::error_code error;
    if (!fs::exists(path, error)) throw InputError(given + ": no such file or directory");
    if (!fs::is_directory(path)) {
      if (!isGold(path)) throw InputError(given + ": not a gold file (NAME.gold.json)");
      out.push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    for (const auto& entry : fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied)) {
      if (entry.is_regular_file() && isGold(entry.path())) found.push_back(entry.path());
    }
    if (found.empty()) throw InputError(given + ": no NAME.gold.json files in this folder");
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

nlohmann::json readGold(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path.string() + ": cannot read");
  nlohmann::json gold = nlohmann::json::parse(in, nullptr, false);
  if (gold.is_discarded() || !gold.is_object()) throw InputError(path.string() + ": not valid JSON");
  if (!gold.contains("document") || !gold["document"].is_string())
    throw InputError(path.string() + ": no \"document\" naming the annotated file");
  return gold;
}

}  // namespace

int evalCommand(const Words& words) {
  const Arguments args(words, {"--format", "--min-f1"}, {"--details"});
  if (args.positionals().empty()) throw UsageError("eval needs gold files or folders holding them");
  const std::string format = args.value("--format", "table");
  if (format != "table" && format != "json") throw UsageError("unknown eval format '" + format + "' (expected table or json)");
  double minimum = 0;
  try {
    minimum = std::stod(args.value("--min-f1", "0"));
  } catch (const std::exception&) {
    throw UsageError("--min-f1 takes a number between 0 and 1");
  }
  const extract::Extractor extractor(extractOptions());
  std::vector<extract::EvaluationReport> reports;
  for (const auto& path : goldFiles(args.positionals())) {
    const nlohmann::json gold = readGold(path);
    const fs::path document = path.parent_path() / gold["document"].get<std::string>();
    auto report = extract::evaluate(extractor.extract(extract::readDocument(document)), gold);
    report.document = document.string();
    reports.push_back(std::move(report));
  }
  if (format == "json") {
    writeOutput(extract::reportToJson(reports).dump(2) + "\n", std::nullopt);
  } else {
    writeOutput(extract::formatReport(reports, args.has("--details")), std::nullopt);
  }
  // --min-f1 turns the report into a check: a category below the bar fails the run.
  extract::EvaluationReport sum;
  for (const auto& report : reports) sum += report;
  std::vector<std::string> below;
  for (const auto& [name, score] : sum.categories) {
    if (score.f1() < minimum) below.push_back(name);
  }
  if (below.empty()) return 0;
  std::string list;
  for (const auto& name : below) list += (list.empty() ? "" : ", ") + name;
  std::cerr << "diplograph: F1 below " << minimum << " for " << list << "\n";
  return 1;
}

int analyzeCommand(const Words& words) {
  const Arguments args(words, with(kStoreFlags, {"--format", "--top", "--network", "-o"}), {"--path"});
  const auto store = graph::Store::openForReading(storeOptions(args));
  if (const auto network = args.value("--network")) {
    if (args.has("--path") || !args.positionals().empty()) throw UsageError("--network takes no other argument");
    const auto kind = exporter::networkFromName(*network);
    const auto format = exporter::exportFormatFromName(args.value("--format", "dot"));
    writeOutput(exporter::writeNetwork(exporter::buildNetwork(store, kind), format), args.value("-o"));
    return 0;
  }
  const auto format = exporter::reportFormatFromName(args.value("--format", "table"));
  if (args.has("--path")) {
    expectPositionals(args, 2, "two entities after --path, e.g. --path Mali \"UNSC 2374 (2017)\"");
    const auto path = exporter::explainPath(store, args.positionals()[0], args.positionals()[1]);
    writeOutput(exporter::formatPath(path, format), args.value("-o"));
    return 0;
  }
  if (!args.positionals().empty()) throw UsageError("analyze takes no positional argument (did you mean --path A B?)");
  std::size_t top = 10;
  try {
    top = static_cast<std::size_t>(std::stoul(args.value("--top", "10")));
  } catch (const std::exception&) {
    throw UsageError("--top takes a number");
  }
  writeOutput(exporter::formatSummary(exporter::summarize(store, top), format), args.value("-o"));
  return 0;
}

int statsCommand(const Words& words) {
  const Arguments args(words, kStoreFlags, {});
  if (!args.positionals().empty()) throw UsageError("stats takes no positional argument");
  const auto options = storeOptions(args);
  const auto store = graph::Store::openForReading(options);
  const auto catalog = queries::loadCatalog(queriesDir());
  auto run = [&](const std::string& name) {
    return store.query(graph::vocab::sparqlPrefixes() + queries::findQuery(catalog, name).sparql);
  };
  std::cout << "store " << options.path.string() << ": " << store.size() << " triples\n\nentities by type\n";
  std::cout << queries::formatResult(run("entity-counts"), queries::ResultFormat::Table);
  std::cout << "\nmost cited resolutions\n" << queries::formatResult(run("most-cited"), queries::ResultFormat::Table);
  return 0;
}

}  // namespace diplograph::cli
