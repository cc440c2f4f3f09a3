// SPDX-License-Identifier: Apache-2.0
// Main text of a web page.
//
// The page is a sequence of text blocks (html_page.h). Each block is first judged alone:
//  - boilerplate when it lies in page furniture (navigation, asides, share bars, cookie and
//    subscription notices, comments, captions ...: tags, ARIA roles, class/id words) or is
//    mostly link text (menus, teaser lists, tag clouds);
//  - text when it reads as prose: enough words, little link text, a sentence ending or many
//    words; also what the page's JSON-LD articleBody contains;
//  - sentence (a short full one), heading, or short otherwise.
// Furniture marks are evidence, not orders: an element marked as furniture that holds half
// of the page's prose, in two paragraphs or more, is a wrapper whose class describes the
// page's state ("cookies-not-set", "menu-open", "has-sidebar" on <body> or a page container),
// and its mark is dropped.
//
// The article's root is the element that maximises
//     text characters - kBoilerplateWeight * boilerplate characters
// over the blocks it holds (a maximum-subtree choice: the story's container beats both a
// wrapper that adds sidebars and footers, and a fragment that leaves part of the story out),
// with a bonus for article evidence (<article>, <main>, role=main, itemprop=articleBody,
// class words such as "article-body" or "entry-content") in proportion to the text the
// element holds, so a small <article> photo box cannot win on its tag. Ties go to the
// outermost element (it adds only blocks that are neither text nor boilerplate).
//
// Inside the root, text blocks are kept and boilerplate dropped; a short block is kept when
// the nearest decided blocks on both sides are text (jusText's context rule; one side for a
// list item or table cell), a short full sentence when one of them is, a heading when the
// next decided block is text. Prose outside the root but in the <article> holding it, and
// between the headline and the root (a standfirst), is the story's too. Everything depends
// on the page only, and ties are broken by document order.
#include "ingest/html_content.h"

#include <algorithm>

#include "ingest/ascii.h"

