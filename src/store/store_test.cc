// SPDX-License-Identifier: Apache-2.0
#include "dateline/store.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "dateline/json.h"
#include "model/hash.h"
#include "store/schema.h"
#include "store/db.h"
#include "store/test_backends.h"
#include "text/utf8.h"

namespace dateline {
namespace {

// The first occurrence of `needle` in `text` (the fixtures below are written so that it is
// the intended one).
Span find(const std::string& text, std::string_view needle, size_t from = 0) {
  const size_t at = text.find(needle, from);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

// A hand-built article with every kind of record, including split quotes, an anonymous
// source, a negated event with a place, and non-ASCII text.
Document sample_document(const std::string& id = "harbour", const std::string& extra = "") {
  Document doc;
  doc.text =
      "Port talks stall\n\n"
      "VALLETTA: Harbour Minister Clara Zammit said on Monday that \"the berths will reopen\" "
      "and, she added, \"not a day later.\" Zammit did not send inspectors to Gozo. "
      "Two officials familiar with the plan said the ferry contract was delayed until March. "
      "Caf\xC3\xA9 owners protested." +
      extra;
  doc.content_hash = model::content_hash(doc.text);
  doc.engine_version = "0.1.0";
  doc.engine_fingerprint = "abc123";
  DocumentMeta& m = doc.meta;
  m.id = id;
  m.path = "fixtures/" + id + ".txt";
  m.title = "Port talks stall";
  m.outlet = "Island Courier";
  m.published = "2026-03-03";
  m.dateline = "VALLETTA";
  m.provenance = {{"title", "first-line"}, {"published", "input"}};
  const std::string& t = doc.text;
  doc.diagnostics.push_back({"invalid_utf8", m.path + ": byte 3: replaced", 3});
  doc.paragraphs = {{find(t, "Port talks stall"), false},
                    {{18, static_cast<uint32_t>(t.size())}, false}};
  doc.sentences = {{find(t, "Port talks stall"), 0, 0, 3, false},
                   {{18, find(t, "later.\"").end}, 1, 3, 5, false}};
  // A few tokens are enough to check that spans and flags survive.
  for (std::string_view w : {"Port", "talks", "stall", "VALLETTA", ":"}) {
    Token tok;
    tok.span = find(t, w);
    tok.sentence = doc.tokens.size() < 3 ? 0 : 1;
    tok.space_after = w != "VALLETTA";
    doc.tokens.push_back(tok);
  }
  doc.tokens[3].fused_with_next = true;

  Entity zammit;
  zammit.name = "Clara Zammit";
  zammit.type = EntityType::kPerson;
  zammit.titles.push_back(
      {"Harbour Minister", find(t, "Harbour Minister"), "", "MLT", "title before name"});
  zammit.why = "name + title";
  doc.mentions.push_back({find(t, "Clara Zammit"), 0, 1, MentionKind::kName, "ner"});
  doc.mentions.push_back({find(t, "she"), 0, 1, MentionKind::kPronoun, "coref"});
  doc.mentions.push_back({find(t, "Zammit did"), 0, 1, MentionKind::kPartial, "surname"});
  doc.mentions.back().span.end -= 4;
  zammit.mentions = {0, 1, 2};
  doc.entities.push_back(zammit);
  Entity gozo;
  gozo.name = "Gozo";
  gozo.type = EntityType::kLoc;
  gozo.country = "MLT";
  gozo.wikidata = "Q170488";
  gozo.latitude = 36.04;
  gozo.longitude = 14.25;
  gozo.has_coordinates = true;
  doc.mentions.push_back({find(t, "Gozo"), 1, 1, MentionKind::kName, "gazetteer"});
  gozo.mentions = {3};
  doc.entities.push_back(gozo);

  TimeExpression monday;
  monday.span = find(t, "Monday");
  monday.value = "2026-03-02";
  monday.anchor = "2026-03-03";
  monday.sentence = 1;
  monday.why = "weekday before anchor";
  doc.times.push_back(monday);
  TimeExpression march;
  march.span = find(t, "March");
  march.value = "2026-03";
  march.mod = "START";
  march.anchor = "2026-03-03";
  march.sentence = 1;
  march.why = "month name";
  doc.times.push_back(march);

  Quote direct;
  direct.kind = QuoteKind::kDirect;
  direct.speaker = {
      find(t, "Clara Zammit"), "Clara Zammit", "Clara Zammit", "Harbour Minister", 0, false, ""};
  direct.cue = find(t, "said");
  direct.content = {find(t, "the berths will reopen"), find(t, "not a day later.")};
  direct.date = "2026-03-02";
  direct.date_source = DateSource::kExpression;
  direct.time = 0;
  direct.sentence = 1;
  direct.why = "quote + cue + name";
  doc.quotes.push_back(direct);
  Quote anonymous;
  anonymous.kind = QuoteKind::kIndirect;
  anonymous.speaker.span = find(t, "Two officials familiar with the plan");
  anonymous.speaker.text = "Two officials familiar with the plan";
  anonymous.speaker.anonymous = true;
  anonymous.speaker.description = "officials familiar with the plan";
  anonymous.cue = find(t, "said the ferry");
  anonymous.cue.end = anonymous.cue.begin + 4;
  anonymous.content = {find(t, "the ferry contract was delayed until March")};
  anonymous.addressee = {};
  anonymous.date = "2026-03-03";
  anonymous.date_source = DateSource::kPublication;
  anonymous.sentence = 3;
  anonymous.why = "reporting verb + that-less clause";
  doc.quotes.push_back(anonymous);

  Event event;
  event.actor = {find(t, "Zammit did"), "", "MLTGOV", 0};
  event.actor.span.end -= 4;
  event.target = {{}, "inspectors", "", -1};
  event.trigger = find(t, "did not send");
  event.trigger_text = "did not send";
  event.plover = "AID";
  event.cameo = "07";
  event.goldstein = 7.0;
  event.quad_class = 2;
  event.negated = true;
  event.date = "2026-03-03";
  event.date_source = DateSource::kPublication;
  event.place = {find(t, "Gozo"), "Gozo", "MLT", 36.04, 14.25, true};
  event.sentence = 2;
  event.why = "send -> 07";
  doc.events.push_back(event);
  Event protest;
  protest.actor = {find(t, "Caf\xC3\xA9 owners"), "Caf\xC3\xA9 owners", "MLTBUS", -1};
  protest.trigger = find(t, "protested");
  protest.trigger_text = "protested";
  protest.plover = "PROTEST";
  protest.cameo = "14";
  protest.goldstein = -6.5;
  protest.quad_class = 3;
  protest.sentence = 4;
  protest.why = "protest -> 14";
  doc.events.push_back(protest);
  return doc;
}

Store open_memory() {
  StoreOptions options;
  options.path = ":memory:";
  Result<Store> store = Store::open(options);
  EXPECT_TRUE(store.ok()) << store.status().to_string();
  return std::move(store).value();
}

int64_t new_run(Store& store) {
  Result<int64_t> run = store.begin_run({"test", "0.1.0", "abc123"});
  EXPECT_TRUE(run.ok()) << run.status().to_string();
  return run.ok() ? run.value() : 0;
}

std::string temp_path(const std::string& name) {
  std::string dir = testing::TempDir() + "dateline_store_test_" + std::to_string(getpid());
  std::filesystem::create_directories(dir);
  std::string path = dir + "/" + name;
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  return path;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

namespace backends = store::testing_backends;

// The tests of what a store does, whatever it is kept in: each runs on SQLite and on
// PostgreSQL. (The tests of files, SQLite's migrations and crashes follow, SQLite's only.)
class StoreOnBothBackends : public testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (std::string why = backends::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
  }
  Store open_fresh() {
    Result<Store> store = Store::open(backends::fresh_store(GetParam()));
    EXPECT_TRUE(store.ok()) << store.status().to_string();
    return std::move(store).value();
  }
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreOnBothBackends,
                         testing::Values(backends::kSqlite, backends::kPostgres),
                         backends::backend_name);

TEST_P(StoreOnBothBackends, RoundTripsADocumentExactly) {
  Store store = open_fresh();
  const int64_t run = new_run(store);
  const Document doc = sample_document();
  Result<PutOutcome> put = store.put(doc, run);
  ASSERT_TRUE(put.ok()) << put.status().to_string();
  EXPECT_EQ(put.value(), PutOutcome::kStored);

  Result<StoredArticle> stored = store.find_article("harbour");
  ASSERT_TRUE(stored.ok()) << stored.status().to_string();
  EXPECT_EQ(stored->json, to_json(doc, JsonOptions{}));
  EXPECT_EQ(stored->run, run);
  Result<StoredArticle> by_hash = store.find_article(doc.content_hash);
  ASSERT_TRUE(by_hash.ok());
  EXPECT_EQ(by_hash->seq, stored->seq);

  Result<Document> loaded = store.load_document(stored.value());
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_EQ(to_json(loaded.value(), JsonOptions{}), stored->json);
  // Sentences, paragraphs and token spans are restored too, so text summaries match.
  JsonOptions with_tokens;
  with_tokens.with_sentences = true;
  with_tokens.with_tokens = true;
  EXPECT_EQ(to_json(loaded.value(), with_tokens), to_json(doc, with_tokens));
  EXPECT_EQ(to_text(loaded.value()), to_text(doc));
  EXPECT_EQ(loaded->mentions.size(), doc.mentions.size());
  EXPECT_EQ(loaded->mentions[1].why, "coref");
}

TEST_P(StoreOnBothBackends, StoresEachContentOnce) {
  Store store = open_fresh();
  const int64_t run = new_run(store);
  const Document doc = sample_document();
  ASSERT_EQ(store.put(doc, run).value(), PutOutcome::kStored);
  Document same_text = sample_document("other-name");  // a copy of the article elsewhere
  ASSERT_EQ(store.put(same_text, run).value(), PutOutcome::kDuplicate);
  Result<StoreStats> stats = store.stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 1);
  EXPECT_EQ(stats->entities, 2);
  EXPECT_EQ(stats->quotes, 2);
  EXPECT_EQ(stats->events, 2);
  EXPECT_EQ(stats->times, 2);
  EXPECT_EQ(stats->diagnostics, 1);
  EXPECT_EQ(stats->people, 1);
  EXPECT_EQ(stats->schema_version, Store::schema_version());
}

TEST_P(StoreOnBothBackends, RejectsInconsistentDocumentAndKeepsGoing) {
  Store store = open_fresh();
  const int64_t run = new_run(store);
  ASSERT_TRUE(store.begin_batch().ok());
  Document bad = sample_document("bad", " Extra.");
  bad.entities[0].mentions.push_back(99);
  Result<PutOutcome> put = store.put(bad, run);
  EXPECT_EQ(put.status().code(), ErrorCode::kBadInput);
  EXPECT_NE(put.status().message().find("bad"), std::string::npos);
  Document beyond = sample_document("beyond", " More.");
  beyond.times[0].span = {1000, 1010};
  EXPECT_EQ(store.put(beyond, run).status().code(), ErrorCode::kBadInput);
  ASSERT_TRUE(store.put(sample_document(), run).ok());
  ASSERT_TRUE(store.commit_batch().ok());
  EXPECT_EQ(store.stats()->articles, 1);
}

TEST(StoreOnPostgres, MakesItsTablesOnceAndRefusesANewerSchema) {
  if (std::string why = backends::skip_reason(backends::kPostgres); !why.empty()) {
    GTEST_SKIP() << why;
  }
  StoreOptions options = backends::fresh_store(backends::kPostgres);
  StoreOptions reading = options;
  reading.read_only = true;
  // A database with no store in it: a query command says so and makes nothing.
  EXPECT_EQ(Store::open(reading).status().code(), ErrorCode::kNotFound);
  ASSERT_TRUE(Store::open(options).ok());
  ASSERT_TRUE(Store::open(options).ok());  // the second open finds nothing to migrate
  Result<Store> reader = Store::open(reading);
  ASSERT_TRUE(reader.ok()) << reader.status().to_string();
  EXPECT_EQ(reader->stats()->schema_version, Store::schema_version());
  // A read-only connection writes nothing.
  EXPECT_FALSE(reader->begin_run({"test", "0.1.0", "abc123"}).ok());

  PGconn* conn = PQconnectdb(options.path.c_str());
  ASSERT_EQ(PQstatus(conn), CONNECTION_OK);
  const std::string newer =
      "UPDATE dateline_schema SET version = " + std::to_string(Store::schema_version() + 1);
  PQclear(PQexec(conn, newer.c_str()));
  PQfinish(conn);
  Result<Store> refused = Store::open(options);
  EXPECT_EQ(refused.status().code(), ErrorCode::kDataLoss);
  EXPECT_NE(refused.status().message().find("newer than this dateline knows"), std::string::npos)
      << refused.status().to_string();
}

TEST(StoreOnPostgres, AServerThatCannotBeReachedIsAnErrorWithoutThePassword) {
  StoreOptions options;
  options.path = "postgresql://someone:secret@/no_such_db?host=/nonexistent-socket-dir";
  Result<Store> store = Store::open(options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().message().find("secret"), std::string::npos)
      << store.status().to_string();
  EXPECT_NE(store.status().message().find("someone:***@"), std::string::npos)
      << store.status().to_string();
}

TEST(Store, MigratesAFreshFileAndRefusesANewerSchema) {
  const std::string path = temp_path("newer.db");
  {
    Result<Store> store = Store::open({path});
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    EXPECT_EQ(store->stats()->schema_version, Store::schema_version());
  }
  {
    // Reopening a current database is a no-op.
    Result<Store> store = Store::open({path});
    ASSERT_TRUE(store.ok()) << store.status().to_string();
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    const std::string sql = "PRAGMA user_version = " + std::to_string(Store::schema_version() + 1);
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  const std::string before = read_file(path);
  Result<Store> store = Store::open({path});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kDataLoss);
  EXPECT_NE(store.status().message().find("newer"), std::string::npos);
  EXPECT_NE(store.status().message().find(path), std::string::npos);
  EXPECT_EQ(read_file(path), before);
}

TEST(Store, RefusesFilesThatAreNotDatabasesAndLeavesThemAlone) {
  static const std::string kContents[] = {
      std::string("this is a shopping list, not a database\n"),
      std::string("\x00\x01\x02\x03garbage\xff\xfe\x00", 14),
      // The right magic but a broken header and no pages.
      std::string("SQLite format 3\0", 16) + std::string(200, '\x7f'),
  };
  for (const std::string& contents : kContents) {
    const std::string path = temp_path("garbage.db");
    {
      std::ofstream out(path, std::ios::binary);
      out << contents;
    }
    Result<Store> store = Store::open({path});
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), ErrorCode::kDataLoss) << store.status().to_string();
    EXPECT_NE(store.status().message().find(path), std::string::npos);
    EXPECT_EQ(read_file(path), contents);
    EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
  }
}

