// SPDX-License-Identifier: Apache-2.0
// The API handlers, called without sockets.
#include "api.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <nlohmann/json.hpp>

#include "dateline/filters.h"
#include "dateline/json.h"
#include "dateline/reader.h"
#include "dateline/store.h"
#include "dateline/views.h"

namespace dateline::server {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto p = Pipeline::create({});
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    pipeline = new Pipeline(std::move(p).value());
  }
  static void TearDownTestSuite() { delete pipeline; }
  static Pipeline* pipeline;
};
Pipeline* ApiTest::pipeline = nullptr;

TEST_F(ApiTest, RoutesAndErrors) {
  Api api(*pipeline);
  static const struct {
    const char* method;
    const char* path;
    int status;
  } kCases[] = {
      {"GET", "/api/health", 200},
      {"GET", "/api/nowhere", 404},
      {"GET", "/api/extract", 405},
  };
  for (const auto& c : kCases) {
    ApiResponse r = api.handle({c.method, c.path, {}, "", ""});
    EXPECT_EQ(r.status, c.status) << c.method << " " << c.path << ": " << r.body;
  }
}

TEST_F(ApiTest, ExtractIsByteIdenticalToTheLibraryEncoder) {
  Api api(*pipeline);
  const std::string article =
      "Mayor Lena Park said on Monday that the bridge would reopen in May.\n";
  ApiResponse r = api.handle({"POST", "/api/extract", {{"name", "bridge.txt"}}, "text/plain",
                              article});
  ASSERT_EQ(r.status, 200) << r.body;

  std::string expected;
  read_article_bytes(article, "bridge.txt", "text/plain", {},
                     [&](Document&& doc) {
                       ASSERT_TRUE(pipeline->process(doc).ok());
                       expected += to_json(doc, {}) + "\n";
                     },
                     [](const Status& s) { FAIL() << s.to_string(); });
  EXPECT_EQ(r.body, expected);
}

TEST_F(ApiTest, ExtractRejectsAnEmptyBody) {
  Api api(*pipeline);
  ApiResponse r = api.handle({"POST", "/api/extract", {}, "text/plain", ""});
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(r.body.find("\"code\":\"bad_input\""), std::string::npos) << r.body;
}

// --- Store endpoints ------------------------------------------------------------------------

// Two short articles written for this test: the same person, a month apart, quoted directly
// and indirectly, with one arrest to code as an event.
struct FixtureArticle {
  const char* name;
  const char* published;
  const char* text;
};
constexpr FixtureArticle kFixtures[] = {
    {"ferry_vote.txt", "2026-04-02",
     "Harbor council delays ferry vote\n\n"
     "PORTVALE - Council chair Mara Quint said on Tuesday that the ferry vote would wait until "
     "June.\n\n"
     "\"We need the safety report before anyone boards,\" Quint told reporters. Police arrested "
     "two protesters outside the town hall.\n"},
    {"ferry_resumes.txt", "2026-05-10",
     "Ferry service resumes in Portvale\n\n"
     "PORTVALE - Mara Quint, the council chair, said on Sunday that the ferry would run again "
     "from Monday.\n\n"
     "\"The report found no fault with the hull,\" Quint said.\n"},
};

using Json = nlohmann::json;

Json parse(const ApiResponse& r) {
  Json j = Json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  EXPECT_FALSE(j.is_discarded()) << r.body;
  return j;
}

class StoreApiTest : public ApiTest {
 protected:
  static void SetUpTestSuite() {
    ApiTest::SetUpTestSuite();
    db_path = new std::string(::testing::TempDir() + "server_api_test_" +
                               std::to_string(::getpid()) + ".db");
    remove_db();
    StoreOptions options;
    options.path = *db_path;
    Result<Store> store = Store::open(options);
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    Result<int64_t> run = store->begin_run({"server_api_test", "test", pipeline->fingerprint()});
    ASSERT_TRUE(run.ok()) << run.status().to_string();
    jsons = new std::vector<std::string>();
    for (const FixtureArticle& f : kFixtures) {
      ReaderOptions reader;
      reader.default_published = f.published;
      read_article_bytes(
          f.text, f.name, "text/plain", reader,
          [&](Document&& doc) {
            ASSERT_TRUE(pipeline->process(doc).ok());
            jsons->push_back(to_json(doc, {}));
            Result<PutOutcome> put = store->put(doc, *run);
            ASSERT_TRUE(put.ok()) << put.status().to_string();
          },
          [](const Status& s) { FAIL() << s.to_string(); });
    }
    ASSERT_TRUE(store->finish_run(*run, "completed", 2, 2, 0, 0).ok());
  }
  static void TearDownTestSuite() {
    remove_db();
    delete db_path;
    delete jsons;
    ApiTest::TearDownTestSuite();
  }
  static void remove_db() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(*db_path + suffix, ec);
  }

  static ApiResponse get(const std::string& path, std::map<std::string, std::string> query = {}) {
    Api api(*pipeline, *db_path);
    return api.handle({"GET", path, std::move(query), "", ""});
  }

  static std::string* db_path;
  static std::vector<std::string>* jsons;  ///< to_json() of each fixture, as extract prints it
};
std::string* StoreApiTest::db_path = nullptr;
std::vector<std::string>* StoreApiTest::jsons = nullptr;

