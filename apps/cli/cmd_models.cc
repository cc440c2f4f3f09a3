// SPDX-License-Identifier: Apache-2.0
// dateline models [--models DIR] [--header]: the model manifest against a models folder:
// each file's kind, whether it is required, and, when present, its format version, size and
// fingerprint (checked: a damaged file or one of another kind is reported).
#include <cstdio>
#include <filesystem>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "model/manifest.h"

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
  for (const model::ModelSpec& spec : model::model_manifest()) {
    const std::string path = dir + "/" + spec.file;
    const char* needed = spec.required ? "required" : "optional";
    Result<model::ModelFile> m = model::read_model_file(path, spec.kind);
    std::string status = "ok", size, fingerprint;
    if (m.ok()) {
      std::error_code ec;
      size = std::to_string(std::filesystem::file_size(path, ec));
      fingerprint = m->fingerprint;
    } else {
      status = m.status().code() == ErrorCode::kNotFound ? "missing" : "damaged";
      if (spec.required) ++bad_required;
    }
    std::printf("%-24s %-17s %-9s %-8s %12s  %s\n", spec.file, model::model_kind_name(spec.kind),
                needed, status.c_str(), size.c_str(), fingerprint.c_str());
    if (!m.ok()) {
      std::printf("    %s\n",
                  m.status().code() == ErrorCode::kNotFound
                      ? (spec.required ? "the pipeline cannot run without it" : spec.without)
                      : m.status().message().c_str());
      continue;
    }
    if (header) {
      for (const auto& [k, v] : m->header) std::printf("    %s: %s\n", k.c_str(), v.c_str());
    }
  }
  return bad_required ? kExitError : kExitOk;
}

}  // namespace dateline::cli
