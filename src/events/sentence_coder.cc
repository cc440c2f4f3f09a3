// SPDX-License-Identifier: Apache-2.0
// How a sentence is coded (a shallow, PETRARCH-like coder that reads the syntax layer's tags
// when it is there and falls back to word patterns when it is not):
//
//  1. Triggers. Every word is looked up in the verb dictionary by its form (and lemma). A
//     verb reading is kept when the context allows a verb (not after an article or a
//     preposition; the tagger's VERB when tags exist); a nominal trigger ("ultimatums",
//     "talks") only as the object of a light verb ("delivered", "held"); an adjective
//     ("ready", "willing") only after "be" and before "to". Patterns with particles and
//     object words outrank bare verbs.
//  2. Complements. A trigger in the "to ..."/"that ..." complement of a control verb ("agreed
//     to cooperate", "demanded that X withdraw") or after "to" behind another event verb
//     ("summoned the ambassador to complain") is folded into that event; a complement of a
//     modal verb ("is expected to advance") becomes an event in that mode.
//  3. Voice, negation, modality. A past participle after a form of "be" is passive. The
//     auxiliary chain before the trigger gives negation ("did not", "never") and modality
//     ("would", "could").
//  4. Participants. The actor is the nearest actor phrase to the left that is a subject (not
//     the object of a verb or preposition); a verb coordinated with an earlier one ("... seized
//     X and aided Y") shares its actor. The target is the first actor phrase to the right in
//     the same clause that is not a place ("in Miami"). Passive swaps them: the target is the
//     subject, the actor the "by" phrase, else the article's principal actor.
//     With a dependency parse (the syntax stage ran), the parse's arguments replace the
//     word-order ones where it names them: nsubj (through conj, xcomp and relative clauses),
//     obl:agent / "by" and nsubj:pass for passives, obj / iobj / obl of the verb, of a
//     nominal trigger and of its complement clauses, each mapped to the actor phrase inside
//     the argument's noun phrase. Parses that cannot be right for the trigger (a verb attached
//     as a noun modifier) are ignored; word order remains the fallback.
//  5. Date and place: the time expression in the trigger's clause (else the publication date),
//     and the place named after "in"/"at" in the clause.
#include "events/sentence_coder.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "dates/governing.h"

