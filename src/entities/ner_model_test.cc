// SPDX-License-Identifier: Apache-2.0
#include "entities/ner_model.h"

#include <gtest/gtest.h>

#include "entities/ner_data.h"
#include "model/model_file.h"

namespace dateline::entities {
namespace {

// A toy corpus written for this test: people after "met", places after "in".
std::vector<NerExample> toy_corpus() {
  const char* people[] = {"Anna Berg", "Tom Ruiz", "Lena Park", "Omar Haddad", "Ivo Novak"};
  const char* places[] = {"Lisbon", "Quito", "Oslo", "Lagos", "Hanoi"};
  std::vector<NerExample> out;
  for (int round = 0; round < 4; ++round) {
    for (int i = 0; i < 5; ++i) {
      NerExample ex;
      std::string p = people[(i + round) % 5];
      size_t sp = p.find(' ');
      ex.words = {"We", "met", p.substr(0, sp), p.substr(sp + 1), "in",
                  places[(i + 2 * round) % 5], "yesterday", "."};
      ex.spans = {{2, 4, "PER"}, {5, 6, "LOC"}};
      out.push_back(ex);
    }
  }
  return out;
}

TEST(NerModel, LearnsToyCorpusAndRoundTrips) {
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 5;
  NerModel model = NerModel::train(toy_corpus(), empty, options);
  ASSERT_FALSE(model.empty());
  NerExample unseen;
  unseen.words = {"We", "met", "Tom", "Park", "in", "Oslo", "yesterday", "."};
  std::vector<NerSpan> want = {{2, 4, "PER"}, {5, 6, "LOC"}};
  EXPECT_EQ(model.predict(unseen, empty, false), want);

  model.info().command = "test";
  model.info().scores = "toy";
  std::string bytes = model.serialize();
  auto loaded = NerModel::parse(bytes, "toy");
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_EQ(loaded->info().command, "test");
  EXPECT_EQ(loaded->info().fingerprint, model.info().fingerprint);
  EXPECT_EQ(loaded->predict(unseen, empty, false), want);

  // Same seed, same model.
  NerModel again = NerModel::train(toy_corpus(), empty, options);
  again.info() = model.info();
  EXPECT_EQ(again.serialize(), bytes);
}

TEST(NerModel, RejectsBadFiles) {
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 1;
  NerModel model = NerModel::train(toy_corpus(), empty, options);
  const std::string good = model.serialize();
  struct Case {
    const char* what;
    std::string bytes;
  };
  std::string newer = good;
  newer[8] = 99;  // format version (little-endian u32 after the magic)
  std::string older = good;
  older[8] = 1;
  std::string flipped = good;
  flipped[flipped.size() - 12] ^= 0x5A;
  const Case kCases[] = {
      {"empty", ""},
      {"bad magic", "NOTAMODEL" + good.substr(9)},
      {"the old format", "DLNERMDL" + good.substr(8)},
      {"another kind", model::encode_model(model::ModelKind::kTagger, {}, "")},
      {"newer version", newer},
      {"older version", older},
      {"corrupt payload", flipped},
      {"truncated", good.substr(0, good.size() / 2)},
      {"no weights", model::encode_model(model::ModelKind::kNer, {}, "")},
  };
  for (const Case& c : kCases) {
    auto r = NerModel::parse(c.bytes, "case");
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.status().code(), ErrorCode::kDataLoss) << c.what;
  }
  EXPECT_EQ(NerModel::load("/nonexistent/en_ner.dlm").status().code(), ErrorCode::kNotFound);
}

// Averaging the weights of several seeds gives one model over the union of their features
// that still decodes the toy corpus, deterministically.
TEST(NerModel, AveragedSeedsMakeOneModel) {
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 4;
  options.average_seeds = 3;
  NerModel model = NerModel::train(toy_corpus(), empty, options);
  NerExample unseen;
  unseen.words = {"We", "met", "Lena", "Ruiz", "in", "Lagos", "yesterday", "."};
  std::vector<NerSpan> want = {{2, 4, "PER"}, {5, 6, "LOC"}};
  EXPECT_EQ(model.predict(unseen, empty, false), want);
  NerModel again = NerModel::train(toy_corpus(), empty, options);
  EXPECT_EQ(again.serialize(), model.serialize());
  auto loaded = NerModel::parse(model.serialize(), "averaged");
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_EQ(loaded->predict(unseen, empty, false), want);
}

// Names that the words around them cannot type: "We saw X ." with people and places in the
// same slot. Only word clusters (people and places in different clusters) carry the type
// over to names never seen in training.
TEST(NerModel, ClusterFeaturesTypeUnseenWords) {
  const std::vector<std::string> people = {"Bzork", "Qwilt", "Fyxel", "Pliod", "Vrump", "Jaxto"};
  const std::vector<std::string> places = {"Umbek", "Cadra", "Grelm", "Hostu", "Nipra", "Dwoal"};
  std::vector<NerExample> corpus;
  for (int round = 0; round < 3; ++round) {
    for (size_t i = 0; i + 1 < people.size(); ++i) {  // the last of each list stays unseen
      NerExample ex;
      ex.words = {"We", "saw", people[i], "."};
      ex.spans = {{2, 3, "PER"}};
      corpus.push_back(ex);
      ex.words = {"We", "saw", places[i], "."};
      ex.spans = {{2, 3, "LOC"}};
      corpus.push_back(ex);
    }
  }
  std::vector<std::string> words;
  std::vector<uint32_t> cluster;
  for (const std::string& w : people) words.push_back(w), cluster.push_back(0);
  for (const std::string& w : places) words.push_back(w), cluster.push_back(1);
  auto clusters = std::make_shared<const clusters::WordClusters>(
      clusters::WordClusters::build({"0110", "1001"}, words, cluster, {}));
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 6;
  options.clusters = clusters;
  NerModel model = NerModel::train(corpus, empty, options);
  EXPECT_EQ(model.info().clusters, clusters->fingerprint());
  NerExample person, place;
  person.words = {"We", "saw", "Jaxto", "."};
  place.words = {"We", "saw", "Dwoal", "."};
  std::vector<NerSpan> per = {{2, 3, "PER"}}, loc = {{2, 3, "LOC"}};
  EXPECT_EQ(model.predict(person, empty, false), per);
  EXPECT_EQ(model.predict(place, empty, false), loc);

  // The header records the clusters; a reloaded model uses them only once attached, and
  // only the same ones.
  auto loaded = NerModel::parse(model.serialize(), "clustered");
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_EQ(loaded->info().clusters, clusters->fingerprint());
  EXPECT_FALSE(loaded->uses_clusters());
  auto other = std::make_shared<const clusters::WordClusters>(
      clusters::WordClusters::build({"0110", "1001"}, words, std::vector<uint32_t>(12, 0), {}));
  EXPECT_FALSE(loaded->attach_clusters(other));
  EXPECT_TRUE(loaded->attach_clusters(clusters));
  EXPECT_EQ(loaded->predict(place, empty, false), loc);
}

// Viterbi decoding always yields well-formed spans, even from a model trained on one
// sentence and run on unrelated input.
TEST(NerModel, DecodesWellFormedSpans) {
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 3;
  NerModel model = NerModel::train(toy_corpus(), empty, options);
  const std::vector<std::vector<std::string>> kInputs = {
      {"Anna"}, {"in", "Oslo"}, {"met", "Tom", "Ruiz", "Lena", "Park", "Oslo", "Quito"},
      {"Ivo", "Novak", "Ivo", "Novak", "in", "in", "in"}, {"."}};
  for (const auto& words : kInputs) {
    NerExample ex;
    ex.words = words;
    uint32_t last_end = 0;
    for (const NerSpan& s : model.predict(ex, empty, false)) {
      EXPECT_LT(s.begin, s.end);
      EXPECT_LE(s.end, words.size());
      EXPECT_GE(s.begin, last_end);
      last_end = s.end;
    }
  }
}

// Extra-corpus sentences (domain 1) whose convention differs from the target's: with the
// domain copy, the target convention wins on target input.
TEST(NerModel, DomainCopiesKeepTargetConvention) {
  std::vector<NerExample> corpus = toy_corpus();  // places are LOC
  std::vector<NerExample> source = toy_corpus();
  for (NerExample& ex : source) {
    ex.spans[1].type = "ORG";  // the other corpus calls them ORG
    ex.domain = 1;
  }
  corpus.insert(corpus.end(), source.begin(), source.end());
  Gazetteer empty;
  NerTrainOptions options;
  options.epochs = 5;
  NerModel model = NerModel::train(corpus, empty, options);
  NerExample unseen;
  unseen.words = {"We", "met", "Tom", "Park", "in", "Oslo", "yesterday", "."};
  std::vector<NerSpan> want = {{2, 4, "PER"}, {5, 6, "LOC"}};
  EXPECT_EQ(model.predict(unseen, empty, false), want);
}

TEST(NerData, ReadsUnerSample) {
  std::string path = std::string(DL_SHARED_DIR) + "/data/ner/uner_en_ewt/en_ewt-ud-dev.iob2";
  auto r = read_iob(path, default_ner_type_map());
  if (!r.ok()) GTEST_SKIP() << "shared data absent";
  ASSERT_GT(r->size(), 1000u);
  size_t spans = 0;
  for (const NerExample& ex : *r) {
    for (const NerSpan& s : ex.spans) {
      ASSERT_LT(s.begin, s.end);
      ASSERT_LE(s.end, ex.words.size());
    }
    spans += ex.spans.size();
  }
  EXPECT_GT(spans, 900u);
}

}  // namespace
}  // namespace dateline::entities
