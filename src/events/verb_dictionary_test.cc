// SPDX-License-Identifier: Apache-2.0
#include "events/verb_dictionary.h"

#include <gtest/gtest.h>

#include "events/test_document.h"

namespace dateline::events {
namespace {

TEST(Inflect, RegularForms) {
  struct Case {
    const char* lemma;
    const char* third;
    const char* past;
    const char* gerund;
  };
  static const Case kCases[] = {
      {"attack", "attacks", "attacked", "attacking"}, {"seize", "seizes", "seized", "seizing"},
      {"ban", "bans", "banned", "banning"},           {"aid", "aids", "aided", "aiding"},
      {"deny", "denies", "denied", "denying"},        {"press", "presses", "pressed", "pressing"},
      {"visit", "visits", "visited", "visiting"},     {"tie", "ties", "tied", "tying"},
  };
  for (const Case& c : kCases) {
    auto forms = inflect(c.lemma);
    ASSERT_EQ(forms.size(), 3u);
    EXPECT_EQ(forms[0].first, c.third) << c.lemma;
    EXPECT_EQ(forms[1].first, c.past) << c.lemma;
    EXPECT_EQ(forms[2].first, c.gerund) << c.lemma;
  }
}

const VerbDictionary& dictionary() {
  static const VerbDictionary* dict = [] {
    auto* d = new VerbDictionary;
    EXPECT_TRUE(d->load_tsv(testing::lexicons_dir() + "/verbs.tsv").ok());
    return d;
  }();
  return *dict;
}

TEST(VerbDictionary, LooksUpFormsAndPatterns) {
  struct Case {
    const char* text;
    size_t at;            // word index of the verb
    const char* plover;   // best match's type ("" for a light or modal verb)
    const char* mode;
    size_t trigger_words; // words of the matched trigger (verb + particles)
  };
  static const Case kCases[] = {
      {"they have blown up boats", 2, "ASSAULT", "explosives", 2},
      {"Colombia sent a delegation", 1, "CONSULT", "visit", 1},
      {"Canada sent troops", 1, "AID", "peacekeeping", 1},
      {"officials engaged with them", 1, "CONSULT", "", 2},
      {"the US aided Mexico", 2, "AID", "", 1},
      {"rebels kidnapped four", 1, "ASSAULT", "abduct", 1},
      {"Iran sought help", 1, "REQUEST", "", 1},
      {"they withdrew troops", 1, "RETREAT", "withdraw", 1},
      {"police detained him", 1, "COERCE", "arrest", 1},
  };
  for (const Case& c : kCases) {
    Document doc = testing::one_sentence_document(c.text);
    std::vector<Word> words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
    std::vector<VerbMatch> ms = dictionary().matches(words, c.at);
    ASSERT_FALSE(ms.empty()) << c.text;
    EXPECT_EQ(ms[0].entry->plover, c.plover) << c.text;
    EXPECT_EQ(ms[0].entry->mode, c.mode) << c.text;
    EXPECT_EQ(ms[0].end - ms[0].begin, c.trigger_words) << c.text;
  }
}

TEST(VerbDictionary, NounOnlyFormsAreNotVerbs) {
  Document doc = testing::one_sentence_document("the press and a sandwich");
  std::vector<Word> words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
  EXPECT_TRUE(dictionary().matches(words, 1).empty());  // "press" only inflected: "pressed"
  EXPECT_TRUE(dictionary().matches(words, 4).empty());
}

}  // namespace
}  // namespace dateline::events
