// SPDX-License-Identifier: Apache-2.0
#include "events/petrarch_importer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "events/actor_coder.h"
#include "events/event_coder.h"
#include "events/test_document.h"

namespace dateline::events {
namespace {

std::string write_temp(const std::string& name, const std::string& body) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << body;
  return path;
}

// A miniature dictionary in the PETRARCH formats, written for this test.
TEST(PetrarchImporter, ReadsVerbBlocksPatternsAndForms) {
  const std::string path = write_temp("dl_events_test.verbpatterns.txt",
                                      "# comment\n"
                                      "&ARMY_\n"
                                      "+SOLDIERS\n"
                                      "+TROOPS\n"
                                      "\n"
                                      "####### VERB PATTERNS #######\n"
                                      "--- RAID_BLOCK [190] ---\n"
                                      "RAID\n"
                                      "STORM {STORMS STORMED STORMING}\n"
                                      "+WAGE_WAR [195]\n"
                                      "- * &ARMY IN + [192] # a pattern\n"
                                      "- * SANDCASTLE [---]\n");
  VerbDictionary verbs;
  ImportStats stats;
  ASSERT_TRUE(import_petrarch_verbs(path, verbs, stats).ok());
  EXPECT_EQ(stats.verbs, 3u);
  EXPECT_EQ(stats.patterns, 6u);  // two patterns for each of the three verbs
  struct Case {
    const char* text;
    size_t at;
    const char* cameo;
    bool no_event;
  };
  static const Case kCases[] = {
      {"rebels raided the town", 1, "190", false},
      {"rebels stormed the town", 1, "190", false},
      {"they waged war on them", 1, "195", false},
      {"they raided soldiers in the valley", 1, "192", false},
      {"children stormed a sandcastle", 1, "", true},
  };
  for (const Case& c : kCases) {
    Document doc = testing::one_sentence_document(c.text);
    std::vector<Word> words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
    std::vector<VerbMatch> ms = verbs.matches(words, c.at);
    ASSERT_FALSE(ms.empty()) << c.text;
    EXPECT_EQ(ms[0].entry->cameo, c.cameo) << c.text;
    EXPECT_EQ(ms[0].entry->no_event, c.no_event) << c.text;
    EXPECT_NE(ms[0].entry->source.find("dl_events_test.verbpatterns.txt:"), std::string::npos);
  }
  std::filesystem::remove(path);
}

TEST(PetrarchImporter, ReadsActorsAndAgents) {
  const std::string actors_path = write_temp("dl_events_test.actors.txt",
                                             "# comment\n"
                                             "RURITANIA_ [RUR]\n"
                                             "+RURITANIAN_\n"
                                             "KING_RUDOLF_  # a note\n"
                                             "\t[RURGOV 900101-991231]\n"
                                             "\t[RURELI >000101]\n");
  const std::string agents_path = write_temp("dl_events_test_agents.txt",
                                             "!PERSON! = MAN, MEN\n"
                                             "GUARDS [~MIL]\n"
                                             "POLICE!PERSON! [~COP]\n"
                                             "HARBOUR_MASTER {HARBOUR_MASTERS} [~GOV]\n");
  ActorDictionary dict;
  ImportStats stats;
  ASSERT_TRUE(import_phoenix_actors(actors_path, dict, stats).ok());
  ASSERT_TRUE(import_phoenix_agents(agents_path, dict, stats).ok());
  EXPECT_EQ(stats.actors, 4u);
  struct Case {
    const char* text;
    const char* date;
    const char* code;
  };
  static const Case kCases[] = {
      {"Ruritanian guards", "", "RURMIL"},
      {"Ruritania", "", "RUR"},
      {"King Rudolf", "1995-01-01", "RURGOV"},
      {"King Rudolf", "2005-01-01", "RURELI"},
      {"Ruritanian policemen", "", "RURCOP"},
      {"Ruritanian harbour masters", "", "RURGOV"},
  };
  for (const Case& c : kCases) {
    Document doc = testing::one_sentence_document(c.text);
    std::vector<Word> words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
    std::vector<ActorPhrase> phrases = find_actor_phrases(dict, words, c.date);
    ASSERT_EQ(phrases.size(), 1u) << c.text;
    EXPECT_EQ(phrases[0].final_code(), c.code) << c.text << " on " << c.date;
  }
  std::filesystem::remove(actors_path);
  std::filesystem::remove(agents_path);
}

// The public PETRARCH/Phoenix dictionaries from ../shared, loaded at run time.
TEST(PetrarchImporter, CodesWithThePublicDictionaries) {
  const std::string dir = std::string(DL_SHARED_DIR) + "/data/events/petrarch/dictionaries";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not present";
  EventDictionaries dicts;
  ImportStats stats;
  ASSERT_TRUE(import_petrarch_dir(dir, dicts.verbs, dicts.actors, stats).ok());
  EXPECT_GT(stats.verbs, 1500u);
  EXPECT_GT(stats.patterns, 10000u);
  EXPECT_GT(stats.actors, 20000u);
  EXPECT_GT(stats.agents, 500u);
  auto cameo = CameoTable::load(testing::lexicons_dir() + "/cameo.tsv");
  ASSERT_TRUE(cameo.ok());
  dicts.cameo = std::move(cameo).value();
  EventCoder coder = EventCoder::from_dictionaries(std::move(dicts), "test");
  struct Case {
    const char* text;
    const char* actor;
    const char* plover;
    const char* target;
  };
  // Sentences written for this test; only the imported dictionaries code them.
  static const Case kCases[] = {
      {"Ukrainian soldiers shelled Russian positions near the border.", "UKR", "ASSAULT", "RUS"},
      {"The Kenyan government condemned Somalia on Friday.", "KEN", "ACCUSE", "SOM"},
      {"Chile hosted Argentine diplomats in Santiago.", "CHL", "CONSULT", "ARG"},
  };
  for (const Case& c : kCases) {
    Document doc = testing::one_sentence_document(c.text, "2015-06-01");
    ASSERT_TRUE(coder.annotate(doc).ok());
    bool found = false;
    std::string got;
    for (const Event& e : doc.events) {
      got += "[" + e.actor.code + " " + e.plover + " " + e.target.code + " " + e.why + "] ";
      if (e.plover == c.plover && e.actor.code.starts_with(c.actor) &&
          e.target.code.starts_with(c.target)) {
        found = true;
        EXPECT_NE(e.why.find("CAMEO.verbpatterns"), std::string::npos) << e.why;
      }
    }
    EXPECT_TRUE(found) << c.text << " -> " << got;
  }
}

}  // namespace
}  // namespace dateline::events
