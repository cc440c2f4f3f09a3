// SPDX-License-Identifier: Apache-2.0
#pragma once
// The one hash of dateline: FNV-1a (Fowler, Noll, Vo) over bytes, 64-bit everywhere and
// 32-bit where a model was trained with it, plus the combinators that turn hashed values
// into feature keys. Content identity (content_hash), model checksums, word-table look-ups
// and every feature template of every model are built from these functions, so a feature
// hashed at training time and at run time cannot come from two implementations.
//
// A model's feature keys depend on the exact hash: changing any function here (or the seed
// a model passes as `h`) invalidates every model trained with it.

#include <cstdint>
#include <string>
#include <string_view>

namespace dateline::model {

inline constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;  ///< 64-bit offset basis
inline constexpr uint64_t kFnvPrime = 0x100000001b3ULL;       ///< 64-bit FNV prime
inline constexpr uint32_t kFnv32Basis = 2166136261u;
inline constexpr uint32_t kFnv32Prime = 16777619u;

/// One FNV-1a step that folds the whole value `v` in (a byte, or a small integer a feature
/// template mixes in at once).
constexpr uint64_t fnv1a_step(uint64_t h, uint64_t v) { return (h ^ v) * kFnvPrime; }
constexpr uint32_t fnv1a32_step(uint32_t h, uint32_t v) { return (h ^ v) * kFnv32Prime; }

/// 64-bit FNV-1a of the bytes `map(c)` for each byte c of `s`, continuing from `h`
/// (kFnvBasis starts a fresh hash; a model may start from a seed of its own). Hashing a
/// normalised form this way needs no copy of the string.
template <typename Map>
constexpr uint64_t fnv1a_mapped(std::string_view s, Map map, uint64_t h = kFnvBasis) {
  for (char c : s) h = fnv1a_step(h, map(static_cast<unsigned char>(c)));
  return h;
}

/// 64-bit FNV-1a of `s`, continuing from `h`. May be 0.
constexpr uint64_t fnv1a(std::string_view s, uint64_t h = kFnvBasis) {
  return fnv1a_mapped(
      s, [](unsigned char c) { return c; }, h);
}

/// ASCII lower case of one byte (other bytes unchanged).
constexpr unsigned char ascii_lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c + ('a' - 'A')) : c;
}

/// 64-bit FNV-1a of the ASCII-lower-cased bytes of `s`, continuing from `h`.
constexpr uint64_t fnv1a_lower(std::string_view s, uint64_t h = kFnvBasis) {
  return fnv1a_mapped(s, ascii_lower, h);
}

/// 32-bit FNV-1a of `s`, continuing from `h` (the content reranker's features).
constexpr uint32_t fnv1a32(std::string_view s, uint32_t h = kFnv32Basis) {
  for (char c : s) h = fnv1a32_step(h, static_cast<unsigned char>(c));
  return h;
}

/// fnv1a() of a byte string, never 0 (0 marks an empty slot in the weight tables).
constexpr uint64_t hash_bytes(std::string_view s) {
  const uint64_t h = fnv1a(s);
  return h ? h : 1;
}

/// splitmix64 finaliser: spreads the bits of a combined key.
constexpr uint64_t mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

/// The key of feature template `t` with values a, b, c (hashed strings or small ids).
/// Never 0. A few multiply-xor steps, so ~70 parser features cost no allocation.
constexpr uint64_t feature_key(uint32_t t, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = mix64(a + 0x9e3779b97f4a7c15ULL * (t + 1));
  h = mix64(h ^ (b + 0x632be59bd9b4e019ULL));
  if (c) h = mix64(h ^ (c + 0x85ebca77c2b2ae63ULL));
  return h ? h : 1;
}

/// `v` as 16 lower-case hex digits.
std::string hex16(uint64_t v);

/// hex16(fnv1a(s)): the store's content identity of an article text, and the fingerprint
/// of a lexicon or of a whole pipeline.
inline std::string content_hash(std::string_view s) { return hex16(fnv1a(s)); }

}  // namespace dateline::model
