// SPDX-License-Identifier: Apache-2.0
// One walk over gumbo's tree builds the PageModel (see html_page.h). The text is cut into
// blocks where a browser starts a new line box: at block-level elements, at two <br> in a row,
// and at every element that carries furniture or hidden evidence, so that a block never mixes
// furniture text with the text around it. White space is collapsed as HTML renders it.
#include "ingest/html_page.h"

#include <gumbo.h>

#include <algorithm>
#include <array>

#include "ingest/ascii.h"

namespace dateline::ingest::html {
namespace {

std::string_view attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboElement& el, const char* name) {
  return gumbo_get_attribute(&el.attributes, name) != nullptr;
}

// Elements whose content is never shown as text.
bool never_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a line box.
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
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_NOSCRIPT:
      return true;
    default:
      return false;
  }
}

// Tags of page furniture. <header> and <footer> are the page's banner and footer only outside
// sectioning elements (ARIA's rule): inside an <article>, <main> or <section> they hold its
// headline, standfirst and byline, or its notes. <form> is not one: its own furniture
// (inputs, buttons) holds no text, and sites wrap whole pages or product descriptions in
// forms.
bool furniture_tag(GumboTag tag, bool in_section) {
  switch (tag) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIELDSET:
      return true;
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
      return !in_section;
    default:
      return false;
  }
}

bool furniture_role(std::string_view role) {
  static constexpr std::string_view kRoles[] = {
      "navigation",  "banner", "contentinfo", "complementary", "search",  "dialog",
      "alertdialog", "alert",  "menu",        "menubar",       "toolbar", "tablist"};
  return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
}

bool is_hidden(const GumboElement& el) {
  if (has_attr(el, "hidden") || attr(el, "aria-hidden") == "true") return true;
  std::string style = lower_ascii(attr(el, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), is_ascii_space), style.end());
  return style.find("display:none") != std::string::npos ||
         style.find("visibility:hidden") != std::string::npos;
}

