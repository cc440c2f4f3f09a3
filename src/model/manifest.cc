// SPDX-License-Identifier: Apache-2.0
#include "model/manifest.h"

#include <filesystem>

namespace dateline::model {

std::span<const ModelSpec> model_manifest() {
  static const ModelSpec kManifest[] = {
      {kSegmenterFile, ModelKind::kSegmenter, false, true, "sentence boundaries",
       "sentences are split by the rules alone (less accurate on text without full stops)"},
      {kTaggerFile, ModelKind::kTagger, true, false, "POS tags, features and lemmas", ""},
      {kParserFile, ModelKind::kParser, true, false, "dependency parses", ""},
      {kClustersFile, ModelKind::kClusters, true, false,
       "word clusters of the tagger and the parser", ""},
      {kNerFile, ModelKind::kNer, false, false, "named entities",
       "names are found by the gazetteer and the rules alone"},
      {kNerClustersFile, ModelKind::kClusters, false, false,
       "word clusters of the named-entity model",
       "the named-entity model runs without its word-cluster features"},
      {kEncoderFile, ModelKind::kEncoder, false, false,
       "token encoder and its named-entity head",
       "names are scored by the linear named-entity model alone (lower accuracy)"},
      {kAttributionFile, ModelKind::kAttribution, false, false,
       "attribution tagger (source, cue, content)",
       "quotes are found by the quotation-mark and cue-verb rules alone"},
      {kRerankerFile, ModelKind::kContentReranker, false, false, "content-boundary reranker",
       "content spans are the attribution tagger's"},
      {kEventTriggersFile, ModelKind::kEventTriggers, false, false,
       "event trigger model (event or not, PLOVER type, CAMEO code)",
       "events are coded by the verb dictionaries alone (more false events on news)"},
  };
  return kManifest;
}

ModelsCheck check_models_dir(const std::string& dir, bool segment_only) {
  ModelsCheck out;
  for (const ModelSpec& spec : model_manifest()) {
    if (segment_only && !spec.segmentation) continue;
    std::error_code ec;
    if (std::filesystem::is_regular_file(std::filesystem::path(dir) / spec.file, ec)) continue;
    if (!spec.required) {
      out.missing_optional.push_back(&spec);
    } else if (out.required.ok()) {
      out.required = error(ErrorCode::kNotFound,
                           dir + "/" + spec.file + ": required model missing (" + spec.role +
                               "); the models folder is the pipeline's models_dir, else DATELINE_MODELS");
    }
  }
  return out;
}

std::string missing_model_message(const std::string& dir, const ModelSpec& spec) {
  return dir + "/" + spec.file + ": optional model missing (" + spec.role + "): " + spec.without +
         " (see models/README.md)";
}

}  // namespace dateline::model
