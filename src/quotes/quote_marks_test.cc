// SPDX-License-Identifier: Apache-2.0
#include "quotes/quote_marks.h"

#include <gtest/gtest.h>

#include "quotes/test_util.h"
#include "quotes/words.h"

namespace dateline::quotes {
namespace {

// Renders each region as the text between its marks, "+" marking one that goes on in the
// next paragraph and "~" one left open.
std::vector<std::string> regions_of(const std::string& text) {
  Document doc = whitespace_document(text);
  WordView v = build_word_view(doc);
  std::vector<std::string> out;
  for (const QuoteRegion& r : pair_quote_marks(v, doc.text)) {
    const uint32_t b = v.words[r.open].span.end;
    const uint32_t e = r.closed ? v.words[r.close].span.begin
                                : v.words[r.close - 1].span.end;
    std::string s = doc.text.substr(b, e - b);
    if (r.depth > 1) s = "[" + s + "]";
    if (!r.closed) s += r.continues ? "+" : "~";
    out.push_back(s);
  }
  return out;
}

TEST(QuoteMarks, PairsStraightCurlyNestedAndMultiParagraph) {
  static const struct {
    const char* text;
    std::vector<std::string> regions;
  } kCases[] = {
      {"He said \"we will win,\" and left.", {"we will win,"}},
      {"\xE2\x80\x9CWe are ready,\xE2\x80\x9D the mayor said.", {"We are ready,"}},
      // Two straight quotations in one sentence.
      {"It is \"not a mission\" but a \"war\" now.", {"not a mission", "war"}},
      // A quotation inside a quotation, curly and straight.
      {"\xE2\x80\x9CThey called it \xE2\x80\x9C" "folly\xE2\x80\x9D in May,\xE2\x80\x9D she said.",
       {"They called it \xE2\x80\x9C" "folly\xE2\x80\x9D in May,", "[folly]"}},
      {"\"He told me \"go home\" twice,\" she said.",
       {"He told me \"go home\" twice,", "[go home]"}},
      // Single marks inside double ones, and apostrophes that close nothing.
      {"\xE2\x80\x9CThe mayor\xE2\x80\x99s \xE2\x80\x98plan\xE2\x80\x99 failed,\xE2\x80\x9D he said.",
       {"The mayor\xE2\x80\x99s \xE2\x80\x98plan\xE2\x80\x99 failed,"}},
      // A quotation over two paragraphs: the first leaves its mark open, the second opens
      // again and closes.
      {"\xE2\x80\x9CWe start today.\n\xE2\x80\x9C" "And we finish in May,\xE2\x80\x9D he said.",
       {"We start today.+", "And we finish in May,"}},
      // An unclosed mark at the end of a paragraph not followed by a quotation.
      {"He said \"no more.\nThen he left.", {"no more.~"}},
      {"No quotation marks at all.", {}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(regions_of(c.text), c.regions) << c.text;
  }
}

TEST(QuoteMarks, MarksDepthOfWordsInside) {
  Document doc = whitespace_document("A \xE2\x80\x9C" "b \"c\" d\xE2\x80\x9D e");
  WordView v = build_word_view(doc);
  pair_quote_marks(v, doc.text);
  std::string depths;
  for (const Word& w : v.words) depths += char('0' + w.quote_depth);
  // A “ b " c " d ” e
  EXPECT_EQ(depths, "001121100");
}

TEST(Words, SplitsPunctuationButKeepsAbbreviations) {
  static const struct {
    const char* token;
    std::vector<std::string> words;
  } kCases[] = {
      {"said,", {"said", ","}},
      {"\xE2\x80\x9CWe", {"\xE2\x80\x9C", "We"}},
      {"problem,\xE2\x80\x9D", {"problem", ",", "\xE2\x80\x9D"}},
      {"U.S.", {"U.S."}},
      {"Mr.", {"Mr."}},
      {"war.", {"war", "."}},
      {"officials\xE2\x80\x99", {"officials\xE2\x80\x99"}},
      {"act\xE2\x80\x94\xE2\x80\x9CMy", {"act", "\xE2\x80\x94", "\xE2\x80\x9C", "My"}},
      {"'s", {"'s"}},
  };
  for (const auto& c : kCases) {
    std::vector<std::string> got;
    std::string_view t(c.token);
    for (const Span& s : split_token(t)) got.emplace_back(t.substr(s.begin, s.size()));
    EXPECT_EQ(got, c.words) << c.token;
  }
}

}  // namespace
}  // namespace dateline::quotes
