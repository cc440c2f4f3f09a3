// SPDX-License-Identifier: Apache-2.0
#include "events/actor_coder.h"

#include <gtest/gtest.h>

#include "events/test_document.h"

namespace dateline::events {
namespace {

const ActorDictionary& dictionary() {
  static const ActorDictionary* dict = [] {
    auto* d = new ActorDictionary;
    EXPECT_TRUE(d->load_actors_tsv(testing::lexicons_dir() + "/actors.tsv").ok());
    EXPECT_TRUE(d->load_agents_tsv(testing::lexicons_dir() + "/agents.tsv").ok());
    return d;
  }();
  return *dict;
}

struct PhraseCase {
  const char* text;
  const char* code;     // code of the first phrase, "" for an uncoded one
  const char* covered;  // text of the first phrase; nullptr when none is expected
  bool local;
};

TEST(ActorCoder, CodesNounPhrases) {
  static const PhraseCase kCases[] = {
      {"Mexican authorities", "MEXGOV", "Mexican authorities", false},
      {"the president of Venezuela", "VENGOV", "the president of Venezuela", false},
      {"US military forces", "USAMIL", "US military forces", false},
      {"Six Mexican cartels", "MEXCRM", "Six Mexican cartels", false},
      {"the Trump administration", "USAGOV", "the Trump administration", false},
      {"American officials", "USAGOV", "American officials", false},
      {"the United Nations", "IGOUNO", "the United Nations", false},
      {"U.N. peacekeepers", "IGOUNO", "U.N.", false},
      {"Colombian rebels", "COLREB", "Colombian rebels", false},
      {"Hungarian and Romanian officials", "HUNGOV", "Hungarian and Romanian officials", false},
      {"local authorities", "", "local authorities", true},
      {"the Kenyan army", "KENMIL", "the Kenyan army", false},
      {"let us talk", "", nullptr, false},                // "us" is a pronoun, "US" a country
      {"a turkey sandwich", "", nullptr, false},          // lower case is not the country
  };
  for (const PhraseCase& c : kCases) {
    Document doc = testing::one_sentence_document(c.text);
    std::vector<Word> words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
    std::vector<ActorPhrase> phrases = find_actor_phrases(dictionary(), words, "2026-03-01");
    if (!c.covered) {
      EXPECT_TRUE(phrases.empty()) << c.text;
      continue;
    }
    ASSERT_FALSE(phrases.empty()) << c.text;
    const ActorPhrase& p = phrases[0];
    EXPECT_EQ(p.final_code(), c.code) << c.text;
    EXPECT_EQ(doc.text.substr(words[p.begin].span.begin,
                              words[p.end - 1].span.end - words[p.begin].span.begin),
              c.covered)
        << c.text;
    EXPECT_EQ(p.local, c.local) << c.text;
  }
}

TEST(ActorCoder, DatedEntriesFollowTheArticleDate) {
  Document doc = testing::one_sentence_document("Obama spoke");
  std::vector<Word> words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
  // In office (USAGOV), a former president (USAELI), and before any dated row: no actor.
  const std::vector<ActorPhrase> in_office = find_actor_phrases(dictionary(), words, "2012-05-01");
  ASSERT_EQ(in_office.size(), 1u);
  EXPECT_EQ(in_office[0].final_code(), "USAGOV");
  const std::vector<ActorPhrase> former = find_actor_phrases(dictionary(), words, "2024-05-01");
  ASSERT_EQ(former.size(), 1u);
  EXPECT_EQ(former[0].final_code(), "USAELI");
  EXPECT_TRUE(find_actor_phrases(dictionary(), words, "2003-05-01").empty());
}

TEST(WordView, SplitsPunctuationAndClitics) {
  Document doc = testing::one_sentence_document("Hungary's U.N.-backed plan, theWhite House didn't.");
  std::vector<Word> words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
  std::vector<std::string> norms;
  for (const Word& w : words) norms.push_back(w.norm);
  const std::vector<std::string> want = {"hungary", "'s", "un", "-", "backed", "plan", ",",
                                         "the", "white", "house", "did", "n't", "."};
  EXPECT_EQ(norms, want);
}

}  // namespace
}  // namespace dateline::events
