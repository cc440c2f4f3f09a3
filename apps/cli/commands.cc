// SPDX-License-Identifier: Apache-2.0
#include "commands.h"

#include <cstdio>

namespace dateline::cli {

int exit_code(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kOk: return kExitOk;
    case ErrorCode::kInvalidArgument: return kExitUsage;
    case ErrorCode::kBadInput:
    case ErrorCode::kNotFound: return kExitSomeInputsFailed;
    default: return kExitError;
  }
}

int fail(const Status& status) {
  std::fprintf(stderr, "dateline: %s\n", status.to_string().c_str());
  return exit_code(status);
}

std::span<const Command> commands() {
  static const Command kCommands[] = {
      {"extract", "analyse articles and print one JSON object (or a summary) per article",
       run_extract},
  };
  return kCommands;
}

}  // namespace dateline::cli
