// SPDX-License-Identifier: Apache-2.0
#include "ingest/html_content.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/html_page.h"

namespace dateline::ingest::html {
namespace {

// Prose for the pages below (written for these tests).
constexpr const char* kP1 =
    "Talks between the port authority and the dockers' union resumed on Friday in the harbour "
    "master's office, the first meeting since the strike began two weeks ago.";
constexpr const char* kP2 =
    "The union's secretary said members would keep their overtime ban in place until an "
    "agreement is signed, and that a ballot on the offer could be held within a week.";
constexpr const char* kP3 =
    "Shipping lines have diverted eleven vessels to other ports since the strike began, and "
    "the chamber of commerce puts the cost to local firms at several million a week.";

std::string p(const char* text) { return std::string("<p>") + text + "</p>"; }

struct Case {
  const char* name;
  std::string html;
  std::vector<std::string> kept;
  std::vector<std::string> dropped;
};

TEST(HtmlContent, FindsTheStoryAndLeavesTheFurniture) {
  const std::string story = p(kP1) + p(kP2) + p(kP3);
  const Case kCases[] = {
      {"a body classed as furniture is a wrapper, not furniture",
       "<body class='cookies-not-set menu-open has-sidebar'><div class='page'>" + story +
           "</div><div class='sidebar'><ul><li><a href=/a>Other story one</a></li>"
           "<li><a href=/b>Other story two</a></li></ul></div></body>",
       {kP1, kP3},
       {"Other story"}},
      {"a small <article> photo box does not beat the story in role=main",
       "<body><article class='photo'><p>Photo: the quay at dawn.</p></article>"
       "<div role='main'>" +
           story + "</div></body>",
       {kP1, kP2, kP3},
       {"the quay at dawn"}},
      {"skip link, cookie banner and footer are not the story",
       "<body><a href='#main'>Skip to main content</a><div id='cookie-consent'><p>We use "
       "cookies to give you the best experience on our website. By continuing to browse you "
       "agree to our use of cookies.</p></div><div id='main'>" +
           story +
           "</div><footer><p>The Coastal Herald is published by Coastal Media Ltd, registered "
           "in England, company number 01234567, at 1 Quay Street.</p></footer></body>",
       {kP1, kP2, kP3},
       {"Skip to main", "We use cookies", "Coastal Media Ltd"}},
      {"an unclosed element in <noscript> swallows the page; the story is still read",
       "<body><noscript><div id='nojs'></noscript>" + story + "<noscript></div></noscript></body>",
       {kP1, kP3},
       {}},
      {"link lists and share bars go; prose with links stays",
       "<body><article>" + story +
           "<p>The <a href=/a>port authority</a> and the <a href=/u>union</a> have met <a "
           "href=/m>three times</a> this year, each time <a href=/t>without an agreement</a> "
           "on <a href=/w>pay</a>.</p><ul class='share-bar'><li><a href=/f>Facebook</a></li>"
           "<li><a href=/x>Email</a></li></ul><ul><li><a href=/1>Most read: tides</a></li>"
           "<li><a href=/2>Most read: ferries</a></li><li><a href=/3>Most read: "
           "weather</a></li></ul></article></body>",
       {kP1, "have met three times this year"},
       {"Facebook", "Most read"}},
      {"a forum thread, all of it in comment elements, is read",
       "<body><div class='comments'><div class='comment'>" + p(kP1) +
           "</div><div class='comment'>" + p(kP2) + "</div></div></body>",
       {kP1, kP2},
       {}},
      {"the standfirst above the story and headings inside it are kept; a trailing one is not",
       "<body><header><a href=/>The Coastal Herald</a></header><main><header>"
       "<h1>Harbour talks resume</h1><p class='lead'>The two sides met for the first time "
       "since the strike began, and both said they hoped to settle before Easter.</p></header>"
       "<div class='article-body'>" +
           p(kP1) + "<h2>What comes next</h2>" + p(kP2) + p(kP3) +
           "<h3>More from the harbour</h3></div></main></body>",
       {"hoped to settle before Easter", "What comes next", kP3},
       {"More from the harbour", "The Coastal Herald"}},
      {"short list items between paragraphs are kept, a short line after the story is not",
       "<body><div class='entry-content'>" + p(kP1) +
           "<ul><li>Pay rise of four per cent</li><li>No compulsory overtime</li></ul>" + p(kP2) +
           "</div><div><p>Tags</p></div></body>",
       {"Pay rise of four per cent", "No compulsory overtime"},
       {"Tags"}},
  };
  for (const Case& c : kCases) {
    const PageModel page = parse_page(c.html, 256);
    const ArticleText a = extract_article(page, "");
    for (const std::string& k : c.kept) {
      EXPECT_NE(a.text.find(k), std::string::npos) << c.name << ": missing \"" << k << "\" in\n"
                                                   << a.text;
    }
    for (const std::string& d : c.dropped) {
      EXPECT_EQ(a.text.find(d), std::string::npos) << c.name << ": kept \"" << d << "\" in\n"
                                                   << a.text;
    }
  }
}

TEST(HtmlContent, FallsBackWhenNoBlockReadsAsProse) {
  // JSON-LD articleBody when the markup has no prose.
  PageModel page = parse_page("<body><div id='app'>Loading</div></body>", 256);
  ArticleText a = extract_article(page, "The council met on Tuesday.");
  EXPECT_EQ(a.text, "The council met on Tuesday.");
  EXPECT_STREQ(a.source, "json-ld");
  // A brief notice of short sentences.
  page = parse_page(
      "<body><nav><a href=/>Home</a></nav><div><p>Closed today.</p>"
      "<p>Open again on Monday.</p></div></body>",
      256);
  a = extract_article(page, "");
  EXPECT_EQ(a.text, "Closed today.\n\nOpen again on Monday.");
  EXPECT_STREQ(a.source, "short-text");
  // Nothing outside furniture: nothing.
  page = parse_page("<body><nav><ul><li><a href=/>Home</a></li></ul></nav></body>", 256);
  EXPECT_EQ(extract_article(page, "").text, "");
}

TEST(HtmlContent, MarksEvidenceAndFurnitureInThePageModel) {
  const PageModel page = parse_page(
      "<body><div class='socialShare-bar'>x</div><div itemprop='articleBody'>y</div>"
      "<div class='field--label-hidden'>z</div><main>w</main><p hidden>h</p></body>",
      256);
  ASSERT_GE(page.elements.size(), 7u);
  auto flags_of = [&](char text) {
    for (const Block& b : page.blocks) {
      if (page.block_text(b) == std::string(1, text)) return page.elements[b.element].flags;
    }
    return ~0u;
  };
  EXPECT_TRUE(flags_of('x') & kFurnitureClass);
  EXPECT_TRUE(flags_of('y') & kArticleBody);
  EXPECT_FALSE(flags_of('z') & kFurnitureClass);  // a hidden label, not a hidden field
  EXPECT_TRUE(flags_of('w') & kMainTag);
  EXPECT_TRUE(flags_of('h') & kHidden);
  EXPECT_EQ(class_words("socialShare-bar_main"),
            (std::vector<std::string>{"social", "share", "bar", "main"}));
}

}  // namespace
}  // namespace dateline::ingest::html
