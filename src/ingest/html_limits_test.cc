// SPDX-License-Identifier: Apache-2.0
#include "ingest/html_limits.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/reader.h"

namespace dateline::ingest {
namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HtmlLimits, DropsOnlyTheTagsNestedTooDeep) {
  static const struct {
    const char* markup;
    const char* want;    ///< "" when the markup must come back unchanged
    int64_t first_byte;  ///< offset of the first dropped tag, -1 when none is dropped
  } kCases[] = {
      // Within the limit of 3 (the limit used below): unchanged.
      {"<div><section><span>x</span></section></div>", "", -1},
      // One level too deep: the innermost tags go, their text stays.
      {"<div><div><div><div>x</div></div></div></div>", "<div><div><div>x</div></div></div>", 15},
      {"<DIV><Div><div><dIv>x</DIV></div></div></div>", "<DIV><Div><div>x</div></div></div>", 15},
      // Void elements and elements with optional end tags do not nest.
      {"<div><p>a<p>b<li>c<li>d<br><img src=x><hr><td>e<tr>f</div>", "", -1},
      {"<b><i><u><br><wbr><br></u></i></b>", "", -1},
      // Unclosed inline elements inside a closed block: the end tag pops them, no drift.
      {"<div><span><span></div><div><span><span></div><div>ok</div>", "", -1},
      // Stray end tags are ignored.
      {"</div></div></span><div>a</div>", "", -1},
      // Comments, declarations, script text and quoted '>' are not markup.
      {"<!doctype html><!-- <div><div><div><div> --><div title=\"<div>\">a</div>", "", -1},
      {"<script>if (a<b) document.write('<div><div><div><div>')</script><div>x</div>", "", -1},
      {"<style>div>div>div>div{}</style><title><div><div><div><div></title>t", "", -1},
      // In svg and math "/>" closes; in HTML it does not (<div/> opens a div).
      {"<svg><path/><path/><path/><path/><g><path/></g></svg>", "", -1},
      {"<div/><div/><div/><div/>x", "<div/><div/><div/>x", 18},
      // Unterminated constructs end at the end of the markup.
      {"<div><!-- never closed", "", -1},
      {"<div title=\"never closed", "", -1},
      {"a < b and c<", "", -1},
  };
  HtmlLimits limits;
  limits.max_depth = 3;
  for (const auto& c : kCases) {
    std::string markup = c.markup;
    std::vector<Diagnostic> diagnostics;
    ASSERT_TRUE(limit_html(markup, "page.html", &diagnostics, limits).ok()) << c.markup;
    EXPECT_EQ(markup, *c.want ? std::string(c.want) : std::string(c.markup)) << c.markup;
    if (c.first_byte < 0) {
      EXPECT_TRUE(diagnostics.empty()) << c.markup;
    } else {
      ASSERT_EQ(diagnostics.size(), 1u) << c.markup;
      EXPECT_EQ(diagnostics[0].code, "html_too_deep");
      EXPECT_EQ(diagnostics[0].byte, c.first_byte) << c.markup;
      EXPECT_NE(diagnostics[0].message.find("page.html: byte " + std::to_string(c.first_byte)),
                std::string::npos)
          << diagnostics[0].message;
    }
  }
}

TEST(HtmlLimits, RefusesPagesOverTheSizeLimit) {
  HtmlLimits limits;
  limits.max_bytes = 10;
  std::string markup = "<p>eleven b";
  std::vector<Diagnostic> diagnostics;
  Status s = limit_html(markup, "big.html", &diagnostics, limits);
  EXPECT_EQ(s.code(), ErrorCode::kBadInput);
  EXPECT_NE(s.message().find("big.html: HTML page of 11 bytes, over the limit of 10"),
            std::string::npos)
      << s.message();
}

// Issue #20, item 3: 100,000 nested <div> (1.1 MB) spent minutes in gumbo and then had "no
// article text". With the pre-parse limit the reader finds the paragraph at the bottom.
TEST(HtmlLimits, AHundredThousandNestedDivsAreReadQuickly) {
  const size_t depth = 100000;
  const std::string page = "<html><body>" + repeat("<div>", depth) +
                           "<p>Mayor Lena Park said the bridge would reopen in May.</p>" +
                           repeat("</div>", depth) + "</body></html>";
  int articles = 0;
  read_buffer(
      page, "deep.html", {},
      [&](Document&& doc) {
        ++articles;
        EXPECT_NE(doc.text.find("the bridge would reopen in May."), std::string::npos)
            << doc.text.substr(0, 200);
        bool reported = false;
        for (const Diagnostic& d : doc.diagnostics)
          reported = reported || d.code == "html_too_deep";
        EXPECT_TRUE(reported);
      },
      [](const Status& s) { ADD_FAILURE() << s.to_string(); }, InputFormat::kHtml);
  EXPECT_EQ(articles, 1);
}

}  // namespace
}  // namespace dateline::ingest
