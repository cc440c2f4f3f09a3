// SPDX-License-Identifier: Apache-2.0
#include "syntax/parse_view.h"

#include <gtest/gtest.h>

#include <vector>

namespace dateline::syntax {
namespace {

// One sentence of tokens with the given heads (document indices, Token::kRoot for the root).
Document with_heads(const std::vector<int32_t>& heads) {
  Document doc;
  for (size_t i = 0; i < heads.size(); ++i) {
    Token t;
    t.span = {static_cast<uint32_t>(2 * i), static_cast<uint32_t>(2 * i + 1)};
    t.head = heads[i];
    doc.tokens.push_back(t);
    doc.text += "w ";
  }
  doc.sentences.push_back({});
  doc.sentences[0].token_begin = 0;
  doc.sentences[0].token_end = static_cast<uint32_t>(heads.size());
  return doc;
}

TEST(ParseView, ChildrenSubtreesAndWalks) {
  //  0 <- 1 (root) -> 3 -> 2, 3 -> 4
  const Document doc = with_heads({1, Token::kRoot, 3, 1, 3});
  const ParseView view(doc);
  ASSERT_TRUE(view.parsed());
  const std::vector<std::vector<uint32_t>> children = {{}, {0, 3}, {}, {2, 4}, {}};
  for (uint32_t t = 0; t < children.size(); ++t) {
    const auto c = view.children(t);
    EXPECT_EQ(std::vector<uint32_t>(c.begin(), c.end()), children[t]) << t;
  }
  struct Case {
    int32_t t, top;
    bool inside;
  };
  const Case cases[] = {{2, 3, true}, {4, 1, true}, {0, 3, false}, {3, 3, true}, {1, 3, false}};
  for (const Case& c : cases) EXPECT_EQ(in_subtree(doc, c.t, c.top), c.inside) << c.t << c.top;
  EXPECT_EQ(subtree_extent(doc, 3), std::make_pair(2, 4));
  EXPECT_EQ(subtree_extent(doc, 1), std::make_pair(0, 4));
}

TEST(ParseView, ACycleEndsTheWalkAtTheStepLimit) {
  const Document doc = with_heads({1, 0, Token::kRoot});
  EXPECT_FALSE(in_subtree(doc, 0, 2));
  EXPECT_TRUE(in_subtree(doc, 0, 1, 1));
  EXPECT_FALSE(in_subtree(doc, 0, 1, 0));
}

TEST(ParseView, AnUnparsedDocumentHasNoChildren) {
  Document doc = with_heads({Token::kNoHead, Token::kNoHead});
  EXPECT_FALSE(has_syntax(doc));
  const ParseView view(doc);
  EXPECT_FALSE(view.parsed());
  EXPECT_TRUE(view.children(0).empty());
  EXPECT_FALSE(has_syntax(Document{}));
}

}  // namespace
}  // namespace dateline::syntax
