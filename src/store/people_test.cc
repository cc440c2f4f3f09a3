// SPDX-License-Identifier: Apache-2.0
#include "store/people.h"

#include <gtest/gtest.h>

namespace dateline::store {
namespace {

TEST(People, NameKey) {
  static const struct {
    const char* name;
    const char* key;
  } kTests[] = {
      {"Clara Zammit", "clara zammit"},
      {"  CLARA   zammit ", "clara zammit"},
      {"Jos\xC3\xA9 N\xC3\xBA\xC3\xB1"
       "ez",
       "jose nunez"},
      {"Seán O'Neill", "sean oneill"},
      {"Se\xC3\xA1n O\xE2\x80\x99"
       "Neill",
       "sean oneill"},
      {"Jean-Luc Picard", "jean luc picard"},
      {"Dr. Ana Lima", "ana lima"},
      {"President Donald J. Trump", "donald j trump"},
      {"Sen. Elizabeth Warren", "elizabeth warren"},
      {"Vice President Vance", "vance"},
      {"Governor", "governor"},  // a title alone is left as the name
      {"Mr Smith", "smith"},
      {"Dr.", "dr"},  // an honorific alone is left as the name
      {"J. R. Ewing Jr.", "j r ewing jr"},
      {"", ""},
  };
  for (const auto& t : kTests) {
    EXPECT_EQ(name_key(t.name), t.key) << t.name;
  }
}

TEST(People, SurnameOf) {
  static const struct {
    const char* key;
    const char* surname;
  } kTests[] = {
      {"clara zammit", "zammit"},  {"j r ewing jr", "ewing"}, {"henry viii", "viii"},
      {"pope francis", "francis"}, {"zammit", "zammit"},      {"", ""},
  };
  for (const auto& t : kTests) {
    EXPECT_EQ(surname_of(t.key), t.surname) << t.key;
  }
}

TEST(People, TitlesCompatible) {
  static const struct {
    RoleKey a, b;
    bool compatible;
  } kTests[] = {
      {{"Foreign Minister", "", ""}, {"foreign minister", "", ""}, true},
      {{"Foreign Minister", "", ""}, {"Portuguese Foreign Minister", "", ""}, true},
      {{"minister", "", ""}, {"Foreign Minister", "", ""}, true},
      {{"Minister for Foreign Affairs", "", ""}, {"foreign minister", "", ""}, true},
      {{"Defence Secretary", "", ""}, {"defense secretary", "", ""}, true},
      {{"former president", "", ""}, {"President", "", ""}, true},
      {{"acting head", "", ""}, {"head", "", ""}, true},
      {{"Foreign Minister", "", ""}, {"Defence Minister", "", ""}, false},
      {{"Vice President", "", ""}, {"President", "", ""}, false},
      {{"Prime Minister", "", ""}, {"minister", "", ""}, false},
      {{"deputy mayor", "", ""}, {"mayor", "", ""}, false},
      {{"spokesman", "", ""}, {"press secretary", "", ""}, false},
      {{"Foreign Minister", "", "PRT"}, {"foreign minister", "", "ESP"}, false},
      {{"Foreign Minister", "", "PRT"}, {"foreign minister", "", ""}, true},
      {{"chairman", "Acme", ""}, {"chairman", "Globex", ""}, false},
      {{"chairman", "Acme", ""}, {"Chairman", "ACME", ""}, true},
      {{"", "", ""}, {"", "", ""}, false},
  };
  for (const auto& t : kTests) {
    EXPECT_EQ(titles_compatible(t.a, t.b), t.compatible) << t.a.title << " ~ " << t.b.title;
    EXPECT_EQ(titles_compatible(t.b, t.a), t.compatible) << t.b.title << " ~ " << t.a.title;
  }
}

TEST(People, DecidePerson) {
  const PersonCandidate zammit_fm{1, "clara zammit", {{"Harbour Minister", "", "MLT"}}};
  const PersonCandidate zammit_judge{2, "paul zammit", {{"judge", "", ""}}};
  const PersonCandidate zammit_only{3, "zammit", {{"harbour minister", "", ""}}};
  const PersonCandidate zammit_notitle{4, "anna zammit", {}};
  const PersonCandidate other_fm{5, "mark borg", {{"Harbour Minister", "", "MLT"}}};
  const PersonCandidate trump{6, "donald trump", {{"President", "", "USA"}}};
  const PersonCandidate trump_j{7, "donald j trump", {}};
  const PersonCandidate bush_w{8, "george w bush", {}};
  const PersonCandidate bush_hw{9, "george h w bush", {}};
  static const struct {
    const char* name;
    std::vector<RoleKey> roles;
    std::vector<PersonCandidate> candidates;
    int64_t person;
    bool upgrade;
    const char* reason;  // a prefix of the reason
  } kTests[] = {
      {"Clara Zammit", {}, {zammit_fm, zammit_judge}, 1, false, "same full name"},
      {"CLARA ZAMMIT", {{"judge", "", ""}}, {zammit_judge, zammit_fm}, 1, false, "same full name"},
      {"Zammit", {{"Minister", "", ""}}, {zammit_fm, zammit_judge}, 1, false, "surname 'zammit'"},
      {"Zammit", {{"the judge", "", ""}}, {zammit_fm, zammit_judge}, 2, false, "surname"},
      {"Zammit", {}, {zammit_fm}, 0, false, "first seen: surname only, no title"},
      {"Zammit",
       {{"mayor", "", ""}},
       {zammit_fm, zammit_judge},
       0,
       false,
       "first seen: surname only"},
      // Two people qualify: too ambiguous to merge.
      {"Zammit",
       {{"minister", "", ""}},
       {zammit_fm, zammit_only},
       0,
       false,
       "first seen: 2 people"},
      // A full name meets a person known by surname only, with a compatible title.
      {"Clara Zammit", {{"Harbour Minister", "", ""}}, {zammit_only}, 3, true, "surname"},
      // Two different full names are two people, whatever their titles.
      {"Paul Zammit",
       {{"Harbour Minister", "", ""}},
       {zammit_fm},
       0,
       false,
       "first seen: full name"},
      {"Anna Zammit", {}, {zammit_notitle}, 4, false, "same full name"},
      // A same-titled person with another surname is not a candidate.
      {"Borg", {{"harbour minister", "", ""}}, {zammit_fm}, 0, false, "first seen"},
      {"", {}, {zammit_fm}, 0, false, "no name"},
      // Middle initials (issue #21): the same first name and surname, initials that agree.
      {"Donald J. Trump", {}, {trump}, 6, false, "same name but for a middle initial"},
      {"Donald Trump", {}, {trump_j}, 7, false, "same name but for a middle initial"},
      {"George W. Bush", {}, {bush_w, bush_hw}, 8, false, "same full name"},
      {"George H. W. Bush", {}, {bush_w}, 0, false, "first seen: full name"},
      {"George Bush", {}, {bush_w, bush_hw}, 0, false, "first seen: 2 people"},
      {"Melania Trump", {}, {trump}, 0, false, "first seen: full name"},
      // A title written in the name is a role ("President Trump" ~ President Donald Trump).
      {"President Trump", {}, {trump, zammit_fm}, 6, false, "surname 'trump'"},
      {"President Donald Trump", {}, {trump}, 6, false, "same full name"},
      {"Trump", {}, {trump}, 0, false, "first seen: surname only, no title"},
  };
  for (const auto& t : kTests) {
    PersonDecision d = decide_person(t.name, t.roles, t.candidates);
    EXPECT_EQ(d.person, t.person) << t.name << ": " << d.reason;
    EXPECT_EQ(d.upgrade_name, t.upgrade) << t.name;
    EXPECT_EQ(d.reason.rfind(t.reason, 0), 0u) << t.name << ": " << d.reason;
  }
}

}  // namespace
}  // namespace dateline::store
