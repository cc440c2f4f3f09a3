// SPDX-License-Identifier: Apache-2.0
#include "events/judged_eval.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>

#include "dateline/reader.h"

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

std::string judged_texts_path(const std::string& judged_file) {
  std::ifstream in(judged_file);
  std::string line;
  while (std::getline(in, line) && line.starts_with("#")) {
    const std::string key = "# texts:";
    if (!line.starts_with(key)) continue;
    std::string rel = line.substr(key.size());
    while (!rel.empty() && rel.front() == ' ') rel.erase(rel.begin());
    const std::filesystem::path root =
        std::filesystem::absolute(judged_file).parent_path().parent_path().parent_path();
    return (root / rel).lexically_normal().string();
  }
  return "";
}

Result<JudgedScores> evaluate_judged(const std::string& judged_file, const std::string& texts,
                                     const std::function<Status(Document&)>& analyse,
                                     std::string* listing, std::vector<std::string>& missing) {
  DL_ASSIGN_OR_RETURN(std::vector<JudgedEvent> judged, read_judged_events(judged_file));
  std::map<std::string, std::vector<const JudgedEvent*>> by_doc;
  for (const JudgedEvent& j : judged) by_doc[j.doc].push_back(&j);
  JudgedScores scores;
  Status read_error = ok_status();
  read_articles(
      {texts}, ReaderOptions{},
      [&](Document&& doc) {
        auto it = by_doc.find(doc.meta.id);
        if (it == by_doc.end()) return;
        if (Status s = analyse(doc); !s.ok()) read_error = s;
        score_judged(doc, it->second, scores, listing);
        by_doc.erase(it);
        ++scores.articles;
      },
      [&](const Status& s) { read_error = s; });
  DL_RETURN_IF_ERROR(read_error);
  for (const auto& [doc, js] : by_doc) {
    std::string m = "article '" + doc + "' of " + std::to_string(js.size());
    m += " judgements not found in ";
    m += texts;
    missing.push_back(std::move(m));
  }
  return scores;
}

}  // namespace dateline::events
