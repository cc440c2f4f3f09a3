// SPDX-License-Identifier: Apache-2.0
#include "entities/ner_features.h"

#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace dateline::entities {
namespace {

TEST(NerFeatures, WordShapes) {
  struct Case {
    const char* word;
    const char* shape;
  };
  static const Case kCases[] = {
      {"McDonald", "XxXx"}, {"U.S.", "X.X."}, {"2026", "d"},         {"well-known", "x-x"},
      {"NATO", "X"},        {"3rd", "dx"},    {"caf\xC3\xA9", "xu"}, {"", ""},
      {"'s", "'x"},         {"A1", "Xd"},
  };
  std::string out;
  for (const Case& c : kCases) {
    ner::shape_of(c.word, out);
    EXPECT_EQ(out, c.shape) << c.word;
  }
}

TEST(NerFeatures, SentenceCase) {
  struct Case {
    std::vector<std::string_view> words;
    char want;
  };
  const Case cases[] = {
      {{"the", "mayor", "said", "so"}, 'l'},
      {{"the", "mayor", "said"}, 0},  // too few letters to tell
      {{"Mayor", "Says", "Bridge", "Reopens"}, 't'},
      {{"MAYOR", "SAYS", "NO"}, 't'},
      {{"The", "mayor", "said", "so", "."}, 0},
      {{"3", "-", "2"}, 0},
  };
  for (const Case& c : cases) EXPECT_EQ(ner::sentence_case(c.words), c.want) << c.words[0];
}

// The static features of a word are a function of its sentence: the same words give the
// same keys, a different word or neighbour changes some, the gazetteer and POS add their
// own, and the domain copy and the previous label make keys no static feature has.
TEST(NerFeatures, StaticAndTransitionFeatures) {
  auto features = [](std::vector<std::string_view> words, size_t i,
                     std::vector<uint32_t> gazetteer = {},
                     std::vector<std::string_view> upos = {}) {
    if (gazetteer.empty()) gazetteer.assign(words.size(), 0);
    NerInput in{words, upos, gazetteer};
    std::vector<ner::WordInfo> info;
    ner::prepare(in, nullptr, info);
    std::vector<uint64_t> out;
    ner::static_features(info, in, i, ner::sentence_case(words), out);
    return out;
  };
  const auto base = features({"We", "met", "Anna", "Berg", "."}, 2);
  EXPECT_EQ(base, features({"We", "met", "Anna", "Berg", "."}, 2));
  struct Case {
    const char* name;
    std::vector<uint64_t> keys;
    bool same_count;  // as many features as `base`
  };
  const Case cases[] = {
      {"other word", features({"We", "met", "Omar", "Berg", "."}, 2), true},
      {"other neighbour", features({"We", "saw", "Anna", "Berg", "."}, 2), true},
      {"gazetteer flag", features({"We", "met", "Anna", "Berg", "."}, 2, {0, 0, 1, 0, 0}), false},
      {"POS tags",
       features({"We", "met", "Anna", "Berg", "."}, 2, {},
                {"PRON", "VERB", "PROPN", "PROPN", "PUNCT"}),
       false},
  };
  const std::set<uint64_t> base_set(base.begin(), base.end());
  for (const Case& c : cases) {
    EXPECT_EQ(c.keys.size() == base.size(), c.same_count) << c.name;
    size_t shared = 0;
    for (uint64_t k : c.keys) shared += base_set.count(k);
    EXPECT_GT(shared, 0u) << c.name;
    EXPECT_LT(shared, c.keys.size()) << c.name;
  }
  for (uint64_t k : base) {
    EXPECT_EQ(base_set.count(ner::domain_copy(k, 1)), 0u);
    EXPECT_NE(ner::domain_copy(k, 1), ner::domain_copy(k, 2));
  }
  std::vector<ner::WordInfo> info(1);
  info[0].label_word = 11;
  info[0].label_shape = 22;
  uint64_t after_start[3], after_o[3], after_b[3];
  ner::transition_features(info[0], ner::kStart, after_start);
  ner::transition_features(info[0], 0, after_o);
  ner::transition_features(info[0], 1, after_b);
  for (int t = 0; t < 3; ++t) {
    EXPECT_NE(after_start[t], after_o[t]) << t;
    EXPECT_NE(after_o[t], after_b[t]) << t;
  }
}

TEST(DocumentCaseBits, ReportsOtherSpellingsOfTheWordOnly) {
  // A web-forum thread written for this test: the name is capitalised once, in lower case
  // once, in capitals once, and capitalised at a sentence start (which says nothing).
  const std::vector<std::vector<std::string_view>> thread = {
      {"I", "switched", "to", "Firefox", "last", "week", "."},
      {"firefox", "is", "faster", "."},
      {"Firefox", "crashed", "twice", "."},
      {"FIREFOX", "ROCKS"},
  };
  const auto bits = document_case_bits(thread);
  ASSERT_EQ(bits.size(), thread.size());
  for (size_t k = 0; k < thread.size(); ++k) ASSERT_EQ(bits[k].size(), thread[k].size());
  EXPECT_EQ(bits[0][3], kDocLowerCase | kDocUpperCase);
  EXPECT_EQ(bits[1][0], kDocCapitalised | kDocUpperCase);
  EXPECT_EQ(bits[2][0], kDocCapitalised | kDocLowerCase | kDocUpperCase);
  EXPECT_EQ(bits[3][0], kDocCapitalised | kDocLowerCase);
  EXPECT_EQ(bits[0][1], 0);  // "switched" occurs once
  EXPECT_EQ(bits[0][0], 0);  // one capital letter is not "in capitals"
  EXPECT_EQ(bits[3][1], 0);
}

TEST(DocumentCaseBits, DocumentsOfExamplesStaySeparate) {
  std::vector<NerExample> examples(3);
  examples[0].words = {"We", "like", "Acme", "."};
  examples[0].document = 1;
  examples[1].words = {"acme", "is", "here", "."};
  examples[1].document = 1;
  examples[2].words = {"acme", "again", "."};
  examples[2].document = 2;
  EXPECT_EQ(document_end(examples, 0), 2u);
  EXPECT_EQ(document_end(examples, 2), 3u);
  const auto bits = document_case_bits(std::span<const NerExample>(examples));
  ASSERT_EQ(bits.size(), 3u);
  EXPECT_EQ(bits[0][2], kDocLowerCase);
  EXPECT_EQ(bits[1][0], kDocCapitalised);
  EXPECT_EQ(bits[2][0], 0);  // the other document's "Acme" is not evidence
}

}  // namespace
}  // namespace dateline::entities
