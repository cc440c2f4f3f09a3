// SPDX-License-Identifier: Apache-2.0
#include "encoder/token_encoder.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "model/manifest.h"

namespace dateline::encoder {
namespace {

const std::string kModel = std::string(DL_SOURCE_DIR) + "/models/" + model::kEncoderFile;
const std::string kGolden = std::string(DL_SOURCE_DIR) + "/src/encoder/testdata/golden.tsv";

// One word of the golden file: what tools/encoder/train_ner.py computed for it.
struct GoldenWord {
  std::string word;
  WordFeatures features;
  int64_t vector_row = -1;
  std::vector<float> scores;
};

std::vector<std::vector<GoldenWord>> read_golden(std::string* model_fingerprint) {
  std::vector<std::vector<GoldenWord>> sentences(1);
  std::ifstream in(kGolden);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# DO NOT EDIT", 0) == 0) {
      *model_fingerprint = line.substr(line.size() - 16);
      continue;
    }
    if (line.rfind('#', 0) == 0) continue;
    if (line.empty()) {
      if (!sentences.back().empty()) sentences.emplace_back();
      continue;
    }
    std::istringstream fields(line);
    GoldenWord g;
    unsigned flags = 0;
    int64_t row = 0;
    std::getline(fields, g.word, '\t');
    fields >> g.features.norm >> g.features.prefix >> g.features.suffix >> g.features.shape >>
        flags >> row;
    g.features.flags = static_cast<uint8_t>(flags);
    g.vector_row = row - 1;  // the script numbers rows from 1 (0: no vector)
    for (float v = 0; fields >> v;) g.scores.push_back(v);
    sentences.back().push_back(std::move(g));
  }
  if (sentences.back().empty()) sentences.pop_back();
  return sentences;
}

class Golden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto e = TokenEncoder::load(kModel);
    ASSERT_TRUE(e.ok()) << e.status().to_string();
    encoder = new TokenEncoder(std::move(*e));
  }
  static void TearDownTestSuite() { delete encoder; }
  static TokenEncoder* encoder;  // NOLINT(readability-identifier-naming): gtest fixture
};
TokenEncoder* Golden::encoder = nullptr;

TEST_F(Golden, FeaturesAreThoseOfTheTrainingScript) {
  std::string fingerprint;
  const auto sentences = read_golden(&fingerprint);
  ASSERT_GE(sentences.size(), 4u);
  EXPECT_EQ(fingerprint, encoder->fingerprint()) << "golden file of another model";
  for (const auto& s : sentences) {
    std::vector<std::string_view> words;
    words.reserve(s.size());
    for (const GoldenWord& g : s) words.push_back(g.word);
    const std::vector<WordFeatures> f = encoder->features(words);
    for (size_t i = 0; i < s.size(); ++i) {
      EXPECT_EQ(f[i].norm, s[i].features.norm) << s[i].word;
      EXPECT_EQ(f[i].prefix, s[i].features.prefix) << s[i].word;
      EXPECT_EQ(f[i].suffix, s[i].features.suffix) << s[i].word;
      EXPECT_EQ(f[i].shape, s[i].features.shape) << s[i].word;
      EXPECT_EQ(f[i].flags, s[i].features.flags) << s[i].word;
      EXPECT_EQ(encoder->vector_row(f[i].norm_hash), s[i].vector_row) << s[i].word;
    }
  }
}

TEST_F(Golden, ScoresAreThoseOfTheExporterOnBothKernelBuilds) {
  std::string fingerprint;
  const auto sentences = read_golden(&fingerprint);
  const EncoderHead* ner = encoder->head("ner");
  ASSERT_NE(ner, nullptr);
  TokenEncoder e = *encoder;
  for (const auto& s : sentences) {
    std::vector<std::string_view> words;
    words.reserve(s.size());
    for (const GoldenWord& g : s) words.push_back(g.word);
    std::vector<std::vector<float>> by_isa;
    for (Isa isa : {Isa::kPortable, detected_isa()}) {
      e.set_isa(isa);
      std::vector<float> encoding, scores;
      e.encode(words, encoding);
      ASSERT_EQ(encoding.size(), words.size() * e.width());
      e.scores(*ner, encoding, scores);
      ASSERT_EQ(scores.size(), words.size() * ner->layer.out);
      for (size_t i = 0; i < s.size(); ++i) {
        ASSERT_EQ(s[i].scores.size(), ner->layer.out);
        for (size_t l = 0; l < ner->layer.out; ++l) {
          // The exporter sums in numpy's order; 1e-3 is far below the gaps decoding reads.
          EXPECT_NEAR(scores[i * ner->layer.out + l], s[i].scores[l], 1e-3)
              << isa_name(isa) << " " << s[i].word << " label " << l;
        }
      }
      by_isa.push_back(std::move(scores));
    }
    EXPECT_EQ(std::memcmp(by_isa[0].data(), by_isa[1].data(), by_isa[0].size() * sizeof(float)),
              0)
        << "the kernel builds differ";
  }
}

TEST_F(Golden, SameOutputOnEveryRun) {
  const std::vector<std::string_view> words = {"Ada", "Lovelace", "wrote", "to", "Babbage", "."};
  std::vector<float> a, b;
  encoder->encode(words, a);
  encoder->encode(words, b);
  EXPECT_EQ(a, b);
  encoder->encode({}, a);
  EXPECT_TRUE(a.empty());
}

TEST(TokenEncoder, RejectsDamagedAndForeignFiles) {
  std::ifstream in(kModel, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 1000u);
  EXPECT_TRUE(TokenEncoder::parse(bytes, "good").ok());
  auto truncated = TokenEncoder::parse(bytes.substr(0, bytes.size() / 2), "half.dlm");
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("half.dlm"), std::string::npos);
  // A well-formed container of another kind.
  const std::string ner = model::encode_model(model::ModelKind::kNer, {}, "x");
  EXPECT_FALSE(TokenEncoder::parse(ner, "ner.dlm").ok());
  // A container of the right kind whose payload stops early.
  const std::string empty = model::encode_model(model::ModelKind::kEncoder, {}, "");
  auto e = TokenEncoder::parse(empty, "empty.dlm");
  ASSERT_FALSE(e.ok());
  EXPECT_NE(e.status().message().find("empty.dlm"), std::string::npos);
  EXPECT_EQ(TokenEncoder::load("/nonexistent/en_encoder.dlm").status().code(),
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace dateline::encoder
