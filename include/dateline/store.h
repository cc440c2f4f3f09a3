// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The article store: analysed Documents kept in an SQLite database: each article's text once
/// and normalized tables (entities, people, quotes, times, events) to query them, from which
/// the exact JSON that `extract` printed is rebuilt. docs/STORE.md describes the schema and
/// the guarantees.
///
/// Identity: an article is its `content_hash`; storing a text that is already stored is a
/// no-op reported as a duplicate, so ingesting the same inputs twice stores them once.
/// Provenance: every row carries the id of the run that wrote it, and each run row carries
/// the engine version, the pipeline fingerprint and the schema version.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline {

/// How to open a store. One value, built by the CLI, the server and the tests alike.
struct StoreOptions {
  /// Database file, or ":memory:" for a private in-memory database (tests).
  std::string path = "dateline.db";
  /// Open without the right to write; the database must exist and be current.
  bool read_only = false;
  /// Create the file when it does not exist (ignored when read_only).
  bool create = true;
  /// How long to wait for another connection's write lock before failing (milliseconds).
  int busy_timeout_ms = 10000;
};

/// What one run (one `dateline ingest`) was made with, stored on its row.
struct RunInfo {
  std::string command;             ///< the command line, for the record
  std::string engine_version;      ///< dateline::kVersion
  std::string engine_fingerprint;  ///< Pipeline::fingerprint()
};

/// The outcome of writing one Document.
enum class PutOutcome {
  kStored,     ///< new rows were written
  kDuplicate,  ///< an article with the same content_hash was already stored; nothing written
};

/// Counts of rows, as `dateline stats` prints them.
struct StoreStats {
  int64_t articles = 0, entities = 0, mentions = 0, people = 0, titles = 0, quotes = 0, times = 0,
          events = 0, diagnostics = 0, runs = 0;
  int schema_version = 0;
};

/// One stored article as `show` and `export` need it.
struct StoredArticle {
  int64_t seq = 0;  ///< ingest order, 1-based
  std::string id;   ///< DocumentMeta::id
  std::string content_hash;
  std::string path, url, title, outlet, published;
  /// to_json(doc, JsonOptions{}) exactly as extract printed it, rebuilt from the tables
  std::string json;
  int64_t run = 0;   ///< the run that stored it
};

/// A pointer back into a stored article: its id and a half-open byte range of its text.
struct ArticleRef {
  std::string article_id;
  std::string content_hash;
  uint32_t begin = 0, end = 0;
};

/// A person known across articles (see `people`): merged conservatively, by the same full
/// name or by the surname plus a compatible title; `reason` says which.
struct PersonAppearance {
  std::string article_id;
  std::string published;  ///< the article's publication date (dates the titles)
  std::string outlet;
  std::string name;  ///< the entity's name in that article
  int64_t mentions = 0;
  std::vector<std::string> titles;  ///< titles the article gives, "title (organization)"
  std::string reason;               ///< why this entity was linked to the person
};

struct PersonRecord {
  int64_t id = 0;
  std::string name;  ///< canonical (fullest) name
  int64_t articles = 0, mentions = 0;
  std::vector<PersonAppearance> appearances;  ///< by publication date; filled by person()
};

/// Who `people` lists: a name (full name, surname or part of one; "" for everyone).
struct PeopleQuery {
  std::string name;
  int limit = 0;  ///< 0: no limit
};

struct EntityQuery {
  std::string type;  ///< "PERSON", "ORG", ...; "" for all
  std::string name;  ///< substring of the name, case-insensitive; "" for all
  int limit = 0;     ///< 0: no limit
};

/// Entities aggregated over articles by (name, type).
struct EntityRecord {
  std::string name, type, country, wikidata;
  int64_t articles = 0, mentions = 0;
  std::string first_published, last_published;
};

struct QuoteQuery {
  std::string speaker;  ///< matches the speaker's resolved name or text, case-insensitive
  std::string about;    ///< words that must all occur in the content (stemmed full-text)
  std::string since;    ///< ISO date: statements dated on or after it
  int limit = 0;
  /// false: one row per statement (its earliest matching report, with the count of all);
  /// true: every report of each statement.
  bool all_reports = false;
};

struct QuoteRecord {
  std::string date;     ///< statement date, else "" (publication date is in `published`)
  std::string speaker;  ///< resolved name, else the text, else the anonymous description
  std::string title;
  bool anonymous = false;
  std::string kind;  ///< "direct", "mixed", "indirect"
  std::string content;
  std::string cue;  ///< the cue as written ("said", "according to"), "" when none
  std::string outlet, published;
  ArticleRef ref;  ///< the content's byte range
  /// The statement this quotation reports (the same words from the same speaker in any
  /// article) and how many stored quotations report it; 0 and 1 for a store written before
  /// schema 5.
  int64_t statement = 0, reports = 1;
};

struct EventQuery {
  std::string actor;   ///< CAMEO actor code prefix ("USA" matches "USAGOV")
  std::string target;  ///< likewise for the target
  std::string type;    ///< PLOVER type ("ASSAULT") or CAMEO code prefix ("19")
  std::string from;    ///< ISO date: events dated on or after it
  std::string to;      ///< ISO date: events dated on or before it
  int limit = 0;
  /// false: one row per event (same actor, type, target and day), its earliest report;
  /// true: every report.
  bool all_reports = false;
};

