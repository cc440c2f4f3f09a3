// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// Version of the engine, stamped on every stored record together with model fingerprints.

namespace dateline {
inline constexpr const char* kVersion = "0.1.0";
}  // namespace dateline
