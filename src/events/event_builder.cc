// SPDX-License-Identifier: Apache-2.0
// Events from triggers. PLOVER codes announced intentions as AGREE (to cooperate) and
// THREATEN (to act against): "will visit Albania" is AGREE, "plans to impose restrictions"
// THREATEN, and an AGREE control verb with a conflictual complement ("is prepared to impose
// martial law") THREATEN. Participants the sentence leaves implicit are inferred and the
// inference is written in `why`: a passive without agent takes the article's principal actor;
// a sector-only participant the place's or the other participant's country; with no target,
// the place's country, else the actor's own (a domestic event). The date is the time
// expression in the trigger's clause nearest to it, else the publication date; the place the
// first "in/at/near + Name" of the clause that the dictionaries or the entities layer know as
// a place.
#include "events/event_builder.h"

#include <algorithm>
#include <cctype>

#include "dates/governing.h"
#include "events/word_classes.h"

namespace dateline::events {
namespace {

class EventBuilder {
 public:
  EventBuilder(const CoderInput& in, const std::vector<Trigger>& triggers)
      : in_(in), words_(in.words()), triggers_(triggers) {}

  void run(std::vector<Event>& out) const {
    for (size_t k = 0; k < triggers_.size(); ++k) {
      const Trigger& t = triggers_[k];
      if (t.is_event() && !t.absorbed && t.not_asserted.empty()) emit(k, out);
    }
  }

 private:
  const ActorPhrase& phrase(int32_t pi) const { return in_.view.phrases[static_cast<size_t>(pi)]; }

  Span span_of(uint32_t b, uint32_t e) const {
    if (b >= e) return {};
    return {words_[b].span.begin, words_[e - 1].span.end};
  }

