// SPDX-License-Identifier: Apache-2.0
#include "syntax/ud_eval.h"

#include <gtest/gtest.h>

namespace dateline::syntax {
namespace {

TEST(UdEval, UniversalFeatsKeepsOnlyUniversalFeatures) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"_", ""},
      {"", ""},
      {"Number=Sing", "Number=Sing"},
      {"ExtPos=ADP|Number=Plur", "Number=Plur"},
      {"Mood=Ind|Tense=Past|Typo=Yes|VerbForm=Fin", "Mood=Ind|Tense=Past|VerbForm=Fin"},
  };
  for (const Case& c : cases) EXPECT_EQ(universal_feats(c.in), c.out) << c.in;
}

TEST(UdEval, CountsAreF1) {
  UdCount c;
  c.correct = 8;
  c.gold = 10;
  c.system = 10;
  c.aligned = 9;
  EXPECT_DOUBLE_EQ(c.f1(), 80.0);
  EXPECT_DOUBLE_EQ(c.precision(), 80.0);
  EXPECT_NEAR(c.aligned_accuracy(), 88.888, 0.01);
}

}  // namespace
}  // namespace dateline::syntax
