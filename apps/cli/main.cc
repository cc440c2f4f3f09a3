// SPDX-License-Identifier: Apache-2.0
// dateline: the command-line front end. Dispatches on the first word (or first two words,
// for "eval segment", "train tagger", ...) through the table in commands.cc.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"
#include "dateline/version.h"

namespace {

void print_usage() {
  std::printf("dateline %s: who said what, and who did what to whom, in news articles\n\n",
              dateline::kVersion);
  std::printf("usage: dateline COMMAND [OPTIONS] [INPUTS...]   (dateline COMMAND --help)\n\n");
  for (const auto& c : dateline::cli::commands()) {
    std::printf("  %-18s %s\n", c.name, c.summary);
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    print_usage();
    return argc < 2 ? dateline::cli::kExitUsage : dateline::cli::kExitOk;
  }
  if (!std::strcmp(argv[1], "--version")) {
    std::printf("dateline %s\n", dateline::kVersion);
    return 0;
  }
  // Two-word commands first ("eval segment"), then one-word ones.
  if (argc >= 3) {
    std::string two = std::string(argv[1]) + " " + argv[2];
    for (const auto& c : dateline::cli::commands()) {
      if (two == c.name) return c.run(argc - 2, argv + 2);
    }
  }
  for (const auto& c : dateline::cli::commands()) {
    if (!std::strcmp(argv[1], c.name)) return c.run(argc - 1, argv + 1);
  }
  std::fprintf(stderr, "dateline: unknown command '%s'\n\n", argv[1]);
  print_usage();
  return dateline::cli::kExitUsage;
}
