// SPDX-License-Identifier: Apache-2.0
#include "events/verb_dictionary.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

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
      {"Canada sent troops", 1, "AID", "", 1},
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
    EXPECT_EQ(to_string(ms[0].entry->plover), c.plover) << c.text;
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

// Rows outside the PLOVER vocabulary are refused with file:line; written for this test.
TEST(VerbDictionary, RefusesRowsOutsideThePloverVocabulary) {
  struct Case {
    const char* row;
    const char* message;  // part of the error; "" when the row must load
  };
  static const Case kCases[] = {
      {"attack\tASSAULT\t\t190", ""},
      {"attack\tASSAULT\tfirearms\t193", ""},
      {"expect\tMODAL\texpected", ""},
      {"attack\tASSALT\t\t190", "'ASSALT' is not a PLOVER type"},
      {"attack\tASSAULT\tvisit\t190", "'visit' is not a mode of ASSAULT"},
      {"attack\tASSAULT\t\t040", "CAMEO 040 is not a code of ASSAULT"},
      {"attack\tASSAULT\t\t190\tcontrl", "unknown flag 'contrl'"},
  };
  const std::string path = ::testing::TempDir() + "verbs_vocabulary_test.tsv";
  for (const Case& c : kCases) {
    {
      std::ofstream out(path);
      out << "# name: test\n" << c.row << "\n";
    }
    VerbDictionary d;
    const Status s = d.load_tsv(path);
    if (*c.message == 0) {
      EXPECT_TRUE(s.ok()) << c.row << ": " << s.to_string();
      continue;
    }
    EXPECT_EQ(s.code(), ErrorCode::kBadInput) << c.row;
    EXPECT_NE(s.message().find(path + ":2: "), std::string::npos) << s.message();
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace dateline::events
