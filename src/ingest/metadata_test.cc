// SPDX-License-Identifier: Apache-2.0
#include "ingest/metadata.h"

#include <gtest/gtest.h>

#include <string>

namespace dateline::ingest {
namespace {

// Paragraphs as the segmenter makes them: blank-line-separated blocks, or single lines when
// `by_line`; one sentence per paragraph (metadata does not depend on sentence splitting).
Document segmented(std::string text, bool by_line = false) {
  Document doc;
  doc.text = std::move(text);
  const std::string& t = doc.text;
  size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && (t[i] == '\n' || t[i] == ' ')) ++i;
    if (i >= t.size()) break;
    size_t end = by_line ? t.find('\n', i) : t.find("\n\n", i);
    if (end == std::string::npos) end = t.size();
    size_t e = end;
    while (e > i && (t[e - 1] == ' ' || t[e - 1] == '\n')) --e;
    uint32_t p = static_cast<uint32_t>(doc.paragraphs.size());
    doc.paragraphs.push_back({{uint32_t(i), uint32_t(e)}});
    Sentence s;
    s.span = {uint32_t(i), uint32_t(e)};
    s.paragraph = p;
    doc.sentences.push_back(s);
    i = end;
  }
  return doc;
}

struct MetaCase {
  const char* text;
  const char* title;
  const char* outlet;
  const char* published;
  const char* dateline;
  const char* byline;
};

void expect_meta(const MetaCase& c, const Document& doc) {
  EXPECT_EQ(doc.meta.title, c.title) << c.text;
  EXPECT_EQ(doc.meta.outlet, c.outlet) << c.text;
  EXPECT_EQ(doc.meta.published, c.published) << c.text;
  EXPECT_EQ(doc.meta.dateline, c.dateline) << c.text;
  EXPECT_EQ(doc.meta.byline, c.byline) << c.text;
}