namespace dateline::ingest::html {
namespace {

// How much one character of boilerplate inside a candidate root costs against one of text.
constexpr double kBoilerplateWeight = 1.0;
// Bonus, as a share of the candidate's text, for article evidence in the markup.
constexpr double kEvidenceBonus = 0.25;
// JSON-LD articleBody as evidence: the longest body compared, and the most blocks looked up.
constexpr size_t kMaxArticleBodyBytes = size_t{256} << 10;
constexpr size_t kMaxArticleBodyLookups = 2000;
// How many blocks before the root to look for the headline (<h1>) above a standfirst.
constexpr uint32_t kLeadSearch = 40;
// An element marked as furniture holding at least this share of the page's prose is a wrapper.
constexpr double kWrapperShare = 0.5;

double link_density(const Block& b) {
  return b.chars == 0 ? 0.0 : static_cast<double>(b.link_chars) / b.chars;
}

// Prose, judged without the furniture marks (used to find wrappers).
bool is_prose(const Block& b) { return b.heading == 0 && b.words >= 8 && link_density(b) <= 0.3; }

// Elements whose furniture mark is kept: not <html>/<body>, and not wrappers (see the design
// note). Without `class_words`, marks from class/id words are not kept at all.
std::vector<bool> furniture_in_force(const PageModel& page, bool class_words) {
  const size_t n = page.elements.size();
  std::vector<uint64_t> prefix(page.blocks.size() + 1, 0), count(page.blocks.size() + 1, 0);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const bool prose = is_prose(page.blocks[i]);
    prefix[i + 1] = prefix[i] + (prose ? page.blocks[i].chars : 0);
    count[i + 1] = count[i] + (prose ? 1 : 0);
  }
  const uint64_t total = prefix.back();
  std::vector<bool> in_force(n, false);
  for (size_t i = 0; i < n; ++i) {
    const Element& e = page.elements[i];
    const uint32_t marks = kFurnitureTag | kHidden | (class_words ? kFurnitureClass : 0u);
    if (!(e.flags & marks)) continue;
    if (static_cast<int32_t>(i) == page.body || e.parent < 0) continue;
    // A wrapper holds paragraphs (a comment of one paragraph is not one, however long).
    const uint64_t prose = prefix[e.end_block] - prefix[e.first_block];
    const uint64_t blocks = count[e.end_block] - count[e.first_block];
    in_force[i] = !(blocks >= 2 && prose >= kWrapperShare * static_cast<double>(total));
  }
  return in_force;
}

bool in_furniture(const PageModel& page, const std::vector<bool>& in_force, const Block& b) {
  int32_t f = page.elements[b.element].furniture_above;
  while (f >= 0) {
    if (in_force[static_cast<size_t>(f)]) return true;
    const int32_t parent = page.elements[static_cast<size_t>(f)].parent;
    f = parent < 0 ? -1 : page.elements[static_cast<size_t>(parent)].furniture_above;
  }
  return false;
}

// White space collapsed, for comparing block text with JSON-LD articleBody.
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

BlockClass classify(const Block& b, bool furniture) {
  if (furniture) return BlockClass::kBoilerplate;
  const double ld = link_density(b);
  // Mostly link text: a menu, a teaser or a tag list; unless it is a paragraph of prose whose
  // words happen to be links, which is kept next to article text.
  if (ld > 0.5) {
    return b.heading == 0 && b.words >= 15 && b.stops >= 1 ? BlockClass::kSentence
                                                           : BlockClass::kBoilerplate;
  }
  // A heading that reads as prose is a standfirst set in a heading tag.
  if (b.heading) return b.words >= 15 && ld <= 0.25 ? BlockClass::kText : BlockClass::kHeading;
  if (b.words >= 10 && b.chars >= 60 && ld <= 0.35) return BlockClass::kText;
  if (b.words >= 6 && b.stops >= 1 && ld <= 0.25) return BlockClass::kText;
  if (b.words >= 3 && b.stops >= 1 && ld <= 0.25) return BlockClass::kSentence;
  return BlockClass::kShort;
}

bool has_evidence(const Element& e) {
  return (e.flags & (kArticleTag | kMainTag | kArticleBody | kContentClass)) != 0;
}

// The element maximising net text (see the design note), or -1 when no block is text.
int32_t choose_root(const PageModel& page, const std::vector<BlockClass>& cls) {
  std::vector<double> text(page.blocks.size() + 1, 0.0), net(page.blocks.size() + 1, 0.0);
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const double chars = page.blocks[i].chars;
    const double t = cls[i] == BlockClass::kText ? chars : 0.0;
    const double bad = cls[i] == BlockClass::kBoilerplate ? chars : 0.0;
    text[i + 1] = text[i] + t;
    net[i + 1] = net[i] + t - kBoilerplateWeight * bad;
  }
  int32_t best = -1;
  double best_score = 0.0;
  for (size_t i = 0; i < page.elements.size(); ++i) {
    const Element& e = page.elements[i];
    const double t = text[e.end_block] - text[e.first_block];
    if (t <= 0.0) continue;
    double score = net[e.end_block] - net[e.first_block];
    if (has_evidence(e)) score += kEvidenceBonus * t;
    if (best < 0 || score > best_score) best = static_cast<int32_t>(i), best_score = score;
  }
  return best;
}

void append_block(const PageModel& page, uint32_t b, ArticleText& out) {
  if (!out.text.empty()) out.text += "\n\n";
  out.text += page.block_text(page.blocks[b]);
  out.kept.push_back(b);
}

