// SPDX-License-Identifier: Apache-2.0
// The rule path of AttributionFinder (no model): cue detection, content span boundaries,
// kinds, speaker continuation, anonymous sources and addressees, on sentences written for
// these tests.
#include "quotes/attribution_finder.h"

#include <algorithm>
#include <cctype>
#include <tuple>

#include <gtest/gtest.h>

#include "quotes/test_util.h"

namespace dateline::quotes {
namespace {

AttributionFinder rule_finder() {
  auto lex = CueLexicon::load(std::string(DL_SOURCE_DIR) + "/data/lexicons/attribution.tsv");
  EXPECT_TRUE(lex.ok()) << lex.status().to_string();
  return AttributionFinder::from(std::move(lex.value()), nullptr, {});
}

struct Expected {
  const char* kind;
  const char* speaker;  // Speaker::text (or the inherited name)
  const char* cue;
  const char* content;  // fragments joined by " | "
};

std::string content_of(const Document& doc, const Quote& q) {
  std::string s;
  for (const Span& f : q.content) {
    if (!s.empty()) s += " | ";
    s += doc.slice(f);
  }
  return s;
}

TEST(AttributionFinder, RulesFindQuotationsAndReportedSpeech) {
  static const struct {
    const char* text;
    std::vector<Expected> quotes;
  } kCases[] = {
      {"The mayor said the bridge would reopen in May.",
       {{"indirect", "The mayor", "said", "the bridge would reopen in May"}}},
      {"Officials told reporters that the talks had stalled.",
       {{"indirect", "Officials", "told", "the talks had stalled"}}},
      {"\xE2\x80\x9CWe will rebuild the bridge,\xE2\x80\x9D Jana Novak said.",
       {{"direct", "Jana Novak", "said", "\xE2\x80\x9CWe will rebuild the bridge,\xE2\x80\x9D"}}},
      {"\"The budget is not enough,\" said Tomas Berg.",
       {{"direct", "Tomas Berg", "said", "\"The budget is not enough,\""}}},
      {"Novak said: \xE2\x80\x9CThe river has never been this high.\xE2\x80\x9D",
       {{"direct", "Novak", "said",
         "\xE2\x80\x9CThe river has never been this high.\xE2\x80\x9D"}}},
      // A one-word scare quote does not make it mixed.
      {"Berg said the plan was a \"mistake\" from the start.",
       {{"indirect", "Berg", "said", "the plan was a \"mistake\" from the start"}}},
      {"According to the ministry, the dam is safe.",
       {{"indirect", "the ministry", "According to", "the dam is safe"}}},
      {"The dam is safe, according to engineers.",
       {{"indirect", "engineers", "according to", "The dam is safe"}}},
      {"As reported by the Daily Courier, the mayor will resign.",
       {{"indirect", "the Daily Courier", "As reported by", "the mayor will resign"}}},
      // No cue, no attribution; a short title in quotes is not a quotation.
      {"The bridge opened in May after the \"Big River\" festival.", {}},
      {"The minister believes the tax will pass.",
       {{"indirect", "The minister", "believes", "the tax will pass"}}},
  };
  AttributionFinder finder = rule_finder();
  for (const auto& c : kCases) {
    Document doc = whitespace_document(c.text);
    ASSERT_TRUE(finder.annotate(doc).ok());
    ASSERT_EQ(doc.quotes.size(), c.quotes.size()) << c.text;
    for (size_t i = 0; i < c.quotes.size(); ++i) {
      const Quote& q = doc.quotes[i];
      const Expected& e = c.quotes[i];
      EXPECT_STREQ(to_string(q.kind), e.kind) << c.text;
      const std::string speaker =
          q.speaker.span.empty() ? q.speaker.text : std::string(doc.slice(q.speaker.span));
      EXPECT_EQ(speaker, e.speaker) << c.text;
      EXPECT_EQ(std::string(doc.slice(q.cue)), e.cue) << c.text;
      EXPECT_EQ(content_of(doc, q), e.content) << c.text;
    }
  }
}

TEST(AttributionFinder, ModeAddresseeAndAnonymousSources) {
  static const struct {
    const char* text;
    const char* mode;
    const char* addressee;
    bool anonymous;
  } kCases[] = {
      {"The minister believes the tax will pass.", "thought", "", false},
      {"Jana Novak told local farmers that the dam would hold.", "speech", "local farmers", false},
      {"Two people familiar with the talks said the deal was close.", "speech", "", true},
      {"Senior officials said the deal was close.", "speech", "", true},
      {"A source familiar with the talks said the deal was close.", "speech", "", true},
      {"Two Ministry officials said the deal was close.", "speech", "", false},
  };
  AttributionFinder finder = rule_finder();
  for (const auto& c : kCases) {
    Document doc = whitespace_document(c.text);
    ASSERT_TRUE(finder.annotate(doc).ok());
    ASSERT_EQ(doc.quotes.size(), 1u) << c.text;
    const Quote& q = doc.quotes[0];
    EXPECT_STREQ(to_string(q.mode), c.mode) << c.text;
    EXPECT_EQ(std::string(doc.slice(q.addressee)), c.addressee) << c.text;
    EXPECT_EQ(q.speaker.anonymous, c.anonymous) << c.text;
    if (c.anonymous) {
      EXPECT_EQ(q.speaker.description, q.speaker.text) << c.text;
    }
  }
}

TEST(AttributionFinder, MergesAQuotationOverParagraphs) {
  Document doc = whitespace_document(
      "\xE2\x80\x9CWe start the repairs today,\xE2\x80\x9D Novak said. \xE2\x80\x9CThe first crews "
      "are already there.\n"
      "\xE2\x80\x9CThe second crews arrive on Monday with the pumps.\xE2\x80\x9D");
  AttributionFinder finder = rule_finder();
  ASSERT_TRUE(finder.annotate(doc).ok());
  ASSERT_EQ(doc.quotes.size(), 2u);
  EXPECT_EQ(doc.quotes[1].content.size(), 2u);  // one quote, two paragraphs
  EXPECT_EQ(doc.quotes[1].speaker.text, "Novak");
}

// A capitalised word that only modifies the source's noun is no surname to complete from an
// earlier "Xxx Yyy" pair of the article: the group is named by its phrase.
TEST(AttributionFinder, GroupSourceIsNamedByItsPhrase) {
  Document doc = whitespace_document(
      "Nine Peruvian trawlers were fined on Monday . The Peruvian ministry said that the fines "
      "would stand .");
  AttributionFinder finder = rule_finder();
  ASSERT_TRUE(finder.annotate(doc).ok());
  ASSERT_EQ(doc.quotes.size(), 1u);
  EXPECT_EQ(doc.quotes[0].speaker.name, "Peruvian ministry");
  EXPECT_EQ(doc.quotes[0].speaker.text, "The Peruvian ministry");
}

// The completion of the tagger's attributions (step 3 of attribution_finder.cc), given
// the spans a tagger would have produced. `verbs` lists the words a parse would tag VERB
// (a "-ing" form is tagged VBG); with none the document has no parse.
TEST(AttributionFinder, CompletesPostPosedAndInterposedSources) {
  static const struct {
    const char* text;
    const char* source;         // tagged source ("" = none)
    const char* cue;            // tagged cue
    const char* other_cue;      // another tagged attribution in the text ("" = none)
    const char* other_content;  // its content
    std::vector<std::string> verbs;
    const char* want_source;
    const char* want_content;  // fragments joined by " | "; "" = none found
  } kCases[] = {
      // Post-posed anonymous source, read by the tagger as the end of another content.
      {"Washington delivered demands that Mexico must act, three people familiar with the "
       "talks told the outlet.",
       "",
       "told",
       "demands",
       "that Mexico must act, three people familiar with the talks",
       {"delivered", "act", "told"},
       "three people familiar with the talks",
       "Washington delivered demands that Mexico must act"},
      // The same construction with no parse and no competing span.
      {"The council will close the bridge in May, two engineers told the paper on Monday.",
       "two engineers",
       "told",
       "",
       "",
       {},
       "two engineers",
       "The council will close the bridge in May"},
      {"The dam is safe, said Tomas Berg, the chief engineer.",
       "Tomas Berg",
       "said",
       "",
       "",
       {},
       "Tomas Berg",
       "The dam is safe"},
      // A quotation closed right before the source keeps its marks and punctuation.
      {"\xE2\x80\x9CWhy is the bank too big to manage?\xE2\x80\x9D Vitter demanded.",
       "Vitter",
       "demanded",
       "",
       "",
       {"is", "manage", "demanded"},
       "Vitter",
       "\xE2\x80\x9CWhy is the bank too big to manage?\xE2\x80\x9D"},
      {"\xE2\x80\x9CWe won the vote,\xE2\x80\x9D Novak said, looking at the crowd.",
       "Novak",
       "said",
       "",
       "",
       {"won", "said", "looking"},
       "Novak",
       "\xE2\x80\x9CWe won the vote,\xE2\x80\x9D"},
      // Interposed: the clause after the second comma is the content's second fragment.
      {"The museum, Mr. Bush said, celebrated several of his heroes.",
       "Mr. Bush",
       "said",
       "",
       "",
       {"said", "celebrated"},
       "Mr. Bush",
       "The museum | celebrated several of his heroes"},
      // A colon introduces the quotation.
      {"Said Ellis: \xE2\x80\x9CI do not see any interest in reform.\xE2\x80\x9D",
       "Ellis",
       "Said",
       "",
       "",
       {},
       "Ellis",
       "\xE2\x80\x9CI do not see any interest in reform.\xE2\x80\x9D"},
      // A clause that goes on after the cue is not this construction.
      {"The plan failed, Berg said yesterday when he arrived.",
       "Berg",
       "said",
       "",
       "",
       {"failed", "said", "arrived"},
       "Berg",
       ""},
  };
  auto lex = CueLexicon::load(std::string(DL_SOURCE_DIR) + "/data/lexicons/attribution.tsv");
  ASSERT_TRUE(lex.ok()) << lex.status().to_string();
  for (const auto& c : kCases) {
    Document doc = whitespace_document(c.text);
    tag_verbs(doc, c.verbs);
    WordView view = build_word_view(doc);
    std::vector<QuoteRegion> regions = pair_quote_marks(view, doc.text);
    std::vector<WordAttribution> found(1);
    std::tie(found[0].cue_begin, found[0].cue_end) = words_of(doc, view, c.cue);
    std::tie(found[0].source_begin, found[0].source_end) = words_of(doc, view, c.source);
    if (*c.other_cue) {
      WordAttribution other;
      std::tie(other.cue_begin, other.cue_end) = words_of(doc, view, c.other_cue);
      other.content.push_back(words_of(doc, view, c.other_content));
      found.insert(found.begin(), other);
    }
    complete_attributions(doc, view, regions, lex.value(), found);
    const WordAttribution& a = found.back();
    std::string content;
    for (const auto& [b, e] : a.content) {
      if (!content.empty()) content += " | ";
      content += doc.text.substr(view.words[b].span.begin,
                                 view.words[e - 1].span.end - view.words[b].span.begin);
    }
    EXPECT_EQ(content, c.want_content) << c.text;
    const std::string source = a.has_source()
                                   ? doc.text.substr(view.words[a.source_begin].span.begin,
                                                     view.words[a.source_end - 1].span.end -
                                                         view.words[a.source_begin].span.begin)
                                   : "";
    EXPECT_EQ(source, c.want_source) << c.text;
    if (*c.other_cue && *c.want_content) {
      EXPECT_TRUE(found.front().content.empty()) << "absorbed: " << c.text;
    }
  }
}

// The pre-passes of completion that keep attributions apart when the parse joins them:
// a participle clause after the addressee is not content, an absolute "with <noun phrase>
// <cue>-ing" clause is an attribution of its own, and a content that runs up to a
// sourceless cue gives its ", <noun phrase>" tail to the cue as a post-posed source.
TEST(AttributionFinder, KeepsAttributionsApartOnMisleadingParses) {
  struct Pos {
    const char* form;
    const char* upos;
    const char* xpos;
  };
  struct Dep {
    const char* child;
    const char* head;
    const char* rel;
  };
  struct Tagged {
    const char* source;
    const char* cue;
    std::vector<std::string> contents;
  };
  static const struct {
    const char* text;
    std::vector<Tagged> tagged;
    std::vector<Pos> pos;  // tags of words other than NOUN/NN
    std::vector<Dep> deps;
    std::vector<std::string> want;  // "source / cue / content | content", in order
  } kCases[] = {
      // A participle after the addressee describes the addressee.
      {"\xE2\x80\x9CThe levee will hold,\xE2\x80\x9D Marta Lindqvist told engineers stationed "
       "at the pumping plant.",
       {{"Marta Lindqvist",
         "told",
         {"\xE2\x80\x9CThe levee will hold,\xE2\x80\x9D", "stationed at the pumping plant"}}},
       {{"will", "AUX", "MD"},
        {"hold", "VERB", "VB"},
        {"told", "VERB", "VBD"},
        {"stationed", "VERB", "VBN"}},
       {},
       {"Marta Lindqvist / told / \xE2\x80\x9CThe levee will hold,\xE2\x80\x9D"}},
      // The same modifier read as the cue's clausal complement is not taken from the parse.
      {"Officials warned residents living near the old quarry.",
       {{"Officials", "warned", {}}},
       {{"warned", "VERB", "VBD"}, {"living", "VERB", "VBG"}},
       {{"living", "warned", "ccomp"},
        {"near", "quarry", "case"},
        {"the", "quarry", "det"},
        {"old", "quarry", "amod"},
        {"quarry", "living", "obl"}},
       {"Officials / warned / "}},
      // A clause with a subject of its own is what was said.
      {"Jana Novak told reporters they sampled the well twice.",
       {{"Jana Novak", "told", {"they sampled the well twice"}}},
       {{"told", "VERB", "VBD"}, {"they", "PRON", "PRP"}, {"sampled", "VERB", "VBD"}},
       {},
       {"Jana Novak / told / they sampled the well twice"}},
      // Even a bare participle clause, when its verb has a subject in the parse.
      {"The inspector told the board collapsed beams were found.",
       {{"The inspector", "told", {"collapsed beams were found"}}},
       {{"told", "VERB", "VBD"},
        {"collapsed", "VERB", "VBN"},
        {"were", "AUX", "VBD"},
        {"found", "VERB", "VBN"}},
       {{"beams", "collapsed", "nsubj"}},
       {"The inspector / told / collapsed beams were found"}},
      // An absolute with-clause whose verb is a cue is a second attribution.
      {"The ministry announced that the ferry will resume next week, with the harbour master "
       "adding that cargo ships may dock on Friday.",
       {{"The ministry",
         "announced",
         {"that the ferry will resume next week, with the harbour master adding that cargo "
          "ships may dock on Friday"}}},
       {{"announced", "VERB", "VBD"},
        {"will", "AUX", "MD"},
        {"resume", "VERB", "VB"},
        {"with", "ADP", "IN"},
        {"adding", "VERB", "VBG"},
        {"may", "AUX", "MD"},
        {"dock", "VERB", "VB"}},
       {},
       {"The ministry / announced / that the ferry will resume next week",
        "the harbour master / adding / that cargo ships may dock on Friday"}},
      // One whose verb is no cue stays part of the content.
      {"The mayor said the bridge will close, with the river rising fast.",
       {{"The mayor", "said", {"the bridge will close, with the river rising fast"}}},
       {{"said", "VERB", "VBD"},
        {"will", "AUX", "MD"},
        {"close", "VERB", "VB"},
        {"with", "ADP", "IN"},
        {"rising", "VERB", "VBG"}},
       {},
       {"The mayor / said / the bridge will close, with the river rising fast"}},
      // A post-posed source read as the tail of the content before it.
      {"Police sealed off the square before dawn, two residents of the block told the radio "
       "station.",
       {{"", "told", {"Police sealed off the square before dawn, two residents of the block"}}},
       {{"sealed", "VERB", "VBD"}, {"told", "VERB", "VBD"}, {"two", "NUM", "CD"}},
       {},
       {"two residents of the block / told / Police sealed off the square before dawn"}},
      // Not when a clause goes on after the cue.
      {"The vote was close, the clerk told reporters who waited outside.",
       {{"", "told", {"The vote was close, the clerk"}}},
       {{"was", "AUX", "VBD"}, {"told", "VERB", "VBD"}, {"waited", "VERB", "VBD"}},
       {},
       {" / told / The vote was close, the clerk"}},
  };
  auto lex = CueLexicon::load(std::string(DL_SOURCE_DIR) + "/data/lexicons/attribution.tsv");
  ASSERT_TRUE(lex.ok()) << lex.status().to_string();
  for (const auto& c : kCases) {
    Document doc = whitespace_document(c.text);
    auto token_of = [&](const std::string& form) {
      for (size_t k = 0; k < doc.tokens.size(); ++k) {
        std::string t(doc.slice(doc.tokens[k].span));
        while (!t.empty() && !std::isalnum(static_cast<unsigned char>(t.back()))) t.pop_back();
        if (t == form) return int32_t(k);
      }
      ADD_FAILURE() << "no token " << form << " in " << c.text;
      return int32_t(0);
    };
    for (Token& t : doc.tokens) {
      t.head = Token::kRoot;
      t.upos = "NOUN";
      t.xpos = "NN";
    }
    for (const Pos& p : c.pos) {
      Token& t = doc.tokens[size_t(token_of(p.form))];
      t.upos = p.upos;
      t.xpos = p.xpos;
    }
    for (const Dep& d : c.deps) {
      Token& t = doc.tokens[size_t(token_of(d.child))];
      t.head = token_of(d.head);
      t.deprel = d.rel;
    }
    WordView view = build_word_view(doc);
    std::vector<QuoteRegion> regions = pair_quote_marks(view, doc.text);
    std::vector<WordAttribution> found;
    for (const Tagged& tg : c.tagged) {
      WordAttribution a;
      std::tie(a.source_begin, a.source_end) = words_of(doc, view, tg.source);
      std::tie(a.cue_begin, a.cue_end) = words_of(doc, view, tg.cue);
      for (const std::string& x : tg.contents) a.content.push_back(words_of(doc, view, x));
      found.push_back(std::move(a));
    }
    complete_attributions(doc, view, regions, lex.value(), found);
    auto text_of = [&](uint32_t b, uint32_t e) {
      return e <= b ? std::string()
                    : doc.text.substr(view.words[b].span.begin,
                                      view.words[e - 1].span.end - view.words[b].span.begin);
    };
    std::vector<std::string> got;
    for (const WordAttribution& a : found) {
      std::string content;
      for (const auto& [b, e] : a.content) {
        if (!content.empty()) content += " | ";
        content += text_of(b, e);
      }
      got.push_back(text_of(a.source_begin, a.source_end) + " / " +
                    text_of(a.cue_begin, a.cue_end) + " / " + content);
    }
    EXPECT_EQ(got, c.want) << c.text;
  }
}

}  // namespace
}  // namespace dateline::quotes
