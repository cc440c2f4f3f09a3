// SPDX-License-Identifier: Apache-2.0
// HTML pages: gumbo builds the tree (it recovers from broken markup the way browsers do);
// we then
//  1. pick the element that holds the article: itemprop=articleBody, else the <article> with
//     the most paragraph text, else <main>/role=main, else the element whose <p> children
//     carry the most text (readability's scoring: a paragraph's parent gets its length, the
//     grandparent half), else <body>;
//  2. walk it, skipping scripts, navigation, headers and footers, asides, figures, forms and
//     elements that are hidden or classed as sharing/related/ads, and cut the text into
//     paragraphs at block elements (p, h1-h6, li, blockquote, div, ...), collapsing white
//     space; the paragraphs are joined with blank lines into Document::text;
//  3. read the metadata the page states: <meta> tags, JSON-LD (schema.org NewsArticle),
//     <time datetime>, <link rel=canonical>, <title>, <html lang>.
#include <gumbo.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "ingest/date_parser.h"
#include "ingest/html_limits.h"
#include "ingest/metadata.h"
#include "ingest/reader.h"

namespace dateline::ingest {
namespace {

using Json = nlohmann::json;

// Deeper nesting than this is ignored: no article needs it, and it bounds the recursion.
constexpr int kMaxDepth = 256;

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_html_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_html_space(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

// Subtrees that never hold article text.
bool is_skipped_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_MAP:
      return true;
    default:
      return false;
  }
}

// Elements that end a paragraph where they start and where they end.
bool is_block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

// Class and id words that mark page furniture around the story (sharing bars, related
// links, ads, newsletter boxes). Matched per word, or as a "word-" prefix / "-word" suffix.
bool is_furniture_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"share",
                                                "sharing",
                                                "social",
                                                "related",
                                                "newsletter",
                                                "promo",
                                                "advert",
                                                "advertisement",
                                                "ad",
                                                "ads",
                                                "comments",
                                                "comment",
                                                "breadcrumb",
                                                "breadcrumbs",
                                                "subscribe",
                                                "cookie",
                                                "cookies",
                                                "popup",
                                                "modal",
                                                "sidebar",
                                                "sr-only",
                                                "visually-hidden",
                                                "screen-reader-text",
                                                "paywall",
                                                "recirc",
                                                "more-stories",
                                                "read-more",
                                                "readmore",
                                                "outbrain",
                                                "taboola"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
    if (k.size() >= 4 && w.size() > k.size() + 1) {
      if (w.substr(0, k.size()) == k && w[k.size()] == '-') return true;
      if (w.substr(w.size() - k.size()) == k && w[w.size() - k.size() - 1] == '-') return true;
    }
  }
  return false;
}

bool has_furniture_word(std::string_view value) {
  if (value.empty()) return false;
  std::string v = lower_ascii(value);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && is_html_space(v[i])) ++i;
    size_t b = i;
    while (i < v.size() && !is_html_space(v[i])) ++i;
    if (i > b && is_furniture_word(std::string_view(v).substr(b, i - b))) return true;
  }
  return false;
}

bool is_hidden_or_furniture(const GumboElement& el) {
  if (gumbo_get_attribute(&el.attributes, "hidden")) return true;
  if (attr(el, "aria-hidden") == "true") return true;
  std::string style = lower_ascii(attr(el, "style"));
  style.erase(std::remove(style.begin(), style.end(), ' '), style.end());
  if (style.find("display:none") != std::string::npos) return true;
  std::string_view role = attr(el, "role");
  if (role == "navigation" || role == "banner" || role == "contentinfo" ||
      role == "complementary" || role == "dialog" || role == "alert") {
    return true;
  }
  return has_furniture_word(attr(el, "class")) || has_furniture_word(attr(el, "id"));
}

bool is_skipped(const GumboNode* n) {
  return is_element(n) &&
         (is_skipped_tag(n->v.element.tag) || is_hidden_or_furniture(n->v.element));
}

// Appends text with HTML white space collapsed to single spaces.
void append_collapsed(std::string& out, std::string_view text) {
  for (char c : text) {
    if (is_html_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
}

// All text under `n`, white space collapsed (for <title>, <h1>, <script>).
void collect_text(const GumboNode* n, std::string& out, int depth) {
  if (depth > kMaxDepth) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
      n->type == GUMBO_NODE_WHITESPACE) {
    append_collapsed(out, n->v.text.text);
  } else if (is_element(n)) {
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      collect_text(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1);
    }
  }
}