  EventParticipant participant(int32_t pi) const {
    EventParticipant p;
    if (pi < 0) return p;
    const ActorPhrase& ph = phrase(pi);
    p.span = span_of(ph.begin, ph.end);
    p.text = std::string(in_.doc.slice(p.span));
    p.code = ph.final_code();
    for (const Mention& m : in_.doc.mentions) {
      if (m.sentence == in_.view.index && m.span.overlaps(p.span) && m.entity >= 0) {
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
    for (const auto& [c, n] : in_.ctx.actor_counts) {
      if (c == not_country) continue;
      if (n > best_n || (n == best_n && !best.empty() && c < best)) {
        best = c;
        best_n = n;
      }
    }
    return best;
  }

  // The type after the intent rule, with `why` notes (see the file comment).
  void apply_intent(size_t k, Event& ev, std::string& intent_from) const {
    const Trigger& t = triggers_[k];
    const bool future =
        !t.negated && (has_word(t.modality, "will") || has_word(t.modality, "would") ||
                       has_word(t.modality, "'ll") || has_word(t.modality, "planned") ||
                       has_word(t.modality, "intended"));
    PloverType type = t.type;
    if (type == PloverType::kAgree && !t.negated) {
      PloverType effective = type;
      for (const Trigger& c : triggers_) {
        if (c.absorbed && c.controller == static_cast<int32_t>(k) && is_conflict(c.type)) {
          effective = c.type;
          break;
        }
      }
      if (effective != PloverType::kAgree) {
        type = PloverType::kThreaten;
        intent_from = "intent to " + std::string(to_string(effective));
      }
    } else if (future && type != PloverType::kAgree && type != PloverType::kThreaten &&
               type != PloverType::kRequest && type != PloverType::kAccuse) {
      intent_from = "announced " + std::string(to_string(type));
      type = is_conflict(type) ? PloverType::kThreaten : PloverType::kAgree;
    }
    ev.plover = std::string(to_string(type));
    if (!intent_from.empty()) {
      ev.cameo = type == PloverType::kAgree ? "030" : "130";
      ev.plover_mode = "";
      if (const CameoCode* ic = in_.dicts.cameo.find(ev.cameo)) {
        ev.goldstein = ic->goldstein;
        ev.quad_class = ic->quad_class;
      }
    }
  }

  void emit(size_t k, std::vector<Event>& out) const {
    const Trigger& t = triggers_[k];
    const VerbEntry& e = t.entry();
    if (t.type == PloverType::kNone) return;
    Event ev;
    ev.sentence = in_.view.index;
    ev.trigger = span_of(t.begin, t.end);
    ev.trigger_text = std::string(in_.doc.slice(ev.trigger));
    ev.cameo = t.cameo;
    ev.plover_mode = t.mode;
    if (const CameoCode* cc = t.cameo.empty() ? nullptr : in_.dicts.cameo.find(t.cameo)) {
      ev.goldstein = cc->goldstein;
      ev.quad_class = cc->quad_class;
    }
    std::string intent_from;
    apply_intent(k, ev, intent_from);
    ev.negated = t.negated;
    ev.modality = t.modality;
    ev.actor = participant(t.actor);
    ev.target = participant(t.target);
    std::string why = "sentence " + std::to_string(in_.view.index) + ": trigger '" +
                      ev.trigger_text + "' <- " + e.source;
    if (!e.lemma.empty()) {
      why += " (" + e.lemma;
      for (const std::string& p : e.particles) why += " " + p;
      if (!e.object_words.empty()) {
        why += " *";
        for (const std::string& o : e.object_words) why += " " + o;
      }
      why += ")";
    }
    if (!t.decided_by.empty()) why += "; " + t.decided_by;
    if (!intent_from.empty()) why += "; " + intent_from + " -> " + ev.plover + " (intent)";
    if (t.passive) why += "; passive";
    if (t.negated) why += "; negated";
    if (!t.modality.empty()) why += "; modality '" + t.modality + "'";
    for (const Trigger& c : triggers_) {
      if (c.absorbed && c.controller == static_cast<int32_t>(k)) {
        why += "; complement '" + std::string(in_.doc.slice(span_of(c.match.begin, c.end))) + "'";
      }
    }
    if (t.actor >= 0) {
      why += "; actor " + t.actor_note + " '" + ev.actor.text +
             "' = " + (ev.actor.code.empty() ? std::string("uncoded") : ev.actor.code) + " <- " +
             phrase(t.actor).source;
    } else if (t.passive) {
      std::string principal = principal_actor(ev.target.code.substr(0, 3));
      if (!principal.empty()) {
        ev.actor.code = principal;
        ev.actor.text = "";
        why +=
            "; actor implicit (passive without agent): the article's principal actor " + principal;
      }
    }
    set_place(t, ev, why);
    complete_participants(t, ev, why);
    if (t.target >= 0) {
      why += "; target " + t.target_note + " '" + ev.target.text +
             "' = " + (ev.target.code.empty() ? std::string("uncoded") : ev.target.code) + " <- " +
             phrase(t.target).source;
    }
    set_date(k, ev, why);
    ev.why = std::move(why);
    out.push_back(std::move(ev));
  }

  // Participants the sentence leaves without a country or unnamed (see the file comment).
  void complete_participants(const Trigger& t, Event& ev, std::string& why) const {
    // A participant with a sector but no country ("students", "the military") is taken to be
    // of the place the clause names, else (for the target) of the actor's country: a domestic
    // event, the usual reading in news ("police prevented students ...").
    auto complete = [&](EventParticipant& part, int32_t pi, const std::string& fallback,
                        const char* role) {
      if (pi < 0 || !part.code.empty()) return;
      const ActorPhrase& ph = phrase(pi);
      if (ph.sector.empty()) return;
      const std::string country = !ev.place.country.empty() ? ev.place.country : fallback;
      if (country.size() != 3 || country == "IGO" || country == "NGO" || country == "IMG") return;
      part.code = country + ph.sector;
      why += std::string("; ") + role + " country " + country +
             (!ev.place.country.empty() ? " from the place" : " from the actor (domestic)");
    };
    complete(ev.actor, t.actor, "", "actor");
    if (ev.actor.code.empty() && t.target >= 0 && !phrase(t.target).country.empty()) {
      complete(ev.actor, t.actor, phrase(t.target).country, "actor");
    }
    complete(ev.target, t.target,
             ev.actor.code.substr(0, std::min<size_t>(3, ev.actor.code.size())), "target");
    // A named target nothing codes ("attacked Khizr Khan"): of the actor's country, the usual
    // reading of news about a named person or group, said in `why`.
    if (t.target >= 0 && ev.target.code.empty() && phrase(t.target).named &&
        ev.actor.code.size() >= 3) {
      const std::string c = ev.actor.code.substr(0, 3);
      if (c != "IGO" && c != "NGO" && c != "IMG") {
        ev.target.code = c;
        why += "; target '" + ev.target.text + "' is named but not coded: country " + c +
               " from the actor (domestic)";
      }
    }
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

  void set_date(size_t k, Event& ev, std::string& why) const {
    const Span clause = clause_of(k);
    const Document& doc = in_.doc;
    // With a parse, a time in another predicate's subordinate clause ("who resigned in
    // 2012") does not date this event.
    const int32_t trigger_tok = in_.parse.parsed() ? clause_token(in_, triggers_[k]) : -1;
    int32_t best = -1;
    uint32_t best_dist = UINT32_MAX;
    for (size_t i = 0; i < doc.times.size(); ++i) {
      const TimeExpression& x = doc.times[i];
      if (x.sentence != in_.view.index ||
          (x.type != TimeType::kDate && x.type != TimeType::kTime) || !x.resolved ||
          x.value.empty() || !std::isdigit(static_cast<unsigned char>(x.value[0]))) {
        continue;
      }
      if (!clause.contains(x.span)) continue;
      if (in_.parse.parsed() && trigger_tok >= 0) {
        const int32_t xt = in_.parse.tok_at(x.span.begin);
        if (xt >= 0 && in_.parse.outside_clause(xt, trigger_tok)) continue;
      }
      const uint32_t d = x.span.begin >= ev.trigger.end
                             ? x.span.begin - ev.trigger.end
                             : ev.trigger.begin - std::min(ev.trigger.begin, x.span.end);
      if (d < best_dist) {
        best_dist = d;
        best = static_cast<int32_t>(i);
      }
    }
    if (best >= 0) {
      const TimeExpression& x = doc.times[static_cast<size_t>(best)];
      ev.date = x.value.substr(0, x.value.find('T'));
      ev.date_source = DateSource::kExpression;
      ev.time = best;
      why += "; date '" + std::string(doc.slice(x.span)) + "' = " + x.value;
    } else if (!triggers_[k].background.empty()) {
      why += "; no date: told as background (" + triggers_[k].background +
             "), not dated by the publication";
    } else if (std::string published = dates::publication_date(doc); !published.empty()) {
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
      const int32_t pi = in_.view.phrase_at[n];
      j = n - 1;
      uint32_t e = j + 2;
      std::string country;
      if (pi >= 0) {
        const ActorPhrase& p = phrase(pi);
        e = p.end;
        country = p.country;
      } else {
        while (e < words_.size() && words_[e].capitalized && !words_[e].punct) ++e;
      }
      Span s = span_of(j + 1, e);
      bool gpe = !country.empty();
      for (const Mention& m : in_.doc.mentions) {
        if (m.sentence != in_.view.index || !m.span.overlaps(s) || m.entity < 0) continue;
        const Entity& en = in_.doc.entities[static_cast<size_t>(m.entity)];
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
      ev.place.name = std::string(in_.doc.slice(s));
      ev.place.country = country;
      why += "; place '" + ev.place.name + "'";
      return;
    }
  }

  const CoderInput& in_;
  const std::vector<Word>& words_;
  const std::vector<Trigger>& triggers_;
};

}  // namespace

void build_events(const CoderInput& in, const std::vector<Trigger>& triggers,
                  std::vector<Event>& out) {
  EventBuilder(in, triggers).run(out);
}

}  // namespace dateline::events
