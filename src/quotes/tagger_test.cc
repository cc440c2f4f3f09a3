// SPDX-License-Identifier: Apache-2.0
// The tagger learns a small invented corpus, survives a save/load round trip, and its
// loader rejects files it must not read.
#include "quotes/tagger.h"

#include <cstdio>
#include <fstream>

#include <gtest/gtest.h>

#include "quotes/test_util.h"
#include "quotes/trainer.h"

namespace dateline::quotes {
namespace {

// One invented article: "SOURCE CUE CONTENT." sentences with varied names and verbs.
AnnotatedArticle article(const std::string& source, const std::string& cue,
                         const std::string& content) {
  const std::string text = source + " " + cue + " " + content + ".";
  AnnotatedArticle a;
  a.doc = whitespace_document(text);
  GoldAttribution g;
  const uint32_t s = 0, c = uint32_t(source.size() + 1), q = uint32_t(c + cue.size() + 1);
  g.source.push_back({s, uint32_t(source.size())});
  g.cue.push_back({c, uint32_t(c + cue.size())});
  g.content.push_back({q, uint32_t(q + content.size())});
  a.gold.push_back(g);
  return a;
}

std::vector<AnnotatedArticle> corpus() {
  static const char* kSources[] = {"The mayor", "Jana Novak", "Officials", "He", "The council"};
  static const char* kCues[] = {"said", "argued", "warned", "said"};
  static const char* kContents[] = {"the bridge would reopen soon", "taxes must rise",
                                    "the river was rising fast", "nobody had been hurt"};
  std::vector<AnnotatedArticle> out;
  for (const char* s : kSources) {
    for (const char* c : kCues) {
      for (const char* q : kContents) out.push_back(article(s, c, q));
    }
  }
  return out;
}

// Both model formats: 2 (BIO, the committed model) and 3 (content-end tag).
class AttributionTaggerFormat : public ::testing::TestWithParam<bool> {};
INSTANTIATE_TEST_SUITE_P(Formats, AttributionTaggerFormat, ::testing::Bool());

TEST_P(AttributionTaggerFormat, LearnsSourceCueContent) {
  TrainerOptions o;
  o.bits = 14;
  o.epochs = 5;
  o.content_end_tag = GetParam();
  auto model = train_tagger(corpus(), {}, o, [](const std::string&) {});
  ASSERT_TRUE(model.ok());
  AnnotatedArticle held = article("The minister", "said", "the budget was ready");
  Scores s;
  score_spans(held.doc.text, tag_document(model.value(), held.doc), held.gold, s);
  EXPECT_EQ(s.cue.tp, 1);
  EXPECT_EQ(s.content.tp, 1);
  EXPECT_EQ(s.source.tp, 1);
}

TEST_P(AttributionTaggerFormat, SaveLoadRoundTripAndRejects) {
  TrainerOptions o;
  o.bits = 12;
  o.epochs = 2;
  o.content_end_tag = GetParam();
  auto model = train_tagger(corpus(), {}, o, [](const std::string&) {});
  ASSERT_TRUE(model.ok());
  const std::string path = ::testing::TempDir() + "/attribution_test.model";
  model->set_header({{"command", "test"}});
  ASSERT_TRUE(model->save(path).ok());
  auto loaded = AttributionTagger::load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_EQ(model::header_value(loaded->header(), "command"), "test");
  EXPECT_EQ(loaded->fingerprint(), model->fingerprint());
  EXPECT_EQ(loaded->end_tags(), GetParam());
  EXPECT_EQ(loaded->bits(), 12u);
  AnnotatedArticle held = article("Jana Novak", "warned", "taxes must rise");
  EXPECT_EQ(tag_document(model.value(), held.doc), tag_document(loaded.value(), held.doc));
  // Saving a loaded model writes the same file.
  const std::string again = ::testing::TempDir() + "/attribution_test_again.model";
  ASSERT_TRUE(loaded->save(again).ok());
  auto reloaded = AttributionTagger::load(again);
  ASSERT_TRUE(reloaded.ok());
  EXPECT_EQ(reloaded->fingerprint(), loaded->fingerprint());

  // A newer or older format version, a model of another kind, the old file format and a
  // truncated file are refused.
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  static const struct {
    const char* name;
    std::string data;
    const char* message_part;
  } kBad[] = {
      {"newer", bytes.substr(0, 8) + std::string("\x09\x00\x00\x00", 4) + bytes.substr(12),
       "upgrade dateline"},
      {"older", bytes.substr(0, 8) + std::string("\x01\x00\x00\x00", 4) + bytes.substr(12),
       "retrain"},
      {"other kind", model::encode_model(model::ModelKind::kContentReranker, {}, ""),
       "expected attribution"},
      {"old format", "DLQUOTE\n" + bytes.substr(8), "wrong magic"},
      {"truncated", bytes.substr(0, bytes.size() / 2), "truncated"},
  };
  for (const auto& c : kBad) {
    const std::string bad = ::testing::TempDir() + "/attribution_bad.model";
    std::ofstream(bad, std::ios::binary) << c.data;
    auto r = AttributionTagger::load(bad);
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_EQ(r.status().code(), ErrorCode::kDataLoss) << c.name;
    EXPECT_NE(r.status().message().find(c.message_part), std::string::npos)
        << c.name << ": " << r.status().message();
  }
  std::remove(path.c_str());
  std::remove(again.c_str());
}

TEST(AttributionTagger, GoldTagsFollowSpans) {
  AnnotatedArticle a = article("Jana Novak", "said", "taxes must rise");
  WordView v = build_word_view(a.doc);
  std::vector<uint8_t> tags = gold_tags(v, a.gold);
  // Jana Novak said taxes must rise .
  const std::vector<uint8_t> want = {begin_tag(Role::kSource),
                                     inside_tag(Role::kSource),
                                     begin_tag(Role::kCue),
                                     begin_tag(Role::kContent),
                                     inside_tag(Role::kContent),
                                     inside_tag(Role::kContent),
                                     kOut};
  EXPECT_EQ(tags, want);
  // Format 3 marks the content's last word; spans_from_tags reads both the same way.
  std::vector<uint8_t> end_tags = gold_tags(v, a.gold, /*content_end=*/true);
  std::vector<uint8_t> want_end = want;
  want_end[5] = kContentEnd;
  EXPECT_EQ(end_tags, want_end);
  const std::vector<RoleSpan> a_spans = spans_from_tags(tags, 0);
  const std::vector<RoleSpan> b_spans = spans_from_tags(end_tags, 0);
  ASSERT_EQ(a_spans.size(), 3u);
  ASSERT_EQ(b_spans.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(a_spans[i].role, b_spans[i].role);
    EXPECT_EQ(a_spans[i].begin, b_spans[i].begin);
    EXPECT_EQ(a_spans[i].end, b_spans[i].end);
  }
  EXPECT_EQ(b_spans[2].role, Role::kContent);
  EXPECT_EQ(b_spans[2].end, 6u);
}

}  // namespace
}  // namespace dateline::quotes
