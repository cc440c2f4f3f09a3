// SPDX-License-Identifier: Apache-2.0
#include "dateline/document.h"

namespace dateline {

const char* to_string(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "PERSON";
    case EntityType::kOrg: return "ORG";
    case EntityType::kGpe: return "GPE";
    case EntityType::kLoc: return "LOC";
    case EntityType::kNorp: return "NORP";
    case EntityType::kFac: return "FAC";
    case EntityType::kEvent: return "EVENT";
    case EntityType::kOther: return "OTHER";
  }
  return "OTHER";
}

const char* to_string(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName: return "name";
    case MentionKind::kPartial: return "partial";
    case MentionKind::kPronoun: return "pronoun";
    case MentionKind::kNominal: return "nominal";
  }
  return "name";
}

const char* to_string(TimeType type) {
  switch (type) {
    case TimeType::kDate: return "DATE";
    case TimeType::kTime: return "TIME";
    case TimeType::kDuration: return "DURATION";
    case TimeType::kSet: return "SET";
  }
  return "DATE";
}

const char* to_string(DateSource source) {
  switch (source) {
    case DateSource::kNone: return "none";
    case DateSource::kExpression: return "expression";
    case DateSource::kPublication: return "publication";
  }
  return "none";
}

const char* to_string(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kDirect: return "direct";
    case QuoteKind::kMixed: return "mixed";
    case QuoteKind::kIndirect: return "indirect";
  }
  return "direct";
}

const char* to_string(QuoteMode mode) {
  switch (mode) {
    case QuoteMode::kSpeech: return "speech";
    case QuoteMode::kThought: return "thought";
  }
  return "speech";
}

}  // namespace dateline
