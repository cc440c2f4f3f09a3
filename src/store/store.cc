// SPDX-License-Identifier: Apache-2.0
// The SQLite store: opening (with file checks and migrations), writing Documents, and
// reading them back.
//
// Each article is written as: one `articles` row holding the text (its only copy) and the
// token spans packed in a blob; then one row per record in the normalized tables, keyed by
// the record's index in the Document. load_document() inverts this, and `show`/`export`
// print to_json() of the rebuilt Document, byte-identical to what extract printed without
// re-running anything (the tests check it, which keeps the normalized tables complete). Every document is written under a SAVEPOINT, so one that fails leaves no
// rows behind and the rest of its batch goes on; a batch is one transaction, so a process
// killed mid-batch loses only that batch, which the next run redoes.
#include "dateline/store.h"

#include <unistd.h>

#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "dateline/json.h"
#include "store/day_range.h"
#include "store/people.h"
#include "store/schema.h"
#include "store/statements.h"
#include "store/store_impl.h"

namespace dateline {

using store::Db;
using store::Stmt;

namespace {

std::string now_utc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Token spans packed as varints: gap from the previous token's end, length, flags.
void put_varint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7f) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

bool get_varint(std::string_view in, size_t& pos, uint32_t& v) {
  v = 0;
  for (int shift = 0; shift < 35 && pos < in.size(); shift += 7) {
    const auto b = static_cast<unsigned char>(in[pos++]);
    v |= static_cast<uint32_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

std::string pack_tokens(const std::vector<Token>& tokens) {
  std::string out;
  out.reserve(tokens.size() * 3);
  uint32_t prev_end = 0;
  for (const Token& t : tokens) {
    // Tokens are in text order, so the gap is small; a token that starts before the previous
    // one ends (never made by our segmenter) has its begin stored absolutely, flag 4.
    const bool ordered = t.span.begin >= prev_end;
    put_varint(out, ordered ? t.span.begin - prev_end : t.span.begin);
    put_varint(out, t.span.end - t.span.begin);
    out += static_cast<char>((t.space_after ? 1 : 0) | (t.fused_with_next ? 2 : 0) |
                             (ordered ? 0 : 4));
    prev_end = t.span.end;
  }
  return out;
}

Result<std::vector<Token>> unpack_tokens(std::string_view in) {
  std::vector<Token> tokens;
  size_t pos = 0;
  uint32_t prev_end = 0;
  while (pos < in.size()) {
    uint32_t gap = 0, len = 0;
    if (!get_varint(in, pos, gap) || !get_varint(in, pos, len) || pos >= in.size()) {
      return Status(ErrorCode::kDataLoss, "token blob is truncated");
    }
    const auto flags = static_cast<unsigned char>(in[pos++]);
    Token t;
    t.span.begin = (flags & 4) ? gap : prev_end + gap;
    t.span.end = t.span.begin + len;
    t.space_after = flags & 1;
    t.fused_with_next = flags & 2;
    prev_end = t.span.end;
    tokens.push_back(std::move(t));
  }
  return tokens;
}

Status validate(const Document& doc) {
  const auto size = static_cast<uint32_t>(doc.text.size());
  auto bad = [&](const std::string& what) {
    return Status(ErrorCode::kBadInput, doc.meta.path + ": article " + doc.meta.id + ": " + what);
  };
  auto span_ok = [&](const Span& s) { return s.empty() || (s.begin <= size && s.end <= size); };
  if (doc.text.size() > UINT32_MAX) return bad("text longer than 4 GiB");
  for (const Entity& e : doc.entities) {
    for (int32_t m : e.mentions) {
      if (m < 0 || static_cast<size_t>(m) >= doc.mentions.size()) {
        return bad("entity '" + e.name + "' lists a mention that does not exist");
      }
    }
    for (const Title& t : e.titles) {
      if (!span_ok(t.span)) return bad("title span out of the text");
    }
  }
  for (const Mention& m : doc.mentions) {
    if (!span_ok(m.span)) return bad("mention span out of the text");
  }
  for (const TimeExpression& t : doc.times) {
    if (!span_ok(t.span)) return bad("time span out of the text");
  }
  for (const Quote& q : doc.quotes) {
    if (!span_ok(q.speaker.span) || !span_ok(q.cue) || !span_ok(q.addressee)) {
      return bad("quote span out of the text");
    }
    for (const Span& f : q.content) {
      if (!span_ok(f)) return bad("quote content span out of the text");
    }
  }
  for (const Event& e : doc.events) {
    if (!span_ok(e.actor.span) || !span_ok(e.target.span) || !span_ok(e.trigger) ||
        !span_ok(e.place.span)) {
      return bad("event span out of the text");
    }
  }
  for (const Token& t : doc.tokens) {
    if (!span_ok(t.span)) return bad("token span out of the text");
  }
  return ok_status();
}

// The text of a record given as a span or as a string: what to_json() shows.
std::string shown(const Document& doc, const Span& span, const std::string& text) {
  return text.empty() && !span.empty() ? std::string(doc.slice(span)) : text;
}

// The first line of a file, "" when it cannot be read.
std::string read_line(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

// Field 22 of /proc/PID/stat (start time in clock ticks since boot), or "" when the process
// does not exist. The command name (field 2) is in parentheses and may hold spaces.
std::string process_start_time(const std::string& pid) {
  const std::string stat = read_line("/proc/" + pid + "/stat");
  const size_t close = stat.rfind(')');
  if (close == std::string::npos) return "";
  std::istringstream fields(stat.substr(close + 1));
  std::string field;
  for (int i = 3; i <= 22 && fields >> field; ++i) {
    if (i == 22) return field;
  }
  return "";
}

// The process that runs an ingest, as "BOOT_ID PID START_TIME" (Linux /proc: the boot id
// and the process start time tell a live process from a later one that got the same pid);
// "unknown" elsewhere, and such runs are never marked interrupted.
std::string process_owner() {
  const std::string boot = read_line("/proc/sys/kernel/random/boot_id");
  const std::string pid = std::to_string(::getpid());
  const std::string start = process_start_time(pid);
  if (boot.empty() || start.empty()) return "unknown";
  return boot + " " + pid + " " + start;
}

// False when the process an owner string names has ended (or the machine rebooted since);
// true when it may still be running, or when that cannot be told.
bool owner_alive(const std::string& owner) {
  if (owner == "unknown") return true;
  std::istringstream in(owner);
  std::string boot, pid, start;
  if (!(in >> boot >> pid >> start)) return false;  // a run written before owners existed
  if (boot != read_line("/proc/sys/kernel/random/boot_id")) return false;
  return process_start_time(pid) == start;
}

// The transaction-scoped advisory lock that stands for SQLite's write lock (begin_batch).
constexpr const char* kPostgresWriteLock = "SELECT pg_advisory_xact_lock(7301020)";

// Runs left 'running' by a process that has ended (killed, crashed, or failed to write its
// last update) are marked 'interrupted'.
Status mark_interrupted_runs(const Db& db) {
  DL_ASSIGN_OR_RETURN(
      Stmt running,
      db.prepare("SELECT id, coalesce(owner, '') FROM runs WHERE status = 'running'"));
  std::vector<int64_t> ended;
  for (;;) {
    DL_ASSIGN_OR_RETURN(bool more, running.step());
    if (!more) break;
    if (!owner_alive(running.text(1))) ended.push_back(running.int64(0));
  }
  if (ended.empty()) return ok_status();
  DL_ASSIGN_OR_RETURN(Stmt mark, db.prepare("UPDATE runs SET status = 'interrupted', finished = ?1 "
                                            "WHERE id = ?2 AND status = 'running'"));
  for (int64_t id : ended) {
    mark.bind(1, now_utc()).bind(2, id);
    DL_RETURN_IF_ERROR(mark.run());
  }
  return ok_status();
}

// A URI naming `path` for sqlite3_open_v2(SQLITE_OPEN_URI), with `query` ("mode=ro").
std::string file_uri(const std::string& path, const char* query) {
  std::string uri = "file:";
  for (char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      uri += c;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", u);
      uri += hex;
    }
  }
  return uri + "?" + query;
}

Status check_header(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return ok_status();
  if (std::filesystem::is_directory(path, ec)) {
    return Status(ErrorCode::kInvalidArgument, path + ": is a directory, not a database file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status(ErrorCode::kIo, path + ": cannot read");
  char header[16] = {};
  in.read(header, sizeof header);
  const auto n = in.gcount();
  if (n == 0) return ok_status();                    // an empty file is an empty database
  // "SQLite format 3": 15 characters and the NUL.
  if (n < 16 || std::memcmp(header, "SQLite format 3", 16) != 0) {
    return Status(ErrorCode::kDataLoss,
                  path + ": not an SQLite database (the file was left untouched)");
  }
  return ok_status();
}

}  // namespace

int Store::schema_version() { return store::latest_schema_version(); }

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() {
  if (impl_ && impl_->in_batch) (void)impl_->db.exec("ROLLBACK");
}

Result<Store> Store::open(const StoreOptions& options) {
  const std::string& path = options.path;
  const bool memory = path == ":memory:";
  if (path.empty()) return Status(ErrorCode::kInvalidArgument, "no database path given");
  if (store::is_postgres_url(path)) {
    // The database must exist (createdb); the first open for writing makes the tables. A
    // read-only open makes every transaction read-only.
    auto impl = std::make_unique<Impl>();
    impl->path = store::printable_url(path);
    impl->read_only = options.read_only;
    DL_ASSIGN_OR_RETURN(std::unique_ptr<store::PgConnection> conn,
                        store::PgConnection::connect(path));
    impl->db = Db(std::move(conn));
    if (options.read_only) {
      DL_RETURN_IF_ERROR(impl->db.exec("SET default_transaction_read_only = on"));
    }
    DL_RETURN_IF_ERROR(store::migrate(impl->db, impl->path, options.read_only));
    if (!options.read_only) {
      if (Status s = mark_interrupted_runs(impl->db); !s.ok()) {
        return Status(s.code(), impl->path + ": " + s.message());
      }
    }
    return Store(std::move(impl));
  }
  if (!memory) {
    std::error_code ec;
    if ((options.read_only || !options.create) && !std::filesystem::exists(path, ec)) {
      return Status(ErrorCode::kNotFound, path + ": no such database (run dateline ingest first)");
    }
    DL_RETURN_IF_ERROR(check_header(path));
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->read_only = options.read_only;
  // Read-only opens are mode=ro: nothing can be written, not even the journal mode. A
  // database in WAL mode needs its -shm file to be read; where that cannot be created (a
  // read-only folder) and there is no -wal file holding commits, the file alone is the whole
  // database and is opened immutable=1.
  auto open_db = [&](const char* read_mode) -> Result<int64_t> {
    sqlite3* raw = nullptr;
    const int rc = options.read_only
                       ? sqlite3_open_v2(memory ? ":memory:" : file_uri(path, read_mode).c_str(),
                                         &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr)
                       : sqlite3_open_v2(path.c_str(), &raw,
                                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    impl->db = Db(raw);
    if (rc != SQLITE_OK) {
      return Status(store::error_code_for(rc), path + ": cannot open database: " +
                                                   (raw ? sqlite3_errmsg(raw) : "out of memory"));
    }
    sqlite3_busy_timeout(raw, options.busy_timeout_ms);
    // The first read tells a corrupt or foreign file apart before anything is written.
    return impl->db.query_int("PRAGMA user_version");
  };
  Result<int64_t> version = open_db("mode=ro");
  if (!version.ok() && options.read_only && !memory &&
      (version.status().code() == ErrorCode::kNotFound ||
       version.status().code() == ErrorCode::kIo)) {
    std::error_code ec;
    const auto wal = std::filesystem::file_size(path + "-wal", ec);
    if (ec || wal == 0) version = open_db("immutable=1");
  }
  if (!version.ok()) {
    const Status& s = version.status();
    return Status(s.code(), path + ": " +
                                (s.code() == ErrorCode::kDataLoss
                                     ? "not an SQLite database or corrupt (left untouched): "
                                     : "cannot read database: ") +
                                s.message());
  }
  if (!memory && !options.read_only) {
    // WAL: readers never block the writer and a crash cannot corrupt the file. With
    // synchronous=NORMAL a power loss may drop the last committed batches, never tear one.
    Status s = impl->db.exec("PRAGMA journal_mode = WAL");
    if (!s.ok()) return Status(s.code(), path + ": " + s.message());
    DL_RETURN_IF_ERROR(impl->db.exec("PRAGMA synchronous = NORMAL"));
  }
  DL_RETURN_IF_ERROR(impl->db.exec("PRAGMA foreign_keys = ON"));
  DL_RETURN_IF_ERROR(store::migrate(impl->db, path, options.read_only));
  if (!options.read_only) {
    if (Status s = mark_interrupted_runs(impl->db); !s.ok()) {
      return Status(s.code(), path + ": " + s.message());
    }
  }
  return Store(std::move(impl));
}

Result<int64_t> Store::begin_run(const RunInfo& info) {
  DL_ASSIGN_OR_RETURN(
      Stmt stmt,
      impl_->db.prepare("INSERT INTO runs (started, engine_version, fingerprint, schema_version, "
                        "command, status, owner) VALUES (?1, ?2, ?3, ?4, ?5, 'running', ?6)"));
  stmt.bind(1, now_utc()).bind(2, info.engine_version).bind(3, info.engine_fingerprint);
  stmt.bind(4, schema_version()).bind(5, info.command).bind(6, process_owner());
  DL_RETURN_IF_ERROR(stmt.run());
  return impl_->db.last_insert_rowid();
}

Status Store::finish_run(int64_t run, std::string_view status, int64_t read, int64_t stored,
                         int64_t duplicates, int64_t failed) {
  DL_ASSIGN_OR_RETURN(
      Stmt stmt,
      impl_->db.prepare("UPDATE runs SET finished = ?1, status = ?2, articles_read = ?3, "
                        "stored = ?4, duplicates = ?5, failed = ?6 WHERE id = ?7"));
  stmt.bind(1, now_utc()).bind(2, status).bind(3, read).bind(4, stored);
  stmt.bind(5, duplicates).bind(6, failed).bind(7, run);
  return stmt.run();
}

Result<bool> Store::contains(std::string_view content_hash) {
  DL_RETURN_IF_ERROR(impl_->prepare_writers());
  Stmt& q = impl_->has_hash;
  q.bind(1, content_hash);
  Result<bool> row = q.step();
  q.reset();
  return row;
}

Status Store::begin_batch() {
  if (impl_->in_batch) return Status(ErrorCode::kInternal, "begin_batch: a batch is open");
  // IMMEDIATE takes the write lock now, so a concurrent writer waits (busy timeout) here
  // rather than failing halfway through the batch. PostgreSQL has no database write lock:
  // a transaction-scoped advisory lock stands for it, so batches of concurrent writers
  // commit one after another, each seeing what the others stored (its duplicate checks and
  // the people, statements and event groups it links to).
  DL_RETURN_IF_ERROR(impl_->db.exec("BEGIN IMMEDIATE"));
  if (impl_->db.backend() == store::Backend::kPostgres) {
    Status locked = impl_->db.exec(kPostgresWriteLock);
    if (!locked.ok()) {
      (void)impl_->db.exec("ROLLBACK");
      return locked;
    }
  }
  impl_->in_batch = true;
  return ok_status();
}

Status Store::commit_batch() {
  if (!impl_->in_batch) return Status(ErrorCode::kInternal, "commit_batch: no batch is open");
  Status s = impl_->db.exec("COMMIT");
  if (!s.ok()) {
    (void)impl_->db.exec("ROLLBACK");
  }
  impl_->in_batch = false;
  return s;
}

Status Store::rollback_batch() {
  if (!impl_->in_batch) return ok_status();
  impl_->in_batch = false;
  return impl_->db.exec("ROLLBACK");
}

Result<PutOutcome> Store::put(const Document& doc, int64_t run) {
  DL_RETURN_IF_ERROR(validate(doc));
  if (!impl_->in_batch && impl_->db.backend() == store::Backend::kPostgres) {
    // SQLite's SAVEPOINT opens a transaction of its own; PostgreSQL's needs one open.
    DL_RETURN_IF_ERROR(begin_batch());
    Result<PutOutcome> put_alone = put(doc, run);
    if (!put_alone.ok()) {
      (void)rollback_batch();
      return put_alone;
    }
    DL_RETURN_IF_ERROR(commit_batch());
    return put_alone;
  }
  DL_ASSIGN_OR_RETURN(bool stored, contains(doc.content_hash));
  if (stored) return PutOutcome::kDuplicate;
  DL_RETURN_IF_ERROR(impl_->db.exec("SAVEPOINT put_document"));
  Status s = impl_->put_rows(doc, run);
  if (!s.ok()) {
    (void)impl_->db.exec("ROLLBACK TO put_document");
    (void)impl_->db.exec("RELEASE put_document");
    return Status(s.code(), doc.meta.path + ": article " + doc.meta.id + ": " + s.message());
  }
  DL_RETURN_IF_ERROR(impl_->db.exec("RELEASE put_document"));
  return PutOutcome::kStored;
}

Status Store::add_input_diagnostic(int64_t run, std::string_view input, const Diagnostic& d) {
  DL_RETURN_IF_ERROR(impl_->prepare_writers());
  Stmt& q = impl_->insert_diagnostic;
  q.bind_null(1).bind_null(2).bind(3, input).bind(4, d.code).bind(5, d.message);
  if (d.byte >= 0) q.bind(6, d.byte);
  q.bind(7, run);
  return q.run();
}

Status Store::Impl::prepare_writers() {
  if (writers_ready) return ok_status();
  struct {
    Stmt* stmt;
    const char* sql;
  } const statements[] = {
      {&has_hash, "SELECT 1 FROM articles WHERE content_hash = ?1"},
      {&insert_article,
       "INSERT INTO articles (content_hash, id, path, url, title, outlet, published, dateline, "
       "byline, language, provenance, engine_version, engine_fingerprint, text, tokens, run, "
       "modified, crawled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
       "?15, ?16, ?17, ?18)"},
      {&insert_diagnostic,
       "INSERT INTO diagnostics (article, idx, input, code, message, byte, run) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
      {&insert_paragraph,
       "INSERT INTO paragraphs (article, idx, start, end, boilerplate, run) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)"},
      {&insert_sentence,
       "INSERT INTO sentences (article, idx, start, end, paragraph, token_begin, token_end, "
       "boilerplate, run) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&insert_entity,
       "INSERT INTO entities (article, idx, name, type, country, wikidata, latitude, longitude, "
       "has_coordinates, mentions, why, person, person_reason, run) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
      {&insert_mention,
       "INSERT INTO mentions (article, idx, entity, start, end, sentence, kind, why, run) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
      {&insert_title,
       "INSERT INTO titles (article, entity, idx, title, start, end, organization, country, "
       "why, published, run) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
      {&insert_time,
       "INSERT INTO times (article, idx, start, end, type, value, anchor, resolved, sentence, "
       "why, day_lo, day_hi, run, mod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
       "?12, ?13, ?14)"},
      {&insert_quote,
       "INSERT INTO quotes (article, idx, kind, mode, speaker_name, speaker_text, "
       "speaker_start, speaker_end, speaker_title, speaker_entity, anonymous, description, "
       "cue_start, cue_end, content, addressee_start, addressee_end, date, date_source, time, "
       "sentence, why, day_lo, day_hi, run) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
       "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)"},
      {&insert_fragment,
       "INSERT INTO quote_fragments (quote, idx, start, end, run) VALUES (?1, ?2, ?3, ?4, ?5)"},
      {&insert_quote_fts, "INSERT INTO quotes_fts (rowid, content) VALUES (?1, ?2)"},
      {&insert_event,
       "INSERT INTO events (article, idx, actor_code, actor_text, actor_start, actor_end, "
       "actor_entity, target_code, target_text, target_start, target_end, target_entity, "
       "trigger_start, trigger_end, trigger_text, plover, plover_mode, cameo, goldstein, "
       "quad_class, negated, modality, date, date_source, time, place_name, place_country, "
       "place_start, place_end, place_latitude, place_longitude, place_has_coordinates, "
       "sentence, why, day_lo, day_hi, run) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
       "?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, "
       "?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37)"},
      {&insert_person,
       "INSERT INTO people (name, name_key, surname_key, run) VALUES (?1, ?2, ?3, ?4)"},
      {&people_by_key, "SELECT id, name_key FROM people WHERE name_key = ?1 OR surname_key = ?2"},
      {&roles_of_person,
       "SELECT t.title, t.organization, t.country FROM entities e JOIN titles t "
       "ON t.article = e.article AND t.entity = e.idx WHERE e.person = ?1"},
      {&upgrade_person,
       "UPDATE people SET name = ?1, name_key = ?2, surname_key = ?3 WHERE id = ?4"},
  };
  for (const auto& s : statements) {
    DL_ASSIGN_OR_RETURN(*s.stmt, db.prepare(s.sql));
  }
  writers_ready = true;
  return ok_status();
}

Status Store::Impl::link_people(const Document& doc, int64_t article, int64_t run,
                                std::vector<std::pair<int64_t, std::string>>& links) {
  (void)article;
  links.assign(doc.entities.size(), {0, ""});
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    if (e.type != EntityType::kPerson) continue;
    const std::string key = store::name_key(e.name);
    if (key.empty()) continue;
    const std::string surname = store::surname_of(key);
    std::vector<store::RoleKey> roles;
    for (const Title& t : e.titles) roles.push_back({t.text, t.organization, t.country});
    std::vector<store::PersonCandidate> candidates;
    people_by_key.bind(1, key).bind(2, surname);
    for (;;) {
      DL_ASSIGN_OR_RETURN(bool row, people_by_key.step());
      if (!row) break;
      candidates.push_back({people_by_key.int64(0), people_by_key.text(1), {}});
    }
    people_by_key.reset();
    for (store::PersonCandidate& c : candidates) {
      roles_of_person.bind(1, c.id);
      for (;;) {
        DL_ASSIGN_OR_RETURN(bool row, roles_of_person.step());
        if (!row) break;
        c.roles.push_back(
            {roles_of_person.text(0), roles_of_person.text(1), roles_of_person.text(2)});
      }
      roles_of_person.reset();
    }
    store::PersonDecision d = store::decide_person(e.name, roles, candidates);
    if (d.person == 0) {
      insert_person.bind(1, e.name).bind(2, key).bind(3, surname).bind(4, run);
      DL_RETURN_IF_ERROR(insert_person.run());
      d.person = db.last_insert_rowid();
    } else if (d.upgrade_name) {
      upgrade_person.bind(1, e.name).bind(2, key).bind(3, surname).bind(4, d.person);
      DL_RETURN_IF_ERROR(upgrade_person.run());
    }
    links[i] = {d.person, d.reason};
  }
  return ok_status();
}

Status Store::Impl::put_rows(const Document& doc, int64_t run) {
  const DocumentMeta& m = doc.meta;
  nlohmann::json provenance = nlohmann::json::array();
  for (const auto& [field, source] : m.provenance) provenance.push_back({field, source});
  Stmt& a = insert_article;
  a.bind(1, doc.content_hash).bind(2, m.id).bind(3, m.path).bind_opt(4, m.url);
  a.bind_opt(5, m.title).bind_opt(6, m.outlet).bind_opt(7, m.published);
  a.bind_opt(8, m.dateline).bind_opt(9, m.byline).bind(10, m.language);
  a.bind(11, provenance.dump()).bind(12, doc.engine_version).bind(13, doc.engine_fingerprint);
  a.bind(14, doc.text).bind_blob(15, pack_tokens(doc.tokens)).bind(16, run);
  a.bind_opt(17, m.modified).bind_opt(18, m.crawled);
  DL_RETURN_IF_ERROR(a.run());
  const int64_t seq = db.last_insert_rowid();

  for (size_t i = 0; i < doc.diagnostics.size(); ++i) {
    const Diagnostic& d = doc.diagnostics[i];
    Stmt& q = insert_diagnostic;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, m.path).bind(4, d.code);
    q.bind(5, d.message);
    if (d.byte >= 0) q.bind(6, d.byte);
    q.bind(7, run);
    DL_RETURN_IF_ERROR(q.run());
  }
  for (size_t i = 0; i < doc.paragraphs.size(); ++i) {
    const Paragraph& p = doc.paragraphs[i];
    Stmt& q = insert_paragraph;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, p.span.begin).bind(4, p.span.end);
    q.bind(5, p.boilerplate).bind(6, run);
    DL_RETURN_IF_ERROR(q.run());
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    Stmt& q = insert_sentence;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, s.span.begin).bind(4, s.span.end);
    q.bind(5, s.paragraph).bind(6, s.token_begin).bind(7, s.token_end).bind(8, s.boilerplate);
    q.bind(9, run);
    DL_RETURN_IF_ERROR(q.run());
  }

  std::vector<std::pair<int64_t, std::string>> people;
  DL_RETURN_IF_ERROR(link_people(doc, seq, run, people));
  for (size_t i = 0; i < doc.entities.size(); ++i) {
    const Entity& e = doc.entities[i];
    std::string mentions;
    for (int32_t mi : e.mentions) {
      if (!mentions.empty()) mentions += ',';
      mentions += std::to_string(mi);
    }
    Stmt& q = insert_entity;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, e.name).bind(4, to_string(e.type));
    q.bind_opt(5, e.country).bind_opt(6, e.wikidata).bind(7, e.latitude).bind(8, e.longitude);
    q.bind(9, e.has_coordinates).bind(10, mentions).bind(11, e.why);
    if (people[i].first != 0) q.bind(12, people[i].first).bind(13, people[i].second);
    q.bind(14, run);
    DL_RETURN_IF_ERROR(q.run());
    for (size_t t = 0; t < e.titles.size(); ++t) {
      const Title& title = e.titles[t];
      Stmt& tq = insert_title;
      tq.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, static_cast<int64_t>(t));
      tq.bind(4, title.text).bind(5, title.span.begin).bind(6, title.span.end);
      tq.bind_opt(7, title.organization).bind_opt(8, title.country).bind(9, title.why);
      tq.bind_opt(10, m.published).bind(11, run);
      DL_RETURN_IF_ERROR(tq.run());
    }
  }
  for (size_t i = 0; i < doc.mentions.size(); ++i) {
    const Mention& mn = doc.mentions[i];
    Stmt& q = insert_mention;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, static_cast<int64_t>(mn.entity));
    q.bind(4, mn.span.begin).bind(5, mn.span.end).bind(6, mn.sentence);
    q.bind(7, to_string(mn.kind)).bind(8, mn.why).bind(9, run);
    DL_RETURN_IF_ERROR(q.run());
  }
  for (size_t i = 0; i < doc.times.size(); ++i) {
    const TimeExpression& t = doc.times[i];
    const store::DayRange days = store::day_range(t.value);
    Stmt& q = insert_time;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, t.span.begin).bind(4, t.span.end);
    q.bind(5, to_string(t.type)).bind_opt(6, t.value).bind_opt(7, t.anchor).bind(8, t.resolved);
    q.bind(9, t.sentence).bind(10, t.why).bind_opt(11, days.lo).bind_opt(12, days.hi);
    q.bind(13, run).bind_opt(14, t.mod);
    DL_RETURN_IF_ERROR(q.run());
  }
  for (size_t i = 0; i < doc.quotes.size(); ++i) {
    const Quote& qt = doc.quotes[i];
    const Speaker& s = qt.speaker;
    std::string content;
    for (const Span& f : qt.content) {
      if (!content.empty()) content += ' ';
      content += doc.slice(f);
    }
    const store::DayRange days = store::day_range(qt.date);
    Stmt& q = insert_quote;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i)).bind(3, to_string(qt.kind));
    q.bind(4, to_string(qt.mode)).bind_opt(5, s.name).bind_opt(6, shown(doc, s.span, s.text));
    q.bind(7, s.span.begin).bind(8, s.span.end).bind_opt(9, s.title);
    q.bind(10, static_cast<int64_t>(s.entity)).bind(11, s.anonymous).bind_opt(12, s.description);
    q.bind(13, qt.cue.begin).bind(14, qt.cue.end).bind(15, content);
    q.bind(16, qt.addressee.begin).bind(17, qt.addressee.end).bind_opt(18, qt.date);
    q.bind(19, to_string(qt.date_source)).bind(20, static_cast<int64_t>(qt.time));
    q.bind(21, qt.sentence).bind(22, qt.why).bind_opt(23, days.lo).bind_opt(24, days.hi);
    q.bind(25, run);
    DL_RETURN_IF_ERROR(q.run());
    const int64_t quote_id = db.last_insert_rowid();
    for (size_t f = 0; f < qt.content.size(); ++f) {
      Stmt& fq = insert_fragment;
      fq.bind(1, quote_id).bind(2, static_cast<int64_t>(f)).bind(3, qt.content[f].begin);
      fq.bind(4, qt.content[f].end).bind(5, run);
      DL_RETURN_IF_ERROR(fq.run());
    }
    insert_quote_fts.bind(1, quote_id).bind(2, content);
    DL_RETURN_IF_ERROR(insert_quote_fts.run());
  }
  for (size_t i = 0; i < doc.events.size(); ++i) {
    const Event& e = doc.events[i];
    const store::DayRange days = store::day_range(e.date);
    Stmt& q = insert_event;
    q.bind(1, seq).bind(2, static_cast<int64_t>(i));
    q.bind_opt(3, e.actor.code).bind_opt(4, shown(doc, e.actor.span, e.actor.text));
    q.bind(5, e.actor.span.begin).bind(6, e.actor.span.end);
    q.bind(7, static_cast<int64_t>(e.actor.entity));
    q.bind_opt(8, e.target.code).bind_opt(9, shown(doc, e.target.span, e.target.text));
    q.bind(10, e.target.span.begin).bind(11, e.target.span.end);
    q.bind(12, static_cast<int64_t>(e.target.entity));
    q.bind(13, e.trigger.begin).bind(14, e.trigger.end);
    q.bind_opt(15, shown(doc, e.trigger, e.trigger_text));
    q.bind(16, e.plover).bind_opt(17, e.plover_mode).bind(18, e.cameo).bind(19, e.goldstein);
    q.bind(20, e.quad_class).bind(21, e.negated).bind_opt(22, e.modality).bind_opt(23, e.date);
    q.bind(24, to_string(e.date_source)).bind(25, static_cast<int64_t>(e.time));
    q.bind_opt(26, e.place.name).bind_opt(27, e.place.country);
    q.bind(28, e.place.span.begin).bind(29, e.place.span.end).bind(30, e.place.latitude);
    q.bind(31, e.place.longitude).bind(32, e.place.has_coordinates).bind(33, e.sentence);
    q.bind(34, e.why).bind_opt(35, days.lo).bind_opt(36, days.hi).bind(37, run);
    DL_RETURN_IF_ERROR(q.run());
  }
  return store::group_reports(db, seq, run);
}

