// SPDX-License-Identifier: Apache-2.0
#pragma once
// Readers of the data the trigger model is trained and judged on:
//  - codebook sentences (data/events/codebook.txt, written for dateline): one text a line with
//    its triggers marked "[ASSAULT:190 attacked]", "[AGREE promised]" or "[NONE fired]"
//    (unmarked verbs are no events);
//  - PETRARCH-2's unit-test records (JSON Lines: "id", "date", "text", expected CAMEO codes);
//  - NGEC synthetic stories (CSV: "text", "label" = PLOVER type, "mode");
//  - judged events (TSV, data/judged/*.tsv): a trigger span in an article and what a judge
//    found, as docs/EVENTS.md's rubric defines it;
//  - articles as JSON Lines ("doc" or "id", "text", "date" or "published"), for judged spans.
// Every reader names the file and line of a malformed row.

#include <string>
#include <vector>

#include "dateline/document.h"
#include "dateline/plover.h"
#include "dateline/status.h"

namespace dateline::events {

/// A text with triggers marked by a person.
struct MarkedText {
  std::string id;    ///< "codebook.txt:12"
  std::string text;  ///< the text without its marks
  struct Mark {
    Span head;  ///< the marked word (the first word inside the brackets), bytes of `text`
    PloverType type = PloverType::kNone;
    std::string cameo;  ///< "" when not given
  };
  std::vector<Mark> marks;
};

/// Reads a codebook file. kBadInput naming file:line for an unknown type, a CAMEO code of
/// another type or an unclosed mark.
Result<std::vector<MarkedText>> read_codebook(const std::string& path);

/// A record coded by PETRARCH's authors.
struct CodedRecord {
  std::string id, text, date;      ///< date ISO ("1995-01-01")
  std::vector<std::string> cameo;  ///< expected event codes, in order
};

/// Reads petr_unittest_records.jsonl; the codes are "expected_ud2", else "expected_petr1".
Result<std::vector<CodedRecord>> read_coded_records(const std::string& path);

/// A story with one event type for the whole text (automatic labels: silver).
struct LabelledStory {
  std::string id, text;
  PloverType type = PloverType::kNone;
  std::string mode;
};

/// Reads the NGEC synthetic stories CSV (RFC 4180 quoting).
Result<std::vector<LabelledStory>> read_labelled_stories(const std::string& path);

/// One judged trigger (see docs/EVENTS.md, "Judged precision").
struct JudgedEvent {
  std::string doc;     ///< article id
  Span trigger;        ///< the trigger as the coder printed it (bytes of the article text)
  bool event = false;  ///< an event at all
  PloverType type = PloverType::kNone;  ///< the right type when `event`
  std::string cameo;                    ///< the closest CAMEO code, "" when not judged
  std::string actor;   ///< accepted actor codes "USAPTY|USAELI", "-" none, "?" not judged
  std::string target;  ///< accepted target codes, the same way
  std::string note;
  int line = 0;
};

/// Reads a judgements file: columns doc, begin, end, event (1/0), type, cameo, actor, target,
/// note ("-" for empty).
Result<std::vector<JudgedEvent>> read_judged_events(const std::string& path);

/// True when `code` is accepted by `accepted` ("USAPTY|USA" alternatives; an alternative of
/// three letters accepts any sector of that country; "-" accepts only no code).
bool code_accepted(std::string_view code, std::string_view accepted);

/// An article of a JSON Lines corpus.
struct TextRecord {
  std::string id, text, date;
};

/// Reads "doc"/"id", "text" and "date"/"published" of each line.
Result<std::vector<TextRecord>> read_text_records(const std::string& path);

}  // namespace dateline::events
