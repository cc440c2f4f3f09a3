// SPDX-License-Identifier: Apache-2.0
#pragma once
// Limits applied to an HTML page before gumbo parses it.
//
// gumbo follows the HTML5 tree-construction algorithm, whose end-tag steps search the stack
// of open elements: a page of 100,000 nested <div> (1.1 MB) takes minutes to parse, and the
// tree it builds holds many times the markup's size. limit_html() makes one linear pass over
// the markup first: it refuses pages over a size limit and drops the tags of elements nested
// deeper than a depth limit, keeping their text, so that gumbo always works on a tree of
// bounded depth. No news page nests anywhere near that deep (they stay under about 40
// levels), so real pages pass through unchanged.
//
// Cost: O(n) in the markup's bytes (each end tag searches at most kEndTagSearch open
// elements), no allocation beyond the stack of open elements.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"

namespace dateline::ingest {

struct HtmlLimits {
  /// Larger pages are refused (kBadInput) before parsing: gumbo's tree takes about ten times
  /// the markup's size in memory.
  size_t max_bytes = size_t{16} << 20;
  /// Elements nested deeper than this lose their tags (their text stays, as if the tags
  /// were not there), with one diagnostic `html_too_deep` naming the first such tag.
  uint32_t max_depth = 200;
};

/// How many open elements an end tag is matched against; an end tag whose element is not
/// among them is ignored, as browsers ignore stray end tags.
inline constexpr size_t kEndTagSearch = 512;

/// Applies `limits` to `markup` in place (see the file comment). Elements with optional end
/// tags (p, li, td, ...) and void elements (br, img, ...) do not count as nesting; the
/// contents of script, style, textarea, title and comments are skipped; inside svg and math
/// a `/>` closes the element.
/// Errors: kBadInput naming `path` when the markup is over limits.max_bytes.
/// Ensures: on success, `markup` nests at most limits.max_depth counted elements, and when
/// tags were dropped one Diagnostic {"html_too_deep", "PATH: byte N: ...", N} is appended to
/// `diagnostics` (N: the first dropped tag's offset in the markup as given).
Status limit_html(std::string& markup, const std::string& path,
                  std::vector<Diagnostic>* diagnostics, const HtmlLimits& limits = {});

}  // namespace dateline::ingest
