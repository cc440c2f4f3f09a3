// SPDX-License-Identifier: Apache-2.0
// Triggers. Every word is looked up in the verb dictionary by its form (and lemma). A verb
// reading is kept when the context allows a verb (not after an article or a preposition; the
// tagger's VERB when tags exist); a nominal trigger ("ultimatums", "talks") only as the object
// of a light verb ("delivered", "held"); an adjective ("ready", "willing") only after "be" and
// before "to". Patterns with particles and object words outrank bare verbs.
// Complements: a trigger in the "to ..."/"that ..." complement of a control verb ("agreed to
// cooperate", "demanded that X withdraw") or after "to" behind another event verb ("summoned
// the ambassador to complain") is folded into that event; a complement of a modal verb ("is
// expected to advance") becomes an event in that mode.
// Voice, negation, modality: a past participle after a form of "be" is passive. The auxiliary
// chain before the trigger gives negation ("did not", "never") and modality ("would").
#include "events/triggers.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

#include "events/event_features.h"
#include "events/word_classes.h"

namespace dateline::events {
namespace {

// The dictionary entry of a reported obligation (add_reported_obligations()).
const VerbEntry& obligation_entry() {
  static const VerbEntry entry = [] {
    VerbEntry e;
    e.lemma = "must";
    e.plover = PloverType::kRequest;
    e.cameo = "100";
    e.control = true;
    e.source = "rule: reported obligation";
    return e;
  }();
  return entry;
}

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

bool light_verb_at(const CoderInput& in, size_t i) {
  for (const VerbMatch& m : in.dicts.verbs.matches(in.words(), i)) {
    if (m.entry->role == VerbRole::kLight && tagger_allows(in.words()[i], *m.entry) &&
        verb_context_ok(in.words(), i, m.kind)) {
      return true;
    }
  }
  return false;
}

// A light verb within six words before the noun at `i` (determiner and modifiers: "staged a
// 24-hour hunger strike"), not across punctuation.
int32_t light_verb_before(const CoderInput& in, size_t i) {
  for (size_t back = 1; back <= 6 && back <= i; ++back) {
    const Word& w = in.words()[i - back];
    if (w.punct && w.norm != "-") return -1;
    if (light_verb_at(in, i - back)) return static_cast<int32_t>(i - back);
  }
  return -1;
}

bool has_nominal_after(const CoderInput& in, size_t i) {
  if (!light_verb_at(in, i)) return false;
  const std::vector<Word>& words = in.words();
  for (size_t k = i + 1; k < words.size() && k <= i + 4; ++k) {
    if (words[k].punct && words[k].norm != "-") return false;
    for (const VerbMatch& m : in.dicts.verbs.matches(words, k)) {
      if (m.entry->noun && tagger_allows(words[k], *m.entry)) return true;
    }
  }
  return false;
}

void set_voice_and_mood(const std::vector<Word>& words, Trigger& t) {
  const VerbEntry& e = t.entry();
  const bool participle =
      t.match.kind == FormKind::kPast || t.match.kind == FormKind::kIrregular ||
      (words[t.match.begin].upos == "VERB" && words[t.match.begin].norm.ends_with("ed"));
  if (!e.noun && !e.adjective && participle && t.end < words.size() && words[t.end].norm == "by" &&
      t.chain_begin == t.begin) {
    t.passive = true;  // a reduced relative: "a summit hosted by Trump"
  }
  if (!e.noun && !e.adjective && participle && !t.passive && e.particles.empty()) {
    for (uint32_t k = t.begin; k > t.chain_begin; --k) {
      if (one_of(words[k - 1].norm, kBe)) {
        t.passive = true;
        break;
      }
      if (!is_adverb(words[k - 1])) break;
    }
  }
  std::string modality;
  uint32_t first_marked = t.begin;
  for (uint32_t k = t.chain_begin; k < t.begin; ++k) {
    const std::string& n = words[k].norm;
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
    const std::string& prev = words[first_marked - 1].norm;
    if (one_of(prev, kAuxiliaries)) --first_marked;
  }
  if (t.negated || !modality.empty()) t.begin = first_marked;
  t.modality = modality;
}

// The type, mode and CAMEO code a dictionary entry gives; imported entries carry only a CAMEO
// code, whose type cameo.tsv gives (kNone for codes without one, such as 010 statements).
void type_from_entry(const CoderInput& in, Trigger& t) {
  const VerbEntry& e = t.entry();
  t.cameo = e.cameo;
  t.type = e.plover;
  t.mode = e.mode;
  if (t.type == PloverType::kNone && !e.cameo.empty()) {
    if (const CameoCode* cc = in.dicts.cameo.find(e.cameo)) {
      t.type = cc->plover;
      t.mode = cc->plover_mode;
    }
  }
}

// Is there a clause break between words [a, b)?
bool clause_break(const std::vector<Word>& words, uint32_t a, uint32_t b) {
  for (uint32_t k = a; k < b && k < words.size(); ++k) {
    const Word& w = words[k];
    if (is_hard_boundary(w) || w.norm == "but" || w.norm == "while") return true;
    if (w.norm == "," && reporting_after(words, k)) return true;
  }
  return false;
}

// The inflection a tagged verb is in (for voice without a dictionary form).
FormKind form_of(const Token& tok) {
  if (tok.xpos == "VBN" || tok.xpos == "VBD") return FormKind::kPast;
  if (tok.xpos == "VBG") return FormKind::kGerund;
  if (tok.xpos == "VBZ") return FormKind::kThirdPerson;
  return FormKind::kBase;
}

}  // namespace

int32_t clause_token(const CoderInput& in, const Trigger& t) {
  int32_t lt = in.parse.tok_of_word(t.head_word);
  if (lt >= 0 && t.entry().noun && t.begin < t.head_word) {
    const int32_t lv = in.parse.tok_of_word(t.begin);
    if (lv >= 0) lt = lv;
  }
  return lt;
}

const VerbEntry& model_entry() {
  static const VerbEntry entry = [] {
    VerbEntry e;
    e.source = "model";
    return e;
  }();
  return entry;
}

void add_model_candidates(const CoderInput& in, std::vector<Trigger>& triggers) {
  const std::vector<Word>& words = in.words();
  const SentenceParse& p = in.parse;
  std::vector<Trigger> added;
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].upos != "VERB" || in.view.phrase_at[i] >= 0) continue;
    bool covered = false;
    for (const Trigger& t : triggers) {
      if (i >= t.chain_begin && i < std::max({t.end, t.object_begin, t.match.object_end}))
        covered = true;
    }
    const int32_t lt = p.tok_of_word(i);
    if (covered || lt < 0 || !p.clausal(lt, false)) continue;
    Trigger t;
    t.match.entry = &model_entry();
    t.match.kind = form_of(p.tok(lt));
    t.match.begin = i;
    uint32_t end = i + 1;
    // A phrasal verb's particle right after it ("called off") belongs to the trigger.
    const int32_t prt = p.child(lt, "compound:prt");
    if (prt == lt + 1 && p.word_of_tok(prt) == static_cast<int32_t>(i + 1)) end = i + 2;
    t.match.end = end;
    t.match.object_end = end;
    t.begin = i;
    t.end = end;
    t.head_word = i;
    t.object_begin = end;
    t.chain_begin = chain_start(words, t.begin);
    set_voice_and_mood(words, t);
    added.push_back(std::move(t));
  }
  if (added.empty()) return;
  triggers.insert(triggers.end(), std::make_move_iterator(added.begin()),
                  std::make_move_iterator(added.end()));
  std::stable_sort(triggers.begin(), triggers.end(),
                   [](const Trigger& a, const Trigger& b) { return a.begin < b.begin; });
}

