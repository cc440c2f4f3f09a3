// SPDX-License-Identifier: Apache-2.0
#include "text/utf8.h"

namespace dateline::text {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

char32_t decode(std::string_view s, size_t pos, size_t* len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  size_t left = s.size() - pos;
  unsigned char c = p[0];
  *len = 1;
  if (c < 0x80) return c;
  size_t n;
  char32_t cp, min;
  if ((c & 0xE0) == 0xC0) {
    n = 2, cp = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 3, cp = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 4, cp = c & 0x07, min = 0x10000;
  } else {
    return kReplacementChar;
  }
  if (left < n) return kReplacementChar;
  for (size_t i = 1; i < n; ++i) {
    if (!is_continuation(p[i])) return kReplacementChar;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid UTF-8.
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacementChar;
  *len = n;
  return cp;
}

char32_t decode_before(std::string_view s, size_t pos, size_t* len) {
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 &&
         is_continuation(static_cast<unsigned char>(s[start]))) {
    --start;
  }
  size_t n;
  char32_t c = decode(s, start, &n);
  if (start + n != pos) {
    *len = 1;
    return kReplacementChar;
  }
  *len = n;
  return c;
}

size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t n;
    if (decode(s, i, &n) == kReplacementChar &&
        !(n == 3 && s.substr(i, 3) == "\xEF\xBF\xBD")) {
      return i;
    }
    i += n;
  }
  return std::string_view::npos;
}

std::string repair_utf8(std::string_view s, std::vector<size_t>* invalid_at) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t n;
    char32_t c = decode(s, i, &n);
    if (c == kReplacementChar && n == 1) {
      if (invalid_at) invalid_at->push_back(i);
      append_utf8(out, kReplacementChar);
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

size_t count_code_points(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n;
    decode(s, i, &n);
    i += n;
    ++count;
  }
  return count;
}

}  // namespace dateline::text
