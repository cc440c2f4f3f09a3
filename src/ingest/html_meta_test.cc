// SPDX-License-Identifier: Apache-2.0
#include "ingest/html_meta.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/metadata.h"
#include "ingest/reader.h"

namespace dateline::ingest::html {
namespace {

TEST(HtmlMeta, StripsSiteNamesAndSectionsFromTitles) {
  static const struct {
    const char* title;
    const char* expected;
  } kCases[] = {
      {"Harbour talks resume | The Coastal Herald", "Harbour talks resume"},
      {"The Coastal Herald - Harbour talks resume", "Harbour talks resume"},
      {"Harbour talks resume \xE2\x80\x93 coastalherald.example", "Harbour talks resume"},
      {"Coastal Herald \xC2\xBB Blog Archive \xC2\xBB Harbour talks resume",
       "Harbour talks resume"},
      // A dash inside the headline stays; only a segment naming the site goes.
      {"Port strike - what comes next", "Port strike - what comes next"},
      {"Port strike - what comes next | Coastal Herald", "Port strike - what comes next"},
      // Never the whole title.
      {"The Coastal Herald", "The Coastal Herald"},
  };
  const std::vector<std::string> sites = {"The Coastal Herald"};
  for (const auto& c : kCases)
    EXPECT_EQ(strip_title_furniture(c.title, sites), c.expected) << c.title;
}

TEST(HtmlMeta, CleansBylines) {
  static const struct {
    const char* text;
    const char* expected;
  } kCases[] = {
      {"By Jane Doe", "Jane Doe"},
      {"by Jane Doe and Tim Lee", "Jane Doe and Tim Lee"},
      {"Von: Heike Buchter | 19. Oktober 2019", "Heike Buchter"},
      {"By Jane Doe, March 6, 2026 at 6:09 p.m.", "Jane Doe"},
      {"View all posts by Ana Lima", "Ana Lima"},
      {"AuthorAna Lima", "Ana Lima"},
      {"Jane Doe - Harbour correspondent", "Jane Doe"},
      {"https://www.facebook.com/janedoe", ""},
      {"This is a sentence about the harbour and the strike that goes on and on for words", ""},
  };
  for (const auto& c : kCases) EXPECT_EQ(clean_byline(c.text), c.expected) << c.text;
}

TEST(HtmlMeta, ReadsDatesFromUrls) {
  static const struct {
    const char* url;
    const char* iso;  // "" when the URL states no date
  } kCases[] = {
      {"https://news.example/2026/03/06/port-reopens/", "2026-03-06"},
      {"https://news.example/world/2026-03-06-port-reopens", "2026-03-06"},
      {"https://news.example/a/20260306/port", "2026-03-06"},
      {"https://blog.example/2026/03/port-reopens.html", "2026-03"},
      {"https://news.example/story/123456789", ""},
      {"https://news.example/2026/13/01/x", ""},
      {"https://news.example/port-2026", ""},
      {"https://2026.example/03/06", ""},  // the host is not the path
  };
  for (const auto& c : kCases) {
    DateTime dt;
    bool ok = date_from_url(c.url, &dt);
    EXPECT_EQ(ok ? dt.iso() : "", c.iso) << c.url;
  }
}

Document read(const std::string& html) {
  Result<Document> r = read_html(html, "page.html");
  EXPECT_TRUE(r.ok()) << r.status().to_string();
  return r.ok() ? std::move(r).value() : Document();
}

constexpr const char* kBody =
    "<article><h1>Harbour talks resume</h1>"
    "<p>Talks between the port authority and the dockers' union resumed on Friday in the "
    "harbour master's office, the first meeting since the strike began two weeks ago.</p>"
    "</article>";

TEST(HtmlMeta, DatesAStoryOnItsLocalDay) {
  static const struct {
    const char* name;
    std::string head;
    std::string body;
    const char* published;
    const char* modified;
    const char* source;
  } kCases[] = {
      // Stamped in UTC in the markup, printed in local time: the local day and time, with
      // the offset their difference gives.
      {"utc stamp, local print",
       "<meta property=article:published_time content=2026-03-07T01:09:00+00:00>",
       "<time datetime='2026-03-06 18:09:00'>March 6, 2026 at 6:09 p.m.</time>",
       "2026-03-06T18:09:00-07:00", "", "html-meta"},
      {"utc stamp, same instant with its offset",
       "<meta property=article:published_time content=2026-03-07T01:09:00Z>"
       "<meta itemprop=datePublished content=2026-03-06T18:09:00-07:00>",
       "", "2026-03-06T18:09:00-07:00", "", "html-meta"},
      {"utc stamp near midnight, local day printed",
       "<meta property=article:published_time content=2026-03-06T23:00:00Z>",
       "<span class=date>7 March 2026</span>", "2026-03-07", "", "html-meta"},
      // The JSON-LD date of the page's own article, not of the work it cites, and the
      // modification date kept apart.
      {"json-ld main entity",
       "<link rel=canonical href='https://herald.example/talks'>"
       "<script type='application/ld+json'>{\"@graph\": ["
       "{\"@type\": \"NewsArticle\", \"url\": \"https://herald.example/other\","
       " \"datePublished\": \"2025-01-01\"},"
       "{\"@type\": \"NewsArticle\", \"url\": \"https://herald.example/talks/\","
       " \"datePublished\": \"2026-03-06T09:00:00+01:00\", \"dateModified\": \"2026-03-08\","
       " \"citation\": {\"@type\": \"ScholarlyArticle\", \"datePublished\": \"2019-05-05\"}}]}"
       "</script>",
       "", "2026-03-06T09:00:00+01:00", "2026-03-08", "json-ld"},
      {"a date line above the story", "", "<div class=meta>Jane Doe / 06.03.2026 / 09:30</div>",
       "2026-03-06T09:30:00", "", "html-text"},
      {"the URL's date", "<link rel=canonical href='https://herald.example/2026/03/06/talks'>", "",
       "2026-03-06", "", "url"},
  };
  for (const auto& c : kCases) {
    Document doc =
        read("<html><head>" + c.head + "</head><body>" + c.body + kBody + "</body></html>");
    EXPECT_EQ(doc.meta.published, c.published) << c.name;
    EXPECT_EQ(doc.meta.modified, c.modified) << c.name;
    EXPECT_EQ(provenance_of(doc.meta, "published"), c.source) << c.name;
  }
}

TEST(HtmlMeta, ChoosesTheTitleByAgreementAndNamesPeopleAsAuthors) {
  static const struct {
    const char* name;
    std::string head;
    std::string before;  // markup before the article
    const char* title;
    const char* byline;
  } kCases[] = {
      {"h1 repeated by og:title and <title>",
       "<title>Harbour talks resume | Business | Coastal Herald</title>"
       "<meta property=og:title content='Harbour talks resume - Coastal Herald'>",
       "", "Harbour talks resume", ""},
      {"a logo in <h1> is not the headline",
       "<title>Harbour talks resume | Coastal Herald</title>"
       "<meta property=og:site_name content='Coastal Herald'>",
       "<header><h1>Coastal Herald</h1></header>", "Harbour talks resume", ""},
      {"no agreement: <title>, site name stripped",
       "<title>Talks restart at the port | Coastal Herald</title>", "", "Talks restart at the port",
       ""},
      {"og:title without agreement, site name stripped",
       "<meta property=og:title content='Talks restart at the port | Coastal Herald'>"
       "<meta property=og:site_name content='Coastal Herald'>",
       "<h1>Coastal Herald</h1>", "Talks restart at the port", ""},
      {"people before desks",
       "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": ["
       "{\"@type\": \"Organization\", \"name\": \"Herald Staff\"},"
       "{\"@type\": \"Person\", \"name\": \"Ana Lima\"}]}</script>",
       "", "Harbour talks resume", "Ana Lima"},
      {"a desk when that is all", "<meta name=author content='Agencies'>", "",
       "Harbour talks resume", "Agencies"},
      {"the outlet is not an author",
       "<meta name=author content='Coastal Herald'><meta property=og:site_name "
       "content='Coastal Herald'>",
       "<p class=byline>By Tim Reyes</p>", "Harbour talks resume", "Tim Reyes"},
  };
  for (const auto& c : kCases) {
    Document doc =
        read("<html><head>" + c.head + "</head><body>" + c.before + kBody + "</body></html>");
    EXPECT_EQ(doc.meta.title, c.title) << c.name;
    EXPECT_EQ(doc.meta.byline, c.byline) << c.name;
  }
}

}  // namespace
}  // namespace dateline::ingest::html
