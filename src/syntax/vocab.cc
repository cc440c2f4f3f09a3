// SPDX-License-Identifier: Apache-2.0
#include "syntax/vocab.h"

#include <algorithm>
#include <array>

namespace dateline::syntax {
namespace {

// In enum order.
constexpr std::array<std::string_view, kUposCount> kUposNames = {
    "ADJ",  "ADP",  "ADV",   "AUX",   "CCONJ", "DET", "INTJ", "NOUN", "NUM",
    "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X",
};
constexpr std::array<std::string_view, kDeprelCount> kDeprelNames = {
    "acl",       "advcl",      "advmod",   "amod",     "appos", "aux",      "case",   "cc",
    "ccomp",     "clf",        "compound", "conj",     "cop",   "csubj",    "dep",    "det",
    "discourse", "dislocated", "expl",     "fixed",    "flat",  "goeswith", "iobj",   "list",
    "mark",      "nmod",       "nsubj",    "nummod",   "obj",   "obl",      "orphan", "parataxis",
    "punct",     "reparandum", "root",     "vocative", "xcomp",
};
// The subtypes of the UD English treebanks (EWT, GUM, and the older tmod/npmod ones),
// sorted.
constexpr std::string_view kSubtypes[] = {
    "acl:relcl",   "advcl:relcl", "aux:pass",   "cc:preconj",    "compound:prt",
    "csubj:outer", "csubj:pass",  "det:predet", "flat:foreign",  "nmod:desc",
    "nmod:npmod",  "nmod:poss",   "nmod:tmod",  "nmod:unmarked", "nsubj:outer",
    "nsubj:pass",  "obl:agent",   "obl:npmod",  "obl:tmod",      "obl:unmarked",
};

template <size_t N>
int index_of(const std::array<std::string_view, N>& names, std::string_view s) {
  const auto it = std::find(names.begin(), names.end(), s);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

}  // namespace

std::optional<Upos> parse_upos(std::string_view name) {
  const int i = index_of(kUposNames, name);
  if (i < 0) return std::nullopt;
  return static_cast<Upos>(i);
}

std::string_view upos_name(Upos tag) { return kUposNames[static_cast<size_t>(tag)]; }

std::optional<Deprel> parse_deprel(std::string_view label) {
  if (!is_known_deprel(label)) return std::nullopt;
  return static_cast<Deprel>(index_of(kDeprelNames, label.substr(0, label.find(':'))));
}

std::string_view deprel_name(Deprel rel) { return kDeprelNames[static_cast<size_t>(rel)]; }

bool is_known_deprel(std::string_view label) {
  if (label.find(':') == std::string_view::npos) return index_of(kDeprelNames, label) >= 0;
  return std::binary_search(std::begin(kSubtypes), std::end(kSubtypes), label);
}

std::span<const std::string_view> deprel_subtypes() { return kSubtypes; }

Status check_vocabulary(std::span<const text::ConlluSentence> sentences, const std::string& file) {
  for (const text::ConlluSentence& s : sentences) {
    for (const text::ConlluWord& w : s.words) {
      const char* what = nullptr;
      std::string_view value;
      if (!parse_upos(w.upos)) {
        what = "UPOS tag";
        value = w.upos;
      } else if (!is_known_deprel(w.deprel)) {
        what = "dependency relation";
        value = w.deprel;
      }
      if (what) {
        return error(ErrorCode::kBadInput, file + ":" + std::to_string(w.line) + ": unknown " +
                                               what + " '" + std::string(value) + "'");
      }
    }
  }
  return ok_status();
}

}  // namespace dateline::syntax
