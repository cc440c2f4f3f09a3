// SPDX-License-Identifier: Apache-2.0
#include "entities/gazetteer.h"

#include <gtest/gtest.h>

#include "entities/test_util.h"

namespace dateline::entities {
namespace {

const Gazetteer& lexicons() {
  static const Gazetteer g = [] {
    auto r = Gazetteer::load(std::string(DL_SOURCE_DIR) + "/data/lexicons");
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? std::move(r).value() : Gazetteer();
  }();
  return g;
}

TEST(Gazetteer, LongestMatch) {
  struct Case {
    const char* text;
    size_t start;
    uint32_t length;         // 0: no match
    const char* country;
    GazetteerKind kind;
  };
  static const Case kCases[] = {
      {"in Mexico City today", 1, 2, "MEX", GazetteerKind::kCity},
      {"the US military", 1, 1, "USA", GazetteerKind::kCountry},
      {"told us that", 1, 0, "", GazetteerKind::kCountry},            // "us" is a pronoun
      {"fine china plates", 1, 0, "", GazetteerKind::kCountry},       // lower case
      {"visited China", 1, 1, "CHN", GazetteerKind::kCountry},
      {"MIAMI : officials", 0, 1, "USA", GazetteerKind::kCity},       // dateline capitals
      {"Mexican officials", 0, 1, "MEX", GazetteerKind::kDemonym},
      {"Latin American leaders", 0, 2, "", GazetteerKind::kDemonym},  // longest wins
      {"the White House said", 1, 2, "USA", GazetteerKind::kOrganization},
      {"Burkina Faso", 0, 2, "BFA", GazetteerKind::kCountry},          // from iso-codes
  };
  std::vector<std::string> store;
  for (const Case& c : kCases) {
    auto words = testing::split_words(c.text, store);
    Gazetteer::Match m = lexicons().longest_match(words, c.start);
    EXPECT_EQ(m.length, c.length) << c.text;
    if (c.length == 0 || m.entry < 0) continue;
    const GazetteerEntry& e = lexicons().entries()[m.entry];
    EXPECT_EQ(e.country, c.country) << c.text;
    EXPECT_EQ(e.kind, c.kind) << c.text;
  }
}

TEST(Gazetteer, PlacesCarryCoordinates) {
  std::vector<std::string> store;
  auto words = testing::split_words("Caracas", store);
  Gazetteer::Match m = lexicons().longest_match(words, 0);
  ASSERT_GE(m.entry, 0);
  const GazetteerEntry& e = lexicons().entries()[m.entry];
  EXPECT_TRUE(e.has_coordinates);
  EXPECT_NEAR(e.latitude, 10.5, 0.5);
  EXPECT_NEAR(e.longitude, -66.9, 0.5);
}

TEST(Gazetteer, WordLists) {
  EXPECT_EQ(lexicons().title_word("secretary").kind, TitleWord::Kind::kHead);
  EXPECT_EQ(lexicons().title_word("deputy").kind, TitleWord::Kind::kModifier);
  EXPECT_EQ(lexicons().title_word("ms.").gender, 'f');
  EXPECT_EQ(lexicons().title_word("cartel").kind, TitleWord::Kind::kNone);
  EXPECT_EQ(lexicons().given_name_gender("Stephen"), 'm');
  EXPECT_EQ(lexicons().given_name_gender("Claudia"), 'f');
  EXPECT_EQ(lexicons().country_of("US"), "USA");
  EXPECT_EQ(lexicons().country_of("Mexican"), "MEX");
  EXPECT_EQ(lexicons().country_of("White House"), "");
}

TEST(Gazetteer, MissingLexiconIsNotFound) {
  auto r = Gazetteer::load("/nonexistent/lexicons");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kNotFound);
}

}  // namespace
}  // namespace dateline::entities