struct EventRecord {
  std::string date;       ///< the event's date, "" when unknown
  std::string published;  ///< the article's publication date
  /// The first day the date (else the publication date) covers, "YYYY-MM-DD" ("2026-W10" ->
  /// "2026-03-02"), and how precise that date is: "day", "week", "weekend", "month",
  /// "quarter", "half", "season" or "year"; both "" when there is no calendar date.
  std::string day, precision;
  std::string actor_code, actor_text, target_code, target_text;
  std::string plover, plover_mode, cameo;
  double goldstein = 0;
  int quad_class = 0;
  bool negated = false;
  std::string modality, trigger;
  std::string place_name, place_country;
  double latitude = 0, longitude = 0;
  bool has_coordinates = false;
  std::string url;
  ArticleRef ref;  ///< the trigger's byte range
  /// The event this row reports (same actor, type, target and day in any article) and how
  /// many stored rows report it; 0 and 1 for a store written before schema 5.
  int64_t group = 0, reports = 1;
};

struct TimelineQuery {
  std::string from, to;  ///< ISO dates, inclusive; "" for open
  std::string entity;    ///< only records about this entity (name, case-insensitive)
  int limit = 0;
};

/// One dated record: a time expression, a quote or an event.
struct TimelineEntry {
  std::string date;     ///< the record's date as normalized ("2026-03", "2026-03-05")
  std::string day;      ///< first day it covers, the sort key ("2026-03-01")
  std::string kind;     ///< "time", "quote", "event"
  std::string summary;  ///< one line
  ArticleRef ref;
};

/// A connection to one store database.
///
/// Thread safety: a Store is one SQLite connection and is not synchronised; use it from one
/// thread at a time. Several Stores (threads or processes) may open the same file: WAL mode
/// lets readers proceed while one writer writes, and writers wait up to busy_timeout_ms.
/// Ownership: movable, not copyable; the connection closes when the Store is destroyed, and
/// an uncommitted batch is then rolled back.
///
/// Backends: SQLite is the only one. A second backend (PostgreSQL, for many writers) would
/// be a second Impl chosen by StoreOptions::path, behind this same class.
class Store {
 public:
  /// The schema version this code writes; databases with a newer one are refused.
  static int schema_version();

  /// Opens (and creates or migrates) the database.
  /// Errors: kDataLoss when the file is not an SQLite database, is corrupt, or has a newer
  /// schema than this code knows (the file is left untouched); kNotFound when it does not
  /// exist and may not be created; kDatabase for other SQLite failures.
  static Result<Store> open(const StoreOptions& options);

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  ~Store();

  // --- Writing ----------------------------------------------------------------------------

  /// Starts a run row (status "running") and returns its id.
  Result<int64_t> begin_run(const RunInfo& info);
  /// Closes a run: status "completed" or "failed", with the counts of the run's report.
  Status finish_run(int64_t run, std::string_view status, int64_t read, int64_t stored,
                    int64_t duplicates, int64_t failed);

  /// True when an article with this content hash is stored (callers skip the analysis).
  Result<bool> contains(std::string_view content_hash);

  /// Begins a batch: the puts until commit_batch() become visible together or not at all.
  /// Requires: no batch is open.
  Status begin_batch();
  /// Makes the batch durable.
  Status commit_batch();
  /// Discards the batch (also done by the destructor when a batch is open).
  Status rollback_batch();

  /// Stores one analysed Document: the article row with its exact JSON, its diagnostics,
  /// the normalized rows, and links of its PERSON entities to cross-article people.
  /// Works inside a batch or alone (then it is its own transaction). On error, none of this
  /// document's rows remain and the batch stays usable.
  Result<PutOutcome> put(const Document& doc, int64_t run);

  /// Records a problem with an input that produced no article (file and position in the
  /// message), so that the database keeps the full report of a run.
  Status add_input_diagnostic(int64_t run, std::string_view input, const Diagnostic& d);

  // --- Reading ----------------------------------------------------------------------------

  Result<StoreStats> stats();

  /// The article whose content hash or id is `key`. kNotFound when none; kInvalidArgument
  /// when several articles share that id (the message lists their hashes).
  Result<StoredArticle> find_article(std::string_view key);

  /// Calls `fn` for every article in ingest order; stops at the first non-ok Status it returns.
  Status for_each_article(const std::function<Status(const StoredArticle&)>& fn);

  /// Rebuilds the Document of a stored article from the normalized rows and the stored text.
  /// Ensures: to_json(result, JsonOptions{}) is what extract printed; paragraphs, sentences
  /// and token spans are restored, token syntax fields are not stored (head == kNoHead).
  Result<Document> load_document(const StoredArticle& article);

  /// Calls `fn` for every stored event in ingest order (for `export --format gdelt-tsv`).
  Status for_each_event(const std::function<Status(const EventRecord&)>& fn);

  Result<std::vector<PersonRecord>> people(std::string_view name);
  /// The person with all appearances, ordered by the articles' publication dates.
  Result<PersonRecord> person(int64_t id);
  Result<std::vector<EntityRecord>> entities(const EntityQuery& query);
  Result<std::vector<QuoteRecord>> quotes(const QuoteQuery& query);
  Result<std::vector<EventRecord>> events(const EventQuery& query);
  Result<std::vector<TimelineEntry>> timeline(const TimelineQuery& query);

  struct Impl;

 private:
  /// Fills article.json from load_document().
  Status rebuild_json(StoredArticle& article);
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dateline