std::string text_of(const GumboNode* n) {
  std::string out;
  collect_text(n, out, 0);
  return std::string(trim(out));
}

// Raw text of a <script> (its single text child), uncollapsed.
std::string_view script_text(const GumboNode* n) {
  const GumboVector& kids = n->v.element.children;
  if (kids.length == 0) return {};
  const auto* t = static_cast<const GumboNode*>(kids.data[0]);
  return t->type == GUMBO_NODE_TEXT ? std::string_view(t->v.text.text) : std::string_view();
}

// Bytes of visible text under `n`, outside skipped subtrees.
size_t visible_length(const GumboNode* n, int depth) {
  if (depth > kMaxDepth) return 0;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
    size_t len = 0;
    for (const char* p = n->v.text.text; *p; ++p) len += !is_html_space(*p);
    return len;
  }
  if (!is_element(n) || is_skipped(n)) return 0;
  size_t len = 0;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    len += visible_length(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
  }
  return len;
}

// What one pass over the page finds: metadata sources and article-root candidates.
struct PageScan {
  std::string lang;
  std::string title;  // <title>
  std::string first_h1;
  std::string canonical;                                  // <link rel=canonical>
  std::vector<std::pair<std::string, std::string>> meta;  // lower-cased key -> content
  std::vector<std::string> json_ld;
  std::vector<std::string> author_links;  // <a rel=author> texts
  std::string strong_time;                // <time itemprop=datePublished> or <time pubdate>
  std::vector<std::pair<const GumboNode*, std::string>> times;  // <time datetime>
  std::vector<const GumboNode*> body_roots;                     // itemprop=articleBody
  std::vector<const GumboNode*> articles;
  std::vector<const GumboNode*> mains;
  std::vector<std::pair<const GumboNode*, size_t>> paragraphs;  // <p> and its text length
  const GumboNode* body = nullptr;
};

void scan(const GumboNode* n, PageScan& page, bool in_skipped, int depth) {
  if (depth > kMaxDepth || !is_element(n)) return;
  const GumboElement& el = n->v.element;
  switch (el.tag) {
    case GUMBO_TAG_HTML:
      page.lang = std::string(attr(el, "lang"));
      break;
    case GUMBO_TAG_BODY:
      page.body = n;
      break;
    case GUMBO_TAG_TITLE:
      if (page.title.empty()) page.title = text_of(n);
      return;
    case GUMBO_TAG_H1:
      if (page.first_h1.empty() && !in_skipped) page.first_h1 = text_of(n);
      break;
    case GUMBO_TAG_META: {
      std::string_view key = attr(el, "property");
      if (key.empty()) key = attr(el, "name");
      if (key.empty()) key = attr(el, "itemprop");
      if (key.empty()) key = attr(el, "http-equiv");
      std::string_view content = trim(attr(el, "content"));
      if (!key.empty() && !content.empty()) {
        page.meta.emplace_back(lower_ascii(key), std::string(content));
      }
      return;
    }
    case GUMBO_TAG_LINK:
      if (lower_ascii(attr(el, "rel")) == "canonical" && page.canonical.empty()) {
        page.canonical = std::string(trim(attr(el, "href")));
      }
      return;
    case GUMBO_TAG_SCRIPT:
      if (lower_ascii(attr(el, "type")) == "application/ld+json") {
        page.json_ld.emplace_back(script_text(n));
      }
      return;
    case GUMBO_TAG_TIME: {
      std::string_view dt = trim(attr(el, "datetime"));
      if (!dt.empty()) {
        if (attr(el, "itemprop") == "datePublished" ||
            gumbo_get_attribute(&el.attributes, "pubdate")) {
          if (page.strong_time.empty()) page.strong_time = std::string(dt);
        } else {
          page.times.emplace_back(n, std::string(dt));
        }
      }
      break;
    }
    case GUMBO_TAG_A:
      if (lower_ascii(attr(el, "rel")) == "author") page.author_links.push_back(text_of(n));
      break;
    case GUMBO_TAG_ARTICLE:
      if (!in_skipped && !is_skipped(n)) page.articles.push_back(n);
      break;
    case GUMBO_TAG_MAIN:
      if (!in_skipped && !is_skipped(n)) page.mains.push_back(n);
      break;
    case GUMBO_TAG_P:
      if (!in_skipped) page.paragraphs.emplace_back(n, visible_length(n, depth));
      break;
    default:
      break;
  }
  bool skipped_here = in_skipped || is_skipped(n);
  if (attr(el, "itemprop") == "articleBody" && !skipped_here) page.body_roots.push_back(n);
  if (attr(el, "role") == "main" && !skipped_here) page.mains.push_back(n);
  const GumboVector& kids = el.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    scan(static_cast<const GumboNode*>(kids.data[i]), page, skipped_here, depth + 1);
  }
}

