// SPDX-License-Identifier: Apache-2.0
// The query side over a small hand-built corpus: three articles on different dates about
// the same minister (named in full, then by surname and title), a namesake, and events.
#include <gtest/gtest.h>

#include "dateline/store.h"
#include "model/hash.h"
#include "store/test_backends.h"

namespace dateline {
namespace {

Span find(const std::string& text, std::string_view needle) {
  const size_t at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

struct Person {
  const char* name;
  const char* as_written;  // the mention in the text
  const char* title;       // "" for none
};

// One article: each person says `said` about the budget, on `published`.
Document article(const std::string& id, const std::string& published,
                 const std::vector<Person>& people, const std::string& event_code = "") {
  Document doc;
  for (const Person& p : people) {
    doc.text += std::string(p.title) + (*p.title ? " " : "") + p.as_written +
                " said the harbour budget was final on " + published + ". ";
  }
  doc.text += "Fishermen blocked the quay.";
  doc.content_hash = model::content_hash(doc.text);
  doc.meta.id = id;
  doc.meta.path = id + ".txt";
  doc.meta.published = published;
  doc.meta.outlet = "Island Courier";
  doc.meta.url = "https://example.org/" + id;
  size_t from = 0;
  for (const Person& p : people) {
    const auto sentence = static_cast<uint32_t>(doc.entities.size());  // one per person
    const size_t at = doc.text.find(p.as_written, from);
    const Span name{static_cast<uint32_t>(at),
                    static_cast<uint32_t>(at + std::string_view(p.as_written).size())};
    from = name.end;
    Entity e;
    e.name = p.name;
    e.type = EntityType::kPerson;
    if (*p.title) {
      const auto title_at = static_cast<uint32_t>(at - std::string_view(p.title).size() - 1);
      e.titles.push_back({p.title, {title_at, static_cast<uint32_t>(at - 1)}, "", "", "title"});
    }
    e.mentions.push_back(static_cast<int32_t>(doc.mentions.size()));
    doc.mentions.push_back(
        {name, static_cast<int32_t>(doc.entities.size()), sentence, MentionKind::kName, "test"});
    Quote q;
    q.kind = QuoteKind::kIndirect;
    q.speaker = {
        name, p.as_written, p.name, p.title, static_cast<int32_t>(doc.entities.size()), false, ""};
    q.cue = {name.end + 1, name.end + 5};
    const size_t content_at = name.end + 6;
    const size_t content_end = doc.text.find(" on ", content_at);
    q.content = {{static_cast<uint32_t>(content_at), static_cast<uint32_t>(content_end)}};
    q.date = published;
    q.date_source = DateSource::kPublication;
    q.sentence = sentence;
    doc.quotes.push_back(q);
    TimeExpression t;
    t.span = {static_cast<uint32_t>(content_end + 4),
              static_cast<uint32_t>(content_end + 4 + published.size())};
    t.value = published;
    t.sentence = sentence;
    doc.times.push_back(t);
    doc.entities.push_back(std::move(e));
  }
  if (!event_code.empty()) {
    Event ev;
    ev.actor = {find(doc.text, "Fishermen"), "Fishermen", event_code, -1};
    ev.trigger = find(doc.text, "blocked");
    ev.trigger_text = "blocked";
    ev.plover = "PROTEST";
    ev.cameo = "145";
    ev.goldstein = -7.5;
    ev.quad_class = 4;
    ev.place = {find(doc.text, "quay"), "Valletta", "MLT", 35.9, 14.5, true};
    doc.events.push_back(ev);
  }
  return doc;
}

namespace backends = store::testing_backends;

// Every query test runs on SQLite and on PostgreSQL: the same rows from both.
class QueriesTest : public testing::TestWithParam<const char*> {
 protected:
  void SetUp() override {
    if (std::string why = backends::skip_reason(GetParam()); !why.empty()) GTEST_SKIP() << why;
    Result<Store> opened = Store::open(backends::fresh_store(GetParam()));
    ASSERT_TRUE(opened.ok()) << opened.status().to_string();
    store_ = std::make_unique<Store>(std::move(opened).value());
    Result<int64_t> run = store_->begin_run({"test", "0.1.0", "fp"});
    ASSERT_TRUE(run.ok());
    const Document docs[] = {
        article("a1", "2026-01-10", {{"Clara Zammit", "Clara Zammit", "Harbour Minister"}},
                "MLTCVL"),
        article("a2", "2026-02-14",
                {{"Zammit", "Zammit", "minister"}, {"Paul Zammit", "Paul Zammit", "judge"}},
                "MLTGOV"),
        article("a3", "2026-03-20", {{"Clara Zammit", "Clara Zammit", "Finance Minister"}}),
        article("a4", "2026-03-21", {{"Zammit", "Zammit", "judge"}}, "ITAMIL"),
    };
    for (const Document& d : docs) {
      Result<PutOutcome> put = store_->put(d, run.value());
      ASSERT_TRUE(put.ok()) << put.status().to_string();
    }
  }
  std::unique_ptr<Store> store_;
};

TEST_P(QueriesTest, PeopleAreMergedConservativelyWithReasons) {
  Result<std::vector<PersonRecord>> people = store_->people("Zammit");
  ASSERT_TRUE(people.ok()) << people.status().to_string();
  // Clara (a1, a2 by surname + minister, a3 by full name) and Paul (a2, a4 by judge).
  ASSERT_EQ(people->size(), 2u);
  EXPECT_EQ((*people)[0].name, "Clara Zammit");
  EXPECT_EQ((*people)[0].articles, 3);
  EXPECT_EQ((*people)[1].name, "Paul Zammit");
  EXPECT_EQ((*people)[1].articles, 2);

  Result<PersonRecord> clara = store_->person((*people)[0].id);
  ASSERT_TRUE(clara.ok());
  ASSERT_EQ(clara->appearances.size(), 3u);
  EXPECT_EQ(clara->appearances[0].published, "2026-01-10");
  EXPECT_EQ(clara->appearances[0].titles, std::vector<std::string>{"Harbour Minister"});
  EXPECT_EQ(clara->appearances[1].reason.rfind("surname 'zammit' + compatible title", 0), 0u);
  EXPECT_EQ(clara->appearances[2].reason, "same full name");
  EXPECT_EQ(clara->appearances[2].titles, std::vector<std::string>{"Finance Minister"});

  Result<std::vector<PersonRecord>> all = store_->people("");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  EXPECT_TRUE(store_->people("Nobody Atall")->empty());
}

TEST_P(QueriesTest, Quotes) {
  static const struct {
    QuoteQuery query;
    std::vector<std::string> articles;
  } kTests[] = {
      {{"", "", "", 0, true}, {"a1", "a2", "a2", "a3", "a4"}},
      {{"Clara Zammit", "", "", 0, true}, {"a1", "a2", "a3"}},  // a2 through identity: "Zammit"
      {{"paul", "", "", 0, true}, {"a2", "a4"}},
      {{"", "budgets final", "", 0, true}, {"a1", "a2", "a2", "a3", "a4"}},  // stemmed words
      {{"", "budget ferry", "", 0, true}, {}},
      {{"", "", "2026-03", 0, true}, {"a3", "a4"}},
      {{"zammit", "", "2026-02-14", 1, true}, {"a2"}},
  };
  for (const auto& t : kTests) {
    Result<std::vector<QuoteRecord>> quotes = store_->quotes(t.query);
    ASSERT_TRUE(quotes.ok()) << quotes.status().to_string();
    std::vector<std::string> got;
    for (const QuoteRecord& q : quotes.value()) got.push_back(q.ref.article_id);
    EXPECT_EQ(got, t.articles) << t.query.speaker << "|" << t.query.about << "|" << t.query.since;
  }
  // Issue #21: one row per statement. Every article has "the harbour budget was final": by
  // Clara (a1, a2 through identity, a3) and by Paul (a2, a4), two statements.
  Result<std::vector<QuoteRecord>> statements = store_->quotes({});
  ASSERT_TRUE(statements.ok());
  ASSERT_EQ(statements->size(), 2u);
  EXPECT_EQ((*statements)[0].ref.article_id, "a1");  // the first report
  EXPECT_EQ((*statements)[0].reports, 3);
  EXPECT_EQ((*statements)[1].ref.article_id, "a2");
  EXPECT_EQ((*statements)[1].reports, 2);
  EXPECT_NE((*statements)[0].statement, (*statements)[1].statement);
  Result<std::vector<QuoteRecord>> one = store_->quotes({"Clara", "", "2026-03-01", 0});
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->size(), 1u);
  const QuoteRecord& q = one->front();
  EXPECT_EQ(q.speaker, "Clara Zammit");
  EXPECT_EQ(q.title, "Finance Minister");
  EXPECT_EQ(q.content, "the harbour budget was final");
  EXPECT_EQ(q.outlet, "Island Courier");
  EXPECT_EQ(q.ref.end - q.ref.begin, q.content.size());
  EXPECT_EQ(store_->quotes({"", "", "March 2026", 0}).status().code(), ErrorCode::kInvalidArgument);
}

// Issue #20, item 9: a name filter with no letter or digit has an empty key, which every
// name contains: `people("%")` returned everyone. Such filters are refused (the CLI exits
// 2, the API answers 400); a control character in --about is no SQL error either.
TEST_P(QueriesTest, FiltersWithNothingToMatchAreRefused) {
  for (const char* value : {"%", "_", "'", "%%", " - ", "\""}) {
    EXPECT_EQ(store_->people(value).status().code(), ErrorCode::kInvalidArgument) << value;
    Result<std::vector<QuoteRecord>> quotes = store_->quotes({value, "", "", 0});
    EXPECT_EQ(quotes.status().code(), ErrorCode::kInvalidArgument) << value;
    EXPECT_NE(quotes.status().message().find("speaker: '"), std::string::npos);
    EXPECT_EQ(store_->timeline({"", "", value, 0}).status().code(), ErrorCode::kInvalidArgument)
        << value;
  }
  EXPECT_EQ(store_->people("Zammit%")->size(), 2u);  // letters besides: matched by them
  EXPECT_EQ(store_->quotes({"", std::string("\0", 1), "", 0}).status().code(),
            ErrorCode::kInvalidArgument);  // no words
  Result<std::vector<QuoteRecord>> spaced = store_->quotes({"", "budget\001final", "", 0, true});
  ASSERT_TRUE(spaced.ok()) << spaced.status().to_string();
  EXPECT_EQ(spaced->size(), 5u);
}

TEST_P(QueriesTest, Events) {
  static const struct {
    EventQuery query;
    std::vector<std::string> articles;
  } kTests[] = {
      {{}, {"a1", "a2", "a4"}},
      {{"MLT", "", "", "", "", 0}, {"a1", "a2"}},
      {{"mltgov", "", "", "", "", 0}, {"a2"}},
      {{"", "", "protest", "", "", 0}, {"a1", "a2", "a4"}},
      {{"", "", "14", "", "", 0}, {"a1", "a2", "a4"}},
      {{"", "", "19", "", "", 0}, {}},
      {{"", "", "", "2026-02-01", "", 0}, {"a2", "a4"}},
      {{"", "", "", "", "2026-02", 0}, {"a1", "a2"}},
      {{"", "", "", "2026-02", "2026-02", 0}, {"a2"}},
      {{"", "", "", "2026-01", "2026-02", 0}, {"a1", "a2"}},
      {{"", "USA", "", "", "", 0}, {}},
  };
  for (const auto& t : kTests) {
    Result<std::vector<EventRecord>> events = store_->events(t.query);
    ASSERT_TRUE(events.ok()) << events.status().to_string();
    std::vector<std::string> got;
    for (const EventRecord& e : events.value()) got.push_back(e.ref.article_id);
    EXPECT_EQ(got, t.articles) << t.query.actor << "|" << t.query.type << "|" << t.query.from;
  }
  std::vector<EventRecord> all;
  ASSERT_TRUE(store_
                  ->for_each_event([&](const EventRecord& e) {
                    all.push_back(e);
                    return ok_status();
                  })
                  .ok());
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].url, "https://example.org/a1");
  EXPECT_EQ(all[0].place_country, "MLT");
  EXPECT_TRUE(all[0].has_coordinates);
  EXPECT_EQ(all[0].published, "2026-01-10");
}

