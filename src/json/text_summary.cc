// SPDX-License-Identifier: Apache-2.0
// The readable summary printed by `dateline extract --format text` and `dateline show`.
#include <sstream>

#include "dateline/json.h"

namespace dateline {
namespace {

std::string or_dash(const std::string& s) { return s.empty() ? "-" : s; }

std::string clip(std::string_view s, size_t n) {
  std::string out(s.substr(0, n));
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  if (s.size() > n) out += "...";
  return out;
}

}  // namespace

std::string to_text(const Document& doc) {
  std::ostringstream out;
  const DocumentMeta& m = doc.meta;
  out << "== " << m.id << "  (" << m.path << ")\n";
  out << "   outlet " << or_dash(m.outlet) << " | published " << or_dash(m.published)
      << " | dateline " << or_dash(m.dateline) << " | byline " << or_dash(m.byline) << "\n";
  out << "   " << doc.paragraphs.size() << " paragraphs, " << doc.sentences.size()
      << " sentences, " << doc.tokens.size() << " tokens\n";
  if (!doc.entities.empty()) {
    out << "   entities:\n";
    for (const Entity& e : doc.entities) {
      out << "     " << to_string(e.type) << " " << e.name;
      for (const Title& t : e.titles) out << " [" << t.text << "]";
      out << " (" << e.mentions.size() << " mentions)\n";
    }
  }
  if (!doc.quotes.empty()) {
    out << "   quotes:\n";
    for (const Quote& q : doc.quotes) {
      std::string speaker = !q.speaker.name.empty() ? q.speaker.name
                            : !q.speaker.span.empty() ? std::string(doc.slice(q.speaker.span))
                                                      : q.speaker.text;
      out << "     [" << to_string(q.kind) << "] " << or_dash(speaker);
      if (q.speaker.anonymous) out << " (anonymous)";
      if (!q.cue.empty()) out << " / " << doc.slice(q.cue);
      out << ": ";
      for (const Span& f : q.content) out << clip(doc.slice(f), 100) << " ";
      out << "\n";
    }
  }
  if (!doc.times.empty()) {
    out << "   times:\n";
    for (const TimeExpression& t : doc.times) {
      out << "     " << doc.slice(t.span) << " = " << or_dash(t.value) << "\n";
    }
  }
  if (!doc.events.empty()) {
    out << "   events:\n";
    for (const Event& e : doc.events) {
      out << "     " << or_dash(e.actor.code) << " " << e.plover << " (" << e.cameo << ") "
          << or_dash(e.target.code) << "  \"" << (e.trigger.empty() ? e.trigger_text
                                                                    : std::string(doc.slice(e.trigger)))
          << "\"";
      if (e.negated) out << " NEGATED";
      if (!e.date.empty()) out << " @" << e.date;
      out << "\n";
    }
  }
  for (const Diagnostic& d : doc.diagnostics) {
    out << "   ! " << d.code << ": " << d.message << "\n";
  }
  return out.str();
}

}  // namespace dateline