// The article's blocks under the classes `cls` (see the design note); empty when no block
// is text.
ArticleText extract_with(const PageModel& page, const std::vector<BlockClass>& cls) {
  ArticleText out;
  const int32_t root = choose_root(page, cls);
  if (root < 0) return out;
  const Element& r = page.elements[static_cast<size_t>(root)];
  out.root = root;
  out.source = "markup";
  // The <article> (or articleBody) holding the root bounds the story: prose in it outside
  // the root (a standfirst in the article's header) is the story's too.
  int32_t scope = root;
  for (int32_t a = root; a >= 0; a = page.elements[static_cast<size_t>(a)].parent) {
    if (page.elements[static_cast<size_t>(a)].flags & (kArticleTag | kArticleBody)) {
      scope = a;
      break;
    }
  }
  const Element& sc = page.elements[static_cast<size_t>(scope)];
  // Before the root, the story's standfirst may sit under the headline in a header of its
  // own: prose between the nearest <main>/<article> start (or the last <h1>) and the root.
  uint32_t lead_from = sc.first_block;
  for (int32_t a = root; a >= 0; a = page.elements[static_cast<size_t>(a)].parent) {
    const Element& e = page.elements[static_cast<size_t>(a)];
    if (e.flags & (kArticleTag | kArticleBody | kMainTag)) {
      lead_from = std::min(lead_from, e.first_block);
      break;
    }
  }
  for (uint32_t i = r.first_block, n = 0; i-- > 0 && n < kLeadSearch; ++n) {
    if (page.blocks[i].heading == 1) {
      lead_from = std::min(lead_from, i);
      break;
    }
  }
  for (uint32_t i = lead_from; i < r.first_block; ++i) {
    if (cls[i] == BlockClass::kText) append_block(page, i, out);
  }
  out.region_begin = static_cast<uint32_t>(std::min<int32_t>(scope, root));
  if (lead_from < r.first_block) {
    out.region_begin = std::min(out.region_begin, page.blocks[lead_from].element);
  }
  out.region_end = std::max(r.end, sc.end);
  // The nearest decided (text or boilerplate) block before each block, and after.
  const uint32_t first = r.first_block, end = r.end_block;
  std::vector<BlockClass> prev(end - first), next(end - first);
  BlockClass last = BlockClass::kBoilerplate;  // the root's edges count as boilerplate
  for (uint32_t i = first; i < end; ++i) {
    prev[i - first] = last;
    if (cls[i] == BlockClass::kText || cls[i] == BlockClass::kBoilerplate) last = cls[i];
  }
  last = BlockClass::kBoilerplate;
  for (uint32_t i = end; i-- > first;) {
    next[i - first] = last;
    if (cls[i] == BlockClass::kText || cls[i] == BlockClass::kBoilerplate) last = cls[i];
  }
  for (uint32_t i = first; i < end; ++i) {
    const BlockClass p = prev[i - first], n = next[i - first];
    bool keep = false;
    switch (cls[i]) {
      case BlockClass::kText:
        keep = true;
        break;
      case BlockClass::kHeading:
        keep = n == BlockClass::kText;
        break;
      case BlockClass::kShort:
        keep = (p == BlockClass::kText && n == BlockClass::kText) ||
               ((page.blocks[i].list_item || page.blocks[i].cell) &&
                (p == BlockClass::kText || n == BlockClass::kText));
        break;
      case BlockClass::kSentence:
        keep = p == BlockClass::kText || n == BlockClass::kText;
        break;
      case BlockClass::kBoilerplate:
        break;
    }
    if (keep) append_block(page, i, out);
  }
  for (uint32_t i = r.end_block; i < sc.end_block; ++i) {
    if (cls[i] == BlockClass::kText) append_block(page, i, out);
  }
  return out;
}

}  // namespace

std::vector<BlockClass> classify_blocks(const PageModel& page, std::string_view json_ld_body,
                                        bool class_words) {
  const std::vector<bool> in_force = furniture_in_force(page, class_words);
  // Schema.org's articleBody is the publisher's own statement of the story's text: blocks
  // it contains are text. Each lookup scans the body, so both are bounded (linear time).
  const std::string body =
      json_ld_body.size() <= kMaxArticleBodyBytes ? collapse(json_ld_body) : std::string();
  size_t lookups = 0;
  std::vector<BlockClass> cls(page.blocks.size());
  for (size_t i = 0; i < page.blocks.size(); ++i) {
    const Block& b = page.blocks[i];
    const bool furniture = in_furniture(page, in_force, b);
    cls[i] = classify(b, furniture);
    if (!furniture && b.heading == 0 && cls[i] != BlockClass::kText && b.words >= 4 &&
        body.size() >= 200 && lookups++ < kMaxArticleBodyLookups &&
        body.find(page.block_text(b)) != std::string::npos) {
      cls[i] = BlockClass::kText;
    }
  }
  return cls;
}

ArticleText extract_article(const PageModel& page, std::string_view json_ld_body) {
  std::vector<BlockClass> cls = classify_blocks(page, json_ld_body, true);
  ArticleText out = extract_with(page, cls);
  if (!out.text.empty()) return out;
  if (std::string_view body = trim_ascii(json_ld_body); !body.empty()) {
    out.text = body;
    out.source = "json-ld";
    return out;
  }
  // No prose outside furniture. A page whose story is all in elements classed as furniture
  // (a forum thread is all "comments"): read it without the class words.
  out = extract_with(page, classify_blocks(page, json_ld_body, false));
  if (!out.text.empty()) return out;
  // No prose anywhere: a page of short sentences and lines (a brief notice).
  for (BlockClass& c : cls) {
    if (c == BlockClass::kSentence || c == BlockClass::kShort) c = BlockClass::kText;
  }
  out = extract_with(page, cls);
  if (!out.text.empty()) out.source = "short-text";
  return out;
}

}  // namespace dateline::ingest::html