// The API answers what Store::quotes() answers for the same filters, in the same order, cut at
// `limit`; the counts are bounds rather than exact so that a better attribution model (more or
// fewer indirect statements) does not break a test of the API.
TEST_F(StoreApiTest, QuotesFilterLikeTheCli) {
  static const struct {
    std::map<std::string, std::string> query;
    size_t min_count, max_count;
    const char* content_has;  ///< every returned content contains it ("" for no check)
  } kCases[] = {
      {{}, 2, 100, ""},
      {{{"speaker", "Quint"}}, 2, 100, ""},
      {{{"speaker", "mara quint"}}, 2, 100, ""},
      {{{"speaker", "Nobody Atall"}}, 0, 0, ""},
      {{{"about", "hull"}}, 1, 1, "hull"},
      {{{"about", "safety report"}, {"speaker", "Quint"}}, 1, 1, "safety report"},
      {{{"since", "2026-05-01"}}, 1, 100, ""},
      {{{"since", "2027"}}, 0, 0, ""},
      {{{"limit", "1"}}, 1, 1, ""},
  };
  StoreOptions options;
  options.path = *db_path;
  options.read_only = true;
  Result<Store> store = Store::open(options);
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  for (const auto& c : kCases) {
    auto param = [&](const char* key) {
      auto it = c.query.find(key);
      return it == c.query.end() ? std::string() : it->second;
    };
    Result<std::vector<QuoteRecord>> want =
        store->quotes({param("speaker"), param("about"), param("since"), 0});
    ASSERT_TRUE(want.ok()) << want.status().to_string();
    const size_t limit = param("limit").empty() ? Api::kDefaultLimit : std::stoul(param("limit"));

    ApiResponse r = get("/api/quotes", c.query);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.content_type, "application/json");
    Json j = parse(r);
    ASSERT_TRUE(j["quotes"].is_array()) << r.body;
    const Json& got = j["quotes"];
    ASSERT_EQ(got.size(), std::min(want->size(), limit)) << r.body;
    EXPECT_EQ(j["count"], got.size());
    EXPECT_EQ(j["truncated"], want->size() > limit) << r.body;
    EXPECT_GE(got.size(), c.min_count) << r.body;
    EXPECT_LE(got.size(), c.max_count) << r.body;
    for (size_t i = 0; i < got.size(); ++i) {
      const Json& q = got[i];
      const QuoteRecord& w = (*want)[i];
      EXPECT_EQ(q["speaker"], w.speaker);
      EXPECT_EQ(q["speaker"], "Mara Quint") << q.dump();
      EXPECT_EQ(q["content"], w.content);
      EXPECT_EQ(q["cue"], w.cue);
      EXPECT_FALSE(w.cue.empty()) << q.dump();
      EXPECT_EQ(q["date"], w.date);
      EXPECT_EQ(q["kind"], w.kind);
      EXPECT_EQ(q["published"], w.published);
      EXPECT_NE(q["content"].get<std::string>().find(c.content_has), std::string::npos);
      const Json& ref = q["ref"];
      EXPECT_EQ(ref["article_id"], w.ref.article_id);
      EXPECT_EQ(ref["content_hash"], w.ref.content_hash);
      EXPECT_EQ(ref["begin"], w.ref.begin);
      EXPECT_EQ(ref["end"], w.ref.end);
      EXPECT_LT(w.ref.begin, w.ref.end);
      EXPECT_TRUE(ref["article_id"] == "ferry_vote" || ref["article_id"] == "ferry_resumes");
      if (c.query.count("since")) {
        EXPECT_GE(q["date"].get<std::string>(), c.query.at("since")) << q.dump();
      }
    }
  }
}

