// SPDX-License-Identifier: Apache-2.0
// Page metadata. Each field takes the most reliable statement the page makes:
//  - title: by agreement. The article's own headline (the <h1> above or in the article) wins
//    when og:title, JSON-LD headline or <title> repeat it (with a site name or section around
//    it or not); otherwise og:title / JSON-LD headline / <title> with the site name, section
//    and archive labels stripped (strip_title_furniture), then the <h1>.
//  - published: the page's own datePublished, in this order: article:published_time and the
//    other meta tags, the JSON-LD main entity, itemprop=datePublished / <time pubdate>, the
//    first <time> near the article's header or body, a date stamp (date-classed element or
//    short line) there, the URL's date; the first that names a day. Of equal instants the
//    one stated in local time is kept (a story stamped 01:09Z that the page also gives as
//    18:09-07:00 was published on the local day), and a bare day takes the time another
//    source gives for it.
//  - modified: dateModified, article:modified_time, og:updated_time; kept apart.
//  - byline: people named by JSON-LD author, the author meta tags, rel=author or
//    itemprop=author, a byline-classed element in the article; "Staff", "Agencies" and other
//    desk names only when no person is named.
#include "ingest/html_meta.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "ingest/ascii.h"
#include "ingest/metadata.h"

namespace dateline::ingest::html {
namespace {

using Json = nlohmann::json;

// `s` without leading and trailing white space, HTML's no-break space included.
std::string_view trim(std::string_view s) {
  for (;;) {
    s = trim_ascii(s);
    if (s.substr(0, 2) == "\xC2\xA0") {
      s.remove_prefix(2);
    } else if (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") {
      s.remove_suffix(2);
    } else {
      return s;
    }
  }
}

// Folded for comparison: lower case, white space collapsed, typographic quotes and dashes
// made ASCII, HTML's no-break space a space.
std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto push_space = [&] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (is_ascii_space(c)) {
      push_space();
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      push_space();
      ++i;
    } else if (s.substr(i, 3) == "\xE2\x80\x98" || s.substr(i, 3) == "\xE2\x80\x99") {
      out.push_back('\'');
      i += 2;
    } else if (s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9D") {
      out.push_back('"');
      i += 2;
    } else if (s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94") {
      out.push_back('-');
      i += 2;
    } else {
      out.push_back(lower_ascii(c));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Letters and digits only, lower-cased: "St.Galler Tagblatt" -> "stgallertagblatt".
std::string letters(std::string_view s) {
  std::string out;
  for (char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      out.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    }
  }
  return out;
}

std::string_view meta_value(const PageModel& page, std::string_view key) {
  for (const MetaTag& m : page.meta) {
    if (m.key == key) return m.content;
  }
  return {};
}

std::string_view first_meta(const PageModel& page, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (std::string_view v = meta_value(page, k); !v.empty()) return v;
  }
  return {};
}

bool looks_like_url(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://" || s.substr(0, 1) == "/" ||
         s.substr(0, 4) == "www.";
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

// --- JSON-LD ------------------------------------------------------------------------------

// True when the schema.org @type (a string or an array of them) has a name `wanted` accepts;
// "https://schema.org/NewsArticle" is read as "NewsArticle".
bool has_type(const Json& type, bool (*wanted)(std::string_view)) {
  auto one = [&](const Json& t) {
    if (!t.is_string()) return false;
    std::string_view s = t.get_ref<const std::string&>();
    if (size_t slash = s.rfind('/'); slash != std::string_view::npos) s.remove_prefix(slash + 1);
    return wanted(s);
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

bool is_article_type(std::string_view t) {
  return (t.size() >= 7 && t.substr(t.size() - 7) == "Article") || t == "BlogPosting" ||
         t == "LiveBlogPosting" || t == "Report" || t == "SocialMediaPosting";
}

bool is_web_page_type(std::string_view t) {
  return t.size() >= 7 && t.substr(t.size() - 7) == "WebPage";
}

// Objects of the wanted types at top level, in arrays and in @graph (not inside other
// properties).
void collect_articles(const Json& j, int depth, std::vector<const Json*>& out,
                      bool (*wanted)(std::string_view)) {
  if (depth > 8) return;
  if (j.is_array()) {
    for (const Json& e : j) collect_articles(e, depth + 1, out, wanted);
  } else if (j.is_object()) {
    if (auto t = j.find("@type"); t != j.end() && has_type(*t, wanted)) out.push_back(&j);
    if (auto g = j.find("@graph"); g != j.end()) collect_articles(*g, depth + 1, out, wanted);
  }
}

std::string string_field(const Json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end()) return "";
  if (it->is_string()) return std::string(trim(it->get<std::string>()));
  if (it->is_array() && !it->empty() && it->front().is_string()) {
    return std::string(trim(it->front().get<std::string>()));
  }
  return "";
}

// A schema.org Person/Organization given as a string, an object with "name", or an array.
void authors_of(const Json& v, std::vector<Author>& out, int depth = 0) {
  if (depth > 4) return;
  if (v.is_string()) {
    if (std::string n(trim(v.get<std::string>())); !n.empty()) out.push_back({n, true});
  } else if (v.is_object()) {
    std::string n = string_field(v, "name");
    if (n.empty()) {
      std::string given = string_field(v, "givenName"), family = string_field(v, "familyName");
      n = given.empty() ? family : family.empty() ? given : given + " " + family;
    }
    bool person = true;
    if (auto t = v.find("@type"); t != v.end() && t->is_string()) {
      person = t->get<std::string>() != "Organization" &&
               t->get<std::string>() != "NewsMediaOrganization";
    }
    if (!n.empty()) out.push_back({n, person});
  } else if (v.is_array()) {
    for (const Json& e : v) authors_of(e, out, depth + 1);
  }
}

std::string publisher_of(const Json& v) {
  if (v.is_string()) return std::string(trim(v.get<std::string>()));
  if (v.is_object()) return string_field(v, "name");
  if (v.is_array() && !v.empty()) return publisher_of(v.front());
  return "";
}

std::string url_of(const Json& a) {
  std::string url = string_field(a, "url");
  if (!url.empty()) return url;
  if (auto it = a.find("mainEntityOfPage"); it != a.end()) {
    if (it->is_object()) return string_field(*it, "@id");
    if (it->is_string()) return it->get<std::string>();
  }
  return string_field(a, "@id");
}

// "https://x.org/a/b/?utm=1#top" and "//x.org/a/b" compare equal.
std::string url_key(std::string_view url) {
  size_t scheme = url.find("//");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 2);
  if (url.substr(0, 4) == "www.") url.remove_prefix(4);
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  return lower_ascii(url);
}

// --- titles -------------------------------------------------------------------------------

constexpr std::string_view kTitleSeparators[] = {
    " | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ", " \xC2\xB7 ", " // "};

// The title split at its separators (the segments are views into `title`).
std::vector<std::string_view> title_segments(std::string_view title) {
  std::vector<std::string_view> segs;
  size_t start = 0;
  for (size_t i = 0; i < title.size(); ++i) {
    for (std::string_view sep : kTitleSeparators) {
      if (title.compare(i, sep.size(), sep) == 0) {
        segs.push_back(title.substr(start, i - start));
        start = i + sep.size();
        i = start - 1;
        break;
      }
    }
  }
  segs.push_back(title.substr(start));
  return segs;
}

// "regards.fr", "wien.ORF.at", "www.example.co.uk": a host name, not words.
bool looks_like_host(std::string_view s) {
  s = trim(s);
  if (s.empty() || s.find(' ') != std::string_view::npos) return false;
  const size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || s.size() - dot - 1 < 2 ||
      s.size() - dot - 1 > 12) {
    return false;
  }
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(dot) + 1, s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

// True when `segment` of a title names the site: one of `sites` or a host name; with
// `loose`, also a segment that merely contains a site's name ("St.Galler Tagblatt" for the
// host word "tagblatt").
bool names_site(std::string_view segment, const std::vector<std::string>& sites, bool loose) {
  const std::string seg = letters(segment);
  if (seg.empty() || looks_like_host(segment)) return true;
  if (seg == "blogarchive" || seg == "archive") return true;
  for (const std::string& site : sites) {
    const std::string s = letters(site);
    if (s.size() < 3) continue;
    if (seg == s || (seg.size() >= 4 && s.find(seg) != std::string::npos)) return true;
    if (loose && seg.find(s) != std::string::npos) return true;
  }
  return false;
}

// True when `headline` is `candidate`, or a part of it cut at a separator or after a
// kicker's colon ("Klimaschutz: Bohren, bis es heiß wird").
bool title_contains(std::string_view candidate, std::string_view headline) {
  const std::string c = fold(candidate), h = fold(headline);
  if (h.empty()) return false;
  if (c == h) return true;
  size_t at = c.find(h);
  if (at == std::string::npos) return false;
  const std::string_view before = std::string_view(c).substr(0, at);
  const std::string_view after = std::string_view(c).substr(at + h.size());
  auto boundary_before = [&] {
    if (before.empty()) return true;
    return before.back() == ' ' &&
           (before.size() < 2 ||
            std::string_view(":|-»·/").find(before[before.size() - 2]) != std::string_view::npos);
  };
  auto boundary_after = [&] {
    if (after.empty()) return true;
    return after.size() >= 2 && after[0] == ' ' &&
           std::string_view("|-»·/:").find(after[1]) != std::string_view::npos;
  };
  return boundary_before() && boundary_after();
}

struct TitleChoice {
  std::string title;
  const char* source = "";
};

TitleChoice choose_title(const PageModel& page, const JsonLdArticle& ld, const ArticleText& article,
                         const std::vector<std::string>& sites) {
  const std::string og(first_meta(page, {"og:title", "twitter:title", "headline", "dc.title"}));
  // The article's headline: the first <h1> in or above the article that another title source
  // repeats, and that is not the site's name (a logo set in <h1>).
  std::vector<const MarkedText*> h1s;
  for (const MarkedText& h : page.headings) {
    if (h.text.empty() || h.text.size() > 400 || names_site(h.text, sites, false)) continue;
    if (article.root < 0 || h.element < article.region_end) h1s.push_back(&h);
  }
  for (const MarkedText* h : h1s) {
    for (const std::string* c : {&og, &ld.headline, &page.title}) {
      if (!c->empty() && title_contains(*c, h->text)) return {h->text, "html-h1"};
    }
  }
  if (!og.empty()) return {strip_title_furniture(og, sites), "html-meta"};
  if (!ld.headline.empty()) return {strip_title_furniture(ld.headline, sites), "json-ld"};
  if (!page.title.empty()) return {strip_title_furniture(page.title, sites), "html-title"};
  if (!h1s.empty()) return {h1s.back()->text, "html-h1"};
  return {};
}

// --- dates --------------------------------------------------------------------------------

// How many blocks above the article's root, and into it, a date line is looked for.
constexpr uint32_t kDateLineWindow = 8;

struct DateCandidate {
  DateTime dt;
  const char* source;
  bool stamp = false;  ///< a <time> element or a date-classed one: the page's printed date
};

DateReading reading_for(std::string_view lang) {
  DateReading r;
  r.european_names = true;
  r.day_first = lang != "en";  // 03/04/2026: March 4 in American English pages only
  return r;
}

bool parse_value(std::string_view value, const DateReading& r, DateTime* dt) {
  return parse_date_time(value, dt, r) || (value.size() < 200 && [&] {
           size_t b = 0, e = 0;
           return find_date_time(value, dt, &b, &e, r);
         }());
}

// True when `local` (a day) is the day before or after the UTC day of `utc` (a time), as a
// zone offset can make it: the next day only for a UTC time after 10:00 (offsets reach +14h),
// the day before only for one before 12:00 (they reach -12h).
bool one_day_apart(const DateTime& utc, const DateTime& local) {
  DateTime a = utc, b = local;
  a.hour = b.hour = 0;
  a.minute = b.minute = a.second = b.second = 0;
  a.has_offset = b.has_offset = true;
  a.offset_minutes = b.offset_minutes = 0;
  const int64_t days = (*b.utc_minutes() - *a.utc_minutes()) / 1440;
  return (days == 1 && utc.hour >= 10) || (days == -1 && utc.hour < 12);
}

// Minutes since 1970 of a date and time read as if it were UTC.
std::optional<int64_t> clock_minutes(const DateTime& d) {
  DateTime as_utc = d;
  as_utc.has_offset = true;
  as_utc.offset_minutes = 0;
  return as_utc.utc_minutes();
}

// Of several statements of the publication date, the first (most reliable) that names a day;
// but in the page's local time when another statement gives the same instant in local time
// (with its offset, or as a clock time whose difference from UTC is a zone offset), and with
// the time another statement gives for the same day when it has none. A page that stamps its
// stories in UTC and prints them in local time is dated on the local day.
DateCandidate settle(const std::vector<DateCandidate>& all) {
  // The first that names a day; a bare month or year only when none does.
  const DateCandidate* first = &all.front();
  for (const DateCandidate& c : all) {
    if (c.dt.day != 0) {
      first = &c;
      break;
    }
  }
  DateTime best = first->dt;
  bool first_stamp = true;  // only the article's own printed date (the first) is compared
  for (const DateCandidate& c : all) {
    const bool own_stamp = c.stamp && first_stamp;
    first_stamp = first_stamp && !c.stamp;
    const DateTime& d = c.dt;
    const auto b = best.utc_minutes(), o = d.utc_minutes();
    const bool best_in_utc = b && best.offset_minutes == 0;
    if (best_in_utc && o && *b == *o && d.offset_minutes != 0) {
      best = d;  // the same instant, in the page's local time
    } else if (best_in_utc && d.hour >= 0 && !d.has_offset && d.day != 0) {
      const int64_t offset = *clock_minutes(d) - *b;
      if (offset != 0 && offset % 15 == 0 && offset >= -12 * 60 && offset <= 14 * 60) {
        best = d;
        best.has_offset = true;
        best.offset_minutes = static_cast<int>(offset);
      }
    } else if (best_in_utc && own_stamp && d.hour < 0 && d.day != 0 && one_day_apart(best, d)) {
      // The page prints a neighbouring day: the local day of a UTC stamp near midnight.
      best = d;
    } else if (best.hour < 0 && best.day != 0 && d.hour >= 0 && d.date_iso() == best.date_iso()) {
      best = d;
    }
  }
  return {best, first->source};
}

// The elements where a page states its article's date and byline: the article's region
// (headline, standfirst, root) and the few blocks above its root.
struct NearArticle {
  uint32_t begin = 0, end = 0;
  NearArticle(const PageModel& page, const ArticleText& a) {
    if (a.root < 0) return;
    begin = a.region_begin;
    end = a.region_end;
    const Element& root = page.elements[static_cast<size_t>(a.root)];
    const uint32_t first = root.first_block - std::min(root.first_block, kDateLineWindow);
    if (first < page.blocks.size()) begin = std::min(begin, page.blocks[first].element);
  }
  bool contains(uint32_t element) const { return element >= begin && element < end; }
};

void read_dates(const PageModel& page, const JsonLdArticle& ld, const ArticleText& article,
                std::string_view lang, DocumentMeta& m) {
  const DateReading r = reading_for(lang);
  const NearArticle near(page, article);
  std::vector<DateCandidate> pub, mod;
  auto add = [&](std::vector<DateCandidate>& to, std::string_view value, const char* source,
                 bool stamp = false) {
    DateTime dt;
    if (!value.empty() && parse_value(value, r, &dt)) to.push_back({dt, source, stamp});
  };
  for (std::string_view k : {"article:published_time",
                             "og:article:published_time",
                             "og:published_time",
                             "datepublished",
                             "article.published",
                             "pubdate",
                             "publishdate",
                             "publish-date",
                             "publish_date",
                             "publication_date",
                             "parsely-pub-date",
                             "sailthru.date",
                             "dc.date.issued",
                             "dcterms.issued",
                             "dc.date.created",
                             "dcterms.created",
                             "dc.date",
                             "date",
                             "citation_publication_date",
                             "citation_date",
                             "release_date"}) {
    add(pub, meta_value(page, k), "html-meta");
  }
  add(pub, ld.published, "json-ld");
  for (const MarkedText& t : page.times) {
    if (t.kind == "datePublished" || t.kind == "pubdate") add(pub, t.text, "html-time");
  }
  for (const MarkedText& t : page.times) {
    if (t.kind.empty() && near.contains(t.element)) {
      add(pub, t.text, "html-time", true);
      break;
    }
  }
  for (const MarkedText& t : page.date_texts) {
    if (t.kind.empty() && near.contains(t.element)) add(pub, t.text, "html-text", true);
  }
  for (const MarkedText& t : page.authors) {  // "By Jane Doe | 19 Oct 2019"
    if (t.kind == "class" && near.contains(t.element)) add(pub, t.text, "html-text");
  }
  // A date line in the article's header (from its headline or <main>/<article> start), just
  // above the story, or at its start ("Peter Grimm / 07.11.2023 / 09:30", "01.02.2022 – The
  // labour market ...").
  if (article.root >= 0) {
    const Element& root = page.elements[static_cast<size_t>(article.root)];
    uint32_t from = page.elements[article.region_begin].first_block;
    from = std::min(from, root.first_block - std::min(root.first_block, kDateLineWindow));
    for (uint32_t b = from; b < root.end_block && b < root.first_block + kDateLineWindow; ++b) {
      std::string_view text = page.block_text(page.blocks[b]);
      // Above the story any short line; in it, a line that is mostly a date, or the start
      // of a paragraph.
      const bool above = b < root.first_block;
      if (text.size() <= (above ? 160u : 40u)) {
        add(pub, text, "html-text");
      } else {
        add(pub, text.substr(0, 40), "html-text");
      }
    }
  }
  DateTime from_url;
  if (date_from_url(m.url, &from_url)) pub.push_back({from_url, "url"});
  // Last resorts, for pages that date themselves nowhere near the story: the first date
  // stamp anywhere, then a line of the story that is a date and little else.
  if (pub.empty()) {
    for (const MarkedText& t : page.times) {
      if (t.kind.empty()) add(pub, t.text, "html-time");
    }
    for (const MarkedText& t : page.date_texts) {
      if (t.kind.empty()) add(pub, t.text, "html-text");
    }
  }
  if (pub.empty() && article.root >= 0) {
    const Element& root = page.elements[static_cast<size_t>(article.root)];
    for (uint32_t b = root.first_block; b < root.end_block && pub.empty(); ++b) {
      std::string_view text = page.block_text(page.blocks[b]);
      DateTime dt;
      size_t begin = 0, end = 0;
      if (text.size() <= 60 && find_date_time(text, &dt, &begin, &end, r) &&
          2 * (end - begin) >= text.size()) {
        pub.push_back({dt, "html-text"});
      }
    }
  }

  add(mod, ld.modified, "json-ld");
  for (std::string_view k : {"article:modified_time", "og:updated_time", "datemodified",
                             "dcterms.modified", "dc.date.modified", "last-modified"}) {
    add(mod, meta_value(page, k), "html-meta");
  }
  for (const MarkedText& t : page.times) {
    if (t.kind == "dateModified" || (t.kind == "updated" && near.contains(t.element))) {
      add(mod, t.text, "html-time");
    }
  }
  if (!pub.empty()) {
    const DateCandidate d = settle(pub);
    set_meta(m, "published", d.dt.iso(), d.source);
  }
  if (!mod.empty()) {
    const DateCandidate d = settle(mod);
    set_meta(m, "modified", d.dt.iso(), d.source);
  }
}

// --- bylines ------------------------------------------------------------------------------

bool is_desk_name(std::string_view name) {
  const std::string n = fold(name);
  static constexpr std::string_view kWords[] = {"staff",
                                                "agencies",
                                                "agency",
                                                "agencias",
                                                "agences",
                                                "agenturen",
                                                "agentur",
                                                "redaktion",
                                                "editors",
                                                "editorial",
                                                "newsroom",
                                                "news desk",
                                                "desk",
                                                "team",
                                                "admin",
                                                "administrator",
                                                "webmaster",
                                                "reuters",
                                                "associated press",
                                                "afp",
                                                "dpa",
                                                "apa",
                                                "red.",
                                                "red",
                                                "ap",
                                                "wire",
                                                "press release"};
  for (std::string_view w : kWords) {
    size_t at = n.find(w);
    while (at != std::string::npos) {
      const bool start = at == 0 || !std::isalnum(static_cast<unsigned char>(n[at - 1]));
      const size_t end = at + w.size();
      const bool stop = end == n.size() || !std::isalnum(static_cast<unsigned char>(n[end]));
      if (start && stop) return true;
      at = n.find(w, at + 1);
    }
  }
  return false;
}

// A name that stands for an organisation rather than a person: a desk or agency name, the
// outlet's own name, a host name.
bool is_organisation(const Author& a, std::string_view outlet) {
  if (!a.person || is_desk_name(a.name) || looks_like_host(a.name)) return true;
  return !outlet.empty() && letters(a.name) == letters(outlet);
}

// "Jane Doe, Tim Lee" from the names given, people first: desk and agency names only when
// no person is named.
std::string join_names(const std::vector<Author>& authors, std::string_view outlet) {
  std::vector<std::string> people, desks;
  for (const Author& a : authors) {
    std::string n = clean_byline(a.name);
    if (n.empty()) continue;
    const bool desk = is_organisation({n, a.person}, outlet);
    auto& to = desk ? desks : people;
    if (std::find(to.begin(), to.end(), n) == to.end()) to.push_back(n);
  }
  const auto& use = people.empty() ? desks : people;
  std::string out;
  for (const std::string& n : use) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

// The byline with its lead-in removed: "By ", "Von: ", "View all posts by ", "Author".
std::string strip_prefix_word(std::string_view s) {
  static constexpr std::string_view kPrefixes[] = {"view all posts by",
                                                   "all posts by",
                                                   "more from",
                                                   "posts by",
                                                   "zeige alle beiträge von",
                                                   "alle beiträge von",
                                                   "alle artikel von",
                                                   "ein beitrag von",
                                                   "geschrieben von",
                                                   "veröffentlicht von",
                                                   "written by",
                                                   "words by",
                                                   "posted by",
                                                   "published by",
                                                   "text:",
                                                   "autor:",
                                                   "autorin:",
                                                   "author:",
                                                   "von:",
                                                   "by:",
                                                   "by",
                                                   "von",
                                                   "vom",
                                                   "par",
                                                   "por",
                                                   "di",
                                                   "door",
                                                   "text",
                                                   "autor",
                                                   "autorin",
                                                   "author"};
  std::string t(trim(s));
  for (size_t i = 0; i + 1 < t.size(); ++i) {  // no-break spaces as spaces
    if (t.compare(i, 2, "\xC2\xA0") == 0) t.replace(i, 2, " ");
  }
  bool again = true;
  while (again) {
    again = false;
    const std::string low = lower_ascii(std::string_view(t).substr(0, 32));
    for (std::string_view p : kPrefixes) {
      if (low.rfind(p, 0) != 0) continue;
      // A whole word ("By Jane"), or a label glued to the name ("AuthorJane Doe").
      const char next = p.size() < t.size() ? t[p.size()] : ' ';
      const bool glued = p.back() != ':' && next >= 'A' && next <= 'Z' && p.size() >= 5;
      if (next == ' ' || p.back() == ':' || glued) {
        t = std::string(trim(std::string_view(t).substr(p.size())));
        again = true;
        break;
      }
    }
  }
  return t;
}

void read_byline(const PageModel& page, const JsonLdArticle& ld, const ArticleText& article,
                 DocumentMeta& m) {
  const NearArticle near_article(page, article);
  std::vector<Author> meta_authors;
  for (std::string_view k : {"author", "byl", "dc.creator", "parsely-author", "sailthru.author",
                             "article:author", "twitter:creator:name", "cxenseparse:author"}) {
    for (const MetaTag& t : page.meta) {
      if (t.key == k && !looks_like_url(t.content)) meta_authors.push_back({t.content, true});
    }
    if (!meta_authors.empty()) break;
  }
  std::vector<Author> linked, classed;
  for (const MarkedText& a : page.authors) {
    if (a.text.empty() || a.text.size() > 200) continue;
    const bool near = article.root < 0 || near_article.contains(a.element);
    if ((a.kind == "rel-author" || a.kind == "itemprop") && near) linked.push_back({a.text, true});
    if (a.kind == "class" && near) classed.push_back({a.text, true});
  }
  struct Source {
    const std::vector<Author>* authors;
    const char* provenance;
  } const kSources[] = {{&ld.authors, "json-ld"},
                        {&meta_authors, "html-meta"},
                        {&linked, "html-author"},
                        {&classed, "html-byline"}};
  std::string desks;
  const char* desk_source = "";
  for (const Source& s : kSources) {
    std::string names = join_names(*s.authors, m.outlet);
    if (names.empty()) continue;
    bool all_desks = true;
    for (const Author& a : *s.authors) {
      std::string n = clean_byline(a.name);
      if (!n.empty() && !is_organisation({n, a.person}, m.outlet)) all_desks = false;
    }
    if (!all_desks) {
      set_meta(m, "byline", names, s.provenance);
      return;
    }
    if (desks.empty()) desks = names, desk_source = s.provenance;
  }
  if (!desks.empty()) set_meta(m, "byline", desks, desk_source);
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

JsonLdArticle read_json_ld(const std::vector<std::string>& scripts, std::string_view page_url) {
  JsonLdArticle out;
  std::vector<Json> docs;
  std::vector<const Json*> articles;
  docs.reserve(scripts.size());
  for (const std::string& s : scripts) {
    Json j = Json::parse(s, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (!j.is_discarded()) docs.push_back(std::move(j));
  }
  for (const Json& j : docs) collect_articles(j, 0, articles, is_article_type);
  // No article object: the WebPage the site describes itself with still dates the page.
  const bool web_page = articles.empty();
  if (web_page) {
    for (const Json& j : docs) collect_articles(j, 0, articles, is_web_page_type);
  }
  if (articles.empty()) return out;
  const Json* a = articles.front();
  if (articles.size() > 1 && !page_url.empty()) {
    const std::string key = url_key(page_url);
    for (const Json* c : articles) {
      if (url_key(url_of(*c)) == key) {
        a = c;
        break;
      }
    }
  }
  out.found = true;
  out.published = string_field(*a, "datePublished");
  if (out.published.empty()) out.published = string_field(*a, "dateCreated");
  out.modified = string_field(*a, "dateModified");
  if (web_page) return out;
  out.headline = string_field(*a, "headline");
  if (out.headline.empty()) out.headline = string_field(*a, "name");
  for (const char* key : {"author", "creator"}) {
    if (auto it = a->find(key); it != a->end() && out.authors.empty()) authors_of(*it, out.authors);
  }
  if (auto it = a->find("publisher"); it != a->end()) out.publisher = publisher_of(*it);
  out.url = url_of(*a);
  out.body = string_field(*a, "articleBody");
  out.language = string_field(*a, "inLanguage");
  return out;
}

std::string strip_title_furniture(std::string_view title, const std::vector<std::string>& sites) {
  std::vector<std::string_view> segs = title_segments(trim(title));
  size_t first = 0, last = segs.size();
  // Site and section names sit at either end; keep at least one segment.
  while (last - first > 1 && names_site(segs[last - 1], sites, true)) --last;
  while (last - first > 1 && names_site(segs[first], sites, true)) ++first;
  const std::string_view t = trim(title);
  // "Headline | Short Name" with no site name known: a pipe (or "::", "»") before a few words
  // at the end sets off the site, as it never does inside a headline.
  if (last == segs.size() && last - first > 1) {
    const std::string_view& prev = segs[last - 2];
    const size_t sep_at = static_cast<size_t>(prev.data() + prev.size() - t.data());
    const std::string_view sep =
        t.substr(sep_at, static_cast<size_t>(segs[last - 1].data() - t.data()) - sep_at);
    auto words = [](std::string_view x) {
      size_t n = 0;
      for (size_t i = 0; i < x.size(); ++i) n += (i == 0 || x[i - 1] == ' ') && x[i] != ' ';
      return n;
    };
    const bool pipe = sep == " | " || sep == " :: " || sep == " \xC2\xBB " || sep == " // ";
    if (pipe && words(segs[last - 1]) <= 4 && words(prev) > words(segs[last - 1])) --last;
  }
  if (first == 0 && last == segs.size()) return std::string(t);
  const size_t b = static_cast<size_t>(segs[first].data() - t.data());
  const size_t e = static_cast<size_t>(segs[last - 1].data() + segs[last - 1].size() - t.data());
  return std::string(trim(t.substr(b, e - b)));
}

std::string clean_byline(std::string_view text) {
  std::string t = strip_prefix_word(text);
  // Cut at what follows the names: a date, a separator, a line of other text.
  DateTime dt;
  size_t b = 0, e = 0;
  DateReading r;
  r.european_names = true;
  if (find_date_time(t, &dt, &b, &e, r)) t.resize(b);
  for (std::string_view stop : {" | ", "|", " \xE2\x80\xA2 ", "\xE2\x80\xA2", " \xC2\xB7 ", "\n",
                                " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " / "}) {
    if (size_t at = t.find(stop); at != std::string::npos && at > 0) t.resize(at);
  }
  // A byline is a few names; a long run of words is a sentence.
  size_t words = 0;
  for (size_t i = 0; i < t.size(); ++i) words += (i == 0 || t[i - 1] == ' ') && t[i] != ' ';
  if (words > 12) return "";
  // "Jane Doe on 6 March", "Jane Doe am Freitag".
  for (std::string_view stop : {" am ", " on ", " le ", " el ", " um "}) {
    if (size_t at = t.find(stop); at != std::string::npos && at > 0) t.resize(at);
  }
  std::string_view v = trim(t);
  while (!v.empty() && (v.back() == ',' || v.back() == ':' || v.back() == ';')) {
    v.remove_suffix(1);
    v = trim(v);
  }
  if (v.empty() || looks_like_url(v)) return "";
  return std::string(v);
}

bool date_from_url(std::string_view url, DateTime* out) {
  size_t scheme = url.find("//");
  std::string_view path = scheme == std::string_view::npos ? url : url.substr(scheme + 2);
  size_t slash = path.find('/');
  if (slash == std::string_view::npos) return false;
  path = path.substr(slash, path.find_first_of("?#", slash) - slash);
  // Split into runs of digits and what separates them.
  std::vector<std::string_view> nums;
  std::vector<char> before;
  for (size_t i = 0; i < path.size();) {
    if (path[i] < '0' || path[i] > '9') {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < path.size() && path[i] >= '0' && path[i] <= '9') ++i;
    nums.push_back(path.substr(b, i - b));
    before.push_back(b > 0 ? path[b - 1] : '/');
  }
  auto number = [](std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
  };
  for (size_t k = 0; k < nums.size(); ++k) {
    if (before[k] != '/' && before[k] != '-' && before[k] != '_') continue;
    DateTime dt;
    if (nums[k].size() == 8 && all_digits(nums[k])) {  // /20191019/
      std::string s(nums[k]);
      if (parse_date_time(s, &dt) && dt.year >= 1990) {
        *out = dt;
        return true;
      }
      continue;
    }
    if (nums[k].size() != 4) continue;
    const int y = number(nums[k]);
    if (y < 1990 || y > 2100 || k + 1 >= nums.size() || nums[k + 1].size() > 2) continue;
    const int mo = number(nums[k + 1]);
    if (mo < 1 || mo > 12) continue;
    char buf[16];
    if (k + 2 < nums.size() && nums[k + 2].size() <= 2 && before[k + 2] == before[k + 1]) {
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, number(nums[k + 2]));
      if (parse_date_time(buf, &dt)) {
        *out = dt;
        return true;
      }
    }
    if (before[k + 1] == '/') {
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
      if (parse_date_time(buf, &dt)) {
        *out = dt;
        return true;
      }
    }
  }
  return false;
}

void read_page_meta(const PageModel& page, const JsonLdArticle& ld, const ArticleText& article,
                    std::string_view fetched_url, DocumentMeta& m) {
  if (std::string_view v = first_meta(page, {"og:site_name", "application-name", "dc.publisher"});
      !v.empty()) {
    set_meta(m, "outlet", std::string(trim(v)), "html-meta");
  } else if (!ld.publisher.empty()) {
    set_meta(m, "outlet", ld.publisher, "json-ld");
  }

  // The canonical link, unless it is relative and og:url is absolute.
  const std::string_view og_url = first_meta(page, {"og:url"});
  const bool absolute = page.canonical.rfind("http", 0) == 0;
  if (!page.canonical.empty() && (absolute || og_url.empty())) {
    set_meta(m, "url", page.canonical, "html-meta");
  } else if (!og_url.empty()) {
    set_meta(m, "url", std::string(og_url), "html-meta");
  } else if (!ld.url.empty()) {
    set_meta(m, "url", ld.url, "json-ld");
  } else if (!fetched_url.empty()) {
    set_meta(m, "url", std::string(fetched_url), "fetched");
  }

  // Site names a title may carry: the outlet, the publisher, the host name's main word.
  std::vector<std::string> sites;
  if (!m.outlet.empty()) sites.push_back(m.outlet);
  if (!ld.publisher.empty()) sites.push_back(ld.publisher);
  if (!m.url.empty()) {
    std::string host = url_key(m.url);
    host = host.substr(0, host.find('/'));
    size_t dot = host.rfind('.');
    if (dot != std::string::npos) {
      std::string_view name = std::string_view(host).substr(0, dot);
      name = name.substr(name.rfind('.') == std::string_view::npos ? 0 : name.rfind('.') + 1);
      if (name.size() >= 3) sites.emplace_back(name);
    }
  }
  TitleChoice title = choose_title(page, ld, article, sites);
  if (!title.title.empty()) set_meta(m, "title", title.title, title.source);

  std::string lang = primary_language(page.lang);
  const char* lang_source = "html-lang";
  if (lang.empty()) {
    lang = primary_language(first_meta(page, {"content-language", "og:locale", "language"}));
    lang_source = "html-meta";
  }
  if (lang.empty()) {
    lang = primary_language(ld.language);
    lang_source = "json-ld";
  }
  if (!lang.empty()) set_meta(m, "language", lang, lang_source);

  read_dates(page, ld, article, lang, m);
  read_byline(page, ld, article, m);
}

}  // namespace dateline::ingest::html