// ---- Reading back --------------------------------------------------------------------------

namespace {

constexpr const char* kArticleColumns =
    "SELECT seq, id, content_hash, path, url, title, outlet, published, run FROM articles ";

StoredArticle article_from(const Stmt& q) {
  StoredArticle a;
  a.seq = q.int64(0);
  a.id = q.text(1);
  a.content_hash = q.text(2);
  a.path = q.text(3);
  a.url = q.text(4);
  a.title = q.text(5);
  a.outlet = q.text(6);
  a.published = q.text(7);
  a.run = q.int64(8);
  return a;
}

template <typename E>
E enum_from(std::string_view name, std::initializer_list<E> values) {
  for (E v : values) {
    if (name == to_string(v)) return v;
  }
  return *values.begin();
}

Span span_at(const Stmt& q, int col) {
  return {static_cast<uint32_t>(q.int64(col)), static_cast<uint32_t>(q.int64(col + 1))};
}

uint32_t u32(const Stmt& q, int col) { return static_cast<uint32_t>(q.int64(col)); }
int32_t i32(const Stmt& q, int col) { return static_cast<int32_t>(q.int64(col)); }

// Runs `sql` with ?1 = the article and calls `row` for each result row.
template <typename F>
Status each_row(const Db& db, const char* sql, int64_t article, F&& row) {
  DL_ASSIGN_OR_RETURN(Stmt q, db.prepare(sql));
  q.bind(1, article);
  for (;;) {
    DL_ASSIGN_OR_RETURN(bool more, q.step());
    if (!more) return ok_status();
    DL_RETURN_IF_ERROR(row(q));
  }
}

}  // namespace