TEST(CompleteMetadata, ReadsCreditCopyrightDatelineBylineAndTitle) {
  static const MetaCase kCases[] = {
      // Credit lines.
      {"KARACHI: The port reopened on Monday.\n\nPublished in Dawn, March 6th, 2026", "", "Dawn",
       "2026-03-06", "KARACHI", ""},
      {"The port reopened.\n\nThis article was originally published by The Harbour Review on "
       "6 March 2026.",
       "", "The Harbour Review", "2026-03-06", "", ""},
      {"The port reopened.\n\nFirst published on Mar. 6, 2026", "", "", "2026-03-06", "", ""},
      {"The port reopened.\n\nThis article first appeared in The Lantern.", "", "The Lantern", "",
       "", ""},
      // Copyright lines.
      {"The port reopened.\n\n\xC2\xA9 2025 Latin Times. All rights reserved.", "", "Latin Times",
       "2025", "", ""},
      {"The port reopened.\n\nCopyright 2024 The Foo Post", "", "The Foo Post", "2024", "", ""},
      {"The port reopened.\n\nCopyright \xC2\xA9 2019-2024 Foo Media Group, Inc.", "",
       "Foo Media Group", "2024", "", ""},
      {"The port reopened.\n\n\xC2\xA9 The Foo Post 2023", "", "The Foo Post", "2023", "", ""},
      // A credit line outranks a copyright line; the dateline agency comes last.
      {"LISBON (Meridian Wire) - Talks resumed.\n\nPublished in Dawn, March 6th, 2026\n\n"
       "\xC2\xA9 2025 Latin Times",
       "", "Dawn", "2026-03-06", "LISBON", ""},
      // Datelines.
      {"LISBON (Meridian Wire) - Talks resumed on Tuesday.", "", "Meridian Wire", "", "LISBON", ""},
      {"WASHINGTON (Reuters) - Talks resumed.", "", "Reuters", "", "WASHINGTON", ""},
      {"BEIRUT, Lebanon \xE2\x80\x94 Talks resumed.", "", "", "", "BEIRUT", ""},
      {"NEW YORK, March 6 (Reuters) - Shares fell.", "", "Reuters", "", "NEW YORK", ""},
      {"SAN JUAN, Puerto Rico (AP) \xE2\x80\x94 Power returned.", "", "AP", "", "SAN JUAN", ""},
      {"Washington (CNN) \xE2\x80\x94 Talks resumed.", "", "CNN", "", "Washington", ""},
      {"MIAMI \xE2\x80\x94 Talks resumed.", "", "", "", "MIAMI", ""},
      // Not datelines.
      {"BREAKING: Talks resumed.", "", "", "", "", ""},
      {"U.S. officials said talks resumed.", "", "", "", "", ""},
      {"White House officials said talks resumed.", "", "", "", "", ""},
      {"Note: talks resumed.", "", "", "", "", ""},
      {"Aug 27 (Reuters) - Shares fell.", "", "", "", "", ""},
      {"MAYFIELD, Ky. (AP) - Shares fell.", "", "AP", "", "MAYFIELD", ""},
      {"NATO-led forces withdrew.", "", "", "", "", ""},
      // Title and byline lines.
      {"Coastal states agree to joint patrols\n\nBy Jane Doe\n\nLISBON (Meridian Wire) - "
       "Talks resumed.",
       "Coastal states agree to joint patrols", "Meridian Wire", "", "LISBON", "Jane Doe"},
      {"By JANE DOE and Tim Lee, Associated Press\n\nTalks resumed.", "", "", "", "",
       "JANE DOE and Tim Lee"},
      {"By the time talks resumed, the port had closed.", "", "", "", "", ""},
      {"Talks resumed on Monday.\n\n(Reporting by Jane Doe in Lisbon; Editing by Tim Lee)", "", "",
       "", "", "Jane Doe"},
      // A date line under the title.
      {"Harbour reopens after strike\n\nFriday, 6 March 2026\n\nThe port reopened.",
       "Harbour reopens after strike", "", "2026-03-06", "", ""},
      {"WASHINGTON \xE2\x80\x95 Talks resumed.", "", "", "", "WASHINGTON", ""},
      {"HEMPSTEAD, N.Y., Sept. 26 (UPI) \xE2\x80\x94 Talks resumed.", "", "UPI", "", "HEMPSTEAD",
       ""},
      {"WASHINGTON -- Talks resumed.", "", "", "", "WASHINGTON", ""},
      // A standfirst between the title and the dateline.
      {"Bloc weighs joint patrols\n\nAfter the vote, the bloc aims to rely less on others.\n\n"
       "BRUSSELS - Leaders met on Friday.",
       "Bloc weighs joint patrols", "", "", "BRUSSELS", ""},
      // A first paragraph that ends like a sentence is not a title.
      {"The port reopened.\n\nShips queued.", "", "", "", "", ""},
  };
  for (const MetaCase& c : kCases) {
    Document doc = segmented(c.text);
    complete_metadata(doc);
    expect_meta(c, doc);
  }
}

TEST(CompleteMetadata, WorksWhenEachLineIsAParagraphAndWhenLinesShareOne) {
  static const char* kText =
      "\nThe envoy hinted at new measures against the networks.\n"
      "Speaking outside the ministry, the envoy said the plan was ready.\n"
      "\xC2\xA9 2025 Latin Times. All rights reserved. Do not reproduce without permission.";
  for (bool by_line : {true, false}) {
    Document doc = segmented(kText, by_line);
    complete_metadata(doc);
    EXPECT_EQ(doc.meta.outlet, "Latin Times");
    EXPECT_EQ(doc.meta.published, "2025");
    EXPECT_EQ(doc.meta.dateline, "");
    EXPECT_EQ(doc.meta.title, "");
    EXPECT_EQ(doc.paragraphs.back().boilerplate, by_line);
  }
}

