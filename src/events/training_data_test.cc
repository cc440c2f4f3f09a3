// SPDX-License-Identifier: Apache-2.0
#include "events/training_data.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace dateline::events {
namespace {

std::string write_temp(const std::string& name, const std::string& body) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << body;
  return path;
}

TEST(TrainingData, CodebookMarksBecomeSpansOfTheCleanText) {
  const std::string path = write_temp("dl_codebook_test.txt",
                                      "# a comment\n"
                                      "\n"
                                      "Peru [AGREE:031 agreed] to [NONE resume] fuel shipments.\n"
                                      "Rebels [ASSAULT shelled the town] at dawn.\n");
  auto texts = read_codebook(path);
  ASSERT_TRUE(texts.ok()) << texts.status().to_string();
  ASSERT_EQ(texts->size(), 2u);
  const MarkedText& a = (*texts)[0];
  EXPECT_EQ(a.id, "dl_codebook_test.txt:3");
  EXPECT_EQ(a.text, "Peru agreed to resume fuel shipments.");
  ASSERT_EQ(a.marks.size(), 2u);
  EXPECT_EQ(a.text.substr(a.marks[0].head.begin, a.marks[0].head.size()), "agreed");
  EXPECT_EQ(a.marks[0].type, PloverType::kAgree);
  EXPECT_EQ(a.marks[0].cameo, "031");
  EXPECT_EQ(a.marks[1].type, PloverType::kNone);
  // The head is the first word of a mark; the rest of it stays in the text.
  const MarkedText& b = (*texts)[1];
  EXPECT_EQ(b.text, "Rebels shelled the town at dawn.");
  EXPECT_EQ(b.text.substr(b.marks[0].head.begin, b.marks[0].head.size()), "shelled");
  EXPECT_TRUE(b.marks[0].cameo.empty());
}

TEST(TrainingData, BadRowsNameFileAndLine) {
  struct Case {
    const char* body;
    const char* want;  // in the message
  };
  const Case codebook[] = {
      {"ok line\nIt [ATTACK bombed] it.\n", "dl_bad_codebook.txt:2"},
      {"It [ASSAULT:030 bombed] it.\n", "TYPE:CAMEO"},  // 030 is an AGREE code
      {"It [ASSAULT bombed it.\n", "unclosed"},
  };
  for (const Case& c : codebook) {
    auto r = read_codebook(write_temp("dl_bad_codebook.txt", c.body));
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_NE(r.status().to_string().find(c.want), std::string::npos) << r.status().to_string();
  }
  const Case judged[] = {
      {"doc\t1\t5\t1\tASSAULT\n", "want doc, begin"},
      {"doc\t5\t5\t1\tASSAULT\t-\tUSA\t-\n", "empty trigger"},
      {"doc\t1\t5\tyes\tASSAULT\t-\tUSA\t-\n", "1 or 0"},
      {"doc\t1\t5\t1\t-\t-\tUSA\t-\n", "needs a type"},
      {"doc\t1\t5\t0\tASSAULT\t-\tUSA\t-\n", "needs a type"},
      {"doc\t1\t5\t1\tASSAULT\t030\tUSA\t-\n", "not a code of ASSAULT"},
  };
  for (const Case& c : judged) {
    auto r = read_judged_events(write_temp("dl_bad_judged.tsv", c.body));
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_NE(r.status().to_string().find(c.want), std::string::npos) << r.status().to_string();
    EXPECT_NE(r.status().to_string().find("dl_bad_judged.tsv:1"), std::string::npos);
  }
}

TEST(TrainingData, JudgementsRead) {
  auto r = read_judged_events(write_temp("dl_judged.tsv",
                                         "# header\n"
                                         "a\t10\t17\t1\tACCUSE\t111\tUSA|IGO\t-\tcriticism\n"
                                         "a\t30\t35\t0\t-\t-\t?\t?\tidiom\n"));
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_TRUE((*r)[0].event);
  EXPECT_EQ((*r)[0].type, PloverType::kAccuse);
  EXPECT_EQ((*r)[0].trigger.begin, 10u);
  EXPECT_EQ((*r)[0].trigger.end, 17u);
  EXPECT_EQ((*r)[0].actor, "USA|IGO");
  EXPECT_EQ((*r)[0].note, "criticism");
  EXPECT_FALSE((*r)[1].event);
  EXPECT_EQ((*r)[1].line, 3);
}

TEST(TrainingData, AcceptedCodes) {
  struct Case {
    const char* code;
    const char* accepted;
    bool want;
  };
  const Case cases[] = {
      {"USAGOV", "USA", true},  // three letters: any sector of the country
      {"USA", "USA", true},
      {"USAGOV", "USAPTY", false},  // a full code must match exactly
      {"USAPTY", "USAGOV|USAPTY", true},
      {"", "USA", false},  // a participant that should be coded
      {"", "-", true},     // none expected, none given
      {"", "USA|-", true},
      {"RUS", "-", false},
      {"PRKMIL", "IGO|KOR", false},
      {"IGOUNO", "IGO|KOR", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(code_accepted(c.code, c.accepted), c.want) << c.code << " in " << c.accepted;
  }
}

}  // namespace
}  // namespace dateline::events
