// SPDX-License-Identifier: Apache-2.0
#include "store/statements.h"

#include <gtest/gtest.h>

namespace dateline::store {
namespace {

TEST(Statements, MinHashJudgesTheSameWords) {
  static const struct {
    const char* a;
    const char* b;
    bool same;  ///< estimated similarity >= kSameStatement
  } kTests[] = {
      {"\"We cannot keep the quays open with the money we have,\"",
       "\u201CWe cannot keep the quays open with the money we have.\u201D", true},
      {"We cannot keep the quays open with the money we have",
       "VALLETTA - \"We cannot keep the quays open with the money we have,\"", true},
      {"We cannot keep the quays open with the money we have",
       "We can keep the quays open with the money we have", false},
      {"the toll would ruin small fishermen", "the plan was unfair", false},
      {"No.", "no", true},
      {"No.", "Yes.", false},
  };
  for (const auto& t : kTests) {
    const double s = similarity(minhash(t.a), minhash(t.b));
    EXPECT_EQ(s >= kSameStatement, t.same) << t.a << " | " << t.b << ": " << s;
  }
  EXPECT_EQ(similarity(minhash("a b c d"), minhash("a b c d")), 1.0);
  EXPECT_EQ(minhash("x").size(), kSignatureSize);
}

TEST(Statements, EventGroupKeys) {
  static const struct {
    const char* actor_code;
    const char* actor_text;
    const char* date;
    const char* published;
    const char* key;
  } kTests[] = {
      {"MLTGOV", "the government", "2026-03-02", "2026-03-03", "MLTGOV|COERCE|MLTLAB|2026-03-02"},
      {"", "The  Police", "", "2026-03-03", "the police|COERCE|MLTLAB|2026-03-03"},
      {"", "police", "2026-03-02T10:00", "", "police|COERCE|MLTLAB|2026-03-02"},
      {"MLTGOV", "", "2026-W11", "2026-03-05", "MLTGOV|COERCE|MLTLAB|2026-W11"},
  };
  for (const auto& t : kTests) {
    EXPECT_EQ(event_group_key(t.actor_code, t.actor_text, "COERCE", "173", "MLTLAB", "workers",
                              t.date, t.published),
              t.key);
  }
  // The CAMEO code stands in for a missing PLOVER type; the target text for its code.
  EXPECT_EQ(event_group_key("USA", "", "", "042", "", "Dock Workers", "2026-03-02", ""),
            "USA|042|dock workers|2026-03-02");
}

}  // namespace
}  // namespace dateline::store