Result<StoredArticle> Store::find_article(std::string_view key) {
  DL_ASSIGN_OR_RETURN(Stmt by_hash,
                      impl_->db.prepare(std::string(kArticleColumns) + "WHERE content_hash = ?1"));
  by_hash.bind(1, key);
  DL_ASSIGN_OR_RETURN(bool found, by_hash.step());
  if (found) {
    StoredArticle a = article_from(by_hash);
    DL_RETURN_IF_ERROR(rebuild_json(a));
    return a;
  }
  DL_ASSIGN_OR_RETURN(
      Stmt by_id, impl_->db.prepare(std::string(kArticleColumns) + "WHERE id = ?1 ORDER BY seq"));
  by_id.bind(1, key);
  std::vector<StoredArticle> hits;
  for (;;) {
    DL_ASSIGN_OR_RETURN(bool more, by_id.step());
    if (!more) break;
    hits.push_back(article_from(by_id));
  }
  if (hits.empty()) {
    return Status(ErrorCode::kNotFound, "no article with id or content hash '" + std::string(key) +
                                            "' in " + impl_->path);
  }
  if (hits.size() > 1) {
    std::string hashes;
    for (const auto& h : hits) hashes += " " + h.content_hash + " (" + h.path + ")";
    return Status(ErrorCode::kInvalidArgument, std::to_string(hits.size()) + " articles have id '" +
                                                   std::string(key) +
                                                   "'; give a content hash:" + hashes);
  }
  DL_RETURN_IF_ERROR(rebuild_json(hits.front()));
  return std::move(hits.front());
}