TEST_F(StoreApiTest, PeopleListsAndShowsAppearancesByDate) {
  Json list = parse(get("/api/people"));
  ASSERT_EQ(list["people"].size(), 1u) << list.dump();
  EXPECT_EQ(list["people"][0]["name"], "Mara Quint");
  EXPECT_EQ(list["people"][0]["articles"], 2);
  EXPECT_FALSE(list["people"][0].contains("appearances"));

  Json one = parse(get("/api/people", {{"name", "Quint"}}));
  ASSERT_EQ(one["people"].size(), 1u) << one.dump();
  const Json& apps = one["people"][0]["appearances"];
  ASSERT_EQ(apps.size(), 2u) << one.dump();
  EXPECT_EQ(apps[0]["article_id"], "ferry_vote");
  EXPECT_EQ(apps[0]["published"], "2026-04-02");
  EXPECT_EQ(apps[1]["article_id"], "ferry_resumes");
  EXPECT_EQ(apps[1]["published"], "2026-05-10");
  for (const Json& a : apps) EXPECT_TRUE(a["titles"].is_array()) << a.dump();

  EXPECT_EQ(parse(get("/api/people", {{"name", "Nobody"}}))["people"].size(), 0u);
}

TEST_F(StoreApiTest, EntitiesAndEvents) {
  Json people = parse(get("/api/entities", {{"type", "person"}}));
  ASSERT_EQ(people["entities"].size(), 1u) << people.dump();
  EXPECT_EQ(people["entities"][0]["name"], "Mara Quint");
  EXPECT_EQ(people["entities"][0]["articles"], 2);
  EXPECT_EQ(people["entities"][0]["first_published"], "2026-04-02");
  EXPECT_EQ(people["entities"][0]["last_published"], "2026-05-10");

  // The arrest is coded COERCE (CAMEO 17x); the type filter takes either vocabulary.
  for (const char* type : {"COERCE", "17"}) {
    Json events = parse(get("/api/events", {{"type", type}}));
    ASSERT_GE(events["events"].size(), 1u) << type << ": " << events.dump();
    for (const Json& e : events["events"]) {
      EXPECT_EQ(e["plover"], "COERCE") << e.dump();
      EXPECT_EQ(e["cameo"].get<std::string>().substr(0, 2), "17") << e.dump();
      EXPECT_EQ(e["ref"]["article_id"], "ferry_vote");
      EXPECT_EQ(e["day"].get<std::string>().size(), 10u) << e.dump();
      EXPECT_FALSE(e["precision"].get<std::string>().empty()) << e.dump();
    }
  }
  EXPECT_EQ(parse(get("/api/events", {{"type", "ASSAULT"}}))["events"].size(), 0u);
  EXPECT_EQ(
      parse(get("/api/events", {{"from", "2026-05-01"}, {"type", "COERCE"}}))["events"].size(), 0u);
}

TEST_F(StoreApiTest, ArticleIsTheStoredExtractJson) {
  ASSERT_EQ(jsons->size(), 2u);
  ApiResponse by_id = get("/api/articles/ferry_resumes");
  ASSERT_EQ(by_id.status, 200) << by_id.body;
  EXPECT_EQ(by_id.body, (*jsons)[1]);
  const std::string hash = parse(by_id)["doc"]["content_hash"];
  EXPECT_EQ(get("/api/articles/" + hash).body, (*jsons)[1]);
}

// Issue #21: the page builds its search forms from the same filter table as the CLI's flags.
TEST_F(StoreApiTest, FiltersListTheTableOfEachEndpoint) {
  ApiResponse r = get("/api/filters", {});
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = parse(r);
  static const struct {
    const char* endpoint;
    std::span<const Filter> table;
  } kTables[] = {{"quotes", quote_filters()},
                 {"events", event_filters()},
                 {"entities", entity_filters()},
                 {"people", people_filters()},
                 {"timeline", timeline_filters()},
                 {"series/statements", statement_series_filters()},
                 {"series/events", event_series_filters()},
                 {"network", network_filters()}};
  for (const auto& t : kTables) {
    ASSERT_EQ(j[t.endpoint].size(), t.table.size()) << t.endpoint;
    for (size_t i = 0; i < t.table.size(); ++i) {
      EXPECT_EQ(j[t.endpoint][i]["name"], t.table[i].name);
      // Every listed filter is accepted by its endpoint (a bad value aside).
      ApiResponse probe = get(std::string("/api/") + t.endpoint, {{t.table[i].name, ""}});
      EXPECT_EQ(probe.status, 200) << t.endpoint << " " << t.table[i].name << ": " << probe.body;
    }
  }
  EXPECT_EQ(j["events"][2]["kind"], "event_type");
  EXPECT_EQ(j["quotes"][4]["kind"], "switch");
}

