// SPDX-License-Identifier: Apache-2.0
#pragma once
// Main-text extraction on a scored model of the page (html_page.h). The design note at the
// top of html_content.cc says how the blocks are scored and the article's root is chosen.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/html_page.h"

namespace dateline::ingest::html {

/// What each block of the page was judged to be.
enum class BlockClass : uint8_t {
  kBoilerplate,  ///< furniture, link lists, notices: never article text
  kShort,        ///< too short to tell alone; kept between article text
  kSentence,     ///< a short full sentence; kept next to article text
  kHeading,      ///< a heading; kept when article text follows it
  kText,         ///< reads as article prose
};

/// The article found on a page.
struct ArticleText {
  std::string text;   ///< kept blocks, joined with blank lines
  int32_t root = -1;  ///< element holding the article, -1 when none
  /// Elements [region_begin, region_end) in document order: the article's headline,
  /// standfirst and root (where its date and byline are looked for). Empty when no root.
  uint32_t region_begin = 0;
  uint32_t region_end = 0;
  std::vector<uint32_t> kept;   ///< indices of the kept blocks, in page order
  const char* source = "none";  ///< "markup", "json-ld" (articleBody), "short-text" (fallback)
};

/// The class of each block on its own (before its neighbours are looked at).
/// `json_ld_body` is schema.org articleBody when the page gives it (may be empty): blocks it
/// contains count as article text. Without `class_words`, class/id words are not taken as
/// furniture (tags, roles and hidden marks still are).
std::vector<BlockClass> classify_blocks(const PageModel& page, std::string_view json_ld_body,
                                        bool class_words = true);

/// Finds the article: the element whose blocks hold the most article text net of
/// boilerplate, with article markup as evidence; inside it, the text blocks plus the short
/// blocks and headings their neighbours vouch for. When no block reads as prose: falls back
/// to `json_ld_body`, then to the page read without class words, then repeats the choice
/// with short sentences and lines counted as text; so only a page that shows nothing
/// outside furniture gives an empty text.
/// Ensures: the result depends only on `page` and `json_ld_body`.
ArticleText extract_article(const PageModel& page, std::string_view json_ld_body);

}  // namespace dateline::ingest::html
