// SPDX-License-Identifier: Apache-2.0
#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

namespace dateline::syntax {
namespace {

TEST(LemmaRule, LearnsShortestEdit) {
  struct Case {
    const char* form;
    const char* lemma;
    LemmaRule rule;
  };
  const Case cases[] = {
      {"cats", "cat", {false, 1, ""}},
      {"studies", "study", {false, 3, "y"}},
      {"ran", "run", {false, 2, "un"}},
      {"The", "the", {true, 0, ""}},
      {"Paris", "Paris", {false, 0, ""}},
      {"Made", "make", {true, 2, "ke"}},
      {"was", "be", {false, 3, "be"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(lemma_rule_for(c.form, c.lemma), c.rule) << c.form;
    EXPECT_EQ(apply_lemma_rule(c.rule, c.form), c.lemma) << c.form;
  }
  EXPECT_EQ(apply_lemma_rule({false, 9, ""}, "cat"), "cat") << "never strips past the start";
}

TEST(KeyIndex, SetFindOverwriteGrow) {
  struct Case {
    uint64_t key;
    uint32_t value;
  };
  // Keys 16 apart share their low bits, so they collide in a small table and must probe.
  const Case cases[] = {{1, 10}, {17, 11}, {33, 12}, {0xffffffffffffffffULL, 13}, {2, 14}};
  KeyIndex index;
  EXPECT_EQ(index.find(1), nullptr) << "empty index";
  for (const Case& c : cases) index.set(c.key, c.value);
  index.set(17, 21);  // overwrite keeps the size
  EXPECT_EQ(index.size(), 5u);
  for (const Case& c : cases) {
    ASSERT_NE(index.find(c.key), nullptr) << c.key;
    EXPECT_EQ(*index.find(c.key), c.key == 17 ? 21u : c.value) << c.key;
  }
  EXPECT_EQ(index.find(49), nullptr) << "absent key in a probed run";
  for (uint32_t k = 100; k < 1100; ++k) index.set(k, k);  // several rehashes
  EXPECT_EQ(index.size(), 1005u);
  EXPECT_EQ(index.items().size(), 1005u);
  for (const Case& c : cases) EXPECT_NE(index.find(c.key), nullptr) << c.key;
  EXPECT_EQ(*index.find(777), 777u);
}

TEST(Lemmatizer, LexiconThenSuffixRules) {
  constexpr int kNoun = 0, kVerbPast = 1;
  Lemmatizer lem;
  const char* plural[][2] = {{"cats", "cat"}, {"dogs", "dog"}, {"rivers", "river"},
                             {"cities", "city"}, {"ladies", "lady"}, {"bodies", "body"}};
  for (auto& p : plural) lem.add_example(p[0], kNoun, p[1]);
  const char* past[][2] = {{"walked", "walk"}, {"jumped", "jump"}, {"went", "go"},
                           {"talked", "talk"}};
  for (auto& p : past) lem.add_example(p[0], kVerbPast, p[1]);
  lem.add_example("went", kVerbPast, "go");
  lem.build(2);
  struct Case {
    const char* form;
    int tag;
    const char* lemma;
  };
  const Case cases[] = {
      {"cats", kNoun, "cat"},         // lexicon
      {"Cats", kNoun, "cat"},         // lexicon, lower-cased
      {"went", kVerbPast, "go"},      // irregular, lexicon
      {"parties", kNoun, "party"},    // unseen: -ies rule
      {"hats", kNoun, "hat"},         // unseen: -s rule
      {"kicked", kVerbPast, "kick"},  // unseen: -ed rule
  };
  for (const Case& c : cases) EXPECT_EQ(lem.lemmatize(c.form, c.tag), c.lemma) << c.form;

  model::ByteWriter w;
  lem.save(w);
  model::ByteReader r(w.bytes(), "mem");
  Lemmatizer back;
  ASSERT_TRUE(back.load(r).ok());
  EXPECT_TRUE(r.at_end());
  for (const Case& c : cases) EXPECT_EQ(back.lemmatize(c.form, c.tag), c.lemma) << c.form;
}

}  // namespace
}  // namespace dateline::syntax