// Includes issue #20, item 5: `about=%00` gave a 500 that printed the SQL statement; error
// bodies echoed invalid UTF-8; a 404 showed the database's path. Item 9: `name=%` returned
// everyone. Item 8: `published=<script>` was printed back as the date.
TEST_F(StoreApiTest, BadRequestsAreExplainedCleanly) {
  static const struct {
    const char* method;
    const char* path;
    std::map<std::string, std::string> query;
    int status;
    const char* message_has;
  } kCases[] = {
      {"GET", "/api/quotes", {{"since", "March"}}, 400, "since: 'March' is not a date"},
      {"GET", "/api/events", {{"from", "soon"}}, 400, "from: 'soon' is not a date"},
      {"GET", "/api/timeline", {{"to", "later"}}, 400, "is not a date"},
      {"GET", "/api/events", {{"type", "party"}}, 400, "neither a PLOVER event type"},
      {"GET", "/api/events", {{"to", "2026-02-30"}}, 400, "to: '2026-02-30' is not a date"},
      {"GET", "/api/entities", {{"type", "THING"}}, 400, "not one of PERSON"},
      {"GET", "/api/quotes", {{"limit", "0"}}, 400, "limit: '0'"},
      {"GET", "/api/quotes", {{"limit", "1001"}}, 400, "from 1 to 1000"},
      {"GET", "/api/people", {{"limit", "ten"}}, 400, "limit: 'ten'"},
      {"GET", "/api/quotes", {{"speakr", "Quint"}}, 400, "unknown parameter 'speakr'"},
      {"GET", "/api/articles/no-such-article", {}, 404, "no article with id or content hash"},
      {"GET", "/api/articles/", {}, 404, "no such endpoint"},
      {"POST", "/api/quotes", {}, 405, "not allowed"},
      {"GET", "/api/quotes", {{"about", std::string("a\0b", 3)}}, 400, "control character 0"},
      {"GET", "/api/quotes", {{"speaker", "\xFF\xFE"}}, 400, "not valid UTF-8"},
      {"GET", "/api/quotes", {{"speaker", "%"}}, 400, "has no letter or digit"},
      {"GET", "/api/quotes", {{"speaker", "_"}}, 400, "has no letter or digit"},
      {"GET", "/api/people", {{"name", "%"}}, 400, "has no letter or digit"},
      {"GET", "/api/people", {{"name", "'"}}, 400, "has no letter or digit"},
      {"GET", "/api/timeline", {{"entity", "%%"}}, 400, "has no letter or digit"},
      {"GET", "/api/articles/none\x01", {}, 400, "control character 1"},
      {"POST", "/api/extract", {{"published", "<script>"}}, 400, "is not a date"},
      {"POST", "/api/extract", {{"published", "yesterday"}}, 400, "is not a date"},
      {"POST", "/api/extract", {{"with", "tokens,everything"}}, 400, "not one of tokens"},
      {"POST", "/api/extract", {{"nmae", "x"}}, 400, "unknown parameter 'nmae'"},
  };
  for (const auto& c : kCases) {
    Api api(*pipeline, *db_path);
    ApiResponse r = api.handle({c.method, c.path, c.query, "text/plain", "Talks resumed."});
    EXPECT_EQ(r.status, c.status) << c.path << ": " << r.body;
    Json j = parse(r);  // valid JSON, hence valid UTF-8
    EXPECT_NE(j["error"]["message"].get<std::string>().find(c.message_has), std::string::npos)
        << c.path << ": " << r.body;
    EXPECT_EQ(r.body.find(*db_path), std::string::npos) << r.body;
    EXPECT_EQ(r.body.find("SELECT"), std::string::npos) << r.body;
  }
}

