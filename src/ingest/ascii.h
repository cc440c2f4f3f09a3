// SPDX-License-Identifier: Apache-2.0
#pragma once
// ASCII helpers the readers share. Markup, attribute values that carry meaning, header
// names and charset labels are ASCII, so case is folded and white space trimmed in ASCII only.

#include <string>
#include <string_view>

#include "model/hash.h"

namespace dateline::ingest {

/// HTML's white space: space, tab, line feed, carriage return, form feed.
inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/// The one ASCII case fold (model::ascii_lower), on a char.
inline char lower_ascii(char c) {
  return static_cast<char>(model::ascii_lower(static_cast<unsigned char>(c)));
}

inline std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower_ascii(c);
  return out;
}

/// `s` without leading and trailing ASCII white space.
inline std::string_view trim_ascii(std::string_view s) {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

/// True when `s` holds `prefix` at `at`, ASCII case ignored. Requires: `prefix` in lower case.
inline bool starts_with_ci(std::string_view s, size_t at, std::string_view prefix) {
  if (at > s.size() || s.size() - at < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower_ascii(s[at + i]) != prefix[i]) return false;
  }
  return true;
}

/// True when `s` ends with `suffix`, ASCII case ignored. Requires: `suffix` in lower case.
inline bool ends_with_ci(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && starts_with_ci(s, s.size() - suffix.size(), suffix);
}

}  // namespace dateline::ingest
