// SPDX-License-Identifier: Apache-2.0
#pragma once
// Scoring the event coder against a judged sample (training_data.h, JudgedEvent): each judged
// trigger that the coder still extracts (an event whose trigger overlaps it, in the same
// article) is looked up in the judgement: is it an event at all, is the type right, are the
// actor and target codes among those the judge accepted. Events the coder extracts that no
// judgement covers are counted apart: the sample says nothing about them, and a later coder
// that drifts far from the sample shows it there.

#include <functional>
#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/status.h"
#include "events/training_data.h"

namespace dateline::events {

struct JudgedScores {
  int judged = 0;                           ///< judgements in the file (for the articles scored)
  int extracted = 0;                        ///< judged triggers the coder still extracts
  int events = 0;                           ///< ... of which the judge found an event
  int type_right = 0;                       ///< ... events with the right type
  int actor_judged = 0, actor_right = 0;    ///< events whose actor was judged; right ones
  int target_judged = 0, target_right = 0;  ///< the same for targets
  int both_judged = 0, both_right = 0;      ///< events with actor and target judged; both right
  int outside = 0;                          ///< the coder's events no judgement covers
  int total_events = 0;                     ///< all events of the articles scored
  int articles = 0;                         ///< judged articles scored

  double event_precision() const { return extracted ? 100.0 * events / extracted : 0; }
  double type_precision() const { return events ? 100.0 * type_right / events : 0; }
  double actor_precision() const { return actor_judged ? 100.0 * actor_right / actor_judged : 0; }
  double target_precision() const {
    return target_judged ? 100.0 * target_right / target_judged : 0;
  }
  double both_precision() const { return both_judged ? 100.0 * both_right / both_judged : 0; }
};

/// Adds the scores of one article (`doc`, annotated by the coder; meta.id is the judgements'
/// doc) to `scores`. `judged` are that article's judgements. With `listing`, appends one line
/// per judged trigger still extracted: the judgement, the coder's event, the judge's note.
void score_judged(const Document& doc, const std::vector<const JudgedEvent*>& judged,
                  JudgedScores& scores, std::string* listing = nullptr);

/// A multi-line report of `scores`.
std::string format_judged(const JudgedScores& scores);

/// The articles a judgements file names in its "# texts: PATH" header, resolved against the
/// repository root (the judged file's folder's grandparent: data/judged/FILE); "" when absent.
std::string judged_texts_path(const std::string& judged_file);

/// Scores the coder on a judgements file: reads `judged_file` and the articles of `texts`
/// (JSON Lines, as `dateline extract` reads them), runs `analyse` (the whole pipeline) on each
/// judged article and scores it. With `listing`, one line per judged trigger still extracted.
/// Judged articles missing from `texts` are named in `missing`. Errors: the judgements'
/// file:line, or the first article that could not be read or analysed.
Result<JudgedScores> evaluate_judged(const std::string& judged_file, const std::string& texts,
                                     const std::function<Status(Document&)>& analyse,
                                     std::string* listing, std::vector<std::string>& missing);

}  // namespace dateline::events
