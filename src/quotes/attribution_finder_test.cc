// SPDX-License-Identifier: Apache-2.0
// The rule path of AttributionFinder (no model): cue detection, content span boundaries,
// kinds, speaker continuation, anonymous sources and addressees, on sentences written for
// these tests.
#include "quotes/attribution_finder.h"

#include <gtest/gtest.h>

#include "quotes/test_util.h"

namespace dateline::quotes {
namespace {

AttributionFinder rule_finder() {
  auto lex = CueLexicon::load(std::string(DL_SOURCE_DIR) + "/data/lexicons/attribution.tsv");
  EXPECT_TRUE(lex.ok()) << lex.status().to_string();
  return AttributionFinder::from(std::move(lex.value()), nullptr, {});
}

struct Expected {
  const char* kind;
  const char* speaker;  // Speaker::text (or the inherited name)
  const char* cue;
  const char* content;  // fragments joined by " | "
};

std::string content_of(const Document& doc, const Quote& q) {
  std::string s;
  for (const Span& f : q.content) {
    if (!s.empty()) s += " | ";
    s += doc.slice(f);
  }
  return s;
}

TEST(AttributionFinder, RulesFindQuotationsAndReportedSpeech) {
  static const struct {
    const char* text;
    std::vector<Expected> quotes;
  } kCases[] = {
      {"The mayor said the bridge would reopen in May.",
       {{"indirect", "The mayor", "said", "the bridge would reopen in May"}}},
      {"Officials told reporters that the talks had stalled.",
       {{"indirect", "Officials", "told", "the talks had stalled"}}},
      {"\xE2\x80\x9CWe will rebuild the bridge,\xE2\x80\x9D Jana Novak said.",
       {{"direct", "Jana Novak", "said",
         "\xE2\x80\x9CWe will rebuild the bridge,\xE2\x80\x9D"}}},
      {"\"The budget is not enough,\" said Tomas Berg.",
       {{"direct", "Tomas Berg", "said", "\"The budget is not enough,\""}}},
      {"Novak said: \xE2\x80\x9CThe river has never been this high.\xE2\x80\x9D",
       {{"direct", "Novak", "said",
         "\xE2\x80\x9CThe river has never been this high.\xE2\x80\x9D"}}},
      // A one-word scare quote does not make it mixed.
      {"Berg said the plan was a \"mistake\" from the start.",
       {{"indirect", "Berg", "said", "the plan was a \"mistake\" from the start"}}},
      {"According to the ministry, the dam is safe.",
       {{"indirect", "the ministry", "According to", "the dam is safe"}}},
      {"The dam is safe, according to engineers.",
       {{"indirect", "engineers", "according to", "The dam is safe"}}},
      {"As reported by the Daily Courier, the mayor will resign.",
       {{"indirect", "the Daily Courier", "As reported by", "the mayor will resign"}}},
      // No cue, no attribution; a short title in quotes is not a quotation.
      {"The bridge opened in May after the \"Big River\" festival.", {}},
      {"The minister believes the tax will pass.",
       {{"indirect", "The minister", "believes", "the tax will pass"}}},
  };
  AttributionFinder finder = rule_finder();
  for (const auto& c : kCases) {
    Document doc = whitespace_document(c.text);
    ASSERT_TRUE(finder.annotate(doc).ok());
    ASSERT_EQ(doc.quotes.size(), c.quotes.size()) << c.text;
    for (size_t i = 0; i < c.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      const Expected& e = c.quotes[i];
      EXPECT_STREQ(to_string(q.kind), e.kind) << c.text;
      const std::string speaker = q.speaker.span.empty() ? q.speaker.text
                                                         : std::string(doc.slice(q.speaker.span));
      EXPECT_EQ(speaker, e.speaker) << c.text;
      EXPECT_EQ(std::string(doc.slice(q.cue)), e.cue) << c.text;
      EXPECT_EQ(content_of(doc, q), e.content) << c.text;
    }
  }
}

TEST(AttributionFinder, ModeAddresseeAndAnonymousSources) {
  static const struct {
    const char* text;
    const char* mode;
    const char* addressee;
    bool anonymous;
  } kCases[] = {
      {"The minister believes the tax will pass.", "thought", "", false},
      {"Jana Novak told local farmers that the dam would hold.", "speech", "local farmers", false},
      {"Two people familiar with the talks said the deal was close.", "speech", "", true},
      {"Senior officials said the deal was close.", "speech", "", true},
      {"A source familiar with the talks said the deal was close.", "speech", "", true},
      {"Two Ministry officials said the deal was close.", "speech", "", false},
  };
  AttributionFinder finder = rule_finder();
  for (const auto& c : kCases) {
    Document doc = whitespace_document(c.text);
    ASSERT_TRUE(finder.annotate(doc).ok());
    ASSERT_EQ(doc.quotes.size(), 1u) << c.text;
    const Quote& q = doc.quotes[0];
    EXPECT_STREQ(to_string(q.mode), c.mode) << c.text;
    EXPECT_EQ(std::string(doc.slice(q.addressee)), c.addressee) << c.text;
    EXPECT_EQ(q.speaker.anonymous, c.anonymous) << c.text;
    if (c.anonymous) {
      EXPECT_EQ(q.speaker.description, q.speaker.text) << c.text;
    }
  }
}

TEST(AttributionFinder, MergesAQuotationOverParagraphs) {
  Document doc = whitespace_document(
      "\xE2\x80\x9CWe start the repairs today,\xE2\x80\x9D Novak said. \xE2\x80\x9CThe first crews are already there.\n"
      "\xE2\x80\x9CThe second crews arrive on Monday with the pumps.\xE2\x80\x9D");
  AttributionFinder finder = rule_finder();
  ASSERT_TRUE(finder.annotate(doc).ok());
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[1].content.size(), 2u);  // one quote, two paragraphs
  EXPECT_EQ(doc.quotes[1].speaker.text, "Novak");
}

}  // namespace
}  // namespace dateline::quotes
