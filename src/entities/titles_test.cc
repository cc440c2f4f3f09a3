// SPDX-License-Identifier: Apache-2.0
#include "entities/titles.h"

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

// Sentences written for this test; the person whose titles are checked is the first PER.
TEST(Titles, Patterns) {
  struct Case {
    const char* markup;
    const char* title;  // "" when none is expected
    const char* organization;
    const char* country;
  };
  static const Case kCases[] = {
      {"[ORG City Hall] official [PER Jane Roe] spoke .", "City Hall official", "City Hall", ""},
      {"[GPE US] Defence Secretary [PER John Doe] said so .", "Defence Secretary", "", "USA"},
      {"[NORP Mexican] President [PER Ana Ruiz] said so .", "President", "", "MEX"},
      {"President [PER Ana Ruiz] said so .", "President", "", ""},
      {"[ORG White House] Deputy Chief of Staff for Policy [PER John Doe] said .",
       "White House Deputy Chief of Staff for Policy", "White House", ""},
      {"said homeland security adviser [PER John Doe] .", "homeland security adviser", "", ""},
      {"[PER John Doe] , director of the [ORG Water Programme] at the [ORG Blue Institute] , "
       "said .",
       "director of the Water Programme", "Blue Institute", ""},
      {"[PER Doe] , the [ORG White House] security adviser , told them .",
       "White House security adviser", "White House", ""},
      {"[PER Jim Poe] , [PER Doe] 's senior director for trade within the [ORG National Council] "
       ", said .",
       "senior director for trade", "National Council", ""},
      {"[PER John Doe] , 45 , a former mayor , said .", "former mayor", "", ""},
      {"[PER John Doe] said the plan failed .", "", "", ""},
      {"On Thursday [PER John Doe] spoke .", "", "", ""},
      {"[PER John Doe] , [PER Ann Poe] and others came .", "", "", ""},
      {"Mr. [PER Doe] spoke .", "", "", ""},
      {"It rose during President [PER Ana Ruiz] 's term .", "President", "", ""},
      {"They met , including Senator [PER Ana Ruiz] .", "Senator", "", ""},
      {"\xE2\x80\x9C No , \xE2\x80\x9D Rep. [PER Ana Ruiz] said .", "Rep.", "", ""},
      {"Like President [PER Ana Ruiz] , he left .", "President", "", ""},
      {"said former President [PER Ana Ruiz] .", "former President", "", ""},
      {"the inquiry former Secretary [PER Ana Ruiz] led .", "former Secretary", "", ""},
      // Roles before the name, set off by a comma.
      {"The president 's adviser , [PER John Doe] , said so .", "adviser", "", ""},
      {"[ORG Acme] 's chief executive , [PER Ana Ruiz] , said so .", "chief executive", "Acme",
       ""},
      {"[GPE Mexico] 's defence minister , [PER Ana Ruiz] , said so .", "defence minister", "",
       "MEX"},
      {"said the director of the [ORG Water Programme] , [PER John Doe] .",
       "director of the Water Programme", "Water Programme", ""},
      {"Unlike the former director , [PER John Doe] , the board said no .", "", "", ""},
      {"They met the adviser , [PER John Doe] and [PER Ann Poe] , today .", "", "", ""},
      {"In the capital , [PER John Doe] , spoke .", "", "", ""},
      // Roles in a relative clause after the name.
      {"[PER John Doe] , who served as [PER Poe] 's deputy chief of staff until 2020 , said .",
       "deputy chief of staff", "", ""},
      {"[PER John Doe] , who was named chief executive of [ORG Acme] in May , said .",
       "chief executive of Acme", "Acme", ""},
      {"[PER John Doe] , who is the [ORG Blue Institute] director , said .",
       "Blue Institute director", "Blue Institute", ""},
      {"[PER John Doe] , who is now his secretary of state , left .", "secretary of state", "",
       ""},
      {"[PER John Doe] , who is a leader who inspires , left .", "", "", ""},
      {"[PER John Doe] , who was the bill \xE2\x80\x99s floor manager , left .",
       "floor manager", "", ""},
      {"[PER John Doe] , who is a professor at [ORG Blue Institute] , said .", "professor",
       "Blue Institute", ""},
      {"[PER John Doe] , who said the plan failed , left .", "", "", ""},
      {"[PER John Doe] , who worked the night shift , left .", "", "", ""},
  };
  for (const Case& c : kCases) {
    testing::Marked m = testing::parse_markup(c.markup);
    const AnalysedSentence& s = m.sentences[0];
    size_t person = 0;
    while (person < s.names.size() && s.names[person].type != EntityType::kPerson) ++person;
    ASSERT_LT(person, s.names.size()) << c.markup;
    std::vector<Title> got = find_titles(m.doc, lexicons(), s.words, s.names, person);
    if (!*c.title) {
      EXPECT_TRUE(got.empty()) << c.markup << " -> " << (got.empty() ? "" : got[0].text);
      continue;
    }
    ASSERT_EQ(got.size(), 1u) << c.markup;
    EXPECT_EQ(got[0].text, c.title) << c.markup;
    EXPECT_EQ(m.doc.slice(got[0].span), got[0].text) << c.markup;
    EXPECT_EQ(got[0].organization, c.organization) << c.markup;
    EXPECT_EQ(got[0].country, c.country) << c.markup;
  }
}

TEST(Titles, Head) {
  EXPECT_EQ(title_head(lexicons(), "US Defence Secretary"), "secretary");
  EXPECT_EQ(title_head(lexicons(), "director of the Americas Programme"), "director");
  EXPECT_EQ(title_head(lexicons(), "homeland security adviser"), "adviser");
}

}  // namespace
}  // namespace dateline::entities