TEST(Store, ReadOnlyOpenOfAMissingFileIsNotFound) {
  StoreOptions options;
  options.path = temp_path("missing.db");
  options.read_only = true;
  Result<Store> store = Store::open(options);
  EXPECT_EQ(store.status().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(options.path));
}

TEST(Store, AnInterruptedBatchLeavesEarlierBatchesIntact) {
  const std::string path = temp_path("interrupted.db");
  {
    Result<Store> store = Store::open({path});
    ASSERT_TRUE(store.ok());
    const int64_t run = new_run(store.value());
    ASSERT_TRUE(store->begin_batch().ok());
    ASSERT_TRUE(store->put(sample_document("first", " One."), run).ok());
    ASSERT_TRUE(store->commit_batch().ok());
  }
  // A child process begins the second batch, writes two articles and dies without
  // committing, as a killed `dateline ingest` would.
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<Store> store = Store::open({path});
    if (!store.ok()) _exit(2);
    Result<int64_t> run = store->begin_run({"killed", "0.1.0", "abc123"});
    if (!run.ok() || !store->begin_batch().ok()) _exit(2);
    if (!store->put(sample_document("second", " Two."), run.value()).ok()) _exit(2);
    if (!store->put(sample_document("third", " Three."), run.value()).ok()) _exit(2);
    _exit(9);  // no commit, no destructors
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(WEXITSTATUS(status), 9);

  Result<Store> store = Store::open({path});
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  EXPECT_EQ(store->stats()->articles, 1);
  EXPECT_TRUE(store->find_article("first").ok());
  EXPECT_EQ(store->find_article("second").status().code(), ErrorCode::kNotFound);
  // Running again completes the work.
  const int64_t run = new_run(store.value());
  ASSERT_TRUE(store->begin_batch().ok());
  EXPECT_EQ(store->put(sample_document("first", " One."), run).value(), PutOutcome::kDuplicate);
  EXPECT_EQ(store->put(sample_document("second", " Two."), run).value(), PutOutcome::kStored);
  ASSERT_TRUE(store->commit_batch().ok());
  EXPECT_EQ(store->stats()->articles, 2);
}