void apply_model(const CoderInput& in, std::vector<Trigger>& triggers) {
  const TriggerModel& model = *in.dicts.model;
  std::vector<uint64_t> keys;
  std::vector<std::string> names;
  std::vector<Trigger> kept;
  kept.reserve(triggers.size());
  for (Trigger& t : triggers) {
    if (!t.is_event() || t.entry().source.starts_with("rule:")) {
      kept.push_back(std::move(t));
      continue;
    }
    keys.clear();
    trigger_features(in, t, keys);
    const TriggerDecision d = model.classify(keys, t.type);
    if (d.type == PloverType::kNone) continue;
    if (d.type != t.type) {
      t.type = d.type;
      t.cameo = model.cameo(keys, d.type);
      if (t.cameo.empty()) t.cameo = std::string(plover_info(d.type).cameo_default);
      const CameoCode* cc = in.dicts.cameo.find(t.cameo);
      t.mode = cc && cc->plover == d.type ? cc->plover_mode : "";
    }
    keys.clear();
    names.clear();
    trigger_features(in, t, keys, &names);
    t.decided_by = "model: " + std::string(to_string(d.type)) + " over " +
                   (d.runner_up == PloverType::kNone ? std::string("no event")
                                                     : std::string(to_string(d.runner_up))) +
                   " (" + model.explain(keys, names, d, 3) + ")";
    kept.push_back(std::move(t));
  }
  triggers = std::move(kept);
}

