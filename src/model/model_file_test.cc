// SPDX-License-Identifier: Apache-2.0
#include "model/model_file.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace dateline::model {
namespace {

std::string sample_model() {
  ModelHeader header = {{"command", "dateline train tagger --seed 3"}, {"scores", "UPOS 1"}};
  return encode_model(ModelKind::kTagger, header, "payload bytes");
}

TEST(ModelFile, RoundTrip) {
  auto m = decode_model(sample_model(), ModelKind::kTagger, "mem");
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->version, kModelFormatVersion);
  EXPECT_EQ(header_value(m->header, "command"), "dateline train tagger --seed 3");
  EXPECT_EQ(header_value(m->header, "missing"), "");
  EXPECT_EQ(m->payload, "payload bytes");
  EXPECT_EQ(m->fingerprint.size(), 16u);
}

TEST(ModelFile, RejectsDamagedFiles) {
  const std::string good = sample_model();
  struct Case {
    const char* name;
    std::string bytes;
    ModelKind kind;
    const char* message_part;
  };
  std::string wrong_magic = good;
  wrong_magic[0] = 'X';
  std::string newer = good;
  newer[8] = static_cast<char>(kModelFormatVersion + 1);
  std::string older = good;
  older[8] = static_cast<char>(kModelFormatVersion - 1);
  std::string unknown_kind = good;
  unknown_kind[12] = 99;
  std::string flipped = good;
  flipped[good.size() - 12] ^= 0x5a;
  const Case cases[] = {
      {"wrong magic", wrong_magic, ModelKind::kTagger, "wrong magic"},
      {"newer version", newer, ModelKind::kTagger, "upgrade dateline"},
      {"older version", older, ModelKind::kTagger, "retrain"},
      {"wrong kind", good, ModelKind::kParser, "model kind is tagger (1), expected parser (2)"},
      {"unknown kind", unknown_kind, ModelKind::kTagger, "kind 99"},
      {"truncated header", good.substr(0, 20), ModelKind::kTagger, "truncated"},
      {"truncated payload", good.substr(0, good.size() - 10), ModelKind::kTagger, "truncated"},
      {"flipped byte", flipped, ModelKind::kTagger, "checksum"},
      {"trailing bytes", good + "x", ModelKind::kTagger, "trailing"},
      {"empty", "", ModelKind::kTagger, "truncated"},
  };
  for (const Case& c : cases) {
    auto m = decode_model(c.bytes, c.kind, "m.dlm");
    ASSERT_FALSE(m.ok()) << c.name;
    EXPECT_EQ(m.status().code(), ErrorCode::kDataLoss) << c.name;
    EXPECT_NE(m.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << m.status().message();
    EXPECT_NE(m.status().message().find("m.dlm"), std::string::npos) << c.name;
  }
}

TEST(ModelFile, EveryKindRoundTripsAndIsNamed) {
  const ModelKind kinds[] = {
      ModelKind::kTagger,      ModelKind::kParser,          ModelKind::kSegmenter, ModelKind::kNer,
      ModelKind::kAttribution, ModelKind::kContentReranker, ModelKind::kClusters};
  for (ModelKind kind : kinds) {
    const std::string bytes = encode_model(kind, {{kHeaderCommand, "x"}}, "p");
    auto m = decode_any_model(bytes, "mem");
    ASSERT_TRUE(m.ok()) << m.status().to_string();
    EXPECT_EQ(m->kind, kind);
    EXPECT_NE(std::string(model_kind_name(kind)), "unknown");
  }
  EXPECT_EQ(std::string(model_kind_name(0u)), "unknown");
}

TEST(ModelFile, HeaderValues) {
  ModelHeader h = {{"command", "a"}, {"data", "b"}};
  set_header_value(h, "command", "c");
  set_header_value(h, "seed", "3");
  EXPECT_EQ(header_value(h, "command"), "c");
  EXPECT_EQ(header_value(h, "seed"), "3");
  EXPECT_EQ(h.size(), 3u);
  EXPECT_EQ(h[0].first, "command");  // replaced in place, order kept
}

TEST(ModelFile, WriteReplacesWholeFilesOnly) {
  const std::string dir = ::testing::TempDir();
  const std::string path = dir + "/model_file_test.dlm";
  ASSERT_TRUE(write_model_file(path, ModelKind::kNer, {{"command", "one"}}, "first").ok());
  ASSERT_TRUE(write_model_file(path, ModelKind::kNer, {{"command", "two"}}, "second").ok());
  auto m = read_model_file(path, ModelKind::kNer);
  ASSERT_TRUE(m.ok()) << m.status().to_string();
  EXPECT_EQ(m->payload, "second");
  EXPECT_EQ(header_value(m->header, "command"), "two");
  const Status bad = write_model_file(dir + "/no/such/dir/m.dlm", ModelKind::kNer, {}, "x");
  EXPECT_EQ(bad.code(), ErrorCode::kIo);
  EXPECT_NE(bad.message().find("no/such/dir/m.dlm"), std::string::npos);
  std::remove(path.c_str());
}

TEST(ModelFile, MissingFileIsNotFound) {
  auto m = read_model_file("/nonexistent/dir/en_tagger.dlm", ModelKind::kTagger);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace dateline::model
