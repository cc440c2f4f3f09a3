// SPDX-License-Identifier: Apache-2.0
#include "dates/governing.h"

#include <algorithm>

#include "dates/civil_date.h"

namespace dateline::dates {
namespace {

bool names_point(const TimeExpression& t) {
  if (!t.resolved || t.value.empty()) return false;
  if (t.type != TimeType::kDate && t.type != TimeType::kTime) return false;
  // A calendar value starts with a four-digit year: not "PAST_REF", "P1Y", "199", "XXXX-..".
  if (t.value.size() < 4) return false;
  for (int i = 0; i < 4; ++i) {
    if (t.value[i] < '0' || t.value[i] > '9') return false;
  }
  return true;
}

// Orders times (and a sentence index) by sentence, for equal_range.
struct SentenceOrder {
  bool operator()(const TimeExpression& t, uint32_t s) const { return t.sentence < s; }
  bool operator()(uint32_t s, const TimeExpression& t) const { return s < t.sentence; }
};

uint32_t distance(const Span& a, const Span& b) {
  if (a.overlaps(b) || a.contains(b) || b.contains(a)) return 0;
  return a.end <= b.begin ? b.begin - a.end : a.begin - b.end;
}

}  // namespace

const TimeExpression* governing_time(const Document& doc, uint32_t sentence, Span clause) {
  // The sentence's times by binary search: O(log T + times in the sentence) per record, so
  // dating every quote and event of an article is O(n log n), not O(records x times).
  const auto [first, last] =
      std::equal_range(doc.times.begin(), doc.times.end(), sentence, SentenceOrder());
  const TimeExpression* best = nullptr;
  uint32_t best_distance = 0;
  for (auto it = first; it != last; ++it) {
    const TimeExpression& t = *it;
    if (!names_point(t)) continue;
    const uint32_t d = distance(t.span, clause);
    if (!best || d < best_distance) {
      best = &t;
      best_distance = d;
    }
  }
  return best;
}

std::string publication_date(const Document& doc) {
  PartialDate p;
  if (!parse_iso_date(doc.meta.published, &p)) return "";
  if (p.has_day()) return format_day(p.date());
  if (p.has_month()) return format_month(p.year, p.month);
  return format_year(p.year);
}

DateAssignment assign_date(const Document& doc, uint32_t sentence, Span clause) {
  DateAssignment a;
  if (const TimeExpression* t = governing_time(doc, sentence, clause)) {
    const size_t cut = t->value.find('T');
    a.date = cut == std::string::npos ? t->value : t->value.substr(0, cut);
    a.source = DateSource::kExpression;
    a.time = static_cast<int32_t>(t - doc.times.data());
    return a;
  }
  a.date = publication_date(doc);
  if (!a.date.empty()) a.source = DateSource::kPublication;
  return a;
}

}  // namespace dateline::dates