namespace {

constexpr std::array<std::string_view, 8> kTemporalMarks = {"after", "before", "since", "when",
                                                            "while", "until",  "once",  "whenever"};
constexpr std::array<std::string_view, 3> kConditionalMarks = {"if", "unless", "whether"};

// Why trigger t is told as background (a relative clause, a noun's participle, a temporal
// clause), or "" (mark_non_assertions()).
std::string_view background_clause(const CoderInput& in, const Trigger& t) {
  const SentenceParse& p = in.parse;
  const int32_t lt = clause_token(in, t);
  if (lt < 0) return {};
  const std::string_view r = p.rel(lt);
  if (r == "acl:relcl") return "a relative clause";
  if (SentenceParse::rel_is(r, "acl")) {
    const int32_t m = p.child(lt, "mark");
    if (!(m >= 0 && p.norm_of(m) == "to")) return "a participle describing a noun";
  }
  if (SentenceParse::rel_is(r, "advcl")) {
    const int32_t m = p.child(lt, "mark");
    if (m >= 0 && one_of(p.norm_of(m), kTemporalMarks)) return "a temporal clause";
  }
  if (SentenceParse::rel_is(r, "appos")) return "an apposition";
  return {};
}

// Why trigger t asserts no event of the article, or "" when it does (mark_non_assertions()).
std::string_view non_assertion(const CoderInput& in, const Trigger& t) {
  const SentenceParse& p = in.parse;
  const std::vector<Word>& words = in.words();
  const int32_t lt = clause_token(in, t);
  if (lt < 0) return {};
  size_t last = words.size();
  while (last > 0 && words[last - 1].punct && words[last - 1].norm != "?") --last;
  if (last > 0 && words[last - 1].norm == "?") return "a question";
  const Span ws = words[t.head_word].span;
  for (uint32_t qi : in.ctx.quotes_of(in.view.index)) {
    const Quote& q = in.doc.quotes[qi];
    if (q.kind == QuoteKind::kIndirect) continue;
    for (const Span& c : q.content) {
      if (c.contains(ws)) return "inside a quotation";
    }
  }
  const std::string_view r = p.rel(lt);
  // A modal of possibility or obligation ("would support", "could help", "should have
  // congratulated") states no event, except a reported intention ("said it would withdraw").
  if (has_word(t.modality, "would") || has_word(t.modality, "could") ||
      has_word(t.modality, "might") || has_word(t.modality, "may") ||
      has_word(t.modality, "should") || has_word(t.modality, "can")) {
    const int32_t h = p.head_of(lt);
    const bool reported =
        h >= 0 && SentenceParse::rel_is(r, "ccomp") && p.word_of_tok(h) >= 0 &&
        one_of(words[static_cast<size_t>(p.word_of_tok(h))].norm, kReportingVerbs);
    if (!reported && !t.negated) return "hypothetical: a modal of possibility";
  }
  // Conditions: a mark on the clause or a clause above it, or an "if" clause it governs.
  for (int32_t c = lt, depth = 0; c >= 0 && depth < 6; c = p.head_of(c), ++depth) {
    const int32_t m = p.child(c, "mark");
    if (m >= 0 && one_of(p.norm_of(m), kConditionalMarks)) return "hypothetical: a condition";
    for (int32_t k = p.first_child(c); k >= 0; k = p.next_sibling(k)) {
      if (!SentenceParse::rel_is(p.rel(k), "advcl")) continue;
      const int32_t km = p.child(k, "mark");
      if (km >= 0 && (p.norm_of(km) == "if" || p.norm_of(km) == "unless")) {
        return "hypothetical: the consequent of a condition";
      }
    }
    const std::string_view cr = p.rel(c);
    if (!(SentenceParse::rel_is(cr, "xcomp") || SentenceParse::rel_is(cr, "conj"))) break;
  }
  return {};
}

}  // namespace

