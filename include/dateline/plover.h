// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// The PLOVER 2.0 event vocabulary, in one place: the 16 event types, the modes the manual
/// defines for each, and the CAMEO codes each type covers. Every loader of event lexicons and
/// models validates against it, and so do the CLI's `--type` and the server's `type=`.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dateline/status.h"

namespace dateline {

/// A PLOVER 2.0 event type (manual chapter 3). kNone is "no event", never a stored type.
enum class PloverType : uint8_t {
  kNone = 0,
  kAgree,
  kConsult,
  kSupport,
  kConcede,
  kCooperate,
  kAid,
  kRetreat,
  kRequest,
  kAccuse,
  kReject,
  kThreaten,
  kProtest,
  kSanction,
  kMobilize,
  kCoerce,
  kAssault,
};

/// Number of PloverType values, kNone included (a classifier over types has this many classes).
inline constexpr int kPloverClasses = 17;

/// What the manual says about one type.
struct PloverTypeInfo {
  PloverType type;
  std::string_view name;                  ///< "ASSAULT"
  std::span<const std::string_view> modes;  ///< the manual's modes ("aerial", ...), may be empty
  std::string_view cameo_default;         ///< the CAMEO code of the type in general ("190")
};

/// The 16 types in manual order (kNone excluded).
std::span<const PloverTypeInfo> plover_types();
/// Requires: type != kNone.
const PloverTypeInfo& plover_info(PloverType type);
/// "ASSAULT"; "" for kNone.
std::string_view to_string(PloverType type);
/// The type named `name` (upper case, as the manual writes it); nullopt when unknown.
std::optional<PloverType> plover_type_from_name(std::string_view name);
/// True when `mode` is one of the manual's modes of `type` ("" is always allowed).
bool is_plover_mode(PloverType type, std::string_view mode);

/// The PLOVER type of a CAMEO code (manual section 7.2: 03 AGREE, ..., 081-083 CONCEDE,
/// 084-087 RETREAT, 09 and 11 ACCUSE, 18-20 ASSAULT; 02 appeals are REQUEST as in
/// data/lexicons/cameo.tsv), with the few codes the 2021 CAMEO-to-PLOVER table places
/// elsewhere (163 embargo and 191 blockade are COERCE, 1712 destroying property ASSAULT, ...);
/// kNone for 01 statements and for strings that are not codes.
PloverType plover_type_of_cameo(std::string_view cameo);

/// Checks an event-type filter as `dateline events --type` and `/api/events?type=` take it:
/// a PLOVER type name (any case) or a CAMEO code prefix of digits. kInvalidArgument naming
/// the value and the accepted types otherwise.
Status check_event_type_filter(std::string_view type);

}  // namespace dateline
