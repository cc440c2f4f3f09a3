// SPDX-License-Identifier: Apache-2.0
#include "text/utf8.h"

#include <gtest/gtest.h>

namespace dateline::text {
namespace {

TEST(Utf8, FindsFirstInvalidByte) {
  static const struct {
    std::string input;
    size_t invalid_at;
  } kCases[] = {
      {"plain ascii", std::string_view::npos},
      {"caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D", std::string_view::npos},
      {"bad \xFF byte", 4},
      {"truncated \xE2\x80", 10},
      {"overlong \xC0\xAF", 9},
      {"surrogate \xED\xA0\x80", 10},
      {"already repaired \xEF\xBF\xBD ok", std::string_view::npos},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(find_invalid_utf8(c.input), c.invalid_at) << c.input;
  }
}

TEST(Utf8, RepairReplacesEachInvalidByteAndReportsInputOffsets) {
  std::vector<size_t> bad;
  std::string out = repair_utf8("a\xFF" "b\xE2\x80", &bad);
  EXPECT_EQ(out, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(bad, (std::vector<size_t>{1, 3, 4}));
}

TEST(Utf8, DecodesBackwards) {
  std::string s = "x\xE2\x80\x9D";
  size_t len;
  EXPECT_EQ(decode_before(s, s.size(), &len), U'\u201D');
  EXPECT_EQ(len, 3u);
  EXPECT_EQ(decode_before(s, 1, &len), U'x');
}

TEST(Utf8, CountCodePoints) { EXPECT_EQ(count_code_points("caf\xC3\xA9"), 4u); }

}  // namespace
}  // namespace dateline::text