void mark_non_assertions(const CoderInput& in, std::vector<Trigger>& triggers) {
  for (Trigger& t : triggers) {
    if (!t.is_event() || t.controller >= 0) continue;
    t.not_asserted = std::string(non_assertion(in, t));
    t.background = std::string(background_clause(in, t));
  }
}

uint32_t chain_start(const std::vector<Word>& words, uint32_t i) {
  uint32_t b = i;
  while (b > 0) {
    const Word& w = words[b - 1];
    if (one_of(w.norm, kAuxiliaries) || one_of(w.norm, kModals) || is_adverb(w) || w.norm == "to" ||
        w.norm == "has" || w.norm == "have") {
      --b;
    } else {
      break;
    }
  }
  return b;
}

bool reporting_after(const std::vector<Word>& words, uint32_t k) {
  for (uint32_t j = k + 1; j < words.size() && j <= k + 9; ++j) {
    if (is_hard_boundary(words[j]) || words[j].norm == ",") return false;
    if (one_of(words[j].norm, kReportingVerbs)) return true;
  }
  return false;
}

int32_t trigger_at(const std::vector<Trigger>& triggers, uint32_t w) {
  for (size_t k = 0; k < triggers.size(); ++k) {
    if (w >= triggers[k].chain_begin && w < triggers[k].end) return static_cast<int32_t>(k);
  }
  return -1;
}

std::vector<Trigger> find_triggers(const CoderInput& in) {
  const std::vector<Word>& words = in.words();
  std::vector<Trigger> triggers;
  for (size_t i = 0; i < words.size();) {
    const Word& w = words[i];
    if (w.punct || in.view.phrase_at[i] >= 0) {
      ++i;
      continue;
    }
    std::vector<VerbMatch> ms = in.dicts.verbs.matches(words, i);
    std::stable_partition(ms.begin(), ms.end(),
                          [](const VerbMatch& m) { return m.entry->adjective; });
    bool taken = false;
    for (const VerbMatch& m : ms) {
      const VerbEntry& e = *m.entry;
      if (e.no_event || e.role == VerbRole::kLight) continue;
      Trigger t;
      t.match = m;
      if (e.role == VerbRole::kEvent) {
        // An imported CAMEO code makes an event only when it has a PLOVER type (not 010).
        type_from_entry(in, t);
        if (t.type == PloverType::kNone) continue;
      }
      if (!tagger_allows(w, e)) continue;
      t.begin = m.begin;
      t.end = m.end;
      if (e.noun) {
        const int32_t lv = light_verb_before(in, i);
        if (lv < 0) continue;
        t.begin = static_cast<uint32_t>(lv);
      } else if (e.adjective) {
        size_t b = i;
        while (b > 0 && is_adverb(words[b - 1])) --b;
        if (b == 0 || !one_of(words[b - 1].norm, kBe)) continue;
        if (m.end >= words.size() || words[m.end].norm != "to") continue;
      } else {
        if (words[i].upos.empty() && !verb_context_ok(words, i, m.kind)) continue;
        // A participle the parse attaches to a noun as a modifier is an adjective here
        // ("proposed Israeli changes"), not an action.
        if (in.parse.parsed() && m.end == i + 1 && in.parse.modifier_participle(i)) continue;
        // A light verb followed by a nominal trigger yields to the nominal reading.
        if (has_nominal_after(in, i)) break;
      }
      t.object_begin = m.end;  // object words only select the pattern
      t.head_word = m.begin;
      t.chain_begin = chain_start(words, t.begin);
      set_voice_and_mood(words, t);
      triggers.push_back(std::move(t));
      i = std::max<size_t>(m.end, i + 1);
      taken = true;
      break;
    }
    if (!taken) ++i;
  }
  return triggers;
}

