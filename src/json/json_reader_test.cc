// SPDX-License-Identifier: Apache-2.0
// from_json() (include/dateline/json.h): the JSON of `extract --with record` read back gives
// a Document that prints the same in every form, and a record that does not hold together
// is refused with its field named.
#include <gtest/gtest.h>

#include <string>

#include "dateline/json.h"
#include "model/hash.h"

namespace dateline {
namespace {

// An article written for the test, with one of each record the writer prints.
Document sample() {
  Document d;
  d.text = "Mara Quist said on Monday the port would reopen.";
  d.meta.id = "port-1";
  d.meta.path = "port.jsonl:1";
  d.meta.published = "2026-03-02";
  d.meta.provenance = {{"published", "input"}};
  d.content_hash = model::content_hash(d.text);
  d.engine_version = "test";
  d.paragraphs.push_back({{0, 48}, false});
  d.sentences.push_back({{0, 48}, 0, 0, 2, false});
  d.tokens.push_back({{0, 4}, 0, true});
  d.tokens.push_back({{5, 10}, 0, true});
  d.mentions.push_back({{0, 10}, 0, 0, MentionKind::kName, "name"});
  d.mentions.push_back({{11, 15}, -1, 0, MentionKind::kNominal, "no entity"});
  Entity e;
  e.name = "Mara Quist";
  e.type = EntityType::kPerson;
  e.mentions = {0};
  e.titles.push_back({"harbour master", {0, 4}, "Port Authority", "", "title before name"});
  d.entities.push_back(e);
  TimeExpression t;
  t.span = {19, 25};
  t.value = "2026-03-02";
  t.why = "weekday";
  d.times.push_back(t);
  Quote q;
  q.kind = QuoteKind::kIndirect;
  q.speaker.span = {0, 10};
  q.speaker.name = "Mara Quist";
  q.speaker.entity = 0;
  q.cue = {11, 15};
  q.content = {{26, 47}};
  q.date = "2026-03-02";
  q.date_source = DateSource::kExpression;
  q.time = 0;
  q.why = "cue said";
  d.quotes.push_back(q);
  Event ev;
  ev.actor = {{0, 10}, "", "USAGOV", 0};
  ev.trigger = {41, 47};
  ev.plover = "COOPERATE";
  ev.goldstein = 3.5;
  ev.quad_class = 2;
  ev.time = 0;
  ev.place.name = "port";
  ev.place.span = {30, 34};
  ev.place.has_coordinates = true;
  ev.place.latitude = 12.25;
  d.events.push_back(ev);
  d.diagnostics.push_back({"bad_date", "port.jsonl:1: a note", 7});
  return d;
}

TEST(FromJson, RecordRoundTrips) {
  const Document d = sample();
  JsonOptions record;
  record.with_record = true;
  const std::string line = to_json(d, record);
  Result<Document> back = from_json(line, "port.out.jsonl:1");
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(back->text, d.text);
  EXPECT_EQ(back->mentions.size(), 2u);
  EXPECT_EQ(back->mentions[1].why, "no entity");
  EXPECT_EQ(back->quotes[0].time, 0);
  EXPECT_EQ(back->events[0].time, 0);
  EXPECT_EQ(to_json(*back, record), line);
  EXPECT_EQ(to_json(*back, {}), to_json(d, {}));
  JsonOptions syntax;
  syntax.with_syntax = true;
  syntax.with_sentences = true;
  EXPECT_EQ(to_json(*back, syntax), to_json(d, syntax));
}

// Replaces the first `from` in `s` by `to`.
std::string edited(std::string s, const std::string& from, const std::string& to) {
  const size_t at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

TEST(FromJson, RefusesRecordsThatDoNotHoldTogether) {
  JsonOptions record;
  record.with_record = true;
  const std::string line = to_json(sample(), record);
  struct Case {
    std::string json;
    std::string says;
  };
  const Case cases[] = {
      {"{\"doc\": ", "not valid JSON"},
      {"[1]", "not a JSON object"},
      {to_json(sample(), {}), "--with record"},
      {"{\"error\":{\"code\":\"bad_input\"}}", "error line"},
      {edited(line, "[[26,47]]", "[[26,4000]]"), "\"quotes[0].content.spans[0]\" is 4000"},
      {edited(line, "\"content\":{\"text\"", "\"content\":{\"x\""), ""},  // only text changed
      {edited(line, "\"entity\":0,\"anonymous\"", "\"entity\":5,\"anonymous\""),
       "\"quotes[0].speaker.entity\" is 5"},
      {edited(line, "\"type\":\"PERSON\"", "\"type\":\"PIRATE\""), "\"entities[0].type\""},
      {edited(line, "\"why\":\"cue said\"", "\"why\":7"), "\"quotes[0].why\" is not a string"},
      {edited(line, "\"bytes\":48", "\"bytes\":47"), "\"doc.bytes\""},
      {edited(line, "reopen.", "reopen!"), "\"doc.content_hash\" is not the hash"},
  };
  for (const Case& c : cases) {
    Result<Document> got = from_json(c.json, "x.jsonl:9");
    if (c.says.empty()) {
      EXPECT_TRUE(got.ok()) << got.status().to_string();
      continue;
    }
    ASSERT_FALSE(got.ok()) << c.says;
    EXPECT_EQ(got.status().code(), ErrorCode::kBadInput);
    EXPECT_NE(got.status().message().find("x.jsonl:9: "), std::string::npos);
    EXPECT_NE(got.status().message().find(c.says), std::string::npos) << got.status().message();
  }
}

}  // namespace
}  // namespace dateline
