// SPDX-License-Identifier: Apache-2.0
// Statements are dated by the time expression that governs their cue, not by one inside the
// reported words; with neither, by the publication date. Runs the whole pipeline on sentences
// written for this test, published on Friday 2026-03-06.
#include <gtest/gtest.h>

#include "dateline/pipeline.h"
#include "dateline/reader.h"

namespace dateline {
namespace {

TEST(StatementDates, CueTimeOrPublication) {
  static const struct {
    const char* text;
    const char* date;
    DateSource source;
  } kCases[] = {
      {"Mayor Lena Park said on Thursday that the bridge would reopen in the summer.\n",
       "2026-03-05", DateSource::kExpression},
      {"Mayor Lena Park said that the bridge would reopen on Monday.\n", "2026-03-06",
       DateSource::kPublication},
      {"Mayor Lena Park said that the bridge would reopen soon.\n", "2026-03-06",
       DateSource::kPublication},
  };
  auto pipeline = Pipeline::create({});
  ASSERT_TRUE(pipeline.ok()) << pipeline.status().to_string();
  ReaderOptions reader;
  reader.default_published = "2026-03-06";
  for (const auto& c : kCases) {
    std::vector<Document> docs;
    read_article_bytes(c.text, "case.txt", "text/plain", reader,
                       [&](Document&& d) { docs.push_back(std::move(d)); },
                       [](const Status& s) { FAIL() << s.to_string(); });
    ASSERT_EQ(docs.size(), 1u);
    ASSERT_TRUE(pipeline->process(docs[0]).ok());
    ASSERT_EQ(docs[0].quotes.size(), 1u) << c.text;
    const Quote& q = docs[0].quotes[0];
    EXPECT_EQ(q.date, c.date) << c.text;
    EXPECT_EQ(q.date_source, c.source) << c.text;
  }
}

}  // namespace
}  // namespace dateline