TEST_P(QueriesTest, Entities) {
  Result<std::vector<EntityRecord>> people = store_->entities({"person", "", 0});
  ASSERT_TRUE(people.ok()) << people.status().to_string();
  ASSERT_EQ(people->size(), 3u);  // "Clara Zammit", "Zammit", "Paul Zammit" as written
  EXPECT_EQ((*people)[0].name, "Clara Zammit");
  EXPECT_EQ((*people)[0].articles, 2);
  EXPECT_EQ((*people)[0].first_published, "2026-01-10");
  EXPECT_EQ((*people)[0].last_published, "2026-03-20");
  EXPECT_TRUE(store_->entities({"ORG", "", 0})->empty());
  EXPECT_EQ(store_->entities({"", "paul", 0})->size(), 1u);
}

TEST_P(QueriesTest, Timeline) {
  Result<std::vector<TimelineEntry>> all = store_->timeline({});
  ASSERT_TRUE(all.ok()) << all.status().to_string();
  ASSERT_FALSE(all->empty());
  for (size_t i = 1; i < all->size(); ++i) EXPECT_LE((*all)[i - 1].day, (*all)[i].day);

  Result<std::vector<TimelineEntry>> march = store_->timeline({"2026-03", "2026-03-20", "", 0});
  ASSERT_TRUE(march.ok());
  ASSERT_FALSE(march->empty());
  for (const TimelineEntry& e : march.value()) EXPECT_EQ(e.ref.article_id, "a3");

  Result<std::vector<TimelineEntry>> paul = store_->timeline({"", "", "Paul Zammit", 0});
  ASSERT_TRUE(paul.ok());
  std::vector<std::string> kinds;
  for (const TimelineEntry& e : paul.value()) kinds.push_back(e.kind + "@" + e.ref.article_id);
  EXPECT_EQ(kinds, (std::vector<std::string>{"quote@a2", "time@a2", "quote@a4", "time@a4"}));
  EXPECT_EQ(store_->timeline({"soon", "", "", 0}).status().code(), ErrorCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, QueriesTest,
                         testing::Values(backends::kSqlite, backends::kPostgres),
                         backends::backend_name);

}  // namespace
}  // namespace dateline
