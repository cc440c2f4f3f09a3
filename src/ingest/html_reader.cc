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
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "ingest/charset.h"
#include "ingest/date_parser.h"
#include "ingest/html_content.h"
#include "ingest/html_page.h"
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


std::string_view meta_value(const html::PageModel& page, std::string_view key) {
  for (const html::MetaTag& m : page.meta) {
    if (m.key == key) return m.content;
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
void fill_meta(const html::PageModel& page, const JsonLdArticle& ld, int32_t root,
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
  } else if (!page.headings.empty() && !page.headings[0].text.empty()) {
    set_meta(m, "title", page.headings[0].text, "html-h1");
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
  for (const html::MarkedText& t : page.times) {
    if (t.kind == "datePublished" || t.kind == "pubdate") dates.emplace_back(t.text, "html-time");
  }
  for (const html::MarkedText& t : page.times) {
    if (root >= 0 && page.contains(static_cast<uint32_t>(root), t.element)) {
      dates.emplace_back(t.text, "html-time");
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
  } else {
    for (const html::MarkedText& a : page.authors) {
      if (a.kind == "rel-author" && !a.text.empty()) {
        set_meta(m, "byline", a.text, "html-meta");
        break;
      }
    }
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

Result<Document> read_html(std::string_view raw, const std::string& path,
                           std::string_view http_charset) {
  Document doc;
  // gumbo wants UTF-8: decode (or repair) first, so that diagnostics name bytes of the file.
  DecodedPage decoded = decode_page(raw, http_charset, path, &doc.diagnostics);

  html::PageModel page = html::parse_page(decoded.html, kMaxDepth);
  JsonLdArticle ld;
  read_json_ld(page.json_ld, &ld);
  html::ArticleText article = html::extract_article(page, ld.body);
  doc.text = std::move(article.text);
  fill_meta(page, ld, article.root, doc.meta);
  const std::string_view source = article.source;
  if (source == "json-ld") {
    doc.diagnostics.push_back({"html_body_from_json_ld",
                               path + ": no article text in the markup; read JSON-LD articleBody",
                               -1});
  } else if (source == "short-text") {
    doc.diagnostics.push_back(
        {"html_short_text", path + ": no paragraph of prose found; read the page's short text", -1});
  }
  if (doc.text.empty()) {
    return error(ErrorCode::kBadInput, path + ": HTML page has no article text");
  }
  doc.meta.path = path;
  set_identity(doc, path);
  return doc;
}

}  // namespace dateline::ingest
