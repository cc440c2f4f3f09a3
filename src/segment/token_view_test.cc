// SPDX-License-Identifier: Apache-2.0
#include "segment/token_view.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dateline::segment {
namespace {

// A document with one token per space-separated piece; "|" starts a new sentence.
Document make_doc(std::string_view text) {
  Document doc;
  uint32_t sentence = 0;
  size_t i = 0;
  while (i < text.size()) {
    size_t e = text.find(' ', i);
    if (e == std::string_view::npos) e = text.size();
    const std::string_view piece = text.substr(i, e - i);
    if (piece == "|") {
      ++sentence;
    } else {
      Token t;
      t.span = {static_cast<uint32_t>(doc.text.size()),
                static_cast<uint32_t>(doc.text.size() + piece.size())};
      t.sentence = sentence;
      doc.text.append(piece);
      doc.tokens.push_back(t);
    }
    doc.text += ' ';
    i = e + 1;
  }
  return doc;
}

TEST(TokenView, FormsAndFlagsOfEachToken) {
  struct Case {
    const char* token;
    const char* norm;
    const char* shape;
    QuoteMark mark;
    uint16_t flags;  // without the sentence flags
  };
  using enum Lex;
  auto f = [](std::initializer_list<Lex> flags) {
    uint16_t v = 0;
    for (Lex x : flags) v |= static_cast<uint16_t>(x);
    return v;
  };
  const Case cases[] = {
      {"Washington", "washington", "Xxxxx", QuoteMark::kNone, f({kCapitalized, kUpperInitial})},
      {"said", "said", "xxxx", QuoteMark::kNone, 0},
      {"1990s", "1990s", "ddddx", QuoteMark::kNone, 0},
      {"2024", "2024", "dddd", QuoteMark::kNone, f({kDigits})},
      {"\u201C", "\"", "\xE2\x80\x9C", QuoteMark::kDoubleOpen, f({kQuoteMark, kPunct})},
      {"\u201D", "\"", "\xE2\x80\x9D", QuoteMark::kDoubleClose, f({kQuoteMark, kPunct})},
      {"\"", "\"", "\"", QuoteMark::kDoubleStraight, f({kQuoteMark, kPunct})},
      {"\u2019", "'", "\xE2\x80\x99", QuoteMark::kSingleClose, f({kQuoteMark, kPunct})},
      {"\u00AB", "\"", "\xC2\xAB", QuoteMark::kDoubleOpen, f({kQuoteMark, kPunct})},
      {"\u2014", "\u2014", "\xE2\x80\x94", QuoteMark::kNone, f({kDash, kPunct})},
      {"--", "--", "--", QuoteMark::kNone, f({kDash, kPunct})},
      {",", ",", ",", QuoteMark::kNone, f({kPunct})},
      {"\u00C9lys\u00E9e", "\u00C9lys\u00E9e", "\xC3\x89xxx\xC3\xA9x", QuoteMark::kNone,
       f({kCapitalized})},
      {"U.S.", "u.s.", "X.X.", QuoteMark::kNone, f({kCapitalized, kUpperInitial})},
      {"\u2018Trump\u2019s", "'trump's", "\xE2\x80\x98Xxxxx\xE2\x80\x99x", QuoteMark::kNone, 0},
  };
  for (const Case& c : cases) {
    const Document doc = make_doc(std::string("x | ") + c.token);
    const TokenView view(doc);
    ASSERT_EQ(view.size(), 2u);
    EXPECT_EQ(view.norm(1), c.norm) << c.token;
    EXPECT_EQ(view.shape(1), c.shape) << c.token;
    EXPECT_EQ(view.mark(1), c.mark) << c.token;
    const uint16_t sentence =
        static_cast<uint16_t>(kSentenceStart) |
        ((c.flags & static_cast<uint16_t>(kCapitalized)) ? static_cast<uint16_t>(kTitleCaseStart)
                                                          : 0);
    EXPECT_EQ(view.flags(1), c.flags | sentence) << c.token;
  }
}

TEST(TokenView, LowerTextKeepsOffsetsAndSentenceStarts) {
  const Document doc = make_doc("The Senate voted . | Police said so");
  const TokenView view(doc);
  EXPECT_EQ(view.lower_text().size(), doc.text.size());
  EXPECT_EQ(view.lower(0u), "the");
  EXPECT_EQ(view.lower(Span{4, 10}), "senate");
  const bool title_case_start[] = {true, false, false, false, true, false, false};
  for (uint32_t t = 0; t < view.size(); ++t) {
    EXPECT_EQ(view.has(t, Lex::kTitleCaseStart), title_case_start[t]) << t;
    EXPECT_EQ(view.has(t, Lex::kSentenceStart), t == 0 || t == 4) << t;
  }
}

TEST(TokenView, EmptyDocumentHasNoTokens) {
  const TokenView view{Document{}};
  EXPECT_EQ(view.size(), 0u);
  EXPECT_TRUE(view.lower_text().empty());
}

}  // namespace
}  // namespace dateline::segment
