// SPDX-License-Identifier: Apache-2.0
// dateline eval ner FILE.iob2 [--models DIR] [--lexicons DIR]: exact span+type P/R/F1 per
// type on the gold tokens of an IOB2 file (UNER English-EWT), PER/ORG/LOC as UNER maps them.
#include <cstdio>

#include "cli_options.h"
#include "commands.h"
#include "encoder/kernels.h"
#include "entities/coref_eval.h"
#include "entities/entity_recognizer.h"
#include "entities/ner_data.h"
#include "entities/ner_eval.h"

namespace dateline::cli {

int run_eval_ner(int argc, char** argv) {
  CLI::App app{"Score named entities against a gold IOB2 file (exact span and type)"};
  app.name("dateline eval ner");
  std::string file, models, lexicons;
  double min_f1 = 0;
  bool model_only = false;
  std::string dump;
  app.add_option("file", file, "gold IOB2/CoNLL file")->required();
  app.add_flag("--model-only", model_only,
               "score the raw model spans, without gazetteer and rule post-processing");
  app.add_option("--dump", dump, "write word<TAB>gold<TAB>predicted IOB2 lines here");
  app.add_option("--models", models, "models folder (default: the built-in one)");
  app.add_option("--lexicons", lexicons, "lexicons folder (default: the built-in one)");
  app.add_option("--min-f1", min_f1, "exit 1 when the overall F1 is below this");
  entities::EntityRecognizerOptions options;
  bool no_encoder = false;
  app.add_flag("--no-encoder", no_encoder, "score names with the linear model alone");
  app.add_option("--linear-weight", options.ner_mix.linear,
                 "weight of the linear model's scores when the encoder is used (0: encoder alone)");
  app.add_option("--encoder-weight", options.ner_mix.encoder,
                 "weight of the encoder's NER log-probabilities");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (models.empty()) models = default_models_dir();
  options.models_dir = models;
  options.lexicons_dir = lexicons.empty() ? default_lexicons_dir() : lexicons;
  if (no_encoder) options.encoder_file.clear();
  auto recognizer = entities::EntityRecognizer::load(options);
  if (!recognizer.ok()) return fail_setup(recognizer.status());
  warn_missing_models(models, {model::kNerFile, model::kNerClustersFile, model::kEncoderFile});
  // Only the labels UNER annotates are gold: PER, ORG, LOC.
  entities::NerTypeMap map = {{"PER", "PER"}, {"ORG", "ORG"}, {"LOC", "LOC"}};
  auto gold = entities::read_iob(file, map);
  if (!gold.ok()) return fail(gold.status());
  const entities::NerModel* model = recognizer->has_model() ? &recognizer->model() : nullptr;
  std::vector<std::vector<entities::NerSpan>> predictions;
  entities::NerScore score = entities::evaluate_names(recognizer->gazetteer(), model, *gold,
                                                      model_only, &predictions);
  if (!dump.empty()) {
    std::FILE* out = std::fopen(dump.c_str(), "w");
    if (!out) return fail(error(ErrorCode::kIo, dump + ": cannot write"));
    auto tags = [](size_t n, const std::vector<entities::NerSpan>& spans) {
      std::vector<std::string> t(n, "O");
      for (const entities::NerSpan& s : spans)
        for (uint32_t k = s.begin; k < s.end && k < n; ++k)
          t[k] = (k == s.begin ? "B-" : "I-") + s.type;
      return t;
    };
    for (size_t e = 0; e < gold->size(); ++e) {
      const entities::NerExample& ex = (*gold)[e];
      std::vector<std::string> g = tags(ex.words.size(), ex.spans);
      std::vector<std::string> p = tags(ex.words.size(), predictions[e]);
      for (size_t k = 0; k < ex.words.size(); ++k)
        std::fprintf(out, "%s\t%s\t%s\n", ex.words[k].c_str(), g[k].c_str(), p[k].c_str());
      std::fprintf(out, "\n");
    }
    std::fclose(out);
  }
  std::printf("%s: %zu sentences, model %s\n", file.c_str(), gold->size(),
              model ? model->info().fingerprint.c_str() : "(none: gazetteers and rules only)");
  if (model && model->uses_encoder()) {
    std::printf("token encoder: linear x %g + encoder x %g (%s kernels)\n", model->mix().linear,
                model->mix().encoder,
                encoder::isa_name(encoder::detected_isa()));
  }
  std::printf("%s", score.to_string().c_str());
  return score.overall.f1() + 1e-9 < min_f1 ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace dateline::cli

namespace dateline::cli {

// dateline eval coref GUM.conllu: person coreference against GUM's chains.
int run_eval_coref(int argc, char** argv) {
  CLI::App app{"Score person coreference against GUM CoNLL-U coreference chains"};
  app.name("dateline eval coref");
  std::string file, models, lexicons;
  double min_accuracy = 0;
  app.add_option("file", file, "GUM CoNLL-U file with Entity= annotations")->required();
  app.add_option("--models", models, "models folder (default: the built-in one)");
  app.add_option("--lexicons", lexicons, "lexicons folder (default: the built-in one)");
  app.add_option("--min-accuracy", min_accuracy, "exit 1 when all-link accuracy is below this");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (models.empty()) models = default_models_dir();
  auto recognizer = entities::EntityRecognizer::load(
      {models, lexicons.empty() ? default_lexicons_dir() : lexicons});
  if (!recognizer.ok()) return fail_setup(recognizer.status());
  warn_missing_models(models, {model::kNerFile, model::kNerClustersFile});
  auto gold = text::read_conllu(file);
  if (!gold.ok()) return fail(gold.status());
  entities::CorefScore score = entities::evaluate_coreference(*recognizer, *gold);
  std::printf("%s", score.to_string().c_str());
  int links = score.name.links + score.pronoun.links + score.nominal.links;
  int correct = score.name.correct + score.pronoun.correct + score.nominal.correct;
  double accuracy = links ? 100.0 * correct / links : 0;
  return accuracy + 1e-9 < min_accuracy ? kExitSomeInputsFailed : kExitOk;
}

}  // namespace dateline::cli