TEST_P(StoreOnBothBackends, RollbackDiscardsTheBatchOnly) {
  Store store = open_fresh();
  const int64_t run = new_run(store);
  ASSERT_TRUE(store.put(sample_document("kept", " Kept."), run).ok());
  ASSERT_TRUE(store.begin_batch().ok());
  ASSERT_TRUE(store.put(sample_document("dropped", " Dropped."), run).ok());
  ASSERT_TRUE(store.rollback_batch().ok());
  EXPECT_EQ(store.stats()->articles, 1);
  EXPECT_EQ(store.stats()->people, 1);
}

TEST_P(StoreOnBothBackends, AmbiguousIdAsksForTheHash) {
  Store store = open_fresh();
  const int64_t run = new_run(store);
  ASSERT_TRUE(store.put(sample_document("same", " A."), run).ok());
  ASSERT_TRUE(store.put(sample_document("same", " B."), run).ok());
  Result<StoredArticle> a = store.find_article("same");
  EXPECT_EQ(a.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(store.find_article("nothing").status().code(), ErrorCode::kNotFound);
}

TEST_P(StoreOnBothBackends, ExportsInIngestOrder) {
  Store store = open_fresh();
  const int64_t run = new_run(store);
  const std::string ids[] = {"zeta", "alpha", "mu"};
  for (size_t i = 0; i < 3; ++i) {
    ASSERT_TRUE(store.put(sample_document(ids[i], std::string(i + 1, '!')), run).ok());
  }
  std::vector<std::string> seen;
  ASSERT_TRUE(store
                  .for_each_article([&](const StoredArticle& a) {
                    seen.push_back(a.id);
                    return ok_status();
                  })
                  .ok());
  EXPECT_EQ(seen, std::vector<std::string>(std::begin(ids), std::end(ids)));
}

TEST(Store, RecordsInputDiagnosticsAndRuns) {
  Store store = open_memory();
  const int64_t run = new_run(store);
  ASSERT_TRUE(
      store.add_input_diagnostic(run, "broken.bin", {"binary", "broken.bin: byte 0: binary", 0})
          .ok());
  ASSERT_TRUE(store.finish_run(run, "completed", 1, 0, 0, 1).ok());
  EXPECT_EQ(store.stats()->diagnostics, 1);
  EXPECT_EQ(store.stats()->runs, 1);
  EXPECT_FALSE(store.finish_run(run, "exploded", 0, 0, 0, 0).ok());  // CHECK constraint
}

}  // namespace
}  // namespace dateline