// A valid publication date is stored in its ISO form.
TEST_F(StoreApiTest, PublishedIsStoredInIsoForm) {
  Api api(*pipeline, *db_path);
  ApiResponse ok = api.handle(
      {"POST", "/api/extract", {{"published", "March 6, 2026"}}, "text/plain", "Talks resumed."});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(parse(ok)["doc"]["published"], "2026-03-06");
}

// A 500 tells the client nothing of the SQL or the paths; the log gets the details.
TEST(ApiErrors, InternalErrorsAreLoggedNotShown) {
  ApiResponse r = error_response(
      error(ErrorCode::kDatabase, "/srv/data/dateline.db: SELECT * FROM quotes: no such table"));
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("SELECT"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("/srv"), std::string::npos) << r.body;
  EXPECT_NE(r.log.find("SELECT * FROM quotes"), std::string::npos);
  ApiResponse bad = http_error(413, "over the limit \xC3\x28 of 10 bytes");
  EXPECT_EQ(bad.status, 413);
  EXPECT_FALSE(Json::parse(bad.body, nullptr, false).is_discarded()) << bad.body;
  EXPECT_NE(bad.body.find("\"payload_too_large\""), std::string::npos) << bad.body;
}

// --- The analyst's views (issue #21) ---------------------------------------------------------

/// Every [start, end) of a record lies inside the text and inside one sentence.
void expect_in_a_sentence(const Json& sentences, size_t text_size, int64_t start, int64_t end,
                          const std::string& what) {
  EXPECT_LE(0, start) << what;
  EXPECT_LT(start, end) << what;
  EXPECT_LE(static_cast<size_t>(end), text_size) << what;
  bool inside = false;
  for (const Json& s : sentences) inside = inside || (s["start"] <= start && end <= s["end"]);
  EXPECT_TRUE(inside) << what << " [" << start << "," << end << ") is in no sentence";
}

TEST_F(StoreApiTest, ArticleViewHasTheTextSentencesAndEveryRecord) {
  ApiResponse r = get("/api/articles/ferry_vote", {{"text", "true"}, {"with", "sentences"}});
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = parse(r);
  ASSERT_TRUE(j["text"].is_string()) << r.body.substr(0, 300);
  const std::string text = j["text"];
  EXPECT_EQ(text, kFixtures[0].text);
  const Json& sentences = j["sentences"];
  ASSERT_GE(sentences.size(), 3u) << r.body;
  ASSERT_FALSE(j["quotes"].empty());
  for (const Json& q : j["quotes"]) {
    for (const Json& span : q["content"]["spans"]) {
      expect_in_a_sentence(sentences, text.size(), span[0], span[1], "quote");
    }
    ASSERT_TRUE(q["cue"].is_object()) << q.dump();
    expect_in_a_sentence(sentences, text.size(), q["cue"]["start"], q["cue"]["end"], "cue");
  }
  ASSERT_FALSE(j["entities"].empty());
  for (const Json& e : j["entities"]) {
    for (const Json& m : e["mentions"]) {
      expect_in_a_sentence(sentences, text.size(), m["start"], m["end"], "mention");
    }
  }
  ASSERT_FALSE(j["events"].empty());
  for (const Json& e : j["events"]) {
    expect_in_a_sentence(sentences, text.size(), e["action"]["start"], e["action"]["end"],
                         "event");
  }
  ASSERT_FALSE(j["times"].empty());
  for (const Json& t : j["times"]) {
    expect_in_a_sentence(sentences, text.size(), t["start"], t["end"], "time");
  }
  // The records are those of the stored JSON, only the text and sentences are added.
  Json stored = parse(get("/api/articles/ferry_vote"));
  EXPECT_EQ(j["quotes"], stored["quotes"]);
  EXPECT_EQ(j["events"], stored["events"]);
  EXPECT_FALSE(stored.contains("text"));
  EXPECT_EQ(get("/api/articles/ferry_vote", {{"text", "perhaps"}}).status, 400);
  EXPECT_EQ(get("/api/articles/ferry_vote", {{"with", "pictures"}}).status, 400);
  EXPECT_EQ(get("/api/articles/ferry_vote", {{"view", "1"}}).status, 400);
}

