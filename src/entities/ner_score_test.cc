// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "entities/ner_model.h"

namespace dateline::entities {
namespace {

TEST(NerScore, ExactSpanAndType) {
  struct Case {
    const char* name;
    std::vector<NerSpan> gold, predicted;
    int correct;
    double precision, recall, f1;
  };
  const Case cases[] = {
      {"one right, a wrong type, one extra",
       {{0, 2, "PER"}, {3, 4, "LOC"}},
       {{0, 2, "PER"}, {3, 4, "ORG"}, {5, 6, "LOC"}},
       1,
       100.0 / 3,
       50,
       40},
      {"boundaries must match", {{0, 2, "PER"}}, {{0, 1, "PER"}}, 0, 0, 0, 0},
      {"all right", {{1, 3, "ORG"}}, {{1, 3, "ORG"}}, 1, 100, 100, 100},
      {"nothing predicted", {{1, 3, "ORG"}}, {}, 0, 0, 0, 0},
      {"nothing to find", {}, {}, 0, 0, 0, 0},
  };
  for (const Case& c : cases) {
    NerScore s;
    s.add(c.gold, c.predicted);
    EXPECT_EQ(s.overall.correct, c.correct) << c.name;
    EXPECT_NEAR(s.overall.precision(), c.precision, 1e-9) << c.name;
    EXPECT_NEAR(s.overall.recall(), c.recall, 1e-9) << c.name;
    EXPECT_NEAR(s.overall.f1(), c.f1, 1e-9) << c.name;
  }
}

TEST(NerScore, CountsByTypeSortedAndPrinted) {
  NerScore s;
  s.add({{0, 1, "PER"}, {2, 3, "LOC"}}, {{0, 1, "PER"}, {2, 3, "PER"}});
  s.add({{0, 1, "ORG"}}, {{0, 1, "ORG"}});
  ASSERT_EQ(s.by_type.size(), 3u);
  EXPECT_EQ(s.by_type[0].first, "LOC");
  EXPECT_EQ(s.by_type[1].first, "ORG");
  EXPECT_EQ(s.by_type[2].first, "PER");
  EXPECT_EQ(s.by_type[2].second.predicted, 2);
  EXPECT_EQ(s.by_type[0].second.correct, 0);
  const std::string table = s.to_string();
  EXPECT_NE(table.find("overall"), std::string::npos);
  EXPECT_NE(table.find("PER           1      2      1   50.00  100.00   66.67"), std::string::npos)
      << table;
}

}  // namespace
}  // namespace dateline::entities
