// SPDX-License-Identifier: Apache-2.0
#pragma once
// Feature hashing for the tagger and the parser. A feature is a template number plus up to
// three 64-bit values (hashed strings or small ids); it is reduced to one 64-bit key that
// indexes the weight table. Strings are hashed once per token, features are combined with
// a few multiply-xor steps, so extracting ~70 parser features costs no allocation.

#include <cstdint>
#include <string_view>

namespace dateline::syntax {

/// 64-bit FNV-1a of a byte string; 0 is never returned (0 marks an empty slot).
inline uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h ? h : 1;
}

/// splitmix64 finaliser: spreads the bits of a combined key.
inline uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/// The key of feature template `t` with values a, b, c. Never 0.
inline uint64_t feature_key(uint32_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = mix64(a + 0x9e3779b97f4a7c15ULL * (t + 1));
  h = mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  if (c) h = mix64(h ^ (c + 0x85ebca77c2b2ae63ULL));
  return h ? h : 1;
}

}  // namespace dateline::syntax