// Words of class and id values that name page furniture: navigation, sharing, related
// links, ads, cookie and subscription notices, comments, author and date boxes, captions.
// English plus the few German and French words that are as common on the web.
bool furniture_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {"nav",
                                                "navi",
                                                "navigation",
                                                "navbar",
                                                "menu",
                                                "menue",
                                                "breadcrumb",
                                                "breadcrumbs",
                                                "crumbs",
                                                "footer",
                                                "sidebar",
                                                "share",
                                                "shares",
                                                "sharing",
                                                "shariff",
                                                "sharebar",
                                                "social",
                                                "sociable",
                                                "socials",
                                                "related",
                                                "recommended",
                                                "recommendation",
                                                "recommendations",
                                                "recirc",
                                                "outbrain",
                                                "taboola",
                                                "plista",
                                                "promo",
                                                "promotion",
                                                "advert",
                                                "adverts",
                                                "advertisement",
                                                "advertising",
                                                "ad",
                                                "ads",
                                                "adslot",
                                                "anzeige",
                                                "werbung",
                                                "banner",
                                                "sponsor",
                                                "sponsored",
                                                "newsletter",
                                                "subscribe",
                                                "subscription",
                                                "signup",
                                                "paywall",
                                                "cookie",
                                                "cookies",
                                                "consent",
                                                "gdpr",
                                                "dsgvo",
                                                "popup",
                                                "modal",
                                                "overlay",
                                                "lightbox",
                                                "comment",
                                                "comments",
                                                "kommentar",
                                                "kommentare",
                                                "commentaires",
                                                "disqus",
                                                "respond",
                                                "reply",
                                                "replies",
                                                "pagination",
                                                "pager",
                                                "tags",
                                                "tagcloud",
                                                "taglist",
                                                "keywords",
                                                "print",
                                                "toolbar",
                                                "skip",
                                                "skiplink",
                                                "author",
                                                "authors",
                                                "byline",
                                                "autor",
                                                "meta",
                                                "postmeta",
                                                "caption",
                                                "credit",
                                                "credits",
                                                "copyright",
                                                "masthead",
                                                "topbar",
                                                "login",
                                                "search",
                                                "rating",
                                                "ratings",
                                                "rss",
                                                "teaserlist",
                                                "ticker",
                                                "newsticker",
                                                "carousel",
                                                "slider",
                                                "slideshow",
                                                "gallery",
                                                "embed",
                                                "embedded",
                                                "player"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Whole class tokens of furniture that read as several words.
bool furniture_token(std::string_view t) {
  static constexpr std::string_view kTokens[] = {
      "hidden",         "is-hidden",       "invisible",
      "offscreen",      "widget",          "widgets",
      "sr-only",        "visually-hidden", "screen-reader-text",
      "screenreader",   "read-more",       "readmore",
      "more-stories",   "more-articles",   "morelinks",
      "mehr-zum-thema", "weitere-artikel", "also-read",
      "see-also",       "further-reading"};
  return std::find(std::begin(kTokens), std::end(kTokens), t) != std::end(kTokens);
}

// Class and id values that name the story itself: "article-body", "entry-content",
// "story__text", "post-content", "articleBody", "field-body" ... (compared without
// separators, as a substring of the token).
bool content_token(std::string_view token) {
  std::string t;
  for (char c : token) {
    if (c == '-' || c == '_') continue;
    t.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  static constexpr std::string_view kKeys[] = {
      "articlebody", "articletext",  "articlecontent", "articlecopy", "storybody",
      "storytext",   "storycontent", "entrycontent",   "entrybody",   "entrytext",
      "postbody",    "postcontent",  "posttext",       "postentry",   "bodytext",
      "fulltext",    "maincontent",  "contentmain",    "contentbody", "richtext",
      "fieldbody",   "artikeltext",  "artikelinhalt",  "textbody",    "singlecontent"};
  for (std::string_view k : kKeys) {
    if (t.find(k) != std::string::npos) return true;
  }
  return t == "article" || t == "story" || t == "hentry" || t == "hnews";
}

bool byline_word(std::string_view w) {
  return w == "author" || w == "authors" || w == "byline" || w == "autor" || w == "writer" ||
         w == "verfasser" || w == "autorin";
}

bool date_word(std::string_view w) {
  return w == "date" || w == "datum" || w == "time" || w == "timestamp" || w == "published" ||
         w == "pubdate" || w == "datetime" || w == "dateline" || w == "posted" || w == "updated";
}

bool updated_word(std::string_view w) {
  return w == "updated" || w == "modified" || w == "lastmod" || w == "aktualisiert" ||
         w == "geaendert" || w == "update";
}

bool caption_word(std::string_view w) {
  return w == "caption" || w == "credit" || w == "credits" || w == "copyright" ||
         w == "bildunterschrift" || w == "bildnachweis" || w == "legende";
}

// Flags from class and id words.
uint32_t class_flags(const GumboElement& el) {
  uint32_t flags = 0;
  bool furniture = false;
  for (const char* name : {"class", "id"}) {
    std::string_view value = attr(el, name);
    size_t i = 0;
    while (i < value.size()) {
      while (i < value.size() && is_ascii_space(value[i])) ++i;
      size_t b = i;
      while (i < value.size() && !is_ascii_space(value[i])) ++i;
      if (i == b) break;
      std::string_view token = value.substr(b, i - b);
      if (content_token(token)) flags |= kContentClass;
      std::string low = lower_ascii(token);
      if (furniture_token(low)) furniture = true;
      for (const std::string& w : class_words(token)) {
        if (furniture_word(w)) furniture = true;
        if (byline_word(w)) flags |= kBylineClass;
        if (date_word(w)) flags |= kDateClass;
        if (updated_word(w)) flags |= kUpdatedClass;
        if (caption_word(w)) flags |= kCaptionClass;
      }
    }
  }
  if (furniture) flags |= kFurnitureClass;
  return flags;
}

bool is_article_itemtype(std::string_view itemtype) {
  size_t slash = itemtype.rfind('/');
  std::string_view t = slash == std::string_view::npos ? itemtype : itemtype.substr(slash + 1);
  t = trim_ascii(t);
  return (t.size() >= 7 && t.substr(t.size() - 7) == "Article") || t == "BlogPosting" ||
         t == "Report" || t == "LiveBlogPosting";
}

// Visible text under `n`, white space collapsed, at most `limit` bytes (for <title>, <h1>,
// bylines and date stamps).
void collect_text(const GumboNode* n, std::string& out, int depth, size_t limit) {
  if (depth > 64 || out.size() > limit) return;
  if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
      n->type == GUMBO_NODE_WHITESPACE) {
    for (const char* p = n->v.text.text; *p && out.size() <= limit; ++p) {
      if (is_ascii_space(*p)) {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
      } else {
        out.push_back(*p);
      }
    }
  } else if (n->type == GUMBO_NODE_ELEMENT) {
    GumboTag tag = n->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_NOSCRIPT) return;
    const GumboVector& kids = n->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      collect_text(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1, limit);
    }
  }
}

