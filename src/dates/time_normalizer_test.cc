// SPDX-License-Identifier: Apache-2.0
#include "dates/time_normalizer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "dates/governing.h"
#include "segment/segmenter.h"

namespace dateline::dates {
namespace {

// Runs the stage on `text` (one sentence, no tokens: the word-based tense fallback).
Document annotate(const std::string& text, const std::string& published,
                  const std::string& anchor_option = "") {
  auto n = TimeNormalizer::load({"", anchor_option});
  EXPECT_TRUE(n.ok());
  Document doc;
  doc.text = text;
  doc.meta.published = published;
  EXPECT_TRUE(n->annotate(doc).ok());
  return doc;
}

struct Case {
  const char* sentence;
  const char* anchor;
  const char* expression;  // exact text of the expected span
  const char* value;       // "" = expected unresolved
  TimeType type;
};

void check(const Case& c) {
  Document doc = annotate(c.sentence, c.anchor);
  const TimeExpression* found = nullptr;
  for (const TimeExpression& t : doc.times) {
    if (doc.slice(t.span) == c.expression) found = &t;
  }
  std::string all;
  for (const TimeExpression& t : doc.times) {
    all += "[" + std::string(doc.slice(t.span)) + "=" + t.value + "] ";
  }
  ASSERT_NE(found, nullptr) << c.sentence << " / anchor " << c.anchor << " -> " << all;
  EXPECT_EQ(found->value, c.value) << c.sentence << " / anchor " << c.anchor << "; " << found->why;
  EXPECT_EQ(found->type, c.type) << c.sentence;
  EXPECT_EQ(found->resolved, std::string(c.value) != "") << c.sentence;
}

constexpr TimeType D = TimeType::kDate, T = TimeType::kTime, P = TimeType::kDuration,
                   S = TimeType::kSet;

TEST(TimeNormalizer, AbsoluteDates) {
  static const Case kCases[] = {
      {"The deal was signed on March 6th, 2026 in Lima.", "2026-03-10", "March 6th, 2026", "2026-03-06", D},
      {"The vote is set for 6 March.", "2026-03-01", "6 March", "2026-03-06", D},
      {"Files dated 2026-03-06 were released.", "", "2026-03-06", "2026-03-06", D},
      {"Talks resumed on Mar. 6 in Doha.", "2026-03-08", "Mar. 6", "2026-03-06", D},
      {"The company was founded in 1998.", "", "1998", "1998", D},
      {"Sales rose in August 1988 and fell later.", "1989-10-26", "August 1988", "1988-08", D},
      {"The report for fiscal 1989 is out.", "1989-10-26", "fiscal 1989", "1989", D},
      {"Prices climbed during the 1990s.", "", "the 1990s", "199", D},
      {"It happened on 3/6/2026 at the port.", "", "3/6/2026", "2026-03-06", D},
      {"He was born on the 5th of May 1946.", "", "5th of May 1946", "1946-05-05", D},
  };
  for (const Case& c : kCases) check(c);
}

TEST(TimeNormalizer, RelativeToTheAnchor) {
  static const Case kCases[] = {
      // 2026-03-06 is a Friday in ISO week 10.
      {"Miller told the gathering on Thursday that cartels must go.", "2026-03-06", "Thursday", "2026-03-05", D},
      {"Mexico was aided last month in its operation.", "2026-03-06", "last month", "2026-02", D},
      {"Officials met this week in Miami.", "2026-03-06", "this week", "2026-W10", D},
      {"Protests are planned this weekend.", "2026-03-06", "this weekend", "2026-W10-WE", D},
      {"The minister resigned yesterday.", "2026-03-06", "yesterday", "2026-03-05", D},
      {"The minister resigns today.", "2026-03-06", "today", "2026-03-06", D},
      {"The minister will resign tomorrow.", "2026-03-06", "tomorrow", "2026-03-07", D},
      {"Elections will be held next year.", "2026-03-06", "next year", "2027", D},
      {"The ship sank two weeks ago.", "2026-03-06", "two weeks ago", "2026-W08", D},
      {"They seized the president in January.", "2026-03-06", "January", "2026-01", D},
      {"Inflation fell last year.", "2026-01-10", "last year", "2025", D},
      {"Sales rose in the third quarter.", "1989-10-26", "the third quarter", "1989-Q3", D},
      {"He spoke at 10 a.m. Thursday.", "2026-03-06", "10 a.m. Thursday", "2026-03-05T10:00", T},
      {"The ceasefire collapsed this morning.", "2026-03-06", "this morning", "2026-03-06TMO", T},
      {"It happened last Friday.", "2026-03-06", "last Friday", "2026-02-27", D},
      {"The summit opens next Monday.", "2026-03-06", "next Monday", "2026-03-09", D},
      {"The strike began a year ago.", "2026-03-06", "a year ago", "2025", D},
      {"Fighting resumed last summer.", "2026-03-06", "last summer", "2025-SU", D},
      {"The vote is on Christmas Eve.", "2026-03-06", "Christmas Eve", "2025-12-24", D},
      {"Rates were cut earlier this year.", "2026-03-06", "earlier this year", "2026", D},
      {"Polls close at 20:30 GMT.", "2026-03-06", "20:30 GMT", "2026-03-06T20:30", T},
      {"They have talked for a couple of weeks.", "2026-03-06", "a couple of weeks", "P2W", P},
  };
  for (const Case& c : kCases) check(c);
}

TEST(TimeNormalizer, TenseChoosesPastOrFuture) {
  static const Case kCases[] = {
      {"The council met on Tuesday.", "2026-03-06", "Tuesday", "2026-03-03", D},
      {"The council will meet on Tuesday.", "2026-03-06", "Tuesday", "2026-03-10", D},
      {"He said he would travel on Monday.", "2026-03-06", "Monday", "2026-03-09", D},
      {"The talks are scheduled to resume in April.", "2026-03-06", "April", "2026-04", D},
      {"Exports collapsed in April.", "2026-03-06", "April", "2025-04", D},
      {"Voting will end in May.", "2026-03-06", "May", "2026-05", D},
      {"The treaty expired on Friday.", "2026-03-06", "Friday", "2026-03-06", D},
  };
  for (const Case& c : kCases) check(c);
}

TEST(TimeNormalizer, FuzzyDurationsAndSets) {
  static const Case kCases[] = {
      {"Growth slowed in early 2025.", "2026-03-06", "early 2025", "2025", D},
      {"We have learned after decades of effort.", "2026-03-06", "decades", "PXDE", P},
      {"Prices doubled over the past year.", "2026-03-06", "the past year", "P1Y", P},
      {"He has recently left the party.", "2026-03-06", "recently", "PAST_REF", D},
      {"The army is now in control.", "2026-03-06", "now", "PRESENT_REF", D},
      {"He served three years in prison.", "2026-03-06", "three years", "P3Y", P},
      {"The 48-hour truce ended.", "2026-03-06", "48-hour", "PT48H", P},
      {"They were held for 48 hours.", "2026-03-06", "48 hours", "PT48H", P},
      {"Inspectors visit every week.", "2026-03-06", "every week", "P1W", S},
      {"The index is published daily.", "2026-03-06", "daily", "P1D", S},
      {"Markets opened in mid-November.", "2026-03-06", "mid-November", "2025-11", D},
      {"The war lasted nearly two years.", "2026-03-06", "nearly two years", "P2Y", P},
      {"A solution may come in the future.", "2026-03-06", "the future", "FUTURE_REF", D},
  };
  for (const Case& c : kCases) check(c);
}

TEST(TimeNormalizer, RangesGiveTwoExpressions) {
  static const Case kCases[] = {
      // No past or future cue: the nearer occurrence of each month.
      {"The festival runs from March to May.", "2026-01-10", "March", "2026-03", D},
      {"The festival runs from March to May.", "2026-01-10", "May", "2026-05", D},
      {"The festival ran from March to May.", "2026-01-10", "May", "2025-05", D},
      {"Talks were held March 3-5 in Geneva.", "2026-03-10", "March 3", "2026-03-03", D},
      {"Talks were held March 3-5 in Geneva.", "2026-03-10", "5", "2026-03-05", D},
      {"The plan covers 2020-2025 only.", "", "2025", "2025", D},
  };
  for (const Case& c : kCases) check(c);
}

TEST(TimeNormalizer, PartialOrMissingAnchor) {
  static const Case kCases[] = {
      // Year-only anchor: month names take its year; weekdays and "last month" cannot resolve.
      {"Six cartels were designated in February.", "2025", "February", "2025-02", D},
      {"The raid happened on Thursday.", "2025", "Thursday", "", D},
      {"Prices rose last month.", "2025", "last month", "", D},
      {"Prices rose last month.", "2025-11", "last month", "2025-10", D},
      {"Prices rose last year.", "2025", "last year", "2024", D},
      // No anchor at all: relative expressions stay unresolved, absolute ones do not.
      {"The raid happened on Thursday.", "", "Thursday", "", D},
      {"The raid happened on March 5, 2026.", "", "March 5, 2026", "2026-03-05", D},
  };
  for (const Case& c : kCases) check(c);
}

TEST(TimeNormalizer, ModifiersAreKept) {
  static const struct {
    const char* sentence;
    const char* expression;
    const char* mod;
  } kCases[] = {
      {"Growth slowed in early 2025.", "early 2025", "START"},
      {"Markets opened in mid-November.", "mid-November", "MID"},
      {"Talks end by the end of March.", "the end of March", "END"},
      {"The war lasted nearly two years.", "nearly two years", "LESS_THAN"},
      {"The siege lasted more than three weeks.", "more than three weeks", "MORE_THAN"},
      {"Talks resumed in March.", "March", ""},
  };
  for (const auto& c : kCases) {
    Document doc = annotate(c.sentence, "2026-03-06");
    const TimeExpression* found = nullptr;
    for (const TimeExpression& t : doc.times) {
      if (doc.slice(t.span) == c.expression) found = &t;
    }
    ASSERT_NE(found, nullptr) << c.sentence;
    EXPECT_EQ(found->mod, c.mod) << c.sentence;
  }
}

TEST(TimeNormalizer, AnchorOptionIsTheFallback) {
  Document doc = annotate("The raid happened yesterday.", "", "2026-03-06");
  ASSERT_EQ(doc.times.size(), 1u);
  EXPECT_EQ(doc.times[0].value, "2026-03-05");
  EXPECT_EQ(doc.times[0].anchor, "2026-03-06");
  EXPECT_FALSE(TimeNormalizer::load({"", "6 March"}).ok());
}

TEST(TimeNormalizer, RejectsNonTimes) {
  static const char* kSentences[] = {
      "Theresa May spoke to reporters.",
      "Thousands joined the march through the capital.",
      "Oil prices may fall further.",
      "The company employs 1,998 people and 2500 contractors.",
      "Published in Dawn, March 6th, 2026",
      "Copyright 2026 Reuters.",
      "They sat down for a meal.",
      "He quoted John 3:16 in the speech.",
      "The 44-year-old suspect was held.",
      "Three-quarters of voters agreed.",
      "He wrote for the Daily Mail before.",
  };
  for (const char* s : kSentences) {
    Document doc = annotate(s, "2026-03-06");
    std::string all;
    for (const TimeExpression& t : doc.times) all += std::string(doc.slice(t.span)) + " ";
    EXPECT_TRUE(doc.times.empty()) << s << " -> " << all;
  }
}

TEST(TimeNormalizer, SkipsBoilerplateSentences) {
  Document doc;
  doc.text = "Rates rose on Monday. Subscribe today.";
  doc.meta.published = "2026-03-06";
  doc.paragraphs = {{{0, 21}, false}, {{22, 38}, true}};
  doc.sentences = {{{0, 21}, 0, 0, 0, false}, {{22, 38}, 1, 0, 0, true}};
  auto n = TimeNormalizer::load({});
  ASSERT_TRUE(n.ok());
  ASSERT_TRUE(n->annotate(doc).ok());
  ASSERT_EQ(doc.times.size(), 1u);
  EXPECT_EQ(doc.slice(doc.times[0].span), "Monday");
  EXPECT_EQ(doc.times[0].sentence, 0u);
}

TEST(TimeNormalizer, TenseFromSyntaxWhenParsed) {
  // "They will meet Tuesday ." parsed by hand: the syntax layer's tags decide.
  Document doc;
  doc.text = "They will meet Tuesday.";
  doc.meta.published = "2026-03-06";
  doc.paragraphs = {{{0, 23}, false}};
  doc.sentences = {{{0, 23}, 0, 0, 5, false}};
  auto tok = [](uint32_t b, uint32_t e, const char* xpos, const char* upos, const char* lemma,
                int32_t head, const char* deprel) {
    Token t;
    t.span = {b, e};
    t.xpos = xpos;
    t.upos = upos;
    t.lemma = lemma;
    t.head = head;
    t.deprel = deprel;
    return t;
  };
  doc.tokens = {tok(0, 4, "PRP", "PRON", "they", 2, "nsubj"),
                tok(5, 9, "MD", "AUX", "will", 2, "aux"),
                tok(10, 14, "VB", "VERB", "meet", Token::kRoot, "root"),
                tok(15, 22, "NNP", "PROPN", "Tuesday", 2, "obl:tmod"),
                tok(22, 23, ".", "PUNCT", ".", 2, "punct")};
  auto n = TimeNormalizer::load({});
  ASSERT_TRUE(n.ok());
  ASSERT_TRUE(n->annotate(doc).ok());
  ASSERT_EQ(doc.times.size(), 1u);
  EXPECT_EQ(doc.times[0].value, "2026-03-10");
  EXPECT_NE(doc.times[0].why.find("syntax"), std::string::npos) << doc.times[0].why;
}

TEST(Governing, NearestPointInTimeElsePublicationDate) {
  Document doc = annotate(
      "Miller said on Thursday that the raids of January had lasted three years.", "2026-03-06");
  const size_t said = doc.text.find("said");
  const Span cue{static_cast<uint32_t>(said), static_cast<uint32_t>(said + 4)};
  const TimeExpression* t = governing_time(doc, 0, cue);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(doc.slice(t->span), "Thursday");
  DateAssignment a = assign_date(doc, 0, cue);
  EXPECT_EQ(a.date, "2026-03-05");
  EXPECT_EQ(a.source, DateSource::kExpression);
  EXPECT_EQ(a.time, static_cast<int32_t>(t - doc.times.data()));

  Document plain = annotate("Miller said cartels lasted three years.", "2026-03-06");
  DateAssignment b = assign_date(plain, 0, {7, 11});
  EXPECT_EQ(b.date, "2026-03-06");
  EXPECT_EQ(b.source, DateSource::kPublication);
  EXPECT_EQ(b.time, -1);

  Document none = annotate("Miller said so.", "");
  EXPECT_EQ(assign_date(none, 0, {7, 11}).source, DateSource::kNone);
}

// governing_time() finds a sentence's times by binary search (issue #20, item 2: it scanned
// every time for every record); each sentence still gets its own nearest time.
TEST(Governing, EachSentenceGetsItsOwnTime) {
  std::string text;
  for (int day = 1; day <= 9; ++day) {
    text += "Ruiz said on March " + std::to_string(day) + " that talks went on. ";
    text += "Nobody said anything. ";
  }
  Document doc;
  doc.text = text;
  doc.meta.published = "2026-04-01";
  segment::Segmenter().segment(doc);
  auto n = TimeNormalizer::load({"", ""});
  ASSERT_TRUE(n.ok());
  ASSERT_TRUE(n->annotate(doc).ok());
  ASSERT_EQ(doc.sentences.size(), 18u);
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const std::string_view sentence = doc.slice(doc.sentences[s].span);
    const auto said = static_cast<uint32_t>(doc.sentences[s].span.begin + sentence.find("said"));
    const TimeExpression* t = governing_time(doc, s, {said, said + 4});
    if (s % 2 == 1) {
      EXPECT_EQ(t, nullptr) << sentence;
      continue;
    }
    ASSERT_NE(t, nullptr) << sentence;
    EXPECT_EQ(t->sentence, s);
    EXPECT_EQ(t->value, "2026-03-0" + std::to_string(s / 2 + 1)) << sentence;
  }
}

}  // namespace
}  // namespace dateline::dates
