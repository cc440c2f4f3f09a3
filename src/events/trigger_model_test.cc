// SPDX-License-Identifier: Apache-2.0
#include "events/trigger_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "events/trigger_trainer.h"

namespace dateline::events {
namespace {

// A toy training set over made-up feature keys (1 is on every candidate): 11 is an attack
// verb, 22 a promise verb, 33 and 44 verbs that are no events.
TrainingSet toy_set() {
  TrainingSet set;
  const auto add = [&](std::vector<uint64_t> keys, PloverType label, std::string cameo,
                       int32_t doc) {
    TrainingExample e;
    e.keys = std::move(keys);
    e.label = label;
    e.cameo = std::move(cameo);
    e.doc = doc;
    set.examples.push_back(std::move(e));
  };
  for (int32_t d = 0; d < 20; ++d) {
    add({1, 11}, PloverType::kAssault, d % 2 ? "190" : "193", d);
    add({1, 22}, PloverType::kAgree, "030", d);
    add({1, 33}, PloverType::kNone, "", d);
    add({1, 44}, PloverType::kNone, "", d);
  }
  set.n_docs = 20;
  return set;
}

TEST(TriggerModel, LearnsTypesCodesAndNoEvent) {
  TrainerOptions o;
  o.epochs = 5;
  const TriggerModel m = train_trigger_model(toy_set(), o, nullptr);
  const std::vector<uint64_t> attack = {1, 11}, promise = {1, 22}, other = {1, 33},
                              also_none = {1, 44};
  EXPECT_EQ(m.classify(attack).type, PloverType::kAssault);
  EXPECT_EQ(m.classify(promise).type, PloverType::kAgree);
  EXPECT_EQ(m.classify(other).type, PloverType::kNone);
  EXPECT_EQ(m.classify(also_none).type, PloverType::kNone);
  EXPECT_EQ(plover_type_of_cameo(m.cameo(attack, PloverType::kAssault)), PloverType::kAssault);
  EXPECT_EQ(m.cameo(promise, PloverType::kAgree), "030");
  EXPECT_GT(m.classify(attack).margin, 0.0f);
}

TEST(TriggerModel, DecodeSettings) {
  TrainerOptions o;
  o.epochs = 5;
  // A "no event" bias larger than any score rejects everything...
  o.none_bias = 1e6f;
  const std::vector<uint64_t> attack = {1, 11};
  EXPECT_EQ(train_trigger_model(toy_set(), o, nullptr).classify(attack).type, PloverType::kNone);
  // ... unless the dictionaries read the word as a type they are trusted for.
  o.dictionary_prior = 2e6f;
  const TriggerModel trusting = train_trigger_model(toy_set(), o, nullptr);
  EXPECT_EQ(trusting.classify(attack, PloverType::kAssault).type, PloverType::kAssault);
  EXPECT_EQ(trusting.classify(attack).type, PloverType::kNone);
  // With dictionary types, an accepted reading keeps the dictionary's type.
  o.none_bias = 0;
  o.dictionary_prior = 0;
  o.dictionary_type = true;
  const TriggerModel typed = train_trigger_model(toy_set(), o, nullptr);
  EXPECT_EQ(typed.classify(attack, PloverType::kCoerce).type, PloverType::kCoerce);
  const std::vector<uint64_t> other = {1, 33};
  EXPECT_EQ(typed.classify(other, PloverType::kCoerce).type, PloverType::kNone);
}

TEST(TriggerModel, FileRoundTripAndDamage) {
  TrainerOptions o;
  o.epochs = 3;
  o.none_bias = -2.5f;
  o.dictionary_prior = 4;
  o.ensemble = 2;
  const TriggerModel m = train_trigger_model(toy_set(), o, nullptr);
  const std::string path =
      (std::filesystem::temp_directory_path() / "dl_trigger_model_test.dlm").string();
  ASSERT_TRUE(m.save(path, {{"command", "test"}}).ok());
  auto loaded = TriggerModel::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_FLOAT_EQ(loaded->none_bias(), -2.5f);
  EXPECT_FLOAT_EQ(loaded->dictionary_prior(), 4.0f);
  for (const std::vector<uint64_t>& k : {std::vector<uint64_t>{1, 11}, {1, 22}, {1, 33}}) {
    EXPECT_EQ(loaded->classify(k).type, m.classify(k).type);
    EXPECT_FLOAT_EQ(loaded->classify(k).margin, m.classify(k).margin);
  }
  // A truncated file is refused with the file's name; a missing one is kNotFound.
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 9);
  auto damaged = TriggerModel::load(path);
  ASSERT_FALSE(damaged.ok());
  EXPECT_NE(damaged.status().to_string().find("dl_trigger_model_test.dlm"), std::string::npos);
  std::filesystem::remove(path);
  EXPECT_EQ(TriggerModel::load(path).status().code(), ErrorCode::kNotFound);
}

TEST(TriggerTrainer, CrossValidationScoresEveryEpochAndSetting) {
  TrainerOptions o;
  o.epochs = 12;
  const std::vector<DecodeSetting> settings = {{0, 0, false}, {1e6f, 0, false}};
  const auto table = cross_validate(toy_set(), o, 4, settings, nullptr);
  ASSERT_EQ(table.size(), 12u);
  ASSERT_EQ(table[0].size(), 2u);
  // Every gold event is held out once: 20 attacks and 20 promises.
  EXPECT_EQ(table[2][0].all.gold, 40);
  EXPECT_GT(table[11][0].all.f1(), 95.0);
  EXPECT_EQ(table[2][1].all.predicted, 0);  // the huge bias predicts nothing
  // Deterministic for a seed.
  const auto again = cross_validate(toy_set(), o, 4, settings, nullptr);
  EXPECT_EQ(again[2][0].all.correct, table[2][0].all.correct);
}

}  // namespace
}  // namespace dateline::events