TEST(CompleteMetadata, MarksBoilerplateParagraphsAndTheirSentences) {
  Document doc = segmented(
      "Talks resumed.\n\nRead more: Port strike ends\n\nShips queued.\n\n"
      "Follow us on Twitter and Facebook\n\nSubscribe to our newsletter\n\n"
      "Published in Dawn, March 6th, 2026");
  complete_metadata(doc);
  std::vector<bool> boiler;
  for (const Paragraph& p : doc.paragraphs) boiler.push_back(p.boilerplate);
  EXPECT_EQ(boiler, (std::vector<bool>{false, true, false, true, true, true}));
  for (const Sentence& s : doc.sentences) {
    EXPECT_EQ(s.boilerplate, doc.paragraphs[s.paragraph].boilerplate);
  }
}

TEST(CompleteMetadata, SentencesInsideABoilerplateLineAreMarkedEvenInAMixedParagraph) {
  Document doc;
  doc.text = "Ships queued.\nRead more: Port strike ends";
  doc.paragraphs.push_back({{0, uint32_t(doc.text.size())}});
  Sentence a, b;
  a.span = {0, 13};
  b.span = {14, uint32_t(doc.text.size())};
  doc.sentences = {a, b};
  complete_metadata(doc);
  EXPECT_FALSE(doc.paragraphs[0].boilerplate);
  EXPECT_FALSE(doc.sentences[0].boilerplate);
  EXPECT_TRUE(doc.sentences[1].boilerplate);
}

TEST(CompleteMetadata, AFirstLineRepeatingTheGivenTitleIsNotTheDatelineParagraph) {
  Document doc = segmented(
      "Talks resume after the strike.\n\nLISBON (AP) \xE2\x80\x94 Talks resumed.\n\n"
      "\"Follow Jane Doe on Twitter @janedoe.\"\n\nEditor\xE2\x80\x99s note: this is a note.");
  set_meta(doc.meta, "title", "Talks resume after the strike", "input");  // no full stop
  complete_metadata(doc);
  EXPECT_EQ(doc.meta.dateline, "LISBON");
  EXPECT_EQ(doc.meta.outlet, "AP");
  EXPECT_EQ(provenance_of(doc.meta, "title"), "input");
  std::vector<bool> boiler;
  for (const Paragraph& p : doc.paragraphs) boiler.push_back(p.boilerplate);
  EXPECT_EQ(boiler, (std::vector<bool>{false, false, true, true}));
}

TEST(CompleteMetadata, KeepsGivenFieldsButReplacesTheDefaultDate) {
  Document doc = segmented("Talks resumed.\n\nPublished in Dawn, March 6th, 2026");
  set_meta(doc.meta, "outlet", "The Given Times", "input");
  set_meta(doc.meta, "published", "2020-01-01", "default");
  complete_metadata(doc);
  EXPECT_EQ(doc.meta.outlet, "The Given Times");
  EXPECT_EQ(provenance_of(doc.meta, "outlet"), "input");
  EXPECT_EQ(doc.meta.published, "2026-03-06");
  EXPECT_EQ(provenance_of(doc.meta, "published"), "credit-line");
  // One provenance entry per field.
  EXPECT_EQ(doc.meta.provenance.size(), 2u);
}

TEST(CompleteMetadata, DefaultDateStaysWhenTheTextStatesNone) {
  Document doc = segmented("Talks resumed.");
  set_meta(doc.meta, "published", "2020-01-01", "default");
  complete_metadata(doc);
  EXPECT_EQ(doc.meta.published, "2020-01-01");
  EXPECT_EQ(provenance_of(doc.meta, "published"), "default");
}

TEST(CompleteMetadata, HandlesEmptyAndUnsegmentedDocuments) {
  Document empty;
  complete_metadata(empty);
  EXPECT_TRUE(empty.meta.provenance.empty());
  Document raw;
  raw.text = "MIAMI: Talks resumed.\n\nPublished in Dawn, March 6th, 2026";
  complete_metadata(raw);  // no paragraphs: fields are still read from the lines
  EXPECT_EQ(raw.meta.outlet, "Dawn");
  EXPECT_EQ(raw.meta.dateline, "MIAMI");
}

}  // namespace
}  // namespace dateline::ingest
