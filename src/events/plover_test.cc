// SPDX-License-Identifier: Apache-2.0
// The PLOVER vocabulary of include/dateline/plover.h (implemented in src/core/plover.cc).
#include "dateline/plover.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(Plover, TypeOfCameoCode) {
  static const struct {
    const char* cameo;
    const char* type;  // "" for none
  } kCases[] = {
      {"010", ""},
      {"01", ""},
      {"020", "REQUEST"},
      {"036", "AGREE"},
      {"042", "CONSULT"},
      {"057", "SUPPORT"},
      {"064", "COOPERATE"},
      {"0731", "AID"},
      {"08", "RETREAT"},
      {"081", "CONCEDE"},
      {"0813", "RETREAT"},
      {"0841", "RETREAT"},
      {"090", "ACCUSE"},
      {"112", "ACCUSE"},
      {"100", "REQUEST"},
      {"125", "REJECT"},
      {"138", "THREATEN"},
      {"141", "PROTEST"},
      {"150", "MOBILIZE"},
      {"161", "SANCTION"},
      {"163", "COERCE"},
      {"173", "COERCE"},
      {"1712", "ASSAULT"},
      {"175", "ASSAULT"},
      {"183", "ASSAULT"},
      {"191", "COERCE"},
      {"193", "ASSAULT"},
      {"204", "ASSAULT"},
      {"21", ""},
      {"x19", ""},
      {"1", ""},
      {"", ""},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(to_string(plover_type_of_cameo(c.cameo)), c.type) << c.cameo;
  }
}

TEST(Plover, NamesModesAndDefaults) {
  EXPECT_EQ(plover_types().size(), 16u);
  for (const PloverTypeInfo& t : plover_types()) {
    EXPECT_EQ(plover_type_from_name(t.name), t.type);
    // each type's general CAMEO code is a code of that type
    EXPECT_EQ(plover_type_of_cameo(t.cameo_default), t.type) << t.name;
    for (std::string_view m : t.modes) EXPECT_TRUE(is_plover_mode(t.type, m)) << m;
  }
  EXPECT_FALSE(plover_type_from_name("assault"));  // the manual's spelling only
  EXPECT_FALSE(plover_type_from_name("FIGHT"));    // a 2016 draft type, not 2.0
  EXPECT_TRUE(is_plover_mode(PloverType::kAssault, ""));
  EXPECT_FALSE(is_plover_mode(PloverType::kAssault, "visit"));
  EXPECT_FALSE(is_plover_mode(PloverType::kAgree, "visit"));
  EXPECT_TRUE(is_plover_mode(PloverType::kReject, "yield"));  // shared with REQUEST
}

TEST(Plover, EventTypeFilter) {
  for (const char* ok : {"ASSAULT", "assault", "Consult", "19", "0", "1234"}) {
    EXPECT_TRUE(check_event_type_filter(ok).ok()) << ok;
  }
  for (const char* bad : {"ASALT", "FIGHT", "19a", "ASSAULT "}) {
    const Status s = check_event_type_filter(bad);
    EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find(std::string("'") + bad + "'"), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace dateline