Status Store::rebuild_json(StoredArticle& article) {
  DL_ASSIGN_OR_RETURN(Document doc, load_document(article));
  article.json = to_json(doc, JsonOptions{});
  return ok_status();
}

Status Store::for_each_article(const std::function<Status(const StoredArticle&)>& fn) {
  DL_ASSIGN_OR_RETURN(Stmt q, impl_->db.prepare(std::string(kArticleColumns) + "ORDER BY seq"));
  for (;;) {
    DL_ASSIGN_OR_RETURN(bool more, q.step());
    if (!more) return ok_status();
    StoredArticle a = article_from(q);
    DL_RETURN_IF_ERROR(rebuild_json(a));
    DL_RETURN_IF_ERROR(fn(a));
  }
}

Result<Document> Store::load_document(const StoredArticle& article) {
  const Db& db = impl_->db;
  const int64_t seq = article.seq;
  Document doc;
  DL_ASSIGN_OR_RETURN(Stmt a,
                      db.prepare("SELECT content_hash, id, path, url, title, outlet, published, "
                                 "dateline, byline, language, provenance, engine_version, "
                                 "engine_fingerprint, text, tokens, modified, crawled "
                                 "FROM articles WHERE seq = ?1"));
  a.bind(1, seq);
  DL_ASSIGN_OR_RETURN(bool found, a.step());
  if (!found) return Status(ErrorCode::kNotFound, "no stored article " + std::to_string(seq));
  doc.content_hash = a.text(0);
  DocumentMeta& m = doc.meta;
  m.id = a.text(1);
  m.path = a.text(2);
  m.url = a.text(3);
  m.title = a.text(4);
  m.outlet = a.text(5);
  m.published = a.text(6);
  m.dateline = a.text(7);
  m.byline = a.text(8);
  m.language = a.text(9);
  auto provenance = nlohmann::json::parse(a.view(10), nullptr, false);
  if (provenance.is_array()) {
    for (const auto& p : provenance) {
      if (p.is_array() && p.size() == 2 && p[0].is_string() && p[1].is_string()) {
        m.provenance.emplace_back(p[0].get<std::string>(), p[1].get<std::string>());
      }
    }
  }
  doc.engine_version = a.text(11);
  doc.engine_fingerprint = a.text(12);
  doc.text = a.text(13);
  DL_ASSIGN_OR_RETURN(doc.tokens, unpack_tokens(a.view(14)));
  m.modified = a.text(15);
  m.crawled = a.text(16);

  DL_RETURN_IF_ERROR(
      each_row(db, "SELECT code, message, byte FROM diagnostics WHERE article = ?1 ORDER BY idx",
               seq, [&](const Stmt& q) {
                 doc.diagnostics.push_back({q.text(0), q.text(1), q.is_null(2) ? -1 : q.int64(2)});
                 return ok_status();
               }));
  DL_RETURN_IF_ERROR(
      each_row(db, "SELECT start, end, boilerplate FROM paragraphs WHERE article = ?1 ORDER BY idx",
               seq, [&](const Stmt& q) {
                 doc.paragraphs.push_back({span_at(q, 0), q.int64(2) != 0});
                 return ok_status();
               }));
  DL_RETURN_IF_ERROR(
      each_row(db,
               "SELECT start, end, paragraph, token_begin, token_end, boilerplate FROM sentences "
               "WHERE article = ?1 ORDER BY idx",
               seq, [&](const Stmt& q) {
                 Sentence s;
                 s.span = span_at(q, 0);
                 s.paragraph = u32(q, 2);
                 s.token_begin = u32(q, 3);
                 s.token_end = u32(q, 4);
                 s.boilerplate = q.int64(5) != 0;
                 const auto index = static_cast<uint32_t>(doc.sentences.size());
                 for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) {
                   doc.tokens[t].sentence = index;
                 }
                 doc.sentences.push_back(s);
                 return ok_status();
               }));
  DL_RETURN_IF_ERROR(each_row(
      db,
      "SELECT name, type, country, wikidata, latitude, longitude, has_coordinates, mentions, "
      "why FROM entities WHERE article = ?1 ORDER BY idx",
      seq, [&](const Stmt& q) {
        Entity e;
        e.name = q.text(0);
        e.type = enum_from(
            q.view(1), {EntityType::kOther, EntityType::kPerson, EntityType::kOrg, EntityType::kGpe,
                        EntityType::kLoc, EntityType::kNorp, EntityType::kFac, EntityType::kEvent});
        e.country = q.text(2);
        e.wikidata = q.text(3);
        e.latitude = q.real(4);
        e.longitude = q.real(5);
        e.has_coordinates = q.int64(6) != 0;
        std::string_view list = q.view(7);
        while (!list.empty()) {
          int32_t mi = -1;
          auto [end, ec] = std::from_chars(list.data(), list.data() + list.size(), mi);
          if (ec != std::errc()) return Status(ErrorCode::kDataLoss, "bad entity mention list");
          e.mentions.push_back(mi);
          list.remove_prefix(static_cast<size_t>(end - list.data()));
          if (!list.empty()) list.remove_prefix(1);  // the comma
        }
        e.why = q.text(8);
        doc.entities.push_back(std::move(e));
        return ok_status();
      }));
  DL_RETURN_IF_ERROR(
      each_row(db,
               "SELECT entity, title, start, end, organization, country, why FROM titles "
               "WHERE article = ?1 ORDER BY entity, idx",
               seq, [&](const Stmt& q) {
                 const auto e = static_cast<size_t>(q.int64(0));
                 if (e >= doc.entities.size())
                   return Status(ErrorCode::kDataLoss, "title of no entity");
                 doc.entities[e].titles.push_back(
                     {q.text(1), span_at(q, 2), q.text(4), q.text(5), q.text(6)});
                 return ok_status();
               }));
  DL_RETURN_IF_ERROR(
      each_row(db,
               "SELECT entity, start, end, sentence, kind, why FROM mentions WHERE article = ?1 "
               "ORDER BY idx",
               seq, [&](const Stmt& q) {
                 Mention mn;
                 mn.entity = i32(q, 0);
                 mn.span = span_at(q, 1);
                 mn.sentence = u32(q, 3);
                 mn.kind = enum_from(q.view(4), {MentionKind::kName, MentionKind::kPartial,
                                                 MentionKind::kPronoun, MentionKind::kNominal});
                 mn.why = q.text(5);
                 doc.mentions.push_back(std::move(mn));
                 return ok_status();
               }));
  for (const Entity& e : doc.entities) {
    for (int32_t mi : e.mentions) {
      if (mi < 0 || static_cast<size_t>(mi) >= doc.mentions.size()) {
        return Status(ErrorCode::kDataLoss, impl_->path + ": article " + doc.meta.id +
                                                ": entity lists a missing mention");
      }
    }
  }
  DL_RETURN_IF_ERROR(each_row(
      db,
      "SELECT start, end, type, value, anchor, resolved, sentence, why, mod FROM times "
      "WHERE article = ?1 ORDER BY idx",
      seq, [&](const Stmt& q) {
        TimeExpression t;
        t.span = span_at(q, 0);
        t.type = enum_from(q.view(2),
                           {TimeType::kDate, TimeType::kTime, TimeType::kDuration, TimeType::kSet});
        t.value = q.text(3);
        t.anchor = q.text(4);
        t.resolved = q.int64(5) != 0;
        t.sentence = u32(q, 6);
        t.why = q.text(7);
        t.mod = q.text(8);
        doc.times.push_back(std::move(t));
        return ok_status();
      }));
  const auto date_sources = {DateSource::kNone, DateSource::kExpression, DateSource::kPublication};
  DL_RETURN_IF_ERROR(each_row(
      db,
      "SELECT id, kind, mode, speaker_name, speaker_text, speaker_start, speaker_end, "
      "speaker_title, speaker_entity, anonymous, description, cue_start, cue_end, "
      "addressee_start, addressee_end, date, date_source, time, sentence, why FROM quotes "
      "WHERE article = ?1 ORDER BY idx",
      seq, [&](const Stmt& q) {
        Quote qt;
        qt.kind =
            enum_from(q.view(1), {QuoteKind::kDirect, QuoteKind::kMixed, QuoteKind::kIndirect});
        qt.mode = enum_from(q.view(2), {QuoteMode::kSpeech, QuoteMode::kThought});
        qt.speaker.name = q.text(3);
        qt.speaker.text = q.text(4);
        qt.speaker.span = span_at(q, 5);
        qt.speaker.title = q.text(7);
        qt.speaker.entity = i32(q, 8);
        qt.speaker.anonymous = q.int64(9) != 0;
        qt.speaker.description = q.text(10);
        qt.cue = span_at(q, 11);
        qt.addressee = span_at(q, 13);
        qt.date = q.text(15);
        qt.date_source = enum_from(q.view(16), date_sources);
        qt.time = i32(q, 17);
        qt.sentence = u32(q, 18);
        qt.why = q.text(19);
        // (Not DL_RETURN_IF_ERROR: this lambda already runs inside one.)
        Status fragments =
            each_row(db, "SELECT start, end FROM quote_fragments WHERE quote = ?1 ORDER BY idx",
                     q.int64(0), [&](const Stmt& f) {
                       qt.content.push_back(span_at(f, 0));
                       return ok_status();
                     });
        doc.quotes.push_back(std::move(qt));
        return fragments;
      }));
  DL_RETURN_IF_ERROR(each_row(
      db,
      "SELECT actor_code, actor_text, actor_start, actor_end, actor_entity, target_code, "
      "target_text, target_start, target_end, target_entity, trigger_start, trigger_end, "
      "trigger_text, plover, plover_mode, cameo, goldstein, quad_class, negated, modality, "
      "date, date_source, time, place_name, place_country, place_start, place_end, "
      "place_latitude, place_longitude, place_has_coordinates, sentence, why FROM events "
      "WHERE article = ?1 ORDER BY idx",
      seq, [&](const Stmt& q) {
        Event e;
        e.actor = {span_at(q, 2), q.text(1), q.text(0), i32(q, 4)};
        e.target = {span_at(q, 7), q.text(6), q.text(5), i32(q, 9)};
        e.trigger = span_at(q, 10);
        e.trigger_text = q.text(12);
        e.plover = q.text(13);
        e.plover_mode = q.text(14);
        e.cameo = q.text(15);
        e.goldstein = q.real(16);
        e.quad_class = static_cast<int>(q.int64(17));
        e.negated = q.int64(18) != 0;
        e.modality = q.text(19);
        e.date = q.text(20);
        e.date_source = enum_from(q.view(21), date_sources);
        e.time = i32(q, 22);
        e.place.name = q.text(23);
        e.place.country = q.text(24);
        e.place.span = span_at(q, 25);
        e.place.latitude = q.real(27);
        e.place.longitude = q.real(28);
        e.place.has_coordinates = q.int64(29) != 0;
        e.sentence = u32(q, 30);
        e.why = q.text(31);
        doc.events.push_back(std::move(e));
        return ok_status();
      }));
  return doc;
}

}  // namespace dateline