// The element holding the article (see the design note at the top).
const GumboNode* find_article_root(const PageScan& page) {
  std::unordered_map<const GumboNode*, size_t> inside;  // paragraph text under each element
  std::unordered_map<const GumboNode*, size_t> score;   // readability parent scores
  for (const auto& [p, len] : page.paragraphs) {
    if (len == 0) continue;
    for (const GumboNode* a = p->parent; a; a = a->parent) inside[a] += len;
    if (p->parent) {
      score[p->parent] += len;
      if (p->parent->parent) score[p->parent->parent] += len / 2;
    }
  }
  auto best_of = [&](const std::vector<const GumboNode*>& nodes) -> const GumboNode* {
    const GumboNode* best = nullptr;
    size_t best_len = 0;
    for (const GumboNode* n : nodes) {
      auto it = inside.find(n);
      size_t len = it == inside.end() ? 0 : it->second;
      if (len > best_len) best = n, best_len = len;
    }
    return best;
  };
  if (const GumboNode* n = best_of(page.body_roots)) return n;
  if (const GumboNode* n = best_of(page.articles)) return n;
  if (const GumboNode* n = best_of(page.mains)) return n;
  const GumboNode* best = nullptr;
  size_t best_score = 0;
  for (const auto& [n, s] : score) {
    if (s > best_score || (s == best_score && best && n < best)) best = n, best_score = s;
  }
  return best ? best : page.body;
}

// Cuts the visible text under the article root into paragraphs.
class BodyText {
 public:
  void walk(const GumboNode* n, int depth) {
    if (depth > kMaxDepth) return;
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        pending_breaks_ = 0;
        append_collapsed(block_, n->v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE:
        append_collapsed(block_, n->v.text.text);
        return;
      case GUMBO_NODE_ELEMENT:
        break;
      default:
        return;
    }
    if (is_skipped(n)) return;
    const GumboElement& el = n->v.element;
    if (el.tag == GUMBO_TAG_BR) {
      // One <br> is a line break inside a paragraph; two in a row separate paragraphs.
      if (++pending_breaks_ >= 2) {
        flush();
      } else {
        append_collapsed(block_, " ");
      }
      return;
    }
    bool block = is_block_tag(el.tag);
    if (block) flush();
    for (unsigned i = 0; i < el.children.length; ++i) {
      walk(static_cast<const GumboNode*>(el.children.data[i]), depth + 1);
    }
    if (block) flush();
  }

  std::string take() {
    flush();
    return std::move(text_);
  }

 private:
  void flush() {
    pending_breaks_ = 0;
    std::string_view t = trim(block_);
    if (!t.empty()) {
      if (!text_.empty()) text_ += "\n\n";
      text_.append(t);
    }
    block_.clear();
  }

  std::string text_;
  std::string block_;
  int pending_breaks_ = 0;
};

bool is_ancestor(const GumboNode* a, const GumboNode* n) {
  for (; n; n = n->parent) {
    if (n == a) return true;
  }
  return false;
}

std::string_view meta_value(const PageScan& page, std::string_view key) {
  for (const auto& [k, v] : page.meta) {
    if (k == key) return v;
  }
  return {};
}

bool looks_like_url(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://" || s.substr(0, 1) == "/";
}

// "en-US", "en_GB" -> "en".
std::string primary_language(std::string_view tag) {
  tag = trim(tag);
  size_t cut = tag.find_first_of("-_");
  std::string lang = lower_ascii(tag.substr(0, cut));
  bool ok = lang.size() >= 2 && lang.size() <= 3 &&
            std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
  return ok ? lang : "";
}

