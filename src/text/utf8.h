// SPDX-License-Identifier: Apache-2.0
#pragma once
// UTF-8 decoding, validation and repair. All offsets are byte offsets.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dateline::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

/// Decodes the code point starting at byte `pos`; sets `len` to its length in bytes.
/// Ensures: an invalid or truncated sequence decodes as kReplacementChar with len == 1.
char32_t decode(std::string_view s, size_t pos, size_t* len);

/// Decodes the code point that ends just before byte `pos` (pos > 0); sets `len`.
char32_t decode_before(std::string_view s, size_t pos, size_t* len);

/// Byte offset of the first invalid sequence, or std::string_view::npos when valid.
size_t find_invalid_utf8(std::string_view s);

/// Replaces each invalid sequence with U+FFFD. `invalid_at` (if given) receives the byte
/// offset in the *input* of each replaced sequence.
std::string repair_utf8(std::string_view s, std::vector<size_t>* invalid_at = nullptr);

/// Appends the UTF-8 encoding of `c`.
void append_utf8(std::string& out, char32_t c);

/// Number of code points in `s` (invalid bytes count one each).
size_t count_code_points(std::string_view s);

}  // namespace dateline::text
