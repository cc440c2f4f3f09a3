// SPDX-License-Identifier: Apache-2.0
#include "model/hash.h"

#include <gtest/gtest.h>

namespace dateline::model {
namespace {

// Published FNV-1a test vectors (Fowler/Noll/Vo reference code).
TEST(Hash, KnownFnv1aValues) {
  struct Case {
    const char* input;
    uint64_t h64;
    uint32_t h32;
  };
  static const Case kCases[] = {
      {"", 0xcbf29ce484222325ULL, 0x811c9dc5u},
      {"a", 0xaf63dc4c8601ec8cULL, 0xe40c292cu},
      {"foobar", 0x85944171f73967e8ULL, 0xbf9cf968u},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(fnv1a(c.input), c.h64) << c.input;
    EXPECT_EQ(fnv1a32(c.input), c.h32) << c.input;
    EXPECT_EQ(content_hash(c.input), hex16(c.h64)) << c.input;
  }
}

TEST(Hash, ContinuedAndMappedHashesAgreeWithPlainOnes) {
  struct Case {
    const char* a;
    const char* b;
  };
  static const Case kCases[] = {
      {"foo", "bar"}, {"", "x"}, {"New", " York"}, {"\xC3\xA9", "t\xC3\xA9"}};
  for (const Case& c : kCases) {
    const std::string whole = std::string(c.a) + c.b;
    EXPECT_EQ(fnv1a(c.b, fnv1a(c.a)), fnv1a(whole)) << whole;
    EXPECT_EQ(fnv1a32(c.b, fnv1a32(c.a)), fnv1a32(whole)) << whole;
    std::string lower = whole;
    for (char& ch : lower) ch = static_cast<char>(ascii_lower(static_cast<unsigned char>(ch)));
    EXPECT_EQ(fnv1a_lower(whole), fnv1a(lower)) << whole;
  }
  EXPECT_EQ(fnv1a_step(kFnvBasis, 'a'), fnv1a("a"));
  EXPECT_EQ(fnv1a32_step(kFnv32Basis, 'a'), fnv1a32("a"));
}

TEST(Hash, KeysAreNeverZero) {
  EXPECT_NE(hash_bytes(""), 0u);
  for (uint32_t t = 0; t < 200; ++t) EXPECT_NE(feature_key(t, 0, 0, 0), 0u) << t;
  EXPECT_NE(feature_key(1, 2, 3), feature_key(1, 3, 2));
  EXPECT_NE(feature_key(1, 2), feature_key(2, 2));
}

TEST(Hash, Hex16) {
  EXPECT_EQ(hex16(0), "0000000000000000");
  EXPECT_EQ(hex16(0x0123456789abcdefULL), "0123456789abcdef");
}

}  // namespace
}  // namespace dateline::model
