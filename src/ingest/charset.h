// SPDX-License-Identifier: Apache-2.0
#pragma once
// Character sets of web pages. A page's bytes are decoded to UTF-8 before parsing, in the
// charset that the first of these names: a byte-order mark, the HTTP Content-Type (when the
// page came with one: WARC records, HTTP bodies), a <meta charset> / <meta http-equiv> /
// XML declaration near the top. Labels are read as the WHATWG Encoding Standard reads them
// (so "iso-8859-1" and "us-ascii" mean windows-1252, "gb2312" means GBK) and decoded with
// glibc's iconv. A page that declares nothing is UTF-8 when its bytes are valid UTF-8, else
// windows-1252, and says so in a diagnostic.

#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"

namespace dateline::ingest {

/// The charset label a page declares in its first bytes: <meta charset=X>,
/// <meta http-equiv=Content-Type content="...; charset=X">, or <?xml ... encoding="X"?>.
/// Comments are skipped. Returns "" when there is none.
std::string declared_charset(std::string_view html);

/// The charset parameter of a MIME type ("text/html; charset=ISO-8859-1" -> "ISO-8859-1"),
/// or "".
std::string content_type_charset(std::string_view content_type);

/// The iconv name of the encoding a label stands for ("latin1" -> "WINDOWS-1252",
/// "utf8" -> "UTF-8", "Shift_JIS" -> "CP932"); "" for a label that names no encoding.
std::string canonical_charset(std::string_view label);

/// A page decoded to UTF-8.
struct DecodedPage {
  std::string html;      ///< the page in UTF-8; invalid input bytes became U+FFFD
  std::string charset;   ///< iconv name of the encoding read ("UTF-8", "WINDOWS-1252", ...)
  std::string decision;  ///< what decided it: "bom", "http", "meta", "default", "guess"
};

/// Decodes `raw` (a whole page) to UTF-8. `http_charset` is the label from the HTTP
/// Content-Type that came with the page, or "". Appends to `diagnostics`: "invalid_utf8"
/// (as repair_input() does) for bytes that are not valid in the charset read,
/// "charset_guessed" when the page declares nothing and is not UTF-8, "charset_unknown"
/// when it declares a label iconv cannot read. `path` names the input in messages.
/// Ensures: result.html is valid UTF-8, whatever the bytes.
DecodedPage decode_page(std::string_view raw, std::string_view http_charset,
                        const std::string& path, std::vector<Diagnostic>* diagnostics);

/// Converts `raw` from the iconv encoding `charset` to UTF-8, replacing each byte that is not
/// valid in it by U+FFFD and recording its offset in `bad` (when not null).
/// Requires: `charset` is a name iconv knows (see canonical_charset()).
std::string to_utf8(std::string_view raw, const std::string& charset, std::vector<size_t>* bad);

}  // namespace dateline::ingest