// --- JSON-LD (schema.org) ---------------------------------------------------------------

bool is_article_type(const Json& type) {
  auto one = [](const Json& t) {
    if (!t.is_string()) return false;
    std::string s = t.get<std::string>();
    if (size_t slash = s.rfind('/'); slash != std::string::npos) s.erase(0, slash + 1);
    return (s.size() >= 7 && s.compare(s.size() - 7, 7, "Article") == 0) || s == "BlogPosting" ||
           s == "LiveBlogPosting" || s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

const Json* find_article_object(const Json& j, int depth) {
  if (depth > 8) return nullptr;
  if (j.is_array()) {
    for (const Json& e : j) {
      if (const Json* a = find_article_object(e, depth + 1)) return a;
    }
  } else if (j.is_object()) {
    if (auto t = j.find("@type"); t != j.end() && is_article_type(*t)) return &j;
    if (auto g = j.find("@graph"); g != j.end()) return find_article_object(*g, depth + 1);
  }
  return nullptr;
}

std::string string_field(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return std::string(trim(it->get<std::string>()));
  return "";
}

// A schema.org Person/Organization given as a string, an object with "name", or an array.
std::string names_of(const Json& v) {
  if (v.is_string()) return std::string(trim(v.get<std::string>()));
  if (v.is_object()) return string_field(v, "name");
  std::string out;
  if (v.is_array()) {
    for (const Json& e : v) {
      std::string n = names_of(e);
      if (n.empty()) continue;
      if (!out.empty()) out += ", ";
      out += n;
    }
  }
  return out;
}

struct JsonLdArticle {
  std::string headline, published, author, publisher, url, body, language;
};

bool read_json_ld(const std::vector<std::string>& scripts, JsonLdArticle* out) {
  for (const std::string& s : scripts) {
    Json j = Json::parse(s, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (j.is_discarded()) continue;
    const Json* a = find_article_object(j, 0);
    if (!a) continue;
    out->headline = string_field(*a, "headline");
    if (out->headline.empty()) out->headline = string_field(*a, "name");
    out->published = string_field(*a, "datePublished");
    if (auto it = a->find("author"); it != a->end()) out->author = names_of(*it);
    if (auto it = a->find("publisher"); it != a->end()) out->publisher = names_of(*it);
    out->url = string_field(*a, "url");
    if (out->url.empty()) {
      if (auto it = a->find("mainEntityOfPage"); it != a->end()) {
        out->url = it->is_object() ? string_field(*it, "@id")
                                   : (it->is_string() ? it->get<std::string>() : "");
      }
    }
    out->body = string_field(*a, "articleBody");
    out->language = string_field(*a, "inLanguage");
    return true;
  }
  return false;
}

// "Harbour talks resume | The Coastal Herald" -> "Harbour talks resume" when the part after
// the separator is the outlet's name.
std::string strip_site_suffix(std::string title, std::string_view outlet) {
  if (outlet.empty()) return title;
  for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: "}) {
    std::string suffix = std::string(sep) + std::string(outlet);
    if (title.size() > suffix.size() &&
        lower_ascii(title.substr(title.size() - suffix.size())) == lower_ascii(suffix)) {
      title.resize(title.size() - suffix.size());
      return title;
    }
  }
  return title;
}

// Fills doc.meta from the page, each field from its most reliable source.
void fill_meta(const PageScan& page, const JsonLdArticle& ld, const GumboNode* root,
               DocumentMeta& m) {
  auto first_meta = [&](std::initializer_list<std::string_view> keys) -> std::string_view {
    for (std::string_view k : keys) {
      if (std::string_view v = meta_value(page, k); !v.empty()) return v;
    }
    return {};
  };

  if (std::string_view v = first_meta({"og:site_name", "application-name", "dc.publisher"});
      !v.empty()) {
    set_meta(m, "outlet", std::string(v), "html-meta");
  } else if (!ld.publisher.empty()) {
    set_meta(m, "outlet", ld.publisher, "json-ld");
  }

  if (std::string_view v = first_meta({"og:title", "twitter:title", "headline", "dc.title"});
      !v.empty()) {
    set_meta(m, "title", std::string(v), "html-meta");
  } else if (!ld.headline.empty()) {
    set_meta(m, "title", ld.headline, "json-ld");
  } else if (!page.title.empty()) {
    set_meta(m, "title", strip_site_suffix(page.title, m.outlet), "html-title");
  } else if (!page.first_h1.empty()) {
    set_meta(m, "title", page.first_h1, "html-h1");
  }

  // Publication date: the first candidate that reads as a date.
  std::vector<std::pair<std::string, const char*>> dates;
  for (std::string_view k :
       {"article:published_time", "og:article:published_time", "og:published_time", "datepublished",
        "article.published", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
        "sailthru.date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
        "date"}) {
    if (std::string_view v = meta_value(page, k); !v.empty()) dates.emplace_back(v, "html-meta");
  }
  if (!ld.published.empty()) dates.emplace_back(ld.published, "json-ld");
  if (!page.strong_time.empty()) dates.emplace_back(page.strong_time, "html-time");
  for (const auto& [node, dt] : page.times) {
    if (root && is_ancestor(root, node)) {
      dates.emplace_back(dt, "html-time");
      break;
    }
  }
  for (const auto& [value, source] : dates) {
    if (std::string iso = normalize_date(value); !iso.empty()) {
      set_meta(m, "published", iso, source);
      break;
    }
  }

  std::string_view author = first_meta(
      {"author", "byl", "dc.creator", "parsely-author", "sailthru.author", "article:author"});
  if (looks_like_url(author)) author = {};
  if (author.substr(0, 3) == "By " || author.substr(0, 3) == "by ") author.remove_prefix(3);
  if (!author.empty()) {
    set_meta(m, "byline", std::string(trim(author)), "html-meta");
  } else if (!ld.author.empty()) {
    set_meta(m, "byline", ld.author, "json-ld");
  } else if (!page.author_links.empty() && !page.author_links[0].empty()) {
    set_meta(m, "byline", page.author_links[0], "html-meta");
  }

  if (!page.canonical.empty()) {
    set_meta(m, "url", page.canonical, "html-meta");
  } else if (std::string_view v = first_meta({"og:url"}); !v.empty()) {
    set_meta(m, "url", std::string(v), "html-meta");
  } else if (!ld.url.empty()) {
    set_meta(m, "url", ld.url, "json-ld");
  }

  std::string lang = primary_language(page.lang);
  const char* lang_source = "html-lang";
  if (lang.empty()) {
    lang = primary_language(first_meta({"content-language", "og:locale", "language"}));
    lang_source = "html-meta";
  }
  if (lang.empty()) {
    lang = primary_language(ld.language);
    lang_source = "json-ld";
  }
  if (!lang.empty()) set_meta(m, "language", lang, lang_source);
}

}  // namespace

Result<Document> read_html(std::string_view raw, const std::string& path) {
  if (raw.substr(0, 3) == "\xEF\xBB\xBF") raw.remove_prefix(3);
  Document doc;
  // gumbo wants UTF-8; repair first so that diagnostics name bytes of the file as it is.
  std::string html = repair_input(raw, path, 0, &doc.diagnostics);
  DL_RETURN_IF_ERROR(limit_html(html, path, &doc.diagnostics));  // before gumbo: html_limits.h

  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we do not report markup errors; browsers do not either
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  PageScan page;
  scan(out->root, page, false, 0);
  const GumboNode* root = find_article_root(page);
  BodyText body;
  if (root) body.walk(root, 0);
  doc.text = body.take();
  JsonLdArticle ld;
  read_json_ld(page.json_ld, &ld);
  fill_meta(page, ld, root, doc.meta);
  gumbo_destroy_output(&options, out);

  if (doc.text.empty() && !trim(ld.body).empty()) {
    doc.text = std::string(trim(ld.body));
    doc.diagnostics.push_back({"html_body_from_json_ld",
                               path + ": no article text in the markup; read JSON-LD articleBody",
                               -1});
  }
  if (doc.text.empty()) {
    return error(ErrorCode::kBadInput, path + ": HTML page has no article text");
  }
  doc.meta.path = path;
  set_identity(doc, path);
  return doc;
}

}  // namespace dateline::ingest