namespace dateline {
namespace {

// The status of run `id`, read with SQLite directly (what any reader of the table sees).
std::string run_status(const std::string& path, int64_t id) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  sqlite3_prepare_v2(db, "SELECT status FROM runs WHERE id = ?1", -1, &q, nullptr);
  sqlite3_bind_int64(q, 1, id);
  std::string status = sqlite3_step(q) == SQLITE_ROW
                           ? reinterpret_cast<const char*>(sqlite3_column_text(q, 0))
                           : "(none)";
  sqlite3_finalize(q);
  sqlite3_close(db);
  return status;
}

// Issue #20, item 7: a run whose process was killed stayed 'running' for ever. The next
// open for writing marks it 'interrupted'; a run whose process is alive is left alone.
TEST(Store, ARunWhoseProcessEndedIsMarkedInterruptedAtTheNextOpen) {
  const std::string path = temp_path("runs.db");
  int pipe_fds[2];
  ASSERT_EQ(pipe(pipe_fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    Result<Store> store = Store::open({path});
    if (!store.ok()) _exit(2);
    Result<int64_t> run = store->begin_run({"killed", "0.1.0", "abc123"});
    if (!run.ok()) _exit(2);
    (void)!write(pipe_fds[1], &run.value(), sizeof(int64_t));
    _exit(9);  // no finish_run, as a killed `dateline ingest`
  }
  int64_t killed = 0;
  ASSERT_EQ(read(pipe_fds[0], &killed, sizeof killed), static_cast<ssize_t>(sizeof killed));
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  close(pipe_fds[0]);
  close(pipe_fds[1]);
  EXPECT_EQ(run_status(path, killed), "running");

  // A reader cannot write, so it leaves the row as it is.
  StoreOptions read_only;
  read_only.path = path;
  read_only.read_only = true;
  ASSERT_TRUE(Store::open(read_only).ok());
  EXPECT_EQ(run_status(path, killed), "running");

  Result<Store> writer = Store::open({path});
  ASSERT_TRUE(writer.ok()) << writer.status().to_string();
  EXPECT_EQ(run_status(path, killed), "interrupted");
  // This process's own run is alive: a second writer's open leaves it running.
  const int64_t mine = new_run(writer.value());
  ASSERT_TRUE(Store::open({path}).ok());
  EXPECT_EQ(run_status(path, mine), "running");
  ASSERT_TRUE(writer->finish_run(mine, "completed", 0, 0, 0, 0).ok());
  EXPECT_EQ(run_status(path, mine), "completed");
}

// Migration 3 rebuilds the runs table (a new status, the owner column): rows and the rows
// that reference them survive; a run left running by a version without owners is
// interrupted.
TEST(Store, MigrationThreeKeepsRunsAndWhatReferencesThem) {
  const std::string path = temp_path("v2.db");
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    store::Db db(raw);
    ASSERT_TRUE(store::migrate(db, path, false, 2).ok());
    ASSERT_EQ(db.query_int("PRAGMA user_version").value(), 2);
    ASSERT_TRUE(db.exec("INSERT INTO runs (id, started, engine_version, fingerprint, "
                        "schema_version, command, status) VALUES "
                        "(1, '2026-01-01T00:00:00Z', '0.1.0', 'f', 2, 'old ingest', 'completed'),"
                        "(2, '2026-01-02T00:00:00Z', '0.1.0', 'f', 2, 'old killed', 'running');"
                        "INSERT INTO diagnostics (input, code, message, run) "
                        "VALUES ('a.bin', 'binary', 'a.bin: binary', 1);")
                    .ok());
  }
  Result<Store> store = Store::open({path});
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  EXPECT_EQ(store->stats()->schema_version, Store::schema_version());
  EXPECT_EQ(store->stats()->runs, 2);
  EXPECT_EQ(store->stats()->diagnostics, 1);
  EXPECT_EQ(run_status(path, 1), "completed");
  EXPECT_EQ(run_status(path, 2), "interrupted");
  const int64_t run = new_run(store.value());
  EXPECT_EQ(run, 3);
  EXPECT_TRUE(store->add_input_diagnostic(run, "b.bin", {"binary", "b.bin: binary", 0}).ok());
}

// Every query's rows as one string per row, to compare a store before and after a migration.
std::string query_rows(Store& store) {
  std::string out;
  Result<std::vector<QuoteRecord>> quotes = store.quotes({});
  Result<std::vector<EventRecord>> events = store.events({});
  Result<std::vector<EntityRecord>> entities = store.entities({});
  Result<std::vector<PersonRecord>> people = store.people("");
  Result<std::vector<TimelineEntry>> timeline = store.timeline({});
  if (!quotes.ok() || !events.ok() || !entities.ok() || !people.ok() || !timeline.ok()) {
    return "a query failed";
  }
  for (const QuoteRecord& q : quotes.value()) {
    out += "quote " + q.date + "|" + q.speaker + "|" + q.title + "|" + q.kind + "|" + q.content +
           "|" + q.published + "|" + std::to_string(q.ref.begin) + "\n";
  }
  for (const EventRecord& e : events.value()) {
    out += "event " + e.date + "|" + e.actor_code + "|" + e.target_code + "|" + e.plover + "|" +
           e.cameo + "|" + e.place_name + "|" + std::to_string(e.ref.begin) + "\n";
  }
  for (const EntityRecord& e : entities.value()) {
    out += "entity " + e.name + "|" + e.type + "|" + std::to_string(e.mentions) + "\n";
  }
  for (const PersonRecord& p : people.value()) {
    out += "person " + p.name + "|" + std::to_string(p.mentions) + "\n";
  }
  for (const TimelineEntry& t : timeline.value()) {
    out += "time " + t.day + "|" + t.kind + "|" + t.summary + "\n";
  }
  return out;
}

// Migration 4 (the compact store) on a database as schema 3 left it: the JSON that only the
// dropped column held comes back rebuilt from the tables, byte for byte, the page dates it
// alone held move to their columns, and every query returns the same rows.
TEST(Store, MigrationFourRebuildsTheJsonItDrops) {
  const std::string path = temp_path("v3.db");
  Document doc = sample_document();
  doc.meta.modified = "2026-03-04T10:00:00Z";
  doc.meta.crawled = "2026-03-05T02:00:00Z";
  const std::string json = to_json(doc, JsonOptions{});
  const Document second = sample_document("second", " Talks resume in April.");
  const std::string second_json = to_json(second, JsonOptions{});
  std::string rows_before;
  {
    Result<Store> store = Store::open({path});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(store->put(doc, new_run(store.value())).ok());
    ASSERT_TRUE(store->put(second, 1).ok());
    rows_before = query_rows(store.value());
  }
  ASSERT_NE(rows_before.find("quote "), std::string::npos);
  {
    // What schema 3 held: the JSON column, no date columns.
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
    store::Db db(raw);
    ASSERT_TRUE(db.exec("ALTER TABLE articles ADD COLUMN json TEXT NOT NULL DEFAULT ''").ok());
    Result<store::Stmt> set = db.prepare("UPDATE articles SET json = ?1 WHERE id = ?2");
    ASSERT_TRUE(set.ok());
    set->bind(1, json).bind(2, "harbour");
    ASSERT_TRUE(set->run().ok());
    set->bind(1, second_json).bind(2, "second");
    ASSERT_TRUE(set->run().ok());
    // ... and none of the later migrations' tables (5: statements and event groups).
    ASSERT_TRUE(db.exec("ALTER TABLE articles DROP COLUMN modified;"
                        "ALTER TABLE articles DROP COLUMN crawled;"
                        "DROP TABLE event_reports; DROP TABLE event_groups;"
                        "DROP TABLE statement_reports; DROP TABLE statements;"
                        "PRAGMA user_version = 3;")
                    .ok());
  }
  Result<Store> store = Store::open({path});
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  EXPECT_EQ(store->stats()->schema_version, store::latest_schema_version());
  Result<StoredArticle> a = store->find_article("harbour");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->json, json);
  EXPECT_EQ(store->find_article("second")->json, second_json);
  // The same rows, except that a store from before schema 5 has no statements or event
  // groups: the second article's report of the same quotation and events is its own row
  // (docs/STORE.md). So the rows are compared as sets.
  auto row_set = [](const std::string& rows) {
    std::set<std::string> lines;
    std::istringstream in(rows);
    for (std::string line; std::getline(in, line);) lines.insert(line);
    return lines;
  };
  EXPECT_EQ(row_set(query_rows(store.value())), row_set(rows_before));
}

