// SPDX-License-Identifier: Apache-2.0
#include "events/sentence_parse.h"

#include <gtest/gtest.h>

#include "events/test_document.h"
#include "events/word_view.h"

namespace dateline::events {
namespace {

// Which clause a time expression belongs to: sentences written for this test, with a
// hand-written parse ("HEAD:DEPREL:UPOS" per token, 1-based, 0 for the root).
TEST(SentenceParse, OutsideClause) {
  struct Case {
    const char* text;
    const char* parse;
    int32_t x, clause;  // 0-based tokens
    bool outside;
  };
  const Case cases[] = {
      // A relative clause's year is outside the main verb's clause ...
      {"Murphy , who vetoed it in 2019 , condemned arrests",
       "9:nsubj:PROPN 4:punct:PUNCT 4:nsubj:PRON 1:acl:relcl:VERB 4:obj:PRON 7:case:ADP "
       "4:obl:NUM 4:punct:PUNCT 0:root:VERB 9:obj:NOUN",
       6, 8, true},
      // ... and inside the relative clause's own.
      {"Murphy , who vetoed it in 2019 , condemned arrests",
       "9:nsubj:PROPN 4:punct:PUNCT 4:nsubj:PRON 1:acl:relcl:VERB 4:obj:PRON 7:case:ADP "
       "4:obl:NUM 4:punct:PUNCT 0:root:VERB 9:obj:NOUN",
       6, 3, false},
      // A time of the verb itself.
      {"Police arrested him in March", "2:nsubj:NOUN 0:root:VERB 2:obj:PRON 5:case:ADP 2:obl:PROPN",
       4, 1, false},
      // An adverbial clause's time does not date the main clause.
      {"After talks collapsed in May rebels attacked",
       "3:mark:ADP 3:nsubj:NOUN 7:advcl:VERB 5:case:ADP 3:obl:PROPN 7:nsubj:NOUN 0:root:VERB", 4, 6,
       true},
      // A complement clause the trigger governs keeps its time ("agreed to meet in May").
      {"Iran agreed to meet in May",
       "2:nsubj:PROPN 0:root:VERB 4:mark:PART 2:xcomp:VERB 6:case:ADP 4:obl:PROPN", 5, 1, false},
  };
  for (const Case& c : cases) {
    Document doc = testing::one_sentence_document(c.text);
    testing::add_parse(doc, c.parse);
    SentenceView view;
    view.words = split_words(doc, 0, static_cast<uint32_t>(doc.tokens.size()));
    const SentenceParse p(doc, view);
    ASSERT_TRUE(p.parsed()) << c.text;
    EXPECT_EQ(p.outside_clause(c.x, c.clause), c.outside) << c.text << " token " << c.x;
    EXPECT_EQ(p.tok_at(doc.tokens[static_cast<size_t>(c.x)].span.begin), c.x) << c.text;
  }
}

}  // namespace
}  // namespace dateline::events
