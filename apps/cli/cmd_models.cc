// SPDX-License-Identifier: Apache-2.0
// dateline models [--models DIR] [--header]: the model manifest against a models folder:
// each file's kind, whether it is required, and, when present, its format version, size and
// fingerprint (checked: a damaged file or one of another kind is reported).
#include <cstdio>
#include <string>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/models.h"
#include "dateline/pipeline.h"

namespace dateline::cli {

int run_models(int argc, char** argv) {
  CLI::App app{"List the model files a models folder should hold, and check those it holds"};
  app.name("dateline models");
  std::string dir;
  bool header = false;
  app.add_option("--models", dir, "folder of model files (default: models/)");
  app.add_flag("--header", header, "print each model's header (training command, data, ...)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (dir.empty()) dir = default_models_dir();

  int bad_required = 0;
  std::printf("%-24s %-17s %-9s %-8s %12s  %s\n", "file", "kind", "needed", "status", "bytes",
              "fingerprint");
  for (const ModelFileReport& m : inspect_models(dir)) {
    const bool ok = m.state == ModelFileReport::State::kOk;
    const char* status = ok ? "ok" : m.state == ModelFileReport::State::kMissing ? "missing"
                                                                                 : "damaged";
    if (!ok && m.required) ++bad_required;
    std::printf("%-24s %-17s %-9s %-8s %12s  %s\n", m.file.c_str(), m.kind.c_str(),
                m.required ? "required" : "optional", status,
                ok ? std::to_string(m.bytes).c_str() : "", m.fingerprint.c_str());
    if (!ok) {
      std::printf("    %s\n", m.problem.c_str());
      continue;
    }
    if (header) {
      for (const auto& [k, v] : m.header) std::printf("    %s: %s\n", k.c_str(), v.c_str());
    }
  }
  return bad_required ? kExitError : kExitOk;
}

}  // namespace dateline::cli
