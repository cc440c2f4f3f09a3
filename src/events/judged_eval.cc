// SPDX-License-Identifier: Apache-2.0
#include "events/judged_eval.h"

#include <cstdio>

namespace dateline::events {

void score_judged(const Document& doc, const std::vector<const JudgedEvent*>& judged,
                  JudgedScores& scores, std::string* listing) {
  scores.judged += static_cast<int>(judged.size());
  scores.total_events += static_cast<int>(doc.events.size());
  std::vector<bool> covered(doc.events.size(), false);
  for (const JudgedEvent* j : judged) {
    // The coder's event on this trigger: the first whose trigger overlaps the judged span.
    const Event* e = nullptr;
    for (size_t k = 0; k < doc.events.size(); ++k) {
      if (doc.events[k].trigger.overlaps(j->trigger)) {
        covered[k] = true;
        if (!e) e = &doc.events[k];
      }
    }
    if (!e) continue;
    ++scores.extracted;
    if (listing) {
      *listing += doc.meta.id + "\t" + std::to_string(j->trigger.begin) + "\t" +
                  (j->event ? std::string(to_string(j->type)) : std::string("no-event")) + "\t" +
                  e->actor.code + " " + e->plover + " " + e->target.code + " '" + e->trigger_text +
                  "'\t" + j->note + "\n";
    }
    if (!j->event) continue;
    ++scores.events;
    if (e->plover == to_string(j->type)) ++scores.type_right;
    const bool actor_judged = j->actor != "?";
    const bool target_judged = j->target != "?";
    const bool actor_ok = actor_judged && code_accepted(e->actor.code, j->actor);
    const bool target_ok = target_judged && code_accepted(e->target.code, j->target);
    scores.actor_judged += actor_judged;
    scores.actor_right += actor_ok;
    scores.target_judged += target_judged;
    scores.target_right += target_ok;
    if (actor_judged && target_judged) {
      ++scores.both_judged;
      scores.both_right += actor_ok && target_ok;
    }
  }
  for (bool c : covered) scores.outside += !c;
}

std::string format_judged(const JudgedScores& s) {
  char buf[1024];
  std::snprintf(buf, sizeof buf,
                "judged triggers: %d, still extracted: %d\n"
                "events at all: %d of %d (%.1f%%)\n"
                "type right: %d of %d events (%.1f%%)\n"
                "actor right: %d of %d (%.1f%%); target right: %d of %d (%.1f%%)\n"
                "actor and target right: %d of %d (%.1f%%)\n"
                "events outside the judged sample: %d of %d extracted\n",
                s.judged, s.extracted, s.events, s.extracted, s.event_precision(), s.type_right,
                s.events, s.type_precision(), s.actor_right, s.actor_judged, s.actor_precision(),
                s.target_right, s.target_judged, s.target_precision(), s.both_right, s.both_judged,
                s.both_precision(), s.outside, s.total_events);
  return buf;
}

}  // namespace dateline::events