std::string text_of(const GumboNode* n, size_t limit = 2000) {
  std::string out;
  collect_text(n, out, 0, limit);
  return std::string(trim_ascii(out));
}

// Raw text of a <script> (its single text child), uncollapsed.
std::string_view script_text(const GumboNode* n) {
  const GumboVector& kids = n->v.element.children;
  if (kids.length == 0) return {};
  const auto* t = static_cast<const GumboNode*>(kids.data[0]);
  return t->type == GUMBO_NODE_TEXT ? std::string_view(t->v.text.text) : std::string_view();
}

class Builder {
 public:
  Builder(PageModel& m, int max_depth) : m_(m), max_depth_(max_depth) {}

  void visit(const GumboNode* n, int depth) {
    if (depth > max_depth_) return;
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
        n->type == GUMBO_NODE_WHITESPACE) {
      append_text(n->v.text.text);
      return;
    }
    if (n->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = n->v.element;
    const GumboTag tag = el.tag;
    if (never_text(tag)) {
      read_metadata(n, 0);
      return;
    }
    if (tag == GUMBO_TAG_BR) {
      // One <br> is a line break inside a block; two in a row end it.
      if (++pending_breaks_ >= 2) {
        flush();
      } else {
        append_text(" ");
      }
      return;
    }

    uint32_t flags = class_flags(el);
    read_metadata(n, flags);
    // <noscript> is not shown when scripts run; gumbo parses its content as markup (as a
    // browser without scripts would), and an unclosed element inside it can swallow the page.
    if (is_hidden(el) || tag == GUMBO_TAG_NOSCRIPT) flags |= kHidden;
    std::string_view role = attr(el, "role");
    std::string_view itemprop = attr(el, "itemprop");
    if (tag == GUMBO_TAG_ARTICLE || role == "article" ||
        is_article_itemtype(attr(el, "itemtype"))) {
      flags |= kArticleTag;
    }
    if (tag == GUMBO_TAG_MAIN || role == "main") flags |= kMainTag;
    if (itemprop == "articleBody" || itemprop == "articlebody") flags |= kArticleBody;
    if (itemprop == "author" || lower_ascii(attr(el, "rel")) == "author") flags |= kBylineClass;
    const bool story = (flags & (kArticleTag | kMainTag | kArticleBody | kContentClass)) != 0;
    if (story) flags &= ~kFurnitureClass;  // "article-body social-enabled" is the story
    if (furniture_tag(tag, in_section_ > 0) || furniture_role(role)) flags |= kFurnitureTag;

    const auto index = static_cast<uint32_t>(m_.elements.size());
    Element e;
    e.tag = tag;
    e.parent = parent_;
    e.depth = static_cast<uint16_t>(std::min(depth, 65535));
    e.flags = flags;
    e.furniture_above =
        parent_ >= 0 ? m_.elements[static_cast<size_t>(parent_)].furniture_above : -1;
    if (flags & (kFurnitureTag | kFurnitureClass | kHidden)) {
      e.furniture_above = static_cast<int32_t>(index);
    }
    if (tag == GUMBO_TAG_BODY && m_.body < 0) m_.body = static_cast<int32_t>(index);

    const bool boundary =
        is_block_tag(tag) || (flags & (kFurnitureTag | kFurnitureClass | kHidden)) != 0;
    if (boundary) flush();
    e.first_block = static_cast<uint32_t>(m_.blocks.size());
    m_.elements.push_back(e);

    const Context saved = ctx_;
    const int32_t saved_parent = parent_;
    const uint32_t saved_container = container_;
    parent_ = static_cast<int32_t>(index);
    if (boundary) container_ = index;
    const bool section =
        story || tag == GUMBO_TAG_SECTION || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_NAV;
    if (section) ++in_section_;
    switch (tag) {
      case GUMBO_TAG_A:
        if (has_attr(el, "href")) ctx_.link = true;
        break;
      case GUMBO_TAG_H1:
      case GUMBO_TAG_H2:
      case GUMBO_TAG_H3:
      case GUMBO_TAG_H4:
      case GUMBO_TAG_H5:
      case GUMBO_TAG_H6:
        ctx_.heading = static_cast<uint8_t>(1 + (tag - GUMBO_TAG_H1));
        break;
      case GUMBO_TAG_LI:
      case GUMBO_TAG_DT:
      case GUMBO_TAG_DD:
        ctx_.list_item = true;
        break;
      case GUMBO_TAG_TD:
      case GUMBO_TAG_TH:
        ctx_.cell = true;
        break;
      case GUMBO_TAG_BLOCKQUOTE:
        ctx_.quote = true;
        break;
      case GUMBO_TAG_PRE:
        ctx_.pre = true;
        break;
      default:
        break;
    }
    const GumboVector& kids = el.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      visit(static_cast<const GumboNode*>(kids.data[i]), depth + 1);
    }
    if (boundary) flush();
    if (section) --in_section_;
    ctx_ = saved;
    parent_ = saved_parent;
    container_ = saved_container;
    Element& done = m_.elements[index];
    done.end = static_cast<uint32_t>(m_.elements.size());
    done.end_block = static_cast<uint32_t>(m_.blocks.size());
  }

  void finish() { flush(); }

 private:
  struct Context {
    bool link = false;
    uint8_t heading = 0;
    bool list_item = false;
    bool cell = false;
    bool quote = false;
    bool pre = false;
  };

  void append_text(const char* p) {
    for (; *p; ++p) {
      char c = *p;
      if (is_ascii_space(c)) {
        if (!block_.empty() && block_.back() != ' ') block_.push_back(' ');
        continue;
      }
      if (block_.empty()) block_ctx_ = ctx_;
      pending_breaks_ = 0;
      block_.push_back(c);
      if (ctx_.link && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++link_chars_;
    }
  }

  void flush() {
    pending_breaks_ = 0;
    std::string_view t = trim_ascii(block_);
    if (!t.empty()) {
      Block b;
      b.begin = static_cast<uint32_t>(m_.text.size());
      m_.text.append(t);
      b.end = static_cast<uint32_t>(m_.text.size());
      b.element = container_;
      bool in_word = false;
      for (size_t i = 0; i < t.size(); ++i) {
        auto c = static_cast<unsigned char>(t[i]);
        if (c == ' ') {
          in_word = false;
          continue;
        }
        if ((c & 0xC0) != 0x80) ++b.chars;
        if (!in_word) ++b.words, in_word = true;
        if (c == '.' || c == '!' || c == '?') {
          // A full stop ends a sentence when a space or the end follows ("3.5" and "e.g" do not).
          if (i + 1 == t.size() || t[i + 1] == ' ' || t[i + 1] == '"' || t[i + 1] == ')') {
            if (b.stops < 65535) ++b.stops;
          }
        } else if (c == ',' && b.commas < 65535) {
          ++b.commas;
        }
      }
      b.link_chars = std::min(link_chars_, b.chars);
      b.heading = block_ctx_.heading;
      b.list_item = block_ctx_.list_item;
      b.cell = block_ctx_.cell;
      b.quote = block_ctx_.quote;
      b.pre = block_ctx_.pre;
      m_.blocks.push_back(b);
    }
    block_.clear();
    link_chars_ = 0;
  }

  // Metadata sources. `flags` are the element's class flags (0 for elements that hold no
  // text and get no index).
  void read_metadata(const GumboNode* n, uint32_t flags) {
    const GumboElement& el = n->v.element;
    const auto index = static_cast<uint32_t>(m_.elements.size());  // the element about to be added
    switch (el.tag) {
      case GUMBO_TAG_HTML:
        if (m_.lang.empty()) m_.lang = std::string(trim_ascii(attr(el, "lang")));
        break;
      case GUMBO_TAG_TITLE:
        if (m_.title.empty()) m_.title = text_of(n);
        break;
      case GUMBO_TAG_META: {
        std::string_view key = attr(el, "property");
        if (key.empty()) key = attr(el, "name");
        if (key.empty()) key = attr(el, "itemprop");
        if (key.empty()) key = attr(el, "http-equiv");
        std::string_view content = trim_ascii(attr(el, "content"));
        if (content.empty()) content = trim_ascii(attr(el, "datetime"));
        if (!key.empty() && !content.empty()) {
          m_.meta.push_back({lower_ascii(trim_ascii(key)), std::string(content)});
        }
        std::string_view itemprop = attr(el, "itemprop");
        if ((itemprop == "datePublished" || itemprop == "dateModified") && !content.empty()) {
          m_.times.push_back({parent_index(), std::string(itemprop), std::string(content)});
        }
        break;
      }
      case GUMBO_TAG_LINK:
        if (m_.canonical.empty() && lower_ascii(attr(el, "rel")) == "canonical") {
          m_.canonical = std::string(trim_ascii(attr(el, "href")));
        }
        break;
      case GUMBO_TAG_SCRIPT:
        if (lower_ascii(trim_ascii(attr(el, "type"))) == "application/ld+json") {
          m_.json_ld.emplace_back(script_text(n));
        }
        break;
      case GUMBO_TAG_H1:
        m_.headings.push_back({index, "h1", text_of(n, 600)});
        break;
      case GUMBO_TAG_TIME: {
        std::string_view dt = trim_ascii(attr(el, "datetime"));
        std::string_view itemprop = attr(el, "itemprop");
        std::string kind = !itemprop.empty()              ? std::string(itemprop)
                           : has_attr(el, "pubdate")      ? "pubdate"
                           : (flags & kUpdatedClass) != 0 ? "updated"
                                                          : "";
        m_.times.push_back({index, kind, dt.empty() ? text_of(n, 200) : std::string(dt)});
        break;
      }
      default: {
        std::string_view itemprop = attr(el, "itemprop");
        if (itemprop == "datePublished" || itemprop == "dateModified") {
          std::string_view v = trim_ascii(attr(el, "datetime"));
          if (v.empty()) v = trim_ascii(attr(el, "content"));
          m_.times.push_back(
              {index, std::string(itemprop), v.empty() ? text_of(n, 200) : std::string(v)});
        }
        break;
      }
    }
    if (never_text(el.tag) || el.tag == GUMBO_TAG_META || el.tag == GUMBO_TAG_LINK) return;
    std::string_view itemprop = attr(el, "itemprop");
    bool author_link = el.tag == GUMBO_TAG_A && lower_ascii(attr(el, "rel")) == "author";
    if (author_link || itemprop == "author" || itemprop == "creator") {
      m_.authors.push_back({index, author_link ? "rel-author" : "itemprop", text_of(n, 300)});
      return;
    }
    if (flags & kBylineClass) m_.authors.push_back({index, "class", text_of(n, 300)});
    if (flags & kDateClass) {
      std::string t = text_of(n, 200);
      if (!t.empty() && t.size() <= 200) {
        m_.date_texts.push_back({index, flags & kUpdatedClass ? "updated" : "", std::move(t)});
      }
    }
  }

  uint32_t parent_index() const { return parent_ < 0 ? 0 : static_cast<uint32_t>(parent_); }

  PageModel& m_;
  int max_depth_;
  int32_t parent_ = -1;
  uint32_t container_ = 0;
  int in_section_ = 0;  // sectioning elements (and story evidence) open around the walk
  Context ctx_;
  Context block_ctx_;
  std::string block_;
  uint32_t link_chars_ = 0;
  int pending_breaks_ = 0;
};

}  // namespace

std::vector<std::string> class_words(std::string_view value) {
  std::vector<std::string> words;
  std::string w;
  auto done = [&] {
    if (!w.empty()) words.push_back(std::move(w));
    w.clear();
  };
  for (size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      done();
      continue;
    }
    bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0 && value[i - 1] >= 'a' && value[i - 1] <= 'z') done();
    w.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  done();
  return words;
}

PageModel parse_page(std::string_view html, int max_depth) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // markup errors are not reported; browsers do not either
  GumboOutput* out = gumbo_parse_with_options(&options, html.data(), html.size());
  PageModel m;
  Builder builder(m, max_depth);
  builder.visit(out->root, 0);
  builder.finish();
  gumbo_destroy_output(&options, out);
  if (m.body < 0 && !m.elements.empty()) m.body = 0;
  return m;
}

}  // namespace dateline::ingest::html
