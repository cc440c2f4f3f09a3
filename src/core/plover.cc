// SPDX-License-Identifier: Apache-2.0
#include "dateline/plover.h"

#include <array>

namespace dateline {
namespace {

// Modes from the PLOVER 2.0 manual (chapter 3 tables; REQUEST and REJECT share theirs).
constexpr std::string_view kConsultModes[] = {"visit", "third-party", "multilateral", "phone"};
constexpr std::string_view kRetreatModes[] = {"withdraw",  "release", "disarm",
                                              "ceasefire", "access",  "resign"};
constexpr std::string_view kRequestModes[] = {"assist", "change", "yield", "meet"};
constexpr std::string_view kAccuseModes[] = {"disapprove", "investigate", "allege"};
constexpr std::string_view kThreatenModes[] = {"restrict", "arrest",    "relations",
                                               "expel",    "territory", "violence"};
constexpr std::string_view kProtestModes[] = {"demo",    "riot",     "strike",   "hunger",
                                              "boycott", "obstruct", "vandalize"};
constexpr std::string_view kSanctionModes[] = {"convict", "expel", "withdraw", "discontinue"};
constexpr std::string_view kMobilizeModes[] = {"troops", "weapons", "police", "militia"};
constexpr std::string_view kCoerceModes[] = {"seize",          "restrict", "censor", "curfew",
                                             "martial-law",    "arrest",   "deport", "withhold",
                                             "misinformation", "cyber"};
constexpr std::string_view kAssaultModes[] = {
    "abduct",  "beat",      "torture",       "sexual",        "targeted",
    "destroy", "primitive", "firearms",      "explosives",    "suicide-attack",
    "aerial",  "drone",     "heavy-weapons", "crowd-control", "unconventional"};

constexpr std::array<PloverTypeInfo, 16> kTypes = {{
    {PloverType::kAgree, "AGREE", {}, "030"},
    {PloverType::kConsult, "CONSULT", kConsultModes, "040"},
    {PloverType::kSupport, "SUPPORT", {}, "050"},
    {PloverType::kConcede, "CONCEDE", {}, "080"},
    {PloverType::kCooperate, "COOPERATE", {}, "060"},
    {PloverType::kAid, "AID", {}, "070"},
    {PloverType::kRetreat, "RETREAT", kRetreatModes, "084"},
    {PloverType::kRequest, "REQUEST", kRequestModes, "100"},
    {PloverType::kAccuse, "ACCUSE", kAccuseModes, "110"},
    {PloverType::kReject, "REJECT", kRequestModes, "120"},
    {PloverType::kThreaten, "THREATEN", kThreatenModes, "130"},
    {PloverType::kProtest, "PROTEST", kProtestModes, "140"},
    {PloverType::kSanction, "SANCTION", kSanctionModes, "160"},
    {PloverType::kMobilize, "MOBILIZE", kMobilizeModes, "150"},
    {PloverType::kCoerce, "COERCE", kCoerceModes, "170"},
    {PloverType::kAssault, "ASSAULT", kAssaultModes, "190"},
}};

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

std::span<const PloverTypeInfo> plover_types() { return kTypes; }

const PloverTypeInfo& plover_info(PloverType type) {
  for (const PloverTypeInfo& t : kTypes) {
    if (t.type == type) return t;
  }
  return kTypes[0];
}

std::string_view to_string(PloverType type) {
  return type == PloverType::kNone ? std::string_view() : plover_info(type).name;
}

std::optional<PloverType> plover_type_from_name(std::string_view name) {
  for (const PloverTypeInfo& t : kTypes) {
    if (t.name == name) return t.type;
  }
  return std::nullopt;
}

bool is_plover_mode(PloverType type, std::string_view mode) {
  if (mode.empty()) return true;
  if (type == PloverType::kNone) return false;
  for (std::string_view m : plover_info(type).modes) {
    if (m == mode) return true;
  }
  return false;
}

// Codes the CAMEO-to-PLOVER table (openeventdata/PLOVER, 2021) places outside their root's
// type; a code and its subcodes follow the entry.
struct CameoException {
  std::string_view code;
  PloverType type;
};
constexpr CameoException kCameoExceptions[] = {
    {"0813", PloverType::kRetreat}, {"0814", PloverType::kRetreat}, {"163", PloverType::kCoerce},
    {"1712", PloverType::kAssault}, {"175", PloverType::kAssault},  {"191", PloverType::kCoerce},
    {"192", PloverType::kCoerce},
};

PloverType plover_type_of_cameo(std::string_view cameo) {
  if (cameo.size() < 2 || !all_digits(cameo)) return PloverType::kNone;
  for (const CameoException& e : kCameoExceptions) {
    if (cameo.starts_with(e.code)) return e.type;
  }
  const int root = (cameo[0] - '0') * 10 + (cameo[1] - '0');
  switch (root) {
    case 2:
      return PloverType::kRequest;
    case 3:
      return PloverType::kAgree;
    case 4:
      return PloverType::kConsult;
    case 5:
      return PloverType::kSupport;
    case 6:
      return PloverType::kCooperate;
    case 7:
      return PloverType::kAid;
    case 8:
      // 080-083 are verbal concessions, 084-087 material ones; "08" alone is the yield root.
      if (cameo.size() >= 3 && cameo[2] >= '4') return PloverType::kRetreat;
      return cameo.size() >= 3 ? PloverType::kConcede : PloverType::kRetreat;
    case 9:
    case 11:
      return PloverType::kAccuse;
    case 10:
      return PloverType::kRequest;
    case 12:
      return PloverType::kReject;
    case 13:
      return PloverType::kThreaten;
    case 14:
      return PloverType::kProtest;
    case 15:
      return PloverType::kMobilize;
    case 16:
      return PloverType::kSanction;
    case 17:
      return PloverType::kCoerce;
    case 18:
    case 19:
    case 20:
      return PloverType::kAssault;
    default:
      return PloverType::kNone;
  }
}

Status check_event_type_filter(std::string_view type) {
  if (all_digits(type)) return ok_status();
  std::string upper(type);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  if (plover_type_from_name(upper)) return ok_status();
  std::string names;
  for (const PloverTypeInfo& t : kTypes) {
    if (!names.empty()) names += ", ";
    names += t.name;
  }
  return error(ErrorCode::kInvalidArgument, "type: '" + std::string(type) +
                                                "' is neither a PLOVER event type (" + names +
                                                ") nor a CAMEO code prefix (19)");
}

}  // namespace dateline