TEST_F(StoreApiTest, PersonPageHasRolesOverTimeAndStatements) {
  Json list = parse(get("/api/people"));
  ASSERT_EQ(list["people"].size(), 1u) << list.dump();
  const int64_t id = list["people"][0]["id"];
  ApiResponse r = get("/api/people/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  Json p = parse(r);
  EXPECT_EQ(p["name"], "Mara Quint");
  EXPECT_EQ(p["appearances"].size(), 2u) << r.body;
  ASSERT_GE(p["roles"].size(), 1u) << r.body;
  int64_t titled = 0;
  for (const Json& a : p["appearances"]) titled += a["titles"].empty() ? 0 : 1;
  int64_t role_articles = 0;
  for (const Json& role : p["roles"]) {
    EXPECT_NE(role["title"].get<std::string>().find("chair"), std::string::npos) << role.dump();
    EXPECT_LE(role["first"].get<std::string>(), role["last"].get<std::string>());
    role_articles += role["articles"].get<int64_t>();
  }
  EXPECT_GE(role_articles, titled);
  std::set<std::string> folded;  // "Council chair" and "council chair" are one role
  for (const Json& role : p["roles"]) {
    std::string t = role["title"];
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    folded.insert(t);
  }
  EXPECT_EQ(folded.size(), p["roles"].size()) << r.body;
  // Her statements are what `quotes --speaker "Mara Quint"` counts: statements, not reports.
  Json quotes = parse(get("/api/quotes", {{"speaker", "Mara Quint"}}));
  ASSERT_GE(p["statements"].size(), 2u) << r.body;
  EXPECT_EQ(p["statements"].size(), quotes["quotes"].size());
  for (const Json& q : p["statements"]) EXPECT_EQ(q["speaker"], "Mara Quint") << q.dump();

  EXPECT_EQ(get("/api/people/999999").status, 404);
  EXPECT_EQ(get("/api/people/Quint").status, 400);
  EXPECT_EQ(get("/api/people/0").status, 400);
}

int64_t total_of(const Json& series) {
  int64_t n = 0;
  for (const Json& s : series["series"]) {
    int64_t points = 0;
    for (const Json& p : s["points"]) points += p["count"].get<int64_t>();
    EXPECT_EQ(points + s["undated"].get<int64_t>(), s["total"]) << s.dump();
    n += s["total"].get<int64_t>();
  }
  return n;
}

TEST_F(StoreApiTest, SeriesCountStatementsAndEventsPerPeriod) {
  const size_t statements = parse(get("/api/quotes", {{"speaker", "Quint"}}))["quotes"].size();
  ASSERT_GE(statements, 2u);
  static const struct {
    const char* by;
    size_t period_size;
  } kPeriods[] = {{"day", 10}, {"week", 10}, {"month", 7}};
  for (const auto& c : kPeriods) {
    ApiResponse r = get("/api/series/statements", {{"speaker", "Quint"}, {"by", c.by}});
    ASSERT_EQ(r.status, 200) << r.body;
    Json j = parse(r);
    EXPECT_EQ(j["by"], c.by);
    ASSERT_EQ(j["series"].size(), 1u) << r.body;
    EXPECT_EQ(static_cast<size_t>(total_of(j)), statements) << r.body;
    for (const Json& p : j["series"][0]["points"]) {
      EXPECT_EQ(p["period"].get<std::string>().size(), c.period_size) << p.dump();
    }
  }
  // One point per month that has a statement, counting the statements dated in it.
  std::map<std::string, int64_t> want_months;
  const Json quotes = parse(get("/api/quotes", {{"speaker", "Quint"}}));
  for (const Json& q : quotes["quotes"]) {
    const std::string date = q["date"].get<std::string>().empty() ? q["published"] : q["date"];
    ++want_months[date.substr(0, 7)];
  }
  Json months = parse(get("/api/series/statements", {{"speaker", "Quint"}, {"by", "month"}}));
  std::map<std::string, int64_t> got_months;
  for (const Json& p : months["series"][0]["points"]) got_months[p["period"]] = p["count"];
  EXPECT_EQ(got_months, want_months) << months.dump();
  // A week is keyed by its Monday: 2026-04-02 was a Thursday.
  Json weeks = parse(get("/api/series/statements", {{"speaker", "Quint"}, {"by", "week"},
                                                    {"to", "2026-04-30"}}));
  ASSERT_EQ(weeks["series"][0]["points"].size(), 1u) << weeks.dump();
  EXPECT_EQ(weeks["series"][0]["points"][0]["period"], "2026-03-30") << weeks.dump();
  EXPECT_EQ(parse(get("/api/series/statements", {{"speaker", "Nobody Atall"}}))["series"].size(),
            0u);

  const size_t events = parse(get("/api/events", {{"type", "COERCE"}}))["events"].size();
  Json ev = parse(get("/api/series/events", {{"type", "COERCE"}, {"by", "day"}}));
  ASSERT_EQ(ev["series"].size(), 1u) << ev.dump();
  EXPECT_EQ(ev["series"][0]["name"], "COERCE");
  EXPECT_EQ(static_cast<size_t>(total_of(ev)), events);
  const size_t all_events = parse(get("/api/events"))["events"].size();
  EXPECT_EQ(static_cast<size_t>(total_of(parse(get("/api/series/events")))), all_events);

  ApiResponse bad = get("/api/series/events", {{"by", "year"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("by: 'year' is not one of day, week, month"), std::string::npos)
      << bad.body;
  EXPECT_EQ(get("/api/series/statements", {{"type", "COERCE"}}).status, 400);
  EXPECT_EQ(get("/api/series/events", {{"to", "2026-02-30"}}).status, 400);
}

TEST_F(StoreApiTest, NetworkHasActorsAndWeightedEdges) {
  ApiResponse r = get("/api/network");
  ASSERT_EQ(r.status, 200) << r.body;
  Json j = parse(r);
  std::set<std::string> ids;
  for (const Json& n : j["nodes"]) ids.insert(n["id"].get<std::string>());
  EXPECT_EQ(ids.size(), j["nodes"].size());
  int64_t weight = 0;
  for (const Json& e : j["edges"]) {
    EXPECT_TRUE(ids.count(e["source"].get<std::string>())) << e.dump();
    EXPECT_TRUE(ids.count(e["target"].get<std::string>())) << e.dump();
    int64_t by_type = 0;
    for (const auto& t : e["types"].items()) by_type += t.value().get<int64_t>();
    EXPECT_EQ(by_type, e["weight"]) << e.dump();
    weight += e["weight"].get<int64_t>();
  }
  EXPECT_EQ(weight, j["events"]);
  const size_t events = parse(get("/api/events"))["events"].size();
  EXPECT_EQ(static_cast<size_t>(j["events"].get<int64_t>() + j["skipped"].get<int64_t>()),
            events);
  // The arrest: police on the protesters.
  Json coerce = parse(get("/api/network", {{"type", "COERCE"}}));
  ASSERT_EQ(coerce["edges"].size(), 1u) << coerce.dump();
  EXPECT_EQ(coerce["nodes"].size(), 2u) << coerce.dump();
  EXPECT_EQ(coerce["edges"][0]["weight"], 1);
  EXPECT_EQ(parse(get("/api/network", {{"type", "ASSAULT"}}))["edges"].size(), 0u);
  EXPECT_EQ(parse(get("/api/network", {{"from", "2026-05-01"}, {"type", "COERCE"}}))["edges"]
                .size(),
            0u);
  EXPECT_EQ(get("/api/network", {{"type", "FOO"}}).status, 400);
  EXPECT_EQ(get("/api/network", {{"limit", "3"}}).status, 400);
}

TEST_F(StoreApiTest, WithoutAStoreTheStoreEndpointsAre503) {
  const std::string missing = ::testing::TempDir() + "server_api_test_missing.db";
  for (const std::string& db : {std::string(), missing}) {
    Api api(*pipeline, db);
    for (const char* path : {"/api/quotes", "/api/people", "/api/entities", "/api/events",
                             "/api/timeline", "/api/articles/ferry_vote", "/api/people/1",
                             "/api/series/statements", "/api/series/events", "/api/network"}) {
      ApiResponse r = api.handle({"GET", path, {}, "", ""});
      EXPECT_EQ(r.status, 503) << "db '" << db << "' " << path << ": " << r.body;
      EXPECT_TRUE(parse(r)["error"].contains("message")) << r.body;
      if (!db.empty()) {
        EXPECT_EQ(r.body.find(db), std::string::npos) << r.body;  // no paths
      }
    }
    EXPECT_EQ(api.handle({"GET", "/api/health", {}, "", ""}).status, 200);
  }
  EXPECT_FALSE(std::filesystem::exists(missing));  // a read-only open never creates the file
}

}  // namespace
}  // namespace dateline::server