namespace dateline::events {
namespace {

template <size_t N>
bool one_of(std::string_view w, const std::array<std::string_view, N>& list) {
  for (std::string_view x : list) {
    if (w == x) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 20> kDeterminers = {
    "the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "these", "those",
    "'s", "'", "no", "any", "such", "every", "each", "this"};
constexpr std::array<std::string_view, 21> kPrepositions = {
    "of", "for", "with", "in", "on", "at", "by", "from", "about", "into", "against", "under",
    "over", "after", "before", "between", "without", "toward", "towards", "during", "to"};
constexpr std::array<std::string_view, 10> kPlacePrepositions = {
    "in", "at", "near", "inside", "outside", "across", "throughout", "around", "within", "off"};
constexpr std::array<std::string_view, 13> kBe = {
    "be", "is", "are", "was", "were", "been", "being", "am", "'re", "get", "gets", "got",
    "gotten"};
constexpr std::array<std::string_view, 22> kAuxiliaries = {
    "be",   "is",    "are",   "was",    "were",  "been", "being", "am",  "has",   "have", "had",
    "do",   "does",  "did",   "will",   "would", "can",  "could", "may", "might", "shall",
    "should"};
constexpr std::array<std::string_view, 10> kModals = {
    "will", "would", "can", "could", "may", "might", "shall", "should", "must", "'ll"};
constexpr std::array<std::string_view, 24> kAdverbs = {
    "not",   "n't",        "never",     "also",   "already", "still",      "just",  "so",
    "far",   "again",      "now",       "officially", "reportedly", "jointly", "once", "further",
    "even",  "finally",    "then",      "soon",   "recently", "previously", "only", "allegedly"};
constexpr std::array<std::string_view, 13> kReportingVerbs = {
    "said", "says", "told", "reported", "announced", "confirmed", "added", "according",
    "quoted", "stated", "claimed", "declared", "say"};
constexpr std::array<std::string_view, 16> kPartitives = {
    "group", "groups", "members", "member", "some", "many", "most", "all", "one", "dozens",
    "hundreds", "thousands", "scores", "number", "team", "part"};
constexpr std::array<std::string_view, 5> kPossessives = {"its", "their", "his", "her", "whose"};
// Prepositions of adjuncts, not of participants: "following the deaths of two Israelis".
constexpr std::array<std::string_view, 16> kNonArgumentCases = {
    "following", "after", "before", "during", "despite", "since", "until", "amid", "because",
    "than", "like", "as", "via", "including", "besides", "ago"};
constexpr std::array<std::string_view, 12> kSubordinators = {
    "as", "when", "while", "after", "before", "because", "since", "although", "though",
    "whereas", "until", "unless"};
// Verbs that report an obligation laid on another actor as a demand.
constexpr std::array<std::string_view, 12> kObligationReporters = {
    "said", "says", "declared", "declares", "concluded", "insisted", "insists", "stated",
    "stressed", "maintained", "argued", "reiterated"};
// The dictionary entry of a reported obligation (find_reported_obligations()).
const VerbEntry& obligation_entry() {
  static const VerbEntry entry = [] {
    VerbEntry e;
    e.lemma = "must";
    e.plover = "REQUEST";
    e.cameo = "100";
    e.control = true;
    e.source = "rule: reported obligation";
    return e;
  }();
  return entry;
}
constexpr std::array<std::string_view, 4> kRelativePronouns = {"who", "which", "that", "whom"};
constexpr std::array<std::string_view, 19> kTimeWords = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday"};

bool has_word(const std::string& list, std::string_view w) {
  size_t pos = 0;
  while ((pos = list.find(w, pos)) != std::string::npos) {
    const bool start = pos == 0 || list[pos - 1] == ' ';
    const bool end = pos + w.size() == list.size() || list[pos + w.size()] == ' ';
    if (start && end) return true;
    pos += w.size();
  }
  return false;
}

bool is_conflict(std::string_view plover) {
  return plover == "ASSAULT" || plover == "COERCE" || plover == "SANCTION" ||
         plover == "PROTEST" || plover == "MOBILIZE" || plover == "REJECT" ||
         plover == "THREATEN";
}

bool is_hard_boundary(const Word& w) {
  return w.norm == "." || w.norm == ";" || w.norm == ":" || w.norm == "?" || w.norm == "!";
}

bool is_adverb(const Word& w) {
  return one_of(w.norm, kAdverbs) || (w.norm.size() > 4 && w.norm.ends_with("ly") &&
                                      !w.capitalized && w.norm != "only");
}

// One trigger of the sentence.
struct Trigger {
  VerbMatch match;
  uint32_t begin = 0, end = 0;   ///< words of the action (light verb .. noun for nominals)
  uint32_t chain_begin = 0;      ///< first word of the auxiliary chain before it
  uint32_t object_begin = 0;     ///< where the object search starts
  uint32_t head_word = 0;        ///< the word the parse attaches arguments to (verb or noun)
  bool passive = false;
  bool negated = false;
  std::string modality;
  int32_t controller = -1;       ///< trigger whose complement this is
  bool absorbed = false;         ///< folded into its controller's event
  int32_t actor = -1, target = -1;  ///< phrase indices
  bool actor_inherited = false;
  std::string actor_note, target_note;
  const VerbEntry& entry() const { return *match.entry; }
  bool is_event() const { return match.entry->role == VerbRole::kEvent; }
};

// True when the words before `i` allow a verb reading of words[i] (no tagger).
bool verb_context_ok(const std::vector<Word>& words, size_t i, FormKind kind) {
  if (i == 0) return kind != FormKind::kGerund;
  const Word& prev = words[i - 1];
  if (one_of(prev.norm, kDeterminers)) return false;
  if (!prev.norm.empty() && std::isdigit(static_cast<unsigned char>(prev.norm[0]))) return false;
  if (kind == FormKind::kBase || kind == FormKind::kThirdPerson) {
    if (prev.norm != "to" && one_of(prev.norm, kPrepositions)) return false;
    if (i + 1 < words.size() && words[i + 1].norm == "of") return false;
  }
  if (kind == FormKind::kGerund) {
    if (one_of(prev.norm, kPrepositions)) return false;
  }
  return true;
}

bool tagger_allows(const Word& w, const VerbEntry& e) {
  if (w.upos.empty()) return true;
  if (e.noun) return w.upos == "NOUN" || w.upos == "PROPN";
  if (e.adjective) return w.upos == "ADJ" || w.upos == "VERB";
  return w.upos == "VERB";
}

// Index of the first word of the auxiliary chain that ends just before `i`.
uint32_t chain_start(const std::vector<Word>& words, uint32_t i) {
  uint32_t b = i;
  while (b > 0) {
    const Word& w = words[b - 1];
    if (one_of(w.norm, kAuxiliaries) || one_of(w.norm, kModals) || is_adverb(w) ||
        w.norm == "to" || w.norm == "has" || w.norm == "have") {
      --b;
    } else {
      break;
    }
  }
  return b;
}

class SentenceCoder {
 public:
  SentenceCoder(const EventDictionaries& dicts, const Document& doc, const SentenceView& view,
                const DocumentContext& ctx)
      : dicts_(dicts), doc_(doc), view_(view), words_(view.words), ctx_(ctx) {}

  void run(std::vector<Event>& out) {
    index_parse();
    find_triggers();
    find_reported_obligations();
    link_complements();
    for (size_t k = 0; k < triggers_.size(); ++k) {
      find_actor(k);
      if (parsed_) dependency_arguments(k);
    }
    for (size_t k = 0; k < triggers_.size(); ++k) {
      if (triggers_[k].is_event() && !triggers_[k].absorbed) emit(k, out);
    }
  }

 private:
  // ---- The dependency parse (when the syntax stage ran) -------------------------------
  // Tokens are addressed by their offset in the sentence; children are kept as linked lists
  // (first_child_/next_sibling_) so indexing a sentence costs two flat vectors.

  void index_parse() {
    const Sentence& s = doc_.sentences[view_.index];
    tok_begin_ = s.token_begin;
    const uint32_t n = s.token_end > s.token_begin ? s.token_end - s.token_begin : 0;
    word_of_tok_.assign(n, -1);
    first_child_.assign(n, -1);
    next_sibling_.assign(n, -1);
    for (size_t w = 0; w < words_.size(); ++w) {
      const int32_t lt = local(words_[w].token);
      if (lt < 0) continue;
      int32_t& slot = word_of_tok_[static_cast<size_t>(lt)];
      if (slot < 0 || (words_[static_cast<size_t>(slot)].punct && !words_[w].punct)) {
        slot = static_cast<int32_t>(w);
      }
    }
    parsed_ = false;
    for (uint32_t i = n; i-- > 0;) {  // backwards, so that each child list is in text order
      const int32_t h = doc_.tokens[tok_begin_ + i].head;
      if (h == Token::kNoHead) continue;
      parsed_ = true;
      const int32_t lh = local(h);
      if (lh < 0) continue;
      next_sibling_[i] = first_child_[static_cast<size_t>(lh)];
      first_child_[static_cast<size_t>(lh)] = static_cast<int32_t>(i);
    }
  }

  // Sentence-local index of document token `t`, or -1 when it is outside the sentence.
  int32_t local(int32_t t) const {
    if (t < static_cast<int32_t>(tok_begin_)) return -1;
    const int32_t lt = t - static_cast<int32_t>(tok_begin_);
    return lt < static_cast<int32_t>(word_of_tok_.size()) ? lt : -1;
  }
  const Token& tok(int32_t lt) const { return doc_.tokens[tok_begin_ + static_cast<uint32_t>(lt)]; }
  int32_t head_of(int32_t lt) const { return local(tok(lt).head); }
  std::string_view rel(int32_t lt) const { return tok(lt).deprel; }
  static bool rel_is(std::string_view r, std::string_view base) {
    return r == base || (r.size() > base.size() && r.starts_with(base) && r[base.size()] == ':');
  }
  const std::string& norm_of(int32_t lt) const {
    static const std::string kEmpty;
    const int32_t w = word_of_tok_[static_cast<size_t>(lt)];
    return w < 0 ? kEmpty : words_[static_cast<size_t>(w)].norm;
  }
  int32_t tok_of_word(uint32_t w) const { return local(words_[w].token); }

  // The first child of `lt` whose relation is (a subtype of) `base`, or -1.
  int32_t child(int32_t lt, std::string_view base) const {
    for (int32_t c = first_child_[static_cast<size_t>(lt)]; c >= 0;
         c = next_sibling_[static_cast<size_t>(c)]) {
      if (rel_is(rel(c), base)) return c;
    }
    return -1;
  }
  // The preposition that marks `lt` ("to" in "to Lebanon"), "" when none.
  std::string_view case_of(int32_t lt) const {
    const int32_t c = child(lt, "case");
    return c >= 0 ? std::string_view(norm_of(c)) : std::string_view();
  }

  // True when the parse makes the participle at word i a modifier of the noun after it
  // and the word before it cannot be that verb's subject (a verb, determiner or
  // preposition): "reject proposed Israeli changes", but not "police confiscated weapons".
  bool modifier_participle(size_t i) const {
    const int32_t lt = tok_of_word(static_cast<uint32_t>(i));
    if (lt < 0 || !rel_is(rel(lt), "amod") || head_of(lt) <= lt) return false;
    const std::string& prev = words_[i - 1].upos;
    return prev == "VERB" || prev == "AUX" || prev == "DET" || prev == "ADP" || prev == "CCONJ";
  }

  // True when the trigger's token has a clausal relation in the parse, so that its
  // dependents can be trusted as its arguments (a verb parsed as "amod" or "obj" is not).
  bool clausal(int32_t lt, bool noun) const {
    const std::string_view r = rel(lt);
    if (noun) return rel_is(r, "obj") || rel_is(r, "nsubj") || rel_is(r, "root");
    return r == "root" || rel_is(r, "conj") || rel_is(r, "xcomp") || rel_is(r, "ccomp") ||
           rel_is(r, "advcl") || rel_is(r, "acl") || rel_is(r, "parataxis") ||
           rel_is(r, "csubj");
  }

  // True when phrase p lies in the object words of trigger k's pattern, or of a complement
  // folded into it ("launch a military offensive"): what is done, not to whom.
  bool in_pattern_object(size_t k, const ActorPhrase& p) const {
    for (size_t j = 0; j < triggers_.size(); ++j) {
      const Trigger& t = triggers_[j];
      if (j != k && !(t.absorbed && t.controller == static_cast<int32_t>(k))) continue;
      if (p.begin < t.match.object_end && p.end > t.match.begin) return true;
    }
    return false;
  }

  // The actor phrase a parse argument stands for: the phrase on the argument's own word,
  // else one inside its noun phrase (compound, flat, amod, nmod, appos, conj: "Israeli
  // helicopters and tanks", "positions of the Palestinian security forces", "camp for
  // Congolese refugees"); a phrase with a country wins over a sector-only one.
  int32_t phrase_of_arg(int32_t arg) const {
    std::array<int32_t, 24> queue{};
    size_t head = 0, tail = 0;
    queue[tail++] = arg;
    int32_t sector_only = -1;
    while (head < tail) {
      const int32_t lt = queue[head++];
      const int32_t w = word_of_tok_[static_cast<size_t>(lt)];
      const int32_t pi = w >= 0 ? view_.phrase_at[static_cast<size_t>(w)] : -1;
      if (pi >= 0) {
        if (lt == arg || !view_.phrases[static_cast<size_t>(pi)].country.empty()) return pi;
        if (sector_only < 0) sector_only = pi;
      }
      for (int32_t c = first_child_[static_cast<size_t>(lt)]; c >= 0 && tail < queue.size();
           c = next_sibling_[static_cast<size_t>(c)]) {
        const std::string_view r = rel(c);
        if (!(rel_is(r, "compound") || rel_is(r, "flat") || rel_is(r, "amod") ||
              rel_is(r, "nmod") || rel_is(r, "appos") || rel_is(r, "conj"))) {
          continue;
        }
        if (rel_is(r, "nmod") && one_of(case_of(c), kNonArgumentCases)) continue;
        queue[tail++] = c;
      }
    }
    return sector_only;
  }

  // The noun that the relative clause headed by `h`, whose relative pronoun is `pronoun`,
  // modifies. A non-person "which" refers to the nearest noun phrase before it far more often
  // than a greedy parser attaches the clause there ("partners in the region, including
  // Colombia, which did not ..." is about Colombia, not the partners), so when the word before
  // the pronoun (commas skipped) is a noun or name inside the phrase the parse chose, that
  // nearer phrase is taken. "who" is left to the parse: "the head of the party, who ..."
  // is about the head.
  int32_t relative_antecedent(int32_t h, int32_t pronoun) const {
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

  // The subject of the clause headed by `h`, following conjoined verbs and control
  // ("agreed to send": the subject of "agreed") up the tree, and relative clauses to the
  // noun they modify ("rebels who attacked"). -1 when the parse names none.
  int32_t subject_of(int32_t h) const {
    for (int depth = 0; depth < 4 && h >= 0; ++depth) {
      int32_t subj = child(h, "nsubj");
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

  // Replaces the word-order participants of trigger k with the parse's where the parse
  // names them: actor = nsubj (obl:agent / "by" for passives, nsubj:pass the target);
  // target = iobj / obj / obl of the verb (or of the light verb and the noun for nominal
  // triggers, and of the complements folded into the event), skipping places, times and
  // adjuncts ("following the deaths of ..."), the pattern's own object and what the actor
  // owns ("offered its troops to ..."). Falls back to word order where the parse gives
  // nothing.
  void dependency_arguments(size_t k) {
    Trigger& u = triggers_[k];
    const int32_t h = tok_of_word(u.head_word);
    if (h < 0 || !clausal(h, u.entry().noun)) return;
    int32_t clause = h;  // the verb that carries subject and objects
    if (u.entry().noun && (rel_is(rel(h), "obj") || rel_is(rel(h), "nsubj")) && head_of(h) >= 0) {
      clause = head_of(h);
    }
    int32_t agent_arg = child(clause, "obl:agent");
    for (int32_t c = first_child_[static_cast<size_t>(clause)]; c >= 0 && agent_arg < 0;
         c = next_sibling_[static_cast<size_t>(c)]) {
      if (rel_is(rel(c), "obl") && case_of(c) == "by") agent_arg = c;
    }
    // The parse's passive is trusted with an agent; without one a heuristic passive is
    // needed too ("is opposed to" is a state, not an action done to Israel).
    const bool passive = u.passive || (agent_arg >= 0 && (child(clause, "nsubj:pass") >= 0 ||
                                                          child(clause, "aux:pass") >= 0));
    // Subject: taken from the parse when it can be coded or word order found none.
    if (u.controller < 0 && !passive) {
      const int32_t subj = subject_of(clause);
      const int32_t pi = subj >= 0 ? phrase_of_arg(subj) : -1;
      if (pi >= 0 && (u.actor < 0 || !view_.phrases[static_cast<size_t>(pi)].country.empty() ||
                      !view_.phrases[static_cast<size_t>(pi)].code.empty())) {
        u.actor = pi;
        u.actor_note = "subject (parse)";
        u.actor_inherited = false;
      }
    }
    // Objects and obliques, of the trigger and of the complements folded into it.
    std::array<int32_t, 8> heads{};
    size_t n_heads = 0;
    auto add_head = [&](int32_t x) {
      if (x < 0 || n_heads == heads.size()) return;
      for (size_t q = 0; q < n_heads; ++q) {
        if (heads[q] == x) return;
      }
      heads[n_heads++] = x;
    };
    add_head(clause);
    add_head(h);
    // A folded-in complement with a subject of its own ("its demand that Israel ease
    // restrictions on ... workers") is directed at that subject, not at its objects: its
    // objects count as complement objects and its subject as the complement subject.
    int32_t complement_subject = -1;
    std::array<bool, 8> own_subject{};
    for (size_t j = 0; j < triggers_.size(); ++j) {
      const Trigger& c = triggers_[j];
      if (!c.absorbed || c.controller != static_cast<int32_t>(k)) continue;
      const int32_t ct = tok_of_word(c.head_word);
      const size_t before = n_heads;
      add_head(ct);
      const int32_t csubj = ct >= 0 ? child(ct, "nsubj") : -1;
      if (n_heads > before && csubj >= 0 && !one_of(norm_of(csubj), kRelativePronouns)) {
        own_subject[before] = true;
        if (complement_subject < 0) complement_subject = csubj;
      }
    }
    // Complement clauses: "threatened to break relations with Russia", "demanded that the
    // United States match ...", "its demand that Israel ease ...": their objects, and the
    // subject of a "that" clause, are what the event is directed at.
    const size_t n_direct = n_heads;
    for (size_t hi = 0; hi < n_direct; ++hi) {
      for (int32_t c = first_child_[static_cast<size_t>(heads[hi])]; c >= 0;
           c = next_sibling_[static_cast<size_t>(c)]) {
        const std::string_view r = rel(c);
        const int32_t mark = child(c, "mark");
        const bool to_clause = mark >= 0 && norm_of(mark) == "to";
        if (rel_is(r, "xcomp") || (rel_is(r, "advcl") && to_clause)) add_head(c);
        if (rel_is(r, "ccomp") || (rel_is(r, "acl") && !to_clause && u.entry().noun)) {
          add_head(c);
          if (complement_subject < 0) complement_subject = child(c, "nsubj");
        }
      }
    }
    const std::string_view particle = u.entry().particles.empty()
                                          ? std::string_view()
                                          : std::string_view(u.entry().particles.back());
    std::array<int32_t, 2> best_of = {-1, -1};  // direct objects, complement objects
    int32_t agent = -1;
    for (size_t hi = 0; hi < n_heads; ++hi) {
      for (int32_t c = first_child_[static_cast<size_t>(heads[hi])]; c >= 0;
           c = next_sibling_[static_cast<size_t>(c)]) {
        const std::string_view r = rel(c);
        const bool nominal_head = heads[hi] == h && u.entry().noun;
        if (!(rel_is(r, "obj") || rel_is(r, "iobj") || rel_is(r, "obl") ||
              (nominal_head && rel_is(r, "nmod")))) {
          continue;
        }
        if (r == "obl:tmod" || r == "obl:npmod" || r == "nmod:tmod" || r == "nmod:poss") continue;
        if (heads[hi] == clause && c == h) continue;  // the nominal trigger itself
        const std::string_view prep = case_of(c);
        if (passive && (prep == "by" || r == "obl:agent")) {
          if (agent < 0) agent = phrase_of_arg(c);
          continue;
        }
        if (!prep.empty() && prep != particle &&
            (one_of(prep, kPlacePrepositions) || one_of(prep, kNonArgumentCases))) {
          continue;
        }
        const int32_t pi = phrase_of_arg(c);
        if (pi < 0 || pi == u.actor) continue;
        const ActorPhrase& p = view_.phrases[static_cast<size_t>(pi)];
        if (p.country.empty() && in_pattern_object(k, p)) continue;
        // What the actor owns is what it acts with ("offered its troops to ..."), but an
        // owned thing may lead to the target ("closed its borders with Iran").
        const int32_t poss = child(c, "nmod:poss");
        const int32_t cw = word_of_tok_[static_cast<size_t>(c)];
        if (poss >= 0 && one_of(norm_of(poss), kPossessives) && cw >= 0 &&
            view_.phrase_at[static_cast<size_t>(cw)] == pi) {
          continue;
        }
        // "complained to the United Nations over Israeli raids": the accused is the target,
        // the one complained to only the addressee.
        const bool addressee = prep == "to" && u.entry().plover == "ACCUSE";
        int32_t& best = best_of[hi < n_direct && !own_subject[hi] && !addressee ? 0 : 1];
        if (best < 0 || (view_.phrases[static_cast<size_t>(best)].country.empty() &&
                         !p.country.empty())) {
          best = pi;
        }
      }
    }
    // A direct object with a country, else the subject of a "that" clause, else the
    // complement's objects; phrases with a country before sector-only ones.
    auto has_country = [&](int32_t pi) {
      return pi >= 0 && !view_.phrases[static_cast<size_t>(pi)].country.empty();
    };
    const int32_t comp_subj = complement_subject >= 0 ? phrase_of_arg(complement_subject) : -1;
    int32_t best = -1;
    if (has_country(best_of[0])) {
      best = best_of[0];
    } else if (has_country(comp_subj) && comp_subj != u.actor) {
      best = comp_subj;
    } else if (has_country(best_of[1])) {
      best = best_of[1];
    } else {
      best = best_of[0] >= 0 ? best_of[0] : best_of[1];
    }
    if (passive && u.controller < 0) {
      // Passive: the subject is acted upon; the agent acts.
      const int32_t subj = subject_of(clause);
      const int32_t spi = subj >= 0 ? phrase_of_arg(subj) : -1;
      if (spi >= 0) {
        u.target = spi;
        u.target_note = "passive subject (parse)";
      }
      if (agent >= 0) {
        u.actor = agent;
        u.actor_note = "passive agent (parse)";
      } else if (!u.passive || u.actor == u.target) {
        u.actor = -1;  // no agent: emit() infers one
        u.actor_note.clear();
      }
      u.passive = true;
      return;
    }
    if (best >= 0) {
      u.target = best;
      u.target_note = "object (parse)";
    }
  }

  bool light_verb_at(size_t i) const {
    for (const VerbMatch& m : dicts_.verbs.matches(words_, i)) {
      if (m.entry->role == VerbRole::kLight && tagger_allows(words_[i], *m.entry) &&
          verb_context_ok(words_, i, m.kind)) {
        return true;
      }
    }
    return false;
  }

  // A light verb within six words before the noun at `i` (determiner and modifiers: "staged
  // a 24-hour hunger strike"), not across punctuation.
  int32_t light_verb_before(size_t i) const {
    for (size_t back = 1; back <= 6 && back <= i; ++back) {
      const Word& w = words_[i - back];
      if (w.punct && w.norm != "-") return -1;
      if (light_verb_at(i - back)) return static_cast<int32_t>(i - back);
    }
    return -1;
  }

  bool in_phrase(size_t i) const { return view_.phrase_at[i] >= 0; }

  void find_triggers() {
    for (size_t i = 0; i < words_.size();) {
      const Word& w = words_[i];
      if (w.punct || in_phrase(i)) {
        ++i;
        continue;
      }
      std::vector<VerbMatch> ms = dicts_.verbs.matches(words_, i);
      std::stable_partition(ms.begin(), ms.end(),
                            [](const VerbMatch& m) { return m.entry->adjective; });
      bool taken = false;
      for (const VerbMatch& m : ms) {
        const VerbEntry& e = *m.entry;
        if (e.no_event || e.role == VerbRole::kLight) continue;
        if (e.role == VerbRole::kEvent && e.plover.empty()) {
          // An imported CAMEO code: only codes with a PLOVER type make events (not SAY, 010).
          const CameoCode* cc = e.cameo.empty() ? nullptr : dicts_.cameo.find(e.cameo);
          if (!cc || cc->plover.empty()) continue;
        }
        if (!tagger_allows(w, e)) continue;
        Trigger t;
        t.match = m;
        t.begin = m.begin;
        t.end = m.end;
        if (e.noun) {
          int32_t lv = light_verb_before(i);
          if (lv < 0) continue;
          t.begin = static_cast<uint32_t>(lv);
        } else if (e.adjective) {
          size_t b = i;
          while (b > 0 && is_adverb(words_[b - 1])) --b;
          if (b == 0 || !one_of(words_[b - 1].norm, kBe)) continue;
          if (m.end >= words_.size() || words_[m.end].norm != "to") continue;
        } else {
          if (words_[i].upos.empty() && !verb_context_ok(words_, i, m.kind)) continue;
          // A participle the parse attaches to a noun as a modifier is an adjective here
          // ("proposed Israeli changes"), not an action.
          if (parsed_ && m.end == i + 1 && i > 0 && modifier_participle(i)) continue;
          // A light verb followed by a nominal trigger yields to the nominal reading.
          if (has_nominal_after(i)) break;
        }
        t.object_begin = m.end;  // object words only select the pattern
        t.head_word = m.begin;
        t.chain_begin = chain_start(words_, t.begin);
        set_voice_and_mood(t);
        triggers_.push_back(std::move(t));
        i = std::max<size_t>(m.end, i + 1);
        taken = true;
        break;
      }
      if (!taken) ++i;
    }
  }

  // A reported obligation is a demand: "X declared that China must drop barriers", "X said
  // the US should mediate" -> REQUEST from X to China / the US (CAMEO 10). The trigger is the
  // reporting verb; the verb after "must"/"should" is its complement, folded into it.
  void find_reported_obligations() {
    bool added = false;
    for (uint32_t i = 1; i < words_.size(); ++i) {
      if (words_[i].norm != "must" && words_[i].norm != "should") continue;
      uint32_t j = i;
      while (j > 0 && is_adverb(words_[j - 1])) --j;
      if (j == 0) continue;
      const int32_t pi = view_.phrase_at[j - 1];
      if (pi < 0) continue;
      const ActorPhrase& p = view_.phrases[static_cast<size_t>(pi)];
      if (p.end != j || p.country.empty() || p.begin < 2) continue;
      // "... that <phrase> must" or "<reporting verb> <phrase> must", with up to three words
      // (a day, "here", "on Saturday") between the reporting verb and "that".
      uint32_t b = p.begin;
      if (words_[b - 1].norm == "that") --b;
      int32_t rv = -1;
      for (uint32_t r = b; r-- > 0 && r + 4 >= b;) {
        if (one_of(words_[r].norm, kObligationReporters)) {
          rv = static_cast<int32_t>(r);
          break;
        }
        if (words_[r].punct || trigger_at(r) >= 0) break;
      }
      if (rv < 0 || trigger_at(static_cast<uint32_t>(rv)) >= 0) continue;
      Trigger t;
      t.match.entry = &obligation_entry();
      t.match.kind = FormKind::kPast;
      t.match.begin = static_cast<uint32_t>(rv);
      t.match.end = t.match.begin + 1;
      t.match.object_end = t.match.end;
      t.begin = t.match.begin;
      t.end = t.match.end;
      t.head_word = t.match.begin;
      t.object_begin = t.match.end;
      t.chain_begin = chain_start(words_, t.begin);
      set_voice_and_mood(t);
      t.passive = false;
      triggers_.push_back(std::move(t));
      added = true;
    }
    if (added) {
      std::stable_sort(triggers_.begin(), triggers_.end(),
                       [](const Trigger& a, const Trigger& b) { return a.begin < b.begin; });
    }
  }

  bool has_nominal_after(size_t i) const {
    if (!light_verb_at(i)) return false;
    for (size_t k = i + 1; k < words_.size() && k <= i + 4; ++k) {
      if (words_[k].punct && words_[k].norm != "-") return false;
      for (const VerbMatch& m : dicts_.verbs.matches(words_, k)) {
        if (m.entry->noun && tagger_allows(words_[k], *m.entry)) return true;
      }
    }
    return false;
  }

  void set_voice_and_mood(Trigger& t) const {
    const VerbEntry& e = t.entry();
    const bool participle =
        t.match.kind == FormKind::kPast || t.match.kind == FormKind::kIrregular ||
        (words_[t.match.begin].upos == "VERB" && words_[t.match.begin].norm.ends_with("ed"));
    if (!e.noun && !e.adjective && participle && t.end < words_.size() &&
        words_[t.end].norm == "by" && t.chain_begin == t.begin) {
      t.passive = true;  // a reduced relative: "a summit hosted by Trump"
    }
    if (!e.noun && !e.adjective && participle && !t.passive && e.particles.empty()) {
      for (uint32_t k = t.begin; k > t.chain_begin; --k) {
        if (one_of(words_[k - 1].norm, kBe)) {
          t.passive = true;
          break;
        }
        if (!is_adverb(words_[k - 1])) break;
      }
    }
    std::string modality;
    uint32_t first_marked = t.begin;
    for (uint32_t k = t.chain_begin; k < t.begin; ++k) {
      const std::string& n = words_[k].norm;
      if (n == "not" || n == "n't" || n == "never") {
        t.negated = true;
        first_marked = std::min(first_marked, k);
      }
      if (one_of(n, kModals) || n == "never") {
        if (!modality.empty()) modality += ' ';
        modality += n;
        first_marked = std::min(first_marked, k);
      }
    }
    // "did not send": the action text takes in the auxiliary that carries the negation.
    if (t.negated && first_marked > t.chain_begin && first_marked < t.begin) {
      const std::string& prev = words_[first_marked - 1].norm;
      if (one_of(prev, kAuxiliaries)) --first_marked;
    }
    if (t.negated || !modality.empty()) t.begin = first_marked;
    t.modality = modality;
  }

  // Is there a clause break between words [a, b)?
  bool clause_break(uint32_t a, uint32_t b) const {
    for (uint32_t k = a; k < b && k < words_.size(); ++k) {
      const Word& w = words_[k];
      if (is_hard_boundary(w) || w.norm == "but" || w.norm == "while") return true;
      if (w.norm == "," && reporting_after(k)) return true;
    }
    return false;
  }

  // A reporting clause after the comma at `k`: ", a Jordanian official confirmed".
  bool reporting_after(uint32_t k) const {
    for (uint32_t j = k + 1; j < words_.size() && j <= k + 9; ++j) {
      if (is_hard_boundary(words_[j]) || words_[j].norm == ",") return false;
      if (one_of(words_[j].norm, kReportingVerbs)) return true;
    }
    return false;
  }

  void link_complements() {
    for (size_t k = 1; k < triggers_.size(); ++k) {
      Trigger& u = triggers_[k];
      // The nearest earlier trigger that is not itself folded further up.
      const auto t_index = static_cast<int32_t>(k - 1);
      Trigger& t = triggers_[static_cast<size_t>(t_index)];
      const uint32_t from = std::max(t.end, t.object_begin);
      if (clause_break(from, u.begin)) continue;
      const bool to_before = u.chain_begin > 0 && words_[u.chain_begin].norm == "to";
      const bool to_before2 =
          to_before || (u.chain_begin > 0 && words_[u.chain_begin - 1].norm == "to");
      bool that_between = false;
      for (uint32_t j = from; j < u.chain_begin; ++j) {
        if (words_[j].norm == "that") that_between = true;
      }
      const VerbEntry& te = t.entry();
      const bool t_controls =
          te.control || (t.controller >= 0 &&
                         triggers_[static_cast<size_t>(t.controller)].entry().control);
      if (te.role == VerbRole::kModal) {
        if (to_before2 || that_between) {
          u.controller = t_index;
          if (!u.modality.empty()) u.modality += ' ';
          u.modality += te.mode;
        }
      } else if (t_controls && (to_before2 || that_between)) {
        u.controller = t_index;
        u.absorbed = true;
      } else if (te.role == VerbRole::kEvent && to_before) {
        u.controller = t_index;
        u.absorbed = true;
      } else if (te.role == VerbRole::kEvent && u.match.kind == FormKind::kBase &&
                 u.chain_begin == u.begin &&
                 (t.match.kind != FormKind::kBase || t.controller >= 0) &&
                 !u.entry().noun && !t.entry().noun) {
        // A bare infinitive after another verb's object: "helped them locate and take down".
        u.controller = t_index;
        u.absorbed = true;
      }
    }
  }

  // A phrase can be a subject when nothing before it makes it an object: the word before
  // it (past articles and possessives) is neither a preposition nor part of a trigger.
  bool subject_like(const ActorPhrase& p) const {
    uint32_t j = p.begin;
    while (j > 0 && (one_of(words_[j - 1].norm, kDeterminers) ||
                     one_of(words_[j - 1].norm, kPossessives))) {
      --j;
    }
    if (j == 0) return true;
    const Word& before = words_[j - 1];
    // "a group of Moroccan diplomats", "members of the Kenyan army": the phrase is the head.
    if (before.norm == "of" && j >= 2 && one_of(words_[j - 2].norm, kPartitives)) return true;
    if (one_of(before.norm, kPrepositions)) return false;
    for (const Trigger& t : triggers_) {
      if (j - 1 >= t.begin && j - 1 < std::max(t.end, t.object_begin)) return false;
    }
    return true;
  }

  int32_t trigger_at(uint32_t word) const {
    for (size_t k = 0; k < triggers_.size(); ++k) {
      const Trigger& t = triggers_[k];
      if (word >= t.chain_begin && word < t.end) return static_cast<int32_t>(k);
    }
    return -1;
  }

  void find_actor(size_t k) {
    Trigger& u = triggers_[k];
    if (u.controller >= 0) {
      const Trigger& c = triggers_[static_cast<size_t>(u.controller)];
      u.actor = c.passive ? c.target : c.actor;
      u.actor_inherited = true;
      u.actor_note = "subject of its controller";
    } else {
      // "Pakistan, a key U.S. ally in the war, has refused": look past the appositive first.
      int32_t start = static_cast<int32_t>(u.chain_begin) - 1;
      if (start > 0 && words_[static_cast<size_t>(start)].norm == ",") {
        for (int32_t c = start - 1; c > 0; --c) {
          const std::string& n = words_[static_cast<size_t>(c)].norm;
          if (is_hard_boundary(words_[static_cast<size_t>(c)]) || trigger_at(static_cast<uint32_t>(c)) >= 0) break;
          if (n == ",") {
            const std::string& det = words_[static_cast<size_t>(c) + 1].norm;
            const int32_t pi = view_.phrase_at[static_cast<size_t>(c) - 1];
            if ((det == "a" || det == "an" || det == "the") && pi >= 0 &&
                !view_.phrases[static_cast<size_t>(pi)].country.empty()) {
              u.actor = pi;
              u.actor_note = "subject (before an appositive)";
            }
            break;
          }
        }
      }
      for (int32_t j = u.actor >= 0 ? -1 : start; j >= 0; --j) {
        const Word& w = words_[static_cast<size_t>(j)];
        if (is_hard_boundary(w)) break;
        const int32_t pi = view_.phrase_at[static_cast<size_t>(j)];
        if (pi >= 0) {
          const ActorPhrase& p = view_.phrases[static_cast<size_t>(pi)];
          if (subject_like(p)) {
            u.actor = pi;
            u.actor_note = "subject";
            break;
          }
          j = static_cast<int32_t>(p.begin);
          continue;
        }
        const int32_t ti = trigger_at(static_cast<uint32_t>(j));
        if (ti >= 0 && static_cast<size_t>(ti) != k) {
          const Trigger& t = triggers_[static_cast<size_t>(ti)];
          bool coordinated = false;
          for (uint32_t q = t.end; q < u.chain_begin; ++q) {
            const std::string& n = words_[q].norm;
            if (n == "and" || n == "or" || n == "but" || n == ",") coordinated = true;
          }
          if (coordinated) {
            u.actor = t.passive ? t.target : t.actor;
            u.actor_inherited = true;
            u.actor_note = "shared with the coordinated verb '" +
                           std::string(doc_.slice(span_of(t.match.begin, t.end))) + "'";
          }
          break;
        }
      }
    }
    // Objects and places to the right.
    int32_t right = -1, by_agent = -1;
    for (uint32_t j = u.object_begin; j < words_.size(); ++j) {
      const Word& w = words_[j];
      if (is_hard_boundary(w) || w.norm == "but" || w.norm == "while") break;
      // A reporting clause, a relative clause or an adverbial clause (", as authorities in
      // Croatia cracked down") after a comma has its own participants.
      if (w.norm == "," && j + 1 < words_.size()) {
        const std::string& next = words_[j + 1].norm;
        if (reporting_after(j) || next == "which" || next == "who" ||
            one_of(next, kSubordinators)) {
          break;
        }
      }
      const int32_t ti = trigger_at(j);
      if (ti >= 0 && static_cast<size_t>(ti) != k &&
          !(triggers_[static_cast<size_t>(ti)].controller == static_cast<int32_t>(k) &&
            triggers_[static_cast<size_t>(ti)].absorbed)) {
        break;
      }
      const int32_t pi = view_.phrase_at[j];
      if (pi < 0 || view_.phrases[static_cast<size_t>(pi)].begin != j) continue;
      const ActorPhrase& p = view_.phrases[static_cast<size_t>(pi)];
      const std::string& prep = j > 0 ? words_[j - 1].norm : std::string();
      // The pattern's own object ("sent a delegation") is what is acted with, not a target.
      if (j < u.match.object_end && p.country.empty()) {
        j = p.end - 1;
        continue;
      }
      const bool own_particle = j == u.object_begin && !u.entry().particles.empty() &&
                                u.entry().particles.back() == prep;
      j = p.end - 1;
      if (one_of(prep, kPlacePrepositions) && !own_particle) continue;
      if (prep == "by" && u.passive) {
        if (by_agent < 0) by_agent = pi;
        continue;
      }
      // The first phrase with a country wins over an earlier sector-only one ("promised
      // military aid to Mozambique").
      if (pi != u.actor) {
        if (right < 0) {
          right = pi;
        } else if (view_.phrases[static_cast<size_t>(right)].country.empty() && !p.country.empty()) {
          right = pi;
        }
      }
    }
    if (u.passive) {
      // The subject is the one acted upon.
      u.target = u.actor;
      u.target_note = "passive subject";
      u.actor = by_agent;
      u.actor_note = by_agent >= 0 ? "passive 'by' agent" : "";
      u.actor_inherited = false;
    } else {
      u.target = right;
      if (right >= 0) u.target_note = "object";
    }
  }

  Span span_of(uint32_t b, uint32_t e) const {
    if (b >= e) return {};
    return {words_[b].span.begin, words_[e - 1].span.end};
  }

  EventParticipant participant(int32_t pi) const {
    EventParticipant p;
    if (pi < 0) return p;
    const ActorPhrase& ph = view_.phrases[static_cast<size_t>(pi)];
    p.span = span_of(ph.begin, ph.end);
    p.text = std::string(doc_.slice(p.span));
    p.code = ph.final_code();
    for (const Mention& m : doc_.mentions) {
      if (m.sentence == view_.index && m.span.overlaps(p.span) && m.entity >= 0) {
        p.entity = m.entity;
        break;
      }
    }
    return p;
  }

  // The principal actor of the article, other than `not_country`: the country that names
  // actors most often (at least twice).
  std::string principal_actor(const std::string& not_country) const {
    std::string best;
    int best_n = 1;
    for (const auto& [c, n] : ctx_.actor_counts) {
      if (c == not_country) continue;
      if (n > best_n || (n == best_n && !best.empty() && c < best)) {
        best = c;
        best_n = n;
      }
    }
    return best;
  }

  void emit(size_t k, std::vector<Event>& out) const {
    const Trigger& t = triggers_[k];
    const VerbEntry& e = t.entry();
    Event ev;
    ev.sentence = view_.index;
    ev.trigger = span_of(t.begin, t.end);
    ev.trigger_text = std::string(doc_.slice(ev.trigger));
    ev.cameo = e.cameo;
    const CameoCode* cc = e.cameo.empty() ? nullptr : dicts_.cameo.find(e.cameo);
    ev.plover = e.plover;
    ev.plover_mode = e.mode;
    if (cc) {
      ev.goldstein = cc->goldstein;
      ev.quad_class = cc->quad_class;
      if (ev.plover.empty()) {
        ev.plover = cc->plover;
        ev.plover_mode = cc->plover_mode;
      }
    }
    if (ev.plover.empty()) return;
    // PLOVER codes announced intentions as AGREE (to cooperate) and THREATEN (to act
    // against): "will visit Albania" is AGREE, "plans to impose restrictions" THREATEN.
    // An AGREE-type control verb with a conflictual complement ("is prepared to impose
    // martial law") is a threat as well.
    std::string intent_from;
    const bool future = !t.negated && (has_word(t.modality, "will") || has_word(t.modality, "would") ||
                                       has_word(t.modality, "'ll") || has_word(t.modality, "planned") ||
                                       has_word(t.modality, "intended"));
    std::string effective = ev.plover;
    if (ev.plover == "AGREE" && !t.negated) {
      for (size_t j = 0; j < triggers_.size(); ++j) {
        const Trigger& c = triggers_[j];
        if (c.absorbed && c.controller == static_cast<int32_t>(k) && is_conflict(c.entry().plover)) {
          effective = c.entry().plover;
          break;
        }
      }
      if (effective != "AGREE") {
        ev.plover = "THREATEN";
        intent_from = "intent to " + effective;
      }
    } else if (future && ev.plover != "AGREE" && ev.plover != "THREATEN" &&
               ev.plover != "REQUEST" && ev.plover != "ACCUSE") {
      intent_from = "announced " + ev.plover;
      ev.plover = is_conflict(ev.plover) ? "THREATEN" : "AGREE";
    }
    if (!intent_from.empty()) {
      ev.cameo = ev.plover == "AGREE" ? "030" : "130";
      ev.plover_mode = "";
      if (const CameoCode* ic = dicts_.cameo.find(ev.cameo)) {
        ev.goldstein = ic->goldstein;
        ev.quad_class = ic->quad_class;
      }
    }
    ev.negated = t.negated;
    ev.modality = t.modality;
    ev.actor = participant(t.actor);
    ev.target = participant(t.target);
    std::string why = "sentence " + std::to_string(view_.index) + ": trigger '" +
                      ev.trigger_text + "' <- " + e.source + " (" + e.lemma;
    for (const std::string& p : e.particles) why += " " + p;
    if (!e.object_words.empty()) {
      why += " *";
      for (const std::string& o : e.object_words) why += " " + o;
    }
    why += ")";
    if (!intent_from.empty()) why += "; " + intent_from + " -> " + ev.plover + " (intent)";
    if (t.passive) why += "; passive";
    if (t.negated) why += "; negated";
    if (!t.modality.empty()) why += "; modality '" + t.modality + "'";
    for (size_t j = 0; j < triggers_.size(); ++j) {
      if (triggers_[j].absorbed && triggers_[j].controller == static_cast<int32_t>(k)) {
        why += "; complement '" +
               std::string(doc_.slice(span_of(triggers_[j].match.begin, triggers_[j].end))) + "'";
      }
    }
    if (t.actor >= 0) {
      why += "; actor " + t.actor_note + " '" + ev.actor.text + "' = " +
             (ev.actor.code.empty() ? std::string("uncoded") : ev.actor.code) + " <- " +
             view_.phrases[static_cast<size_t>(t.actor)].source;
    } else if (t.passive) {
      std::string principal = principal_actor(ev.target.code.substr(0, 3));
      if (!principal.empty()) {
        ev.actor.code = principal;
        ev.actor.text = "";
        why += "; actor implicit (passive without agent): the article's principal actor " +
               principal;
      }
    }
    set_place(t, ev, why);
    // A participant with a sector but no country ("students", "the military") is taken to be
    // of the place the clause names, else (for the target) of the actor's country: a
    // domestic event, the usual reading in news ("police prevented students ...").
    auto complete = [&](EventParticipant& part, int32_t pi, const std::string& fallback,
                        const char* role) {
      if (pi < 0 || !part.code.empty()) return;
      const ActorPhrase& ph = view_.phrases[static_cast<size_t>(pi)];
      if (ph.sector.empty()) return;
      const std::string country = !ev.place.country.empty() ? ev.place.country : fallback;
      if (country.size() != 3 || country == "IGO" || country == "NGO" || country == "IMG") return;
      part.code = country + ph.sector;
      why += std::string("; ") + role + " country " + country +
             (!ev.place.country.empty() ? " from the place" : " from the actor (domestic)");
    };
    complete(ev.actor, t.actor, "", "actor");
    if (ev.actor.code.empty() && t.target >= 0 &&
        !view_.phrases[static_cast<size_t>(t.target)].country.empty()) {
      complete(ev.actor, t.actor, view_.phrases[static_cast<size_t>(t.target)].country, "actor");
    }
    complete(ev.target, t.target, ev.actor.code.substr(0, std::min<size_t>(3, ev.actor.code.size())),
             "target");
    // No participant named: the event happened in (and to) the place it names, the usual
    // PLOVER reading ("lifted a curfew in Montenegro", "prisoners rioted in Dili").
    if (t.target < 0 && ev.target.code.empty() && ev.place.country.size() == 3 &&
        ev.place.country != ev.actor.code.substr(0, std::min<size_t>(3, ev.actor.code.size()))) {
      ev.target.code = ev.place.country;
      why += "; target the place's country " + ev.place.country;
    }
    // Still none: an internal action of the actor's own country ("lifted a state of
    // emergency", "outlawed the organisation"), as event datasets code domestic events.
    if (ev.target.code.empty() && ev.target.span.empty() && ev.actor.code.size() >= 3) {
      const std::string c = ev.actor.code.substr(0, 3);
      if (c != "IGO" && c != "NGO" && c != "IMG") {
        ev.target.code = c;
        why += "; target implicit: domestic (the actor's country)";
      }
    }
    if (t.actor < 0 && ev.actor.code.empty() && ev.place.country.size() == 3) {
      ev.actor.code = ev.place.country;
      why += "; actor the place's country " + ev.place.country;
    }
    if (t.target >= 0) {
      why += "; target " + t.target_note + " '" + ev.target.text + "' = " +
             (ev.target.code.empty() ? std::string("uncoded") : ev.target.code) + " <- " +
             view_.phrases[static_cast<size_t>(t.target)].source;
    }
    set_date(t, ev, why);
    ev.why = std::move(why);
    out.push_back(std::move(ev));
  }

  // The clause of trigger k: from the end of the previous unfolded trigger to the start of
  // the next one, within the sentence.
  Span clause_of(size_t k) const {
    uint32_t b = 0, e = static_cast<uint32_t>(words_.size());
    for (size_t j = k; j-- > 0;) {
      if (!triggers_[j].absorbed) {
        b = std::max(triggers_[j].end, triggers_[k].chain_begin);
        break;
      }
    }
    for (size_t j = k + 1; j < triggers_.size(); ++j) {
      if (!(triggers_[j].absorbed && triggers_[j].controller == static_cast<int32_t>(k))) {
        e = triggers_[j].chain_begin;
        break;
      }
    }
    if (b >= e || words_.empty()) return {};
    return span_of(b, e);
  }

  void set_date(const Trigger& t, Event& ev, std::string& why) const {
    const size_t k = static_cast<size_t>(&t - triggers_.data());
    const Span clause = clause_of(k);
    int32_t best = -1;
    uint32_t best_dist = UINT32_MAX;
    for (size_t i = 0; i < doc_.times.size(); ++i) {
      const TimeExpression& x = doc_.times[i];
      if (x.sentence != view_.index ||
          (x.type != TimeType::kDate && x.type != TimeType::kTime) || !x.resolved ||
          x.value.empty() || !std::isdigit(static_cast<unsigned char>(x.value[0]))) {
        continue;
      }
      if (!clause.contains(x.span)) continue;
      const uint32_t d = x.span.begin >= ev.trigger.end ? x.span.begin - ev.trigger.end
                                                        : ev.trigger.begin - std::min(ev.trigger.begin, x.span.end);
      if (d < best_dist) {
        best_dist = d;
        best = static_cast<int32_t>(i);
      }
    }
    if (best >= 0) {
      const TimeExpression& x = doc_.times[static_cast<size_t>(best)];
      ev.date = x.value.substr(0, x.value.find('T'));
      ev.date_source = DateSource::kExpression;
      ev.time = best;
      why += "; date '" + std::string(doc_.slice(x.span)) + "' = " + x.value;
    } else if (std::string published = dates::publication_date(doc_); !published.empty()) {
      ev.date = std::move(published);
      ev.date_source = DateSource::kPublication;
      why += "; date of publication";
    }
  }

  void set_place(const Trigger& t, Event& ev, std::string& why) const {
    const size_t k = static_cast<size_t>(&t - triggers_.data());
    const Span clause = clause_of(k);
    for (uint32_t j = t.end; j + 1 < words_.size(); ++j) {
      if (words_[j].span.begin >= clause.end || is_hard_boundary(words_[j])) break;
      if (!one_of(words_[j].norm, kPlacePrepositions)) continue;
      // Skip "the", "southern", "a jail in": up to three lower-case words before the name.
      uint32_t n = j + 1;
      while (n < words_.size() && n <= j + 3 && !words_[n].capitalized && !words_[n].punct &&
             !one_of(words_[n].norm, kPlacePrepositions)) {
        ++n;
      }
      if (n >= words_.size()) break;
      const Word& next = words_[n];
      if (!next.capitalized || one_of(next.norm, kTimeWords)) continue;
      // The place: a dictionary phrase, else the run of capitalised words.
      const int32_t pi = view_.phrase_at[n];
      j = n - 1;
      uint32_t e = j + 2;
      std::string country;
      if (pi >= 0) {
        const ActorPhrase& p = view_.phrases[static_cast<size_t>(pi)];
        e = p.end;
        country = p.country;
      } else {
        while (e < words_.size() && words_[e].capitalized && !words_[e].punct) ++e;
      }
      Span s = span_of(j + 1, e);
      bool gpe = !country.empty();
      for (const Mention& m : doc_.mentions) {
        if (m.sentence != view_.index || !m.span.overlaps(s) || m.entity < 0) continue;
        const Entity& en = doc_.entities[static_cast<size_t>(m.entity)];
        if (en.type == EntityType::kGpe || en.type == EntityType::kLoc ||
            en.type == EntityType::kFac) {
          gpe = true;
          if (country.empty()) country = en.country;
          if (en.has_coordinates) {
            ev.place.latitude = en.latitude;
            ev.place.longitude = en.longitude;
            ev.place.has_coordinates = true;
          }
        }
      }
      if (!gpe) continue;
      ev.place.span = s;
      ev.place.name = std::string(doc_.slice(s));
      ev.place.country = country;
      why += "; place '" + ev.place.name + "'";
      return;
    }
  }

  const EventDictionaries& dicts_;
  const Document& doc_;
  const SentenceView& view_;
  const std::vector<Word>& words_;
  const DocumentContext& ctx_;
  std::vector<Trigger> triggers_;
  uint32_t tok_begin_ = 0;
  bool parsed_ = false;
  std::vector<int32_t> word_of_tok_, first_child_, next_sibling_;
};

}  // namespace

SentenceView view_sentence(const EventDictionaries& dicts, const Document& doc, uint32_t s,
                           const std::string& date) {
  SentenceView v;
  v.index = s;
  const Sentence& sent = doc.sentences[s];
  v.words = split_words(doc, sent.token_begin, sent.token_end);
  v.phrases = find_actor_phrases(dicts.actors, v.words, date, &dicts.verbs);
  v.phrase_at.assign(v.words.size(), -1);
  for (size_t p = 0; p < v.phrases.size(); ++p) {
    for (uint32_t k = v.phrases[p].begin; k < v.phrases[p].end; ++k) {
      v.phrase_at[k] = static_cast<int32_t>(p);
    }
  }
  return v;
}

void count_actors(const SentenceView& view, DocumentContext& ctx) {
  for (const ActorPhrase& p : view.phrases) {
    if (p.country.empty()) continue;
    const bool place = p.begin > 0 && one_of(view.words[p.begin - 1].norm, kPlacePrepositions);
    if (!place) ++ctx.actor_counts[p.country];
  }
}

void resolve_phrases(const Document& doc, SentenceView& view, DocumentContext& ctx) {
  const std::vector<Word>& words = view.words;
  for (size_t pi = 0; pi < view.phrases.size(); ++pi) {
    ActorPhrase& p = view.phrases[pi];
    const bool place = p.begin > 0 && one_of(words[p.begin - 1].norm, kPlacePrepositions);
    if (p.people || p.ethnic) {
      // "Albanians of southern Serbia", "ethnic Turks in Sweden": the people where they live.
      uint32_t n = p.end;
      // "guerrillas operating in Macedonia", "Kurds living in Turkey", "Serbs based in ..."
      if (n + 1 < words.size() && words[n + 1].norm == "in" &&
          (words[n].norm.ends_with("ing") || words[n].norm == "based")) {
        ++n;
      }
      if (n < words.size() && (words[n].norm == "in" || words[n].norm == "of")) {
        ++n;
        while (n < words.size() && n <= p.end + 3 && !words[n].capitalized && !words[n].punct) ++n;
        const int32_t q = n < words.size() ? view.phrase_at[n] : -1;
        const ActorPhrase* home = q >= 0 && static_cast<size_t>(q) != pi
                                      ? &view.phrases[static_cast<size_t>(q)]
                                      : nullptr;
        if (home && !home->country.empty() && home->sector.empty()) {
          p.country = home->country;
          p.code.clear();
          if (p.sector.empty()) p.sector = "CVL";
          p.source += " + country from residence";
        }
      }
    }
    if (p.country.empty()) {
      std::string how;
      // "forces in Guinea", "the government of Mexico"
      if (p.end + 1 < words.size() && pi + 1 < view.phrases.size() &&
          view.phrases[pi + 1].begin == p.end + 1 &&
          (words[p.end].norm == "in" || words[p.end].norm == "of" ||
           words[p.end].norm == "from") &&
          !view.phrases[pi + 1].country.empty()) {
        p.country = view.phrases[pi + 1].country;
        how = "postmodifier";
      } else if (p.begin > 0 && one_of(words[p.begin - 1].norm, kPossessives)) {
        // "its government", "whose administration": the nearest coded actor before it.
        for (size_t q = pi; q-- > 0;) {
          if (!view.phrases[q].country.empty()) {
            p.country = view.phrases[q].country;
            break;
          }
        }
        if (p.country.empty()) p.country = ctx.last_country;
        how = "owner";
      } else if (p.local && !ctx.last_place_country.empty()) {
        p.country = ctx.last_place_country;
        how = "local: the story's place";
      } else if (!p.ethnic) {
        const Span s{words[p.begin].span.begin, words[p.end - 1].span.end};
        for (const Mention& m : doc.mentions) {
          if (m.sentence == view.index && m.span.overlaps(s) && m.entity >= 0 &&
              !doc.entities[static_cast<size_t>(m.entity)].country.empty()) {
            p.country = doc.entities[static_cast<size_t>(m.entity)].country;
            how = "entities layer";
            break;
          }
        }
      }
      if (!p.country.empty()) p.source += " + country from " + how;
    }
    if (!p.country.empty()) {
      if (place) {
        ctx.last_place_country = p.country;
      } else {
        ctx.last_country = p.country;
      }
    }
  }
  // A country adjective on a place ("in Mexican soil") is a place too.
}

void code_sentence(const EventDictionaries& dicts, const Document& doc, const SentenceView& view,
                   const DocumentContext& ctx, std::vector<Event>& out) {
  SentenceCoder(dicts, doc, view, ctx).run(out);
}

}  // namespace dateline::events
