// SPDX-License-Identifier: Apache-2.0
// Participants. The actor is the nearest actor phrase to the left that is a subject (not the
// object of a verb or preposition); a verb coordinated with an earlier one ("... seized X and
// aided Y") shares its actor. The target is the first actor phrase to the right in the same
// clause that is not a place ("in Miami"). Passive swaps them: the target is the subject, the
// actor the "by" phrase (else event_builder.cc infers the article's principal actor).
// With a dependency parse the parse's arguments replace the word-order ones where it names
// them: nsubj (through conj, xcomp and relative clauses), obl:agent / "by" and nsubj:pass for
// passives, obj / iobj / obl of the verb, of a nominal trigger and of its complement clauses,
// each mapped to the actor phrase inside the argument's noun phrase. Parses that cannot be
// right for the trigger (a verb attached as a noun modifier) are ignored; word order remains
// the fallback.
#include "events/participants.h"

#include <algorithm>
#include <array>

#include "events/word_classes.h"

namespace dateline::events {
namespace {

class ParticipantFinder {
 public:
  ParticipantFinder(const CoderInput& in, std::vector<Trigger>& triggers)
      : in_(in), words_(in.words()), parse_(in.parse), triggers_(triggers) {}

  void run() {
    for (size_t k = 0; k < triggers_.size(); ++k) {
      word_order(k);
      if (parse_.parsed()) dependency_arguments(k);
    }
  }

 private:
  const ActorPhrase& phrase(int32_t pi) const { return in_.view.phrases[static_cast<size_t>(pi)]; }
  int32_t phrase_at(size_t w) const { return in_.view.phrase_at[w]; }

