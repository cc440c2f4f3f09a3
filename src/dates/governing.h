// SPDX-License-Identifier: Apache-2.0
#pragma once
// Dates for records built by later stages (quotes, events): the time expression that
// governs a clause, else the publication date. Free functions over a Document that the
// dates stage has annotated; they allocate nothing but the returned strings.

#include <cstdint>
#include <string>

#include "dateline/document.h"

namespace dateline::dates {

/// The time expression that dates a clause of sentence `sentence`, or nullptr.
/// Candidates are the expressions of that sentence that name a point in time (DATE or TIME
/// with a resolved calendar value: "2026-03-05", "2026-02", "2026-W10"; not durations,
/// sets or PAST_REF-like references). The nearest to `clause` wins (distance 0 when it is
/// inside or overlaps the clause); ties go to the earlier one.
/// Pass the narrowest span that stands for the record: the cue ("told") for a quote, the
/// trigger for an event.
/// Requires: doc.times in sentence order, as the dates stage leaves them.
/// Cost: O(log T + the sentence's times) for T times in the document.
const TimeExpression* governing_time(const Document& doc, uint32_t sentence, Span clause);

/// doc.meta.published when it is an ISO 8601 date (possibly partial: "2025-11"), its date
/// part only (no time of day); "" otherwise.
std::string publication_date(const Document& doc);

/// Everything a Quote or Event needs: `date`, `date_source`, `time` (index into doc.times).
struct DateAssignment {
  std::string date;  ///< ISO date part of the value ("2026-03-05", "2026-W10"), or ""
  DateSource source = DateSource::kNone;
  int32_t time = -1;
};

/// governing_time() if any, else publication_date() (source kPublication), else kNone.
/// Typical use in a stage: `auto d = dates::assign_date(doc, q.sentence, q.cue);
/// q.date = d.date; q.date_source = d.source; q.time = d.time;`
DateAssignment assign_date(const Document& doc, uint32_t sentence, Span clause);

}  // namespace dateline::dates
