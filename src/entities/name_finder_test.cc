// SPDX-License-Identifier: Apache-2.0
#include "entities/name_finder.h"

#include <gtest/gtest.h>

#include "entities/test_util.h"

namespace dateline::entities {
namespace {

// Names as "begin:end:T[=long form]" strings (T = P, O, L) for compact expectations.
std::string render(const std::vector<Name>& names) {
  std::string out;
  for (const Name& n : names) {
    if (!out.empty()) out += ' ';
    const char t = n.type == EntityType::kPerson ? 'P' : n.type == EntityType::kOrg ? 'O' : 'L';
    out += std::to_string(n.begin) + ":" + std::to_string(n.end) + ":" + t;
    if (!n.long_form.empty()) out += "=" + n.long_form;
  }
  return out;
}

TEST(PropagateNames, OneSensePerArticle) {
  struct Case {
    const char* what;
    std::vector<const char*> sentences;
    std::vector<std::vector<Name>> found;  // what the sentence steps found
    std::vector<const char*> expected;
  };
  const Case kCases[] = {
      {"a spelling named once is named elsewhere",
       {"Ostrava Mills hired staff", "staff at Ostrava Mills left"},
       {{{0, 2, EntityType::kOrg}}, {}},
       {"0:2:O", "2:4:O"}},
      {"the most frequent type wins",
       {"Kelby spoke", "Kelby left", "in Kelby", "Kelby again"},
       {{{0, 1, EntityType::kPerson}},
        {{0, 1, EntityType::kPerson}},
        {{1, 2, EntityType::kLoc}},
        {}},
       {"0:1:P", "0:1:P", "1:2:L", "0:1:P"}},
      {"names without a capital are not spread",
       {"the bakery opened", "the bakery closed"},
       {{{1, 2, EntityType::kOrg}}, {}},
       {"1:2:O", ""}},
      {"other spellings are not named",
       {"Bakery opened", "the bakery closed"},
       {{{0, 1, EntityType::kOrg}}, {}},
       {"0:1:O", ""}},
      {"longer names first, and covered words stay as they are",
       {"Port Aldo City and Port Aldo", "Port Aldo City again"},
       {{{0, 3, EntityType::kLoc}, {4, 6, EntityType::kOrg}}, {}},
       {"0:3:L 4:6:O", "0:3:L"}},
      {"acronyms defined in brackets, then spread",
       {"the Vale Harbour Trust ( VHT ) said", "VHT and ( VHT ) and Vale Port ( XY )"},
       {{{1, 4, EntityType::kOrg}}, {{6, 8, EntityType::kLoc}}},
       {"1:4:O 5:6:O=Vale Harbour Trust",
        "0:1:O=Vale Harbour Trust 3:4:O=Vale Harbour Trust 6:8:L"}},
      {"an acronym the model already named joins the long name",
       {"Harlow Rail Board ( HRB ) met", "HRB left"},
       {{{0, 3, EntityType::kOrg}, {4, 5, EntityType::kPerson}}, {{0, 1, EntityType::kPerson}}},
       {"0:3:O 4:5:O=Harlow Rail Board", "0:1:P=Harlow Rail Board"}},
      {"acronyms defined by apposition: ', or X,' and ', known as X'",
       {"the Vale Harbour Trust , or VHT , said", "the Tarn Water Board , known as TWB .",
        "VHT and TWB met"},
       {{{1, 4, EntityType::kOrg}}, {{1, 4, EntityType::kOrg}}, {}},
       {"1:4:O 6:7:O=Vale Harbour Trust", "1:4:O 7:8:O=Tarn Water Board",
        "0:1:O=Vale Harbour Trust 2:3:O=Tarn Water Board"}},
      {"an acronym before the name it stands for",
       {"VHT , the Vale Harbour Trust , said", "VHT left"},
       {{{3, 6, EntityType::kOrg}}, {}},
       {"0:1:O=Vale Harbour Trust 3:6:O", "0:1:O=Vale Harbour Trust"}},
      {"an apposition whose capitals are not the initials is no definition",
       {"the Vale Harbour Trust , or VH , said", "Lee , the Vale Harbour Trust head , said"},
       {{{1, 4, EntityType::kOrg}}, {{2, 5, EntityType::kOrg}}},
       {"1:4:O", "2:5:O"}},
      {"surnames of people named in full",
       {"Dana Whitcombe said", "Whitcombe left and whitcombe"},
       {{{0, 2, EntityType::kPerson}}, {}},
       {"0:2:P", "0:1:P"}},
  };
  for (const Case& c : kCases) {
    std::vector<std::vector<std::string>> stores(c.sentences.size());
    std::vector<std::vector<std::string_view>> words;
    for (size_t k = 0; k < c.sentences.size(); ++k)
      words.push_back(testing::split_words(c.sentences[k], stores[k]));
    std::vector<std::vector<Name>> names = c.found;
    propagate_names(words, names);
    for (size_t k = 0; k < names.size(); ++k) EXPECT_EQ(render(names[k]), c.expected[k]) << c.what;
  }
}

}  // namespace
}  // namespace dateline::entities
