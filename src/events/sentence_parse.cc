// SPDX-License-Identifier: Apache-2.0
#include "events/sentence_parse.h"

#include <array>

#include "events/word_classes.h"

namespace dateline::events {

SentenceParse::SentenceParse(const Document& doc, const SentenceView& view)
    : doc_(doc), view_(view) {
  const Sentence& s = doc.sentences[view.index];
  tok_begin_ = s.token_begin;
  const uint32_t n = s.token_end > s.token_begin ? s.token_end - s.token_begin : 0;
  word_of_tok_.assign(n, -1);
  first_child_.assign(n, -1);
  next_sibling_.assign(n, -1);
  const std::vector<Word>& words = view.words;
  for (size_t w = 0; w < words.size(); ++w) {
    const int32_t lt = local(words[w].token);
    if (lt < 0) continue;
    int32_t& slot = word_of_tok_[static_cast<size_t>(lt)];
    if (slot < 0 || (words[static_cast<size_t>(slot)].punct && !words[w].punct)) {
      slot = static_cast<int32_t>(w);
    }
  }
  for (uint32_t i = n; i-- > 0;) {  // backwards, so that each child list is in text order
    const int32_t h = doc.tokens[tok_begin_ + i].head;
    if (h == Token::kNoHead) continue;
    parsed_ = true;
    const int32_t lh = local(h);
    if (lh < 0) continue;
    next_sibling_[i] = first_child_[static_cast<size_t>(lh)];
    first_child_[static_cast<size_t>(lh)] = static_cast<int32_t>(i);
  }
}

int32_t SentenceParse::local(int32_t t) const {
  if (t < static_cast<int32_t>(tok_begin_)) return -1;
  const int32_t lt = t - static_cast<int32_t>(tok_begin_);
  return lt < static_cast<int32_t>(word_of_tok_.size()) ? lt : -1;
}

const std::string& SentenceParse::norm_of(int32_t lt) const {
  static const std::string kEmpty;
  const int32_t w = word_of_tok_[static_cast<size_t>(lt)];
  return w < 0 ? kEmpty : view_.words[static_cast<size_t>(w)].norm;
}

int32_t SentenceParse::child(int32_t lt, std::string_view base) const {
  for (int32_t c = first_child(lt); c >= 0; c = next_sibling(c)) {
    if (rel_is(rel(c), base)) return c;
  }
  return -1;
}

int32_t SentenceParse::tok_at(uint32_t b) const {
  for (int32_t lt = 0; lt < size(); ++lt) {
    const Span s = tok(lt).span;
    if (b >= s.begin && b < s.end) return lt;
  }
  return -1;
}

bool SentenceParse::outside_clause(int32_t x, int32_t clause) const {
  // Bounded walks: a malformed parse (a cycle) cannot loop.
  const auto governs = [&](int32_t a, int32_t b) {  // a is b or an ancestor of b
    for (int32_t c = b, n = 0; c >= 0 && n < size(); c = head_of(c), ++n) {
      if (c == a) return true;
    }
    return false;
  };
  for (int32_t c = x, n = 0; c >= 0 && n < size(); c = head_of(c), ++n) {
    if (c == clause) return false;
    const std::string_view r = rel(c);
    if ((rel_is(r, "acl") || rel_is(r, "advcl") || rel_is(r, "appos") || rel_is(r, "parataxis")) &&
        !governs(c, clause)) {
      return true;
    }
  }
  return false;
}

std::string_view SentenceParse::case_of(int32_t lt) const {
  const int32_t c = child(lt, "case");
  return c >= 0 ? std::string_view(norm_of(c)) : std::string_view();
}

bool SentenceParse::modifier_participle(size_t i) const {
  const int32_t lt = tok_of_word(static_cast<uint32_t>(i));
  if (i == 0 || lt < 0 || !rel_is(rel(lt), "amod") || head_of(lt) <= lt) return false;
  const std::string& prev = view_.words[i - 1].upos;
  return prev == "VERB" || prev == "AUX" || prev == "DET" || prev == "ADP" || prev == "CCONJ";
}

bool SentenceParse::clausal(int32_t lt, bool noun) const {
  const std::string_view r = rel(lt);
  if (noun) return rel_is(r, "obj") || rel_is(r, "nsubj") || rel_is(r, "root");
  return r == "root" || rel_is(r, "conj") || rel_is(r, "xcomp") || rel_is(r, "ccomp") ||
         rel_is(r, "advcl") || rel_is(r, "acl") || rel_is(r, "parataxis") || rel_is(r, "csubj");
}

// A non-person "which" refers to the nearest noun phrase before it far more often than a
// greedy parser attaches the clause there ("partners in the region, including Colombia, which
// did not ..." is about Colombia, not the partners), so when the word before the pronoun
// (commas skipped) is a noun or name inside the phrase the parse chose, that nearer phrase is
// taken. "who" is left to the parse: "the head of the party, who ..." is about the head.
int32_t SentenceParse::relative_antecedent(int32_t h, int32_t pronoun) const {
  const int32_t noun = head_of(h);
  if (noun < 0 || norm_of(pronoun) != "which") return noun;
  int32_t prev = pronoun - 1;
  while (prev >= 0 && tok(prev).upos == "PUNCT") --prev;
  if (prev < 0 || (tok(prev).upos != "PROPN" && tok(prev).upos != "NOUN")) return noun;
  int32_t phrase = prev;  // up to the head of a multi-word name or compound
  for (int steps = 0; steps < 6 && head_of(phrase) >= 0 &&
                      (rel_is(rel(phrase), "compound") || rel_is(rel(phrase), "flat"));
       ++steps) {
    phrase = head_of(phrase);
  }
  for (int32_t a = phrase, depth = 0; a >= 0 && depth < 8; a = head_of(a), ++depth) {
    if (a == noun) return phrase;
  }
  return noun;
}

int32_t SentenceParse::subject_of(int32_t h) const {
  for (int depth = 0; depth < 4 && h >= 0; ++depth) {
    const int32_t subj = child(h, "nsubj");
    const std::string_view r = rel(h);
    if (subj >= 0) {
      if (rel_is(r, "acl") && one_of(norm_of(subj), kRelativePronouns)) {
        return relative_antecedent(h, subj);
      }
      return subj;
    }
    if (rel_is(r, "conj") || rel_is(r, "xcomp")) {
      h = head_of(h);
      continue;
    }
    if (r == "acl:relcl") return head_of(h);
    break;
  }
  return -1;
}

// The argument's noun phrase is walked breadth-first through compound, flat, amod, nmod,
// appos and conj ("Israeli helicopters and tanks", "positions of the Palestinian security
// forces", "a camp for Congolese refugees"), at most 24 tokens, with no allocation.
int32_t SentenceParse::phrase_of_arg(int32_t arg) const {
  std::array<int32_t, 24> queue{};
  size_t head = 0, tail = 0;
  queue[tail++] = arg;
  int32_t sector_only = -1;
  while (head < tail) {
    const int32_t lt = queue[head++];
    const int32_t w = word_of_tok(lt);
    const int32_t pi = w >= 0 ? view_.phrase_at[static_cast<size_t>(w)] : -1;
    if (pi >= 0) {
      if (lt == arg || !view_.phrases[static_cast<size_t>(pi)].country.empty()) return pi;
      if (sector_only < 0) sector_only = pi;
    }
    for (int32_t c = first_child(lt); c >= 0 && tail < queue.size(); c = next_sibling(c)) {
      const std::string_view r = rel(c);
      if (!(rel_is(r, "compound") || rel_is(r, "flat") || rel_is(r, "amod") || rel_is(r, "nmod") ||
            rel_is(r, "appos") || rel_is(r, "conj"))) {
        continue;
      }
      if (rel_is(r, "nmod") && one_of(case_of(c), kNonArgumentCases)) continue;
      queue[tail++] = c;
    }
  }
  return sector_only;
}

}  // namespace dateline::events
