// SPDX-License-Identifier: Apache-2.0
#include "text/conllu.h"

#include <gtest/gtest.h>

namespace dateline::text {
namespace {

constexpr const char* kSample =
    "# newdoc id = d1\n"
    "# sent_id = s1\n"
    "# text = I don't know.\n"
    "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n"
    "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s2\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n"
    "\n";

TEST(Conllu, ReadsWordsMultiwordsAndComments) {
  auto parsed = parse_conllu(kSample, "sample");
  ASSERT_TRUE(parsed.ok()) << parsed.status().to_string();
  const auto& sents = parsed.value();
  ASSERT_EQ(sents.size(), 2u);
  EXPECT_TRUE(sents[0].new_doc);
  EXPECT_EQ(sents[0].words.size(), 5u);
  EXPECT_EQ(sents[0].words[3].head, 0);
  EXPECT_EQ(sents[0].words[2].lemma, "not");
  auto toks = sents[0].surface_tokens();
  ASSERT_EQ(toks.size(), 4u);
  EXPECT_EQ(toks[1].form, "don't");
  EXPECT_FALSE(toks[2].space_after);
  EXPECT_EQ(raw_text(sents), "I don't know. Yes\n");
}

TEST(Conllu, RejectsMalformedLineWithItsNumber) {
  auto parsed = parse_conllu("1\tonly\tthree\n", "bad.conllu");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.status().message().find("bad.conllu:1"), std::string::npos);
}

}  // namespace
}  // namespace dateline::text