// Issue #20, item 10: read-only commands failed on a WAL database in a folder they may not
// write (SQLite wants to create the -shm file). Read-only opens use mode=ro, and
// immutable=1 when the folder is read-only and no -wal file holds commits.
TEST(Store, ReadsADatabaseInAReadOnlyFolder) {
  const std::string dir = testing::TempDir() + "dateline_ro_" + std::to_string(getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/store.db";
  {
    Result<Store> store = Store::open({path});
    ASSERT_TRUE(store.ok());
    const int64_t run = new_run(store.value());
    ASSERT_TRUE(store->put(sample_document(), run).ok());
  }
  ASSERT_FALSE(std::filesystem::exists(path + "-shm"));
  std::filesystem::permissions(
      dir, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec |
               std::filesystem::perms::group_read | std::filesystem::perms::group_exec |
               std::filesystem::perms::others_read | std::filesystem::perms::others_exec);
  const std::string before = read_file(path);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // Root may write anywhere: the reader runs as nobody, for whom the folder is read-only.
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(3);
    StoreOptions options;
    options.path = path;
    options.read_only = true;
    Result<Store> store = Store::open(options);
    if (!store.ok()) {
      std::fprintf(stderr, "%s\n", store.status().to_string().c_str());
      _exit(1);
    }
    Result<StoreStats> stats = store->stats();
    _exit(stats.ok() && stats->articles == 1 && store->find_article("harbour").ok() ? 0 : 2);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  std::filesystem::permissions(dir, std::filesystem::perms::owner_all);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child exit " << status;
  EXPECT_EQ(read_file(path), before);
  EXPECT_FALSE(std::filesystem::exists(path + "-shm"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace dateline