  // A phrase can be a subject when nothing before it makes it an object: the word before it
  // (past articles and possessives) is neither a preposition nor part of a trigger.
  bool subject_like(const ActorPhrase& p) const {
    uint32_t j = p.begin;
    while (j > 0 &&
           (one_of(words_[j - 1].norm, kDeterminers) || one_of(words_[j - 1].norm, kPossessives))) {
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

  // The subject to the left ("Pakistan, a key U.S. ally in the war, has refused": past the
  // appositive first), or the controller's / coordinated verb's actor.
  void find_subject(size_t k) {
    Trigger& u = triggers_[k];
    if (u.controller >= 0) {
      const Trigger& c = triggers_[static_cast<size_t>(u.controller)];
      u.actor = c.passive ? c.target : c.actor;
      u.actor_inherited = true;
      u.actor_note = "subject of its controller";
      return;
    }
    const int32_t start = static_cast<int32_t>(u.chain_begin) - 1;
    if (start > 0 && words_[static_cast<size_t>(start)].norm == ",") {
      for (int32_t c = start - 1; c > 0; --c) {
        const std::string& n = words_[static_cast<size_t>(c)].norm;
        if (is_hard_boundary(words_[static_cast<size_t>(c)]) ||
            trigger_at(triggers_, static_cast<uint32_t>(c)) >= 0) {
          break;
        }
        if (n == ",") {
          const std::string& det = words_[static_cast<size_t>(c) + 1].norm;
          const int32_t pi = phrase_at(static_cast<size_t>(c) - 1);
          if ((det == "a" || det == "an" || det == "the") && pi >= 0 &&
              !phrase(pi).country.empty()) {
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
      const int32_t pi = phrase_at(static_cast<size_t>(j));
      if (pi >= 0) {
        const ActorPhrase& p = phrase(pi);
        if (subject_like(p)) {
          u.actor = pi;
          u.actor_note = "subject";
          break;
        }
        j = static_cast<int32_t>(p.begin);
        continue;
      }
      const int32_t ti = trigger_at(triggers_, static_cast<uint32_t>(j));
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
                         std::string(in_.doc.slice(
                             {words_[t.match.begin].span.begin, words_[t.end - 1].span.end})) +
                         "'";
        }
        break;
      }
    }
  }

  // Word order: the subject to the left, objects and places to the right.
  void word_order(size_t k) {
    find_subject(k);
    Trigger& u = triggers_[k];
    int32_t right = -1, by_agent = -1;
    for (uint32_t j = u.object_begin; j < words_.size(); ++j) {
      const Word& w = words_[j];
      if (is_hard_boundary(w) || w.norm == "but" || w.norm == "while") break;
      // A reporting clause, a relative clause or an adverbial clause (", as authorities in
      // Croatia cracked down") after a comma has its own participants.
      if (w.norm == "," && j + 1 < words_.size()) {
        const std::string& next = words_[j + 1].norm;
        if (reporting_after(words_, j) || next == "which" || next == "who" ||
            one_of(next, kSubordinators)) {
          break;
        }
      }
      const int32_t ti = trigger_at(triggers_, j);
      if (ti >= 0 && static_cast<size_t>(ti) != k &&
          !(triggers_[static_cast<size_t>(ti)].controller == static_cast<int32_t>(k) &&
            triggers_[static_cast<size_t>(ti)].absorbed)) {
        break;
      }
      const int32_t pi = phrase_at(j);
      if (pi < 0 || phrase(pi).begin != j) continue;
      const ActorPhrase& p = phrase(pi);
      const std::string& prep = j > 0 ? words_[j - 1].norm : std::string();
      // The pattern's own object ("sent a delegation") is what is acted with, not a target.
      if (j < u.match.object_end && p.country.empty()) {
        j = p.end - 1;
        continue;
      }
      const bool own_particle =
          j == u.object_begin && !u.entry().particles.empty() && u.entry().particles.back() == prep;
      j = p.end - 1;
      if (one_of(prep, kPlacePrepositions) && !own_particle) continue;
      if (prep == "by" && u.passive) {
        if (by_agent < 0) by_agent = pi;
        continue;
      }
      // The first phrase with a country wins over an earlier sector-only one ("promised
      // military aid to Mozambique").
      if (pi != u.actor) {
        if (right < 0 || (phrase(right).country.empty() && !p.country.empty())) right = pi;
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

  // Replaces the word-order participants of trigger k with the parse's where the parse names
  // them: actor = nsubj (obl:agent / "by" for passives, nsubj:pass the target); target = iobj /
  // obj / obl of the verb (or of the light verb and the noun for nominal triggers, and of the
  // complements folded into the event), skipping places, times and adjuncts ("following the
  // deaths of ..."), the pattern's own object and what the actor owns ("offered its troops to
  // ..."). Falls back to word order where the parse gives nothing.
  void dependency_arguments(size_t k) {
    Trigger& u = triggers_[k];
    const int32_t h = parse_.tok_of_word(u.head_word);
    if (h < 0 || !parse_.clausal(h, u.entry().noun)) return;
    int32_t clause = h;  // the verb that carries subject and objects
    if (u.entry().noun &&
        (SentenceParse::rel_is(parse_.rel(h), "obj") ||
         SentenceParse::rel_is(parse_.rel(h), "nsubj")) &&
        parse_.head_of(h) >= 0) {
      clause = parse_.head_of(h);
    }
    int32_t agent_arg = parse_.child(clause, "obl:agent");
    for (int32_t c = parse_.first_child(clause); c >= 0 && agent_arg < 0;
         c = parse_.next_sibling(c)) {
      if (SentenceParse::rel_is(parse_.rel(c), "obl") && parse_.case_of(c) == "by") agent_arg = c;
    }
    // The parse's passive is trusted with an agent; without one a heuristic passive is needed
    // too ("is opposed to" is a state, not an action done to Israel).
    const bool passive = u.passive || (agent_arg >= 0 && (parse_.child(clause, "nsubj:pass") >= 0 ||
                                                          parse_.child(clause, "aux:pass") >= 0));
    // Subject: taken from the parse when it can be coded or word order found none.
    if (u.controller < 0 && !passive) {
      const int32_t subj = parse_.subject_of(clause);
      const int32_t pi = subj >= 0 ? parse_.phrase_of_arg(subj) : -1;
      if (pi >= 0 && (u.actor < 0 || !phrase(pi).country.empty() || !phrase(pi).code.empty())) {
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
      const int32_t ct = parse_.tok_of_word(c.head_word);
      const size_t before = n_heads;
      add_head(ct);
      const int32_t csubj = ct >= 0 ? parse_.child(ct, "nsubj") : -1;
      if (n_heads > before && csubj >= 0 && !one_of(parse_.norm_of(csubj), kRelativePronouns)) {
        own_subject[before] = true;
        if (complement_subject < 0) complement_subject = csubj;
      }
    }
    // Complement clauses: "threatened to break relations with Russia", "demanded that the
    // United States match ...", "its demand that Israel ease ...": their objects, and the
    // subject of a "that" clause, are what the event is directed at.
    const size_t n_direct = n_heads;
    for (size_t hi = 0; hi < n_direct; ++hi) {
      for (int32_t c = parse_.first_child(heads[hi]); c >= 0; c = parse_.next_sibling(c)) {
        const std::string_view r = parse_.rel(c);
        const int32_t mark = parse_.child(c, "mark");
        const bool to_clause = mark >= 0 && parse_.norm_of(mark) == "to";
        if (SentenceParse::rel_is(r, "xcomp") || (SentenceParse::rel_is(r, "advcl") && to_clause)) {
          add_head(c);
        }
        if (SentenceParse::rel_is(r, "ccomp") ||
            (SentenceParse::rel_is(r, "acl") && !to_clause && u.entry().noun)) {
          add_head(c);
          if (complement_subject < 0) complement_subject = parse_.child(c, "nsubj");
        }
      }
    }
    const std::string_view particle = u.entry().particles.empty()
                                          ? std::string_view()
                                          : std::string_view(u.entry().particles.back());
    std::array<int32_t, 2> best_of = {-1, -1};  // direct objects, complement objects
    int32_t agent = -1;
    for (size_t hi = 0; hi < n_heads; ++hi) {
      for (int32_t c = parse_.first_child(heads[hi]); c >= 0; c = parse_.next_sibling(c)) {
        const std::string_view r = parse_.rel(c);
        const bool nominal_head = heads[hi] == h && u.entry().noun;
        if (!(SentenceParse::rel_is(r, "obj") || SentenceParse::rel_is(r, "iobj") ||
              SentenceParse::rel_is(r, "obl") ||
              (nominal_head && SentenceParse::rel_is(r, "nmod")))) {
          continue;
        }
        if (r == "obl:tmod" || r == "obl:npmod" || r == "nmod:tmod" || r == "nmod:poss") continue;
        if (heads[hi] == clause && c == h) continue;  // the nominal trigger itself
        const std::string_view prep = parse_.case_of(c);
        if (passive && (prep == "by" || r == "obl:agent")) {
          if (agent < 0) agent = parse_.phrase_of_arg(c);
          continue;
        }
        if (!prep.empty() && prep != particle &&
            (one_of(prep, kPlacePrepositions) || one_of(prep, kNonArgumentCases))) {
          continue;
        }
        const int32_t pi = parse_.phrase_of_arg(c);
        if (pi < 0 || pi == u.actor) continue;
        const ActorPhrase& p = phrase(pi);
        if (p.country.empty() && in_pattern_object(k, p)) continue;
        // What the actor owns is what it acts with ("offered its troops to ..."), but an
        // owned thing may lead to the target ("closed its borders with Iran").
        const int32_t poss = parse_.child(c, "nmod:poss");
        const int32_t cw = parse_.word_of_tok(c);
        if (poss >= 0 && one_of(parse_.norm_of(poss), kPossessives) && cw >= 0 &&
            phrase_at(static_cast<size_t>(cw)) == pi) {
          continue;
        }
        // "complained to the United Nations over Israeli raids": the accused is the target,
        // the one complained to only the addressee.
        const bool addressee = prep == "to" && u.type == PloverType::kAccuse;
        int32_t& best = best_of[hi < n_direct && !own_subject[hi] && !addressee ? 0 : 1];
        if (best < 0 || (phrase(best).country.empty() && !p.country.empty())) best = pi;
      }
    }
    // A direct object with a country, else the subject of a "that" clause, else the
    // complement's objects; phrases with a country before sector-only ones.
    auto has_country = [&](int32_t pi) { return pi >= 0 && !phrase(pi).country.empty(); };
    const int32_t comp_subj =
        complement_subject >= 0 ? parse_.phrase_of_arg(complement_subject) : -1;
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
      const int32_t subj = parse_.subject_of(clause);
      const int32_t spi = subj >= 0 ? parse_.phrase_of_arg(subj) : -1;
      if (spi >= 0) {
        u.target = spi;
        u.target_note = "passive subject (parse)";
      }
      if (agent >= 0) {
        u.actor = agent;
        u.actor_note = "passive agent (parse)";
      } else if (!u.passive || u.actor == u.target) {
        u.actor = -1;  // no agent: event_builder infers one
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

  const CoderInput& in_;
  const std::vector<Word>& words_;
  const SentenceParse& parse_;
  std::vector<Trigger>& triggers_;
};

}  // namespace

void find_participants(const CoderInput& in, std::vector<Trigger>& triggers) {
  ParticipantFinder(in, triggers).run();
}

}  // namespace dateline::events
