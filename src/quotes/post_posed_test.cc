// SPDX-License-Identifier: Apache-2.0
// The parts of the post-posed completion on sentences written for the test, with the spans
// a tagger would have produced and a parse reduced to POS tags (test_util.h tag_verbs).
#include "quotes/post_posed.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "quotes/test_util.h"

namespace dateline::quotes {
namespace {

struct Fixture {
  Document doc;
  WordView view;
  std::vector<QuoteRegion> regions;
  std::vector<bool> taken;
  std::vector<WordAttribution> found;

  // One attribution with `source` and `cue`, and optionally another with `other_cue` and
  // `other_content` before it (found[0]; the first is then found[1]).
  Fixture(const std::string& text, const std::vector<std::string>& verbs, const std::string& source,
          const std::string& cue, const std::string& other_cue = "",
          const std::string& other_content = "")
      : doc(whitespace_document(text)) {
    tag_verbs(doc, verbs);
    view = build_word_view(doc);
    regions = pair_quote_marks(view, doc.text);
    if (!other_cue.empty()) {
      WordAttribution other;
      std::tie(other.cue_begin, other.cue_end) = words_of(doc, view, other_cue);
      other.content.push_back(words_of(doc, view, other_content));
      found.push_back(other);
    }
    WordAttribution a;
    std::tie(a.cue_begin, a.cue_end) = words_of(doc, view, cue);
    std::tie(a.source_begin, a.source_end) = words_of(doc, view, source);
    found.push_back(a);
    taken.assign(view.words.size(), false);
    for (const WordAttribution& x : found) {
      for (uint32_t i = x.source_begin; i < x.source_end; ++i) taken[i] = true;
      for (uint32_t i = x.cue_begin; i < x.cue_end; ++i) taken[i] = true;
      for (const auto& [b, e] : x.content) {
        for (uint32_t i = b; i < e; ++i) taken[i] = true;
      }
    }
  }
  std::string text(uint32_t b, uint32_t e) const {
    if (e <= b) return "";
    return doc.text.substr(view.words[b].span.begin,
                           view.words[e - 1].span.end - view.words[b].span.begin);
  }
  // The end of the attribution's source and cue, and the word before them.
  uint32_t last() const { return std::max(found.back().cue_end, found.back().source_end); }
  uint32_t pre() const {
    const WordAttribution& a = found.back();
    return std::min(a.cue_begin, a.has_source() ? a.source_begin : a.cue_begin) - 1;
  }
  uint32_t sentence() const { return view.words[found.back().cue_begin].sentence; }
};

TEST(PostPosed, WhatFollowsSourceAndCue) {
  struct Case {
    const char* text;
    std::vector<std::string> verbs;
    const char* source;
    const char* cue;
    bool usable, interposed;
    const char* tail;
  };
  const Case cases[] = {
      {"The dam is safe, said Berg.", {"is", "said"}, "Berg", "said", true, false, ""},
      {"The dam is safe, Berg told reporters on Monday.",
       {"is", "told"},
       "Berg",
       "told",
       true,
       false,
       ""},
      {"The museum, Mr. Bush said, celebrated several of his heroes.",
       {"said", "celebrated"},
       "Mr. Bush",
       "said",
       true,
       true,
       "celebrated several of his heroes"},
      {"The vote, Novak said, looking at the crowd.",
       {"said", "looking"},
       "Novak",
       "said",
       true,
       false,
       ""},
      {"The plan failed, Berg said yesterday when he arrived.",
       {"failed", "said", "arrived"},
       "Berg",
       "said",
       false,
       false,
       ""},
      {"The plan failed, Berg said, \xE2\x80\x9C"
       "and it will fail again.\xE2\x80\x9D",
       {"failed", "said", "fail"},
       "Berg",
       "said",
       false,
       false,
       ""},
      {"The museum, Bush said, closed.", {"said", "closed"}, "Bush", "said", false, false, ""},
  };
  for (const Case& c : cases) {
    Fixture f(c.text, c.verbs, c.source, c.cue);
    PostPosedCompletion completion(f.doc, f.view, f.regions, f.taken, f.found);
    const auto after = completion.following(f.sentence(), f.last());
    EXPECT_EQ(after.usable, c.usable) << c.text;
    EXPECT_EQ(after.interposed, c.interposed) << c.text;
    EXPECT_EQ(f.text(after.tail.first, after.tail.second), c.tail) << c.text;
  }
}

TEST(PostPosed, ContentBeforeSourceAndCue) {
  struct Case {
    const char* text;
    const char* source;
    const char* cue;
    bool interposed;
    const char* content;
  };
  const Case cases[] = {
      {"The dam is safe, said Berg.", "Berg", "said", false, "The dam is safe"},
      {"Officials agree. The dam is safe, Berg said.", "Berg", "said", false, "The dam is safe"},
      {"\xE2\x80\x9CWhy is the dam shut?\xE2\x80\x9D Berg asked.", "Berg", "asked", false,
       "\xE2\x80\x9CWhy is the dam shut?\xE2\x80\x9D"},
      {"\xE2\x80\x9CWhy is the dam shut?\xE2\x80\x9D Berg asked, raising a hand.", "Berg", "asked",
       true, ""},  // an interposed cue never takes a quotation before it
      {"The dam is safe and Berg said so.", "Berg", "said", false, ""},
  };
  for (const Case& c : cases) {
    Fixture f(c.text, {}, c.source, c.cue);
    PostPosedCompletion completion(f.doc, f.view, f.regions, f.taken, f.found);
    const auto before =
        completion.content_before(f.found.size() - 1, f.sentence(), f.pre(), c.interposed);
    EXPECT_EQ(f.text(before.begin, before.end), c.content) << c.text;
    EXPECT_TRUE(before.absorbed.empty()) << c.text;
  }
}

// An attribution wholly inside the clause before the comma is absorbed by the post-posed
// one; one whose content runs past the comma is not.
TEST(PostPosed, AbsorbsAttributionsInsideTheClause) {
  Fixture f("The ministry said the port would close, two officials told the paper.", {},
            "two officials", "told", "said", "the port would close");
  PostPosedCompletion completion(f.doc, f.view, f.regions, f.taken, f.found);
  const auto before = completion.content_before(1, f.sentence(), f.pre(), false);
  EXPECT_EQ(f.text(before.begin, before.end), "The ministry said the port would close");
  EXPECT_EQ(before.absorbed, (std::vector<size_t>{0}));
  EXPECT_TRUE(completion.commit(1, before, {0, 0}));
  EXPECT_TRUE(f.found[0].content.empty());
  EXPECT_FALSE(f.found[0].has_cue());
  EXPECT_EQ(f.text(f.found[1].content[0].first, f.found[1].content[0].second),
            "The ministry said the port would close");
}

// A sourceless cue after ", <noun phrase>" that closes the sentence takes the noun phrase
// from the end of the content before it, which then stops at the comma.
TEST(PostPosed, TakesThePostPosedSourceBackFromAContent) {
  struct Case {
    const char* text;
    std::vector<std::string> verbs;
    const char* other_content;
    bool taken;
    const char* source;
    const char* other_after;
  };
  const Case cases[] = {
      {"Washington delivered demands that Mexico must act, three people familiar with the "
       "talks told the outlet.",
       {"delivered", "act", "told"},
       "that Mexico must act, three people familiar with the talks",
       true,
       "three people familiar with the talks",
       "that Mexico must act"},
      // A verb after the cue: a clause, not a post-posed source.
      {"Washington delivered demands that Mexico must act, three officials told the outlet it "
       "would.",
       {"delivered", "act", "told", "would"},
       "that Mexico must act, three officials",
       false,
       "",
       "that Mexico must act, three officials"},
      // A verb among the words before the cue: no noun phrase.
      {"Washington delivered demands that Mexico must act, officials who met told the outlet.",
       {"delivered", "act", "met", "told"},
       "that Mexico must act, officials who met",
       false,
       "",
       "that Mexico must act, officials who met"},
  };
  for (const Case& c : cases) {
    Fixture f(c.text, c.verbs, "", "told", "demands", c.other_content);
    PostPosedCompletion completion(f.doc, f.view, f.regions, f.taken, f.found);
    EXPECT_EQ(completion.take_source(1), c.taken) << c.text;
    EXPECT_EQ(f.text(f.found[1].source_begin, f.found[1].source_end), c.source) << c.text;
    EXPECT_EQ(f.text(f.found[0].content[0].first, f.found[0].content[0].second), c.other_after)
        << c.text;
  }
}

TEST(PostPosed, QuotationAfterAColon) {
  struct Case {
    const char* text;
    const char* source;
    const char* cue;
    const char* content;
  };
  const Case cases[] = {
      {"Said Ellis: \xE2\x80\x9CI do not see any interest in reform.\xE2\x80\x9D", "Ellis", "Said",
       "\xE2\x80\x9CI do not see any interest in reform.\xE2\x80\x9D"},
      {"Said Ellis: reform is dead.", "Ellis", "Said", ""},                         // no quotation
      {"Said Ellis \xE2\x80\x9Creform is dead.\xE2\x80\x9D", "Ellis", "Said", ""},  // no colon
  };
  for (const Case& c : cases) {
    Fixture f(c.text, {}, c.source, c.cue);
    PostPosedCompletion completion(f.doc, f.view, f.regions, f.taken, f.found);
    EXPECT_EQ(completion.take_quotation_after_colon(0, f.last()), *c.content != 0) << c.text;
    const auto& content = f.found[0].content;
    EXPECT_EQ(content.empty() ? "" : f.text(content[0].first, content[0].second), c.content)
        << c.text;
  }
}

}  // namespace
}  // namespace dateline::quotes
