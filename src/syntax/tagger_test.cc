// SPDX-License-Identifier: Apache-2.0
#include "syntax/tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace dateline::syntax {
namespace {

std::vector<uint64_t> keys_of(const std::vector<WordHashes>& h, int i, int verb_seen) {
  std::vector<uint64_t> keys(kMaxTagFeatures);
  keys.resize(tag_features(h, i, 3, 4, keys.data(), false, verb_seen));
  return keys;
}

TEST(TaggerFeatures, VerbContextAddsItsTemplatesOnlyWhenAsked) {
  const std::vector<std::string_view> words = {"Rebels", "and", "troops", "renewed", "talks"};
  std::vector<WordHashes> h;
  hash_words(words, &h);
  std::vector<uint64_t> plain(kMaxTagFeatures);
  plain.resize(tag_features(h, 3, 3, 4, plain.data()));
  const std::vector<uint64_t> off = keys_of(h, 3, -1), before = keys_of(h, 3, 0),
                              after = keys_of(h, 3, 1);
  // -1 is the model without the templates: exactly the keys of before.
  EXPECT_EQ(off, plain);
  ASSERT_EQ(before.size(), plain.size() + 4);
  ASSERT_EQ(after.size(), plain.size() + 4);
  EXPECT_TRUE(std::equal(plain.begin(), plain.end(), before.begin()));
  // Every added key tells "no verb yet" from "verb seen".
  for (size_t k = plain.size(); k < before.size(); ++k) EXPECT_NE(before[k], after[k]) << k;
}

// Invented sentences: a subject, a past-tense verb, an object.
constexpr const char* kTreebank =
    "1\tRebels\trebel\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tseized\tseize\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "3\tguns\tgun\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\t_\n"
    "\n"
    "1\tTroops\ttroop\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n"
    "2\tcrossed\tcross\tVERB\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n"
    "3\trivers\triver\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\t_\n"
    "\n";

TEST(Tagger, VerbContextIsRecordedInTheModelHeader) {
  const std::filesystem::path dir = std::filesystem::path(testing::TempDir()) / "tagger_test";
  std::filesystem::create_directories(dir);
  const std::string treebank = (dir / "tiny.conllu").string();
  std::ofstream(treebank) << kTreebank;
  for (bool verb_context : {false, true}) {
    TaggerTrainOptions o;
    o.train_files = {treebank};
    o.dev_files = {treebank};
    o.epochs = 2;
    o.verb_context = verb_context;
    o.out = (dir / "en_tagger.dlm").string();
    o.command = "test";
    ASSERT_TRUE(train_tagger(o).ok());
    auto tagger = Tagger::load(o.out);
    ASSERT_TRUE(tagger.ok()) << tagger.status().message();
    EXPECT_EQ(tagger->verb_context(), verb_context);
    std::vector<TaggedWord> out;
    const std::vector<std::string_view> words = {"Rebels", "seized", "guns"};
    tagger->tag(words, &out);
    ASSERT_EQ(out.size(), 3u);
    EXPECT_EQ(tagger->upos(out[1]), "VERB");
  }
}

}  // namespace
}  // namespace dateline::syntax
