// SPDX-License-Identifier: Apache-2.0
#include "entities/coreference.h"

#include <gtest/gtest.h>

#include "entities/test_util.h"

namespace dateline::entities {
namespace {

const Gazetteer& lexicons() {
  static const Gazetteer g = [] {
    auto r = Gazetteer::load(std::string(DL_SOURCE_DIR) + "/data/lexicons");
    return r.ok() ? std::move(r).value() : Gazetteer();
  }();
  return g;
}

// Each case is a short article written for this test and the expected mention chain, as
// "text@kind" items joined by "|" for every entity with more than one mention.
TEST(Coreference, Chains) {
  struct Case {
    const char* markup;
    std::vector<std::string> chains;
  };
  static const Case kCases[] = {
      {"[PER Stephen Miller] spoke .\n[PER Miller] said he would stay .",
       {"Stephen Miller@name|Miller@partial|he@pronoun"}},
      {"[PER Trump] spoke .\n[PER Donald Trump] left .", {"Trump@partial|Donald Trump@name"}},
      // Gender from given names keeps "her" off the man.
      {"[PER Claudia Ruiz] met [PER Peter Lang] .\nShe said her plan works .",
       {"Claudia Ruiz@name|She@pronoun|her@pronoun"}},
      // Same sentence: nearest preceding compatible person.
      {"[PER Pete Hegseth] said he wanted more .", {"Pete Hegseth@name|he@pronoun"}},
      // Title-only description.
      {"[GPE US] Defence Secretary [PER Pete Hegseth] arrived .\nThe secretary spoke .",
       {"Pete Hegseth@name|The secretary@nominal"}},
      // "the president of X" describes someone new.
      {"President [PER Ann Poe] spoke .\nTroops seized the president of [GPE Ruritania] .", {}},
      // An ORG-typed surname of a known person is that person.
      {"[PER Donald Trump] spoke .\nThe [ORG Trump] administration agreed .",
       {"Donald Trump@name|Trump@partial"}},
      // Places merge by identity.
      {"[GPE US] troops left .\nThe [GPE United States] said no .", {"US@name|United States@name"}},
  };
  for (const Case& c : kCases) {
    testing::Marked m = testing::parse_markup(c.markup);
    // Gazetteer identity for places, as find_names() would set it.
    for (AnalysedSentence& s : m.sentences) {
      std::vector<std::string_view> texts;
      for (const Word& w : s.words) texts.push_back(w.text);
      for (Name& n : s.names) {
        Gazetteer::Match g = lexicons().longest_match(texts, n.begin);
        if (g.entry >= 0 && n.begin + g.length == n.end && n.type == EntityType::kGpe)
          n.gazetteer_entry = g.entry;
      }
    }
    link_entities(lexicons(), m.sentences, m.doc);
    std::vector<std::string> chains;
    for (const Entity& e : m.doc.entities) {
      if (e.mentions.size() < 2) continue;
      std::string chain;
      for (int32_t mi : e.mentions) {
        const Mention& mention = m.doc.mentions[mi];
        if (!chain.empty()) chain += '|';
        chain += std::string(m.doc.slice(mention.span)) + "@" + to_string(mention.kind);
      }
      chains.push_back(chain);
    }
    EXPECT_EQ(chains, c.chains) << c.markup;
  }
}

TEST(Coreference, EntityNameIsFullestAndTitlesAttach) {
  testing::Marked m = testing::parse_markup(
      "[ORG White House] official [PER Stephen Miller] spoke .\n"
      "[PER Miller] , the [ORG White House] homeland security adviser , told them .");
  link_entities(lexicons(), m.sentences, m.doc);
  const Entity* miller = nullptr;
  for (const Entity& e : m.doc.entities)
    if (e.type == EntityType::kPerson) miller = &e;
  ASSERT_NE(miller, nullptr);
  EXPECT_EQ(miller->name, "Stephen Miller");
  ASSERT_EQ(miller->titles.size(), 2u);
  EXPECT_EQ(miller->titles[0].text, "White House official");
  EXPECT_EQ(miller->titles[1].text, "White House homeland security adviser");
  EXPECT_EQ(miller->titles[1].organization, "White House");
  EXPECT_EQ(miller->mentions.size(), 2u);
}

TEST(Coreference, PronounGender) {
  EXPECT_EQ(pronoun_gender("his"), 'm');
  EXPECT_EQ(pronoun_gender("herself"), 'f');
  EXPECT_EQ(pronoun_gender("they"), 0);
}

}  // namespace
}  // namespace dateline::entities
