// SPDX-License-Identifier: Apache-2.0
#pragma once
// The dependency parse of one sentence as the event coder reads it: tokens addressed by their
// offset in the sentence ("local" indices), children kept as linked lists in two flat vectors
// (first child, next sibling), and the queries the coder asks of a parse: the subject of a
// clause, the antecedent of a relative pronoun, the actor phrase an argument stands for.
// Built per sentence; holds references to the Document and the SentenceView.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dateline/document.h"
#include "events/sentence_view.h"

namespace dateline::events {

class SentenceParse {
 public:
  /// Indexes the parse of sentence view.index. parsed() is false when the syntax stage did
  /// not run (every head is Token::kNoHead); the other queries then must not be used.
  SentenceParse(const Document& doc, const SentenceView& view);

  bool parsed() const { return parsed_; }
  /// Number of tokens of the sentence.
  int32_t size() const { return static_cast<int32_t>(word_of_tok_.size()); }

  /// Sentence-local index of document token `t`, or -1 when it is outside the sentence.
  int32_t local(int32_t t) const;
  const Token& tok(int32_t lt) const { return doc_.tokens[tok_begin_ + static_cast<uint32_t>(lt)]; }
  /// The local index of the head of `lt`, -1 for the root.
  int32_t head_of(int32_t lt) const { return local(tok(lt).head); }
  std::string_view rel(int32_t lt) const { return tok(lt).deprel; }
  /// True when `r` is `base` or a subtype of it ("nsubj:pass" is "nsubj").
  static bool rel_is(std::string_view r, std::string_view base) {
    return r == base || (r.size() > base.size() && r.starts_with(base) && r[base.size()] == ':');
  }
  /// The normal form of the word on token `lt` ("" when no word lies on it).
  const std::string& norm_of(int32_t lt) const;
  /// The word (index into view.words) on token `lt`, -1 when none.
  int32_t word_of_tok(int32_t lt) const { return word_of_tok_[static_cast<size_t>(lt)]; }
  /// The token of word `w`, -1 when outside the sentence.
  int32_t tok_of_word(uint32_t w) const { return local(view_.words[w].token); }
  int32_t first_child(int32_t lt) const { return first_child_[static_cast<size_t>(lt)]; }
  int32_t next_sibling(int32_t lt) const { return next_sibling_[static_cast<size_t>(lt)]; }

  /// The token whose span holds byte `b` of Document::text, or -1 when none of the sentence.
  int32_t tok_at(uint32_t b) const;
  /// True when token `x` stands in a subordinate clause (a relative clause or a noun's
  /// participle, an adverbial clause, an apposition, a parenthetical) that does not also hold
  /// token `clause`: in "Murphy, who vetoed a bill in 2019, condemned the arrests", "2019"
  /// is outside the clause of "condemned".
  bool outside_clause(int32_t x, int32_t clause) const;

  /// The first child of `lt` whose relation is (a subtype of) `base`, or -1.
  int32_t child(int32_t lt, std::string_view base) const;
  /// The preposition that marks `lt` ("to" in "to Lebanon"), "" when none.
  std::string_view case_of(int32_t lt) const;

  /// True when the parse makes the participle at word `i` a modifier of the noun after it and
  /// the word before it cannot be that verb's subject (a verb, determiner or preposition):
  /// "reject proposed Israeli changes", but not "police confiscated weapons".
  bool modifier_participle(size_t i) const;
  /// True when token `lt` has a clausal relation, so that its dependents can be trusted as
  /// its arguments (a verb parsed as "amod" or "obj" is not). For a nominal trigger (`noun`)
  /// the relations of an object or subject noun count.
  bool clausal(int32_t lt, bool noun) const;
  /// The noun that the relative clause headed by `h`, whose relative pronoun is `pronoun`,
  /// modifies (see the .cc for the "which" rule).
  int32_t relative_antecedent(int32_t h, int32_t pronoun) const;
  /// The subject of the clause headed by `h`, following conjoined verbs and control
  /// ("agreed to send": the subject of "agreed") up the tree, and relative clauses to the
  /// noun they modify ("rebels who attacked"). -1 when the parse names none.
  int32_t subject_of(int32_t h) const;
  /// The actor phrase (index into view.phrases) argument `arg` stands for: the phrase on the
  /// argument's own word, else one inside its noun phrase; a phrase with a country wins over
  /// a sector-only one. -1 when none.
  int32_t phrase_of_arg(int32_t arg) const;

 private:
  const Document& doc_;
  const SentenceView& view_;
  uint32_t tok_begin_ = 0;
  bool parsed_ = false;
  std::vector<int32_t> word_of_tok_, first_child_, next_sibling_;
};

}  // namespace dateline::events