// A reported obligation is a demand: "X declared that China must drop barriers", "X said the
// US should mediate" -> REQUEST from X to China / the US (CAMEO 10). The trigger is the
// reporting verb; the verb after "must"/"should" is its complement, folded into it.
void add_reported_obligations(const CoderInput& in, std::vector<Trigger>& triggers) {
  const std::vector<Word>& words = in.words();
  bool added = false;
  for (uint32_t i = 1; i < words.size(); ++i) {
    if (words[i].norm != "must" && words[i].norm != "should") continue;
    uint32_t j = i;
    while (j > 0 && is_adverb(words[j - 1])) --j;
    if (j == 0) continue;
    const int32_t pi = in.view.phrase_at[j - 1];
    if (pi < 0) continue;
    const ActorPhrase& p = in.view.phrases[static_cast<size_t>(pi)];
    if (p.end != j || p.country.empty() || p.begin < 2) continue;
    // "... that <phrase> must" or "<reporting verb> <phrase> must", with up to three words
    // (a day, "here", "on Saturday") between the reporting verb and "that".
    uint32_t b = p.begin;
    if (words[b - 1].norm == "that") --b;
    int32_t rv = -1;
    for (uint32_t r = b; r-- > 0 && r + 4 >= b;) {
      if (one_of(words[r].norm, kObligationReporters)) {
        rv = static_cast<int32_t>(r);
        break;
      }
      if (words[r].punct || trigger_at(triggers, r) >= 0) break;
    }
    if (rv < 0 || trigger_at(triggers, static_cast<uint32_t>(rv)) >= 0) continue;
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
    t.chain_begin = chain_start(words, t.begin);
    type_from_entry(in, t);
    set_voice_and_mood(words, t);
    t.passive = false;
    triggers.push_back(std::move(t));
    added = true;
  }
  if (added) {
    std::stable_sort(triggers.begin(), triggers.end(),
                     [](const Trigger& a, const Trigger& b) { return a.begin < b.begin; });
  }
}

void link_complements(const CoderInput& in, std::vector<Trigger>& triggers) {
  const std::vector<Word>& words = in.words();
  for (size_t k = 1; k < triggers.size(); ++k) {
    Trigger& u = triggers[k];
    // The nearest earlier trigger.
    const auto t_index = static_cast<int32_t>(k - 1);
    Trigger& t = triggers[static_cast<size_t>(t_index)];
    const uint32_t from = std::max(t.end, t.object_begin);
    if (clause_break(words, from, u.begin)) continue;
    const bool to_before = u.chain_begin > 0 && words[u.chain_begin].norm == "to";
    const bool to_before2 =
        to_before || (u.chain_begin > 0 && words[u.chain_begin - 1].norm == "to");
    bool that_between = false;
    for (uint32_t j = from; j < u.chain_begin; ++j) {
      if (words[j].norm == "that") that_between = true;
    }
    const VerbEntry& te = t.entry();
    const bool t_controls =
        te.control ||
        (t.controller >= 0 && triggers[static_cast<size_t>(t.controller)].entry().control);
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
               u.chain_begin == u.begin && (t.match.kind != FormKind::kBase || t.controller >= 0) &&
               !u.entry().noun && !t.entry().noun) {
      // A bare infinitive after another verb's object: "helped them locate and take down".
      u.controller = t_index;
      u.absorbed = true;
    }
  }
}

}  // namespace dateline::events
