// SPDX-License-Identifier: Apache-2.0
// The manifest checked against a models folder (dateline/models.h).
#include <filesystem>
#include <string>
#include <vector>

#include "dateline/models.h"
#include "model/manifest.h"

namespace dateline {

std::vector<ModelFileReport> inspect_models(const std::string& dir) {
  std::vector<ModelFileReport> reports;
  for (const model::ModelSpec& spec : model::model_manifest()) {
    ModelFileReport& r = reports.emplace_back();
    r.file = spec.file;
    r.kind = model::model_kind_name(spec.kind);
    r.required = spec.required;
    const std::string path = dir + "/" + spec.file;
    Result<model::ModelFile> m = model::read_model_file(path, spec.kind);
    if (m.ok()) {
      std::error_code ec;
      r.bytes = std::filesystem::file_size(path, ec);
      r.fingerprint = m->fingerprint;
      r.header = m->header;
    } else if (m.status().code() == ErrorCode::kNotFound) {
      r.state = ModelFileReport::State::kMissing;
      r.problem = spec.required ? "the pipeline cannot run without it" : spec.without;
    } else {
      r.state = ModelFileReport::State::kDamaged;
      r.problem = m.status().message();
    }
  }
  return reports;
}

std::vector<std::string> missing_model_warnings(const std::string& dir,
                                                const std::vector<std::string>& files) {
  std::vector<std::string> warnings;
  const model::ModelsCheck check = model::check_models_dir(dir, false);
  for (const model::ModelSpec* spec : check.missing_optional) {
    for (const std::string& f : files) {
      if (f == spec->file) warnings.push_back(model::missing_model_message(dir, *spec));
    }
  }
  return warnings;
}

}  // namespace dateline
