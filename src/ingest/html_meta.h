// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a web page states about its article: title, outlet, publication and modification
// dates, byline, canonical URL, language. The design note at the top of html_meta.cc says
// which source wins for each.

#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "ingest/date_parser.h"
#include "ingest/html_content.h"
#include "ingest/html_page.h"

namespace dateline::ingest::html {

/// A name given as an author, and whether the page says it is a person.
struct Author {
  std::string name;
  bool person = true;  ///< false for a schema.org Organization
};

/// What schema.org JSON-LD says about the page's main article.
struct JsonLdArticle {
  bool found = false;
  std::string headline, published, modified, publisher, url, body, language;
  std::vector<Author> authors;
};

/// The page's main article among its JSON-LD scripts: an object whose @type is an Article
/// type (NewsArticle, ReportageNewsArticle, BlogPosting, Report, ...), at top level, in an
/// array or in @graph, not nested in another object's properties (where cited, reviewed or
/// related works sit); the one whose url, @id or mainEntityOfPage is `page_url` when there
/// are several, else the first. Scripts that are not JSON are skipped.
JsonLdArticle read_json_ld(const std::vector<std::string>& scripts, std::string_view page_url);

/// Fills `meta`'s title, outlet, published, modified, byline, url and language from the
/// page, each with its provenance ("html-meta", "json-ld", "html-title", "html-h1",
/// "html-time", "html-text", "url", "fetched"). `article` is what extract_article() found;
/// `fetched_url` where the page was fetched from, or "" (the URL when the page states none).
void read_page_meta(const PageModel& page, const JsonLdArticle& ld, const ArticleText& article,
                    std::string_view fetched_url, DocumentMeta& meta);

/// `title` without the site name, section or archive label a page adds to it: the segments
/// before or after a separator (" | ", " - ", " – ", " — ", " :: ", " » ", " · ") that name
/// one of `sites` (outlet names, host name words) or "Blog Archive".
std::string strip_title_furniture(std::string_view title, const std::vector<std::string>& sites);

/// Authors named in a byline as pages write it ("By Jane Doe and Tim Lee, Reuters",
/// "Von Heike Buchter | 19. Oktober 2019"): the leading "By"/"Von"/"Par"/"Por", dates and
/// times after the names, and agency or desk names when a person is also named, removed;
/// names joined with ", ". "" when no name is left.
std::string clean_byline(std::string_view text);

/// The publication date a URL path states: /2019/10/19/, /2019-10-19-, /20191019/, or a
/// month /2019/10/ (month precision). False when it states none.
bool date_from_url(std::string_view url, DateTime* out);

}  // namespace dateline::ingest::html
