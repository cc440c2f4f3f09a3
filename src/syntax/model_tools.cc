// SPDX-License-Identifier: Apache-2.0
// Pruning and combining trained tagger and parser files (dateline/training.h): both read the
// model through its own loader, change its weights, and write it back with its header plus
// the line that says what was done to it.
#include <string>
#include <vector>

#include "dateline/training.h"
#include "syntax/parser.h"
#include "syntax/tagger.h"

namespace dateline::syntax {
namespace {

// Reads a tagger or parser model file; `file` keeps its header for the model written back.
template <typename Model>
Result<Model> read_syntax_model(const std::string& path, model::ModelKind kind,
                                model::ModelFile* file) {
  DL_ASSIGN_OR_RETURN(*file, model::read_model_file(path, kind));
  return Model::from_model(*file, path);
}

template <typename Model>
Status write_syntax_model(const Model& m, model::ModelKind kind, const model::ModelHeader& header,
                          const std::string& out) {
  model::ByteWriter payload;
  m.save_payload(payload);
  return model::write_model_file(out, kind, header, payload.bytes());
}

template <typename Model>
Result<PruneCounts> prune_model(model::ModelKind kind, const std::string& in, float min_abs,
                                const std::string& out, const std::string& command) {
  model::ModelFile file;
  DL_ASSIGN_OR_RETURN(Model m, read_syntax_model<Model>(in, kind, &file));
  PruneCounts counts;
  counts.weights_before = m.n_weights();
  m.prune(min_abs);
  model::ModelHeader header = file.header;
  header.emplace_back("pruned", command);
  DL_RETURN_IF_ERROR(write_syntax_model(m, kind, header, out));
  counts.weights_after = m.n_weights();
  counts.features = m.n_features();
  return counts;
}

template <typename Model>
Status combine_models(model::ModelKind kind, const std::vector<std::string>& inputs,
                      const std::string& out, const std::string& command) {
  if (inputs.empty()) return error(ErrorCode::kInvalidArgument, "models: none given");
  std::vector<Model> models;
  model::ModelHeader header;
  for (const std::string& in : inputs) {
    model::ModelFile file;
    DL_ASSIGN_OR_RETURN(Model m, read_syntax_model<Model>(in, kind, &file));
    if (header.empty()) {
      for (const auto& kv : file.header) {
        if (kv.first != "scores" && kv.first != "fingerprint") header.push_back(kv);
      }
    }
    header.emplace_back("part_command", model::header_value(file.header, "command"));
    header.emplace_back("part_fingerprint", m.fingerprint());
    header.emplace_back("part_scores", model::header_value(file.header, "scores"));
    models.push_back(std::move(m));
  }
  std::vector<const Model*> others;
  for (size_t i = 1; i < models.size(); ++i) others.push_back(&models[i]);
  DL_RETURN_IF_ERROR(models[0].combine(others));
  header.emplace_back("combined", command);
  return write_syntax_model(models[0], kind, header, out);
}

}  // namespace
}  // namespace dateline::syntax

namespace dateline {

Result<PruneCounts> prune_syntax_model(SyntaxModel which, const std::string& in, float min_abs,
                                       const std::string& out, const std::string& command) {
  if (which == SyntaxModel::kTagger) {
    return syntax::prune_model<syntax::Tagger>(model::ModelKind::kTagger, in, min_abs, out,
                                               command);
  }
  return syntax::prune_model<syntax::Parser>(model::ModelKind::kParser, in, min_abs, out,
                                             command);
}

Status combine_syntax_models(SyntaxModel which, const std::vector<std::string>& inputs,
                             const std::string& out, const std::string& command) {
  if (which == SyntaxModel::kTagger) {
    return syntax::combine_models<syntax::Tagger>(model::ModelKind::kTagger, inputs, out,
                                                  command);
  }
  return syntax::combine_models<syntax::Parser>(model::ModelKind::kParser, inputs, out,
                                                command);
}

}  // namespace dateline
