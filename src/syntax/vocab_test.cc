// SPDX-License-Identifier: Apache-2.0
#include "syntax/vocab.h"

#include <gtest/gtest.h>

namespace dateline::syntax {
namespace {

TEST(Vocab, UposTags) {
  struct Case {
    const char* name;
    bool known;
  };
  static const Case kCases[] = {{"NOUN", true},  {"PROPN", true}, {"X", true}, {"CCONJ", true},
                                {"noun", false}, {"NN", false},   {"", false}, {"_", false},
                                {"CONJ", false}};  // UD v1's name of CCONJ
  for (const Case& c : kCases) {
    const auto tag = parse_upos(c.name);
    EXPECT_EQ(tag.has_value(), c.known) << c.name;
    if (tag) {
      EXPECT_EQ(upos_name(*tag), c.name);
    }
  }
  for (int i = 0; i < kUposCount; ++i) {
    const Upos tag = static_cast<Upos>(i);
    EXPECT_EQ(parse_upos(upos_name(tag)), tag) << i;
  }
}

TEST(Vocab, Relations) {
  struct Case {
    const char* label;
    bool known;
    Deprel base;
  };
  static const Case kCases[] = {
      {"nsubj", true, Deprel::kNsubj},
      {"nsubj:pass", true, Deprel::kNsubj},
      {"obl:tmod", true, Deprel::kObl},
      {"obl:unmarked", true, Deprel::kObl},
      {"acl:relcl", true, Deprel::kAcl},
      {"root", true, Deprel::kRoot},
      {"compound:prt", true, Deprel::kCompound},
      {"nsubjpass", false, Deprel::kNsubj},  // UD v1
      {"nsubj:", false, Deprel::kNsubj},
      {"nsubj:foo", false, Deprel::kNsubj},
      {"NSUBJ", false, Deprel::kNsubj},
      {"", false, Deprel::kNsubj},
      {"_", false, Deprel::kNsubj},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(is_known_deprel(c.label), c.known) << c.label;
    const auto rel = parse_deprel(c.label);
    EXPECT_EQ(rel.has_value(), c.known) << c.label;
    if (rel) {
      EXPECT_EQ(*rel, c.base) << c.label;
    }
  }
  for (int i = 0; i < kDeprelCount; ++i) {
    const Deprel rel = static_cast<Deprel>(i);
    EXPECT_EQ(parse_deprel(deprel_name(rel)), rel) << i;
  }
  for (std::string_view s : deprel_subtypes()) {
    EXPECT_TRUE(parse_deprel(s).has_value()) << s;  // sorted, and every base is universal
  }
}

// A treebank with a typo is refused at the typo's line.
TEST(Vocab, CheckNamesFileAndLine) {
  auto conllu = [](const char* upos, const char* rel) {
    return std::string("# text = Boats sank.\n") + "1\tBoats\tboat\t" + upos + "\tNNS\t_\t2\t" +
           rel + "\t_\t_\n" + "2\tsank\tsink\tVERB\tVBD\t_\t0\troot\t_\t_\n\n";
  };
  struct Case {
    const char* upos;
    const char* rel;
    const char* message;  // "" when accepted
  };
  static const Case kCases[] = {
      {"NOUN", "nsubj", ""},
      {"NOUN", "nsubj:pass", ""},
      {"NOUNS", "nsubj", "tiny.conllu:2: unknown UPOS tag 'NOUNS'"},
      {"NOUN", "subj", "tiny.conllu:2: unknown dependency relation 'subj'"},
      {"_", "nsubj", "tiny.conllu:2: unknown UPOS tag '_'"},
  };
  for (const Case& c : kCases) {
    auto sentences = text::parse_conllu(conllu(c.upos, c.rel), "tiny.conllu");
    ASSERT_TRUE(sentences.ok());
    const Status s = check_vocabulary(*sentences, "tiny.conllu");
    if (*c.message) {
      EXPECT_EQ(s.code(), ErrorCode::kBadInput) << c.upos << " " << c.rel;
      EXPECT_EQ(s.message(), c.message);
    } else {
      EXPECT_TRUE(s.ok()) << s.message();
    }
  }
}

}  // namespace
}  // namespace dateline::syntax
