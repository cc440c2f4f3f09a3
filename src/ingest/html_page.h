// SPDX-License-Identifier: Apache-2.0
#pragma once
// A web page reduced to what article extraction needs, built in one walk over gumbo's tree:
//  - an element table in document (pre-)order, each element knowing its parent, the range of
//    its descendants, and the markup evidence it carries (hidden; page furniture by tag, role
//    or class/id words; article evidence such as <article>, <main>, role=main,
//    itemprop=articleBody; content-like class words);
//  - the visible text cut into blocks (what a browser shows as one paragraph, list item,
//    heading or cell), each with the counts the content model scores: characters, link
//    characters, words, sentence punctuation, commas;
//  - the metadata sources the page states (<meta>, JSON-LD, <title>, <h1>, <time>,
//    rel=author, canonical link, byline-classed elements), each tied to its element.
// The model owns copies of everything it needs; gumbo's tree is freed once it is built.
// Nothing in it depends on addresses (indices are document order), so the same page gives
// the same model whatever was parsed before it.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dateline::ingest::html {

/// Evidence an element carries in its markup (bit flags).
enum ElementFlag : uint32_t {
  kHidden = 1u << 0,        ///< hidden, aria-hidden=true, display:none: its text is not shown
  kFurnitureTag = 1u << 1,  ///< nav, aside, footer, header, form, menu, role=navigation/banner/...
  kFurnitureClass = 1u << 2,  ///< class/id words of page furniture (share, related, cookie, ...)
  kArticleTag = 1u << 3,      ///< <article>, itemtype schema.org ...Article/BlogPosting
  kMainTag = 1u << 4,         ///< <main>, role=main
  kArticleBody = 1u << 5,     ///< itemprop=articleBody
  kContentClass = 1u << 6,    ///< class/id words of the story (article-body, entry-content, ...)
  kBylineClass = 1u << 7,     ///< class/id/rel/itemprop naming the author
  kDateClass = 1u << 8,       ///< class/id naming a date or time stamp
  kCaptionClass = 1u << 9,    ///< class/id of captions and image credits
  kUpdatedClass = 1u << 10,   ///< class/id naming a modification date ("updated", "modified")
};

/// One element, in document order. Its descendants are the elements (index, end) and the
/// blocks [first_block, end_block).
struct Element {
  int tag = 0;          ///< GumboTag
  int32_t parent = -1;  ///< index of the parent element, -1 for the root
  uint32_t end = 0;     ///< one past the index of its last descendant
  uint32_t first_block = 0;
  uint32_t end_block = 0;
  uint32_t flags = 0;            ///< ElementFlag bits
  int32_t furniture_above = -1;  ///< nearest ancestor (or self) flagged as furniture, or -1
  uint16_t depth = 0;
};

/// A run of visible text the browser would show as one block.
struct Block {
  uint32_t begin = 0, end = 0;  ///< byte range in PageModel::text (white space collapsed)
  uint32_t element = 0;         ///< innermost block-level element holding the text
  uint32_t chars = 0;           ///< non-space characters (code points)
  uint32_t link_chars = 0;      ///< of which inside <a href>
  uint32_t words = 0;
  uint16_t stops = 0;  ///< sentence-ending punctuation: . ! ? (and their full-width forms)
  uint16_t commas = 0;
  uint8_t heading = 0;     ///< 1-6 inside <h1>-<h6>, else 0
  bool list_item = false;  ///< inside <li>, <dt> or <dd>
  bool cell = false;       ///< inside <td> or <th>
  bool quote = false;      ///< inside <blockquote>
  bool pre = false;        ///< inside <pre>
};

/// A <meta> tag: lower-cased name/property/itemprop/http-equiv and its content.
struct MetaTag {
  std::string key;
  std::string content;
};

/// Something an element states about the page, with the element it came from.
struct MarkedText {
  uint32_t element = 0;  ///< the element (for a <meta> in the body: its parent)
  std::string kind;      ///< what says so: "datePublished", "pubdate", "rel-author", "class", ...
  std::string text;      ///< the value: datetime=/content= when given, else the element's text
};

/// Everything read from one page.
struct PageModel {
  std::vector<Element> elements;
  std::vector<Block> blocks;
  std::string text;  ///< the blocks' text, back to back

  int32_t body = -1;  ///< the <body> element
  std::string lang;   ///< <html lang>
  std::string title;  ///< <title>
  std::string canonical;
  std::vector<MetaTag> meta;
  std::vector<std::string> json_ld;  ///< raw text of each application/ld+json script
  std::vector<MarkedText> headings;  ///< <h1> elements
  /// <time> (kind: its itemprop, "pubdate", "updated" when classed so, else ""), and other
  /// elements with itemprop=datePublished/dateModified.
  std::vector<MarkedText> times;
  std::vector<MarkedText> date_texts;  ///< short texts of date-classed elements ("updated"/"")
  std::vector<MarkedText> authors;     ///< rel=author, itemprop=author, byline-classed elements

  std::string_view block_text(const Block& b) const {
    return std::string_view(text).substr(b.begin, b.end - b.begin);
  }
  /// True when element `a` is `e` or one of its ancestors.
  bool contains(uint32_t a, uint32_t e) const { return a <= e && e < elements[a].end; }
};

/// Parses `html` (UTF-8) with gumbo, which recovers from broken markup the way browsers do,
/// and builds the model. Elements nested deeper than `max_depth` are ignored.
PageModel parse_page(std::string_view html, int max_depth);

/// Splits a class or id attribute into lower-case words: at white space, '-', '_', and
/// lower-to-upper case changes ("socialShare-bar" -> social, share, bar).
std::vector<std::string> class_words(std::string_view value);

}  // namespace dateline::ingest::html
