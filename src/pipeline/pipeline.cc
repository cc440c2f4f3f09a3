// SPDX-License-Identifier: Apache-2.0
// Stage orchestration. The order is the dependency order of docs/DESIGN.md: segmentation and
// metadata first (every later stage reads sentences and knows the publication date), then
// syntax, then entities and dates, then attribution (which resolves speakers through entities
// and dates through times), then events (which read all of them).
#include "dateline/pipeline.h"

#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "dateline/reader.h"
#include "dateline/version.h"
#include "dates/time_normalizer.h"
#include "entities/entity_recognizer.h"
#include "events/event_coder.h"
#include "ingest/metadata.h"
#include "model/hash.h"
#include "model/manifest.h"
#include "quotes/attribution_finder.h"
#include "segment/segmenter.h"
#include "segment/token_view.h"
#include "syntax/syntax_annotator.h"

namespace dateline {

struct Pipeline::Stages {
  PipelineOptions options;
  segment::Segmenter segmenter;
  syntax::SyntaxAnnotator syntax;
  entities::EntityRecognizer entities;
  dates::TimeNormalizer dates;
  quotes::AttributionFinder quotes;
  events::EventCoder events;
  std::string fingerprint;
  std::vector<std::string> warnings;  ///< missing optional models (model/manifest.h)
};

namespace {

// The folder `sub` of dateline's data: $DATELINE_DATA/sub; the installed data beside the
// running program (<prefix>/bin/prog -> <prefix>/share/dateline/sub); the configured install
// prefix's (a program linking an installed libdateline); for a build that is not installed,
// the source tree (models/, data/lexicons/).
std::string data_dir(std::string_view sub, std::string_view source_sub) {
  namespace fs = std::filesystem;
  if (const char* root = std::getenv("DATELINE_DATA"); root && *root) {
    return (fs::path(root) / sub).string();
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec && exe.parent_path().filename() == DL_BINDIR) {
    const fs::path beside = exe.parent_path().parent_path() / DL_INSTALL_DATADIR / sub;
    if (fs::is_directory(beside, ec)) return beside.string();
  }
  const fs::path installed = fs::path(DL_INSTALL_FULL_DATADIR) / sub;
  if (fs::is_directory(installed, ec)) return installed.string();
  return (fs::path(DL_SOURCE_DIR) / source_sub).string();
}

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}

void record_failure(Document& doc, const char* stage, const Status& status) {
  if (!status.ok()) {
    doc.diagnostics.push_back({std::string(stage) + "_failed", status.to_string(), -1});
  }
}

}  // namespace

std::string default_models_dir() {
  return env_or("DATELINE_MODELS", data_dir("models", "models"));
}

std::string default_lexicons_dir() {
  return env_or("DATELINE_LEXICONS", data_dir("lexicons", "data/lexicons"));
}

std::string default_web_dir() { return data_dir("web", "web"); }

Pipeline::Pipeline(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Pipeline::Pipeline(Pipeline&&) noexcept = default;
Pipeline& Pipeline::operator=(Pipeline&&) noexcept = default;
Pipeline::~Pipeline() = default;

Result<Pipeline> Pipeline::create(const PipelineOptions& given) {
  auto stages = std::make_unique<Stages>();
  PipelineOptions& options = stages->options;
  options = given;
  if (options.models_dir.empty()) options.models_dir = default_models_dir();
  if (options.lexicons_dir.empty()) options.lexicons_dir = default_lexicons_dir();
  // The manifest first: a wrong folder is reported by the name of the first file it lacks,
  // and every optional model it lacks becomes a warning.
  const model::ModelsCheck models =
      model::check_models_dir(options.models_dir, options.segment_only);
  DL_RETURN_IF_ERROR(models.required);
  for (const model::ModelSpec* spec : models.missing_optional) {
    stages->warnings.push_back(model::missing_model_message(options.models_dir, *spec));
  }
  DL_ASSIGN_OR_RETURN(stages->segmenter, segment::Segmenter::load({options.models_dir}));
  if (!options.segment_only) {
    DL_ASSIGN_OR_RETURN(stages->syntax, syntax::SyntaxAnnotator::load({options.models_dir}));
    DL_ASSIGN_OR_RETURN(stages->entities, entities::EntityRecognizer::load(
                                              {options.models_dir, options.lexicons_dir}));
    DL_ASSIGN_OR_RETURN(stages->dates, dates::TimeNormalizer::load(
                                           {options.lexicons_dir, options.anchor_date}));
    DL_ASSIGN_OR_RETURN(stages->quotes, quotes::AttributionFinder::load(
                                            {options.models_dir, options.lexicons_dir}));
    DL_ASSIGN_OR_RETURN(stages->events,
                        events::EventCoder::load(
                            {options.lexicons_dir, options.dictionaries_dir, options.models_dir}));
  }
  std::string parts = std::string(kVersion) + "|" + stages->segmenter.fingerprint() + "|" +
                      stages->syntax.fingerprint() + "|" +
                      stages->entities.fingerprint() + "|" + stages->dates.fingerprint() + "|" +
                      stages->quotes.fingerprint() + "|" + stages->events.fingerprint();
  stages->fingerprint = model::content_hash(parts);
  return Pipeline(std::move(stages));
}

const std::string& Pipeline::fingerprint() const { return stages_->fingerprint; }

const std::vector<std::string>& Pipeline::warnings() const { return stages_->warnings; }

Status Pipeline::process(Document& doc) const {
  const Stages& s = *stages_;
  doc.engine_version = kVersion;
  doc.engine_fingerprint = s.fingerprint;
  for (const std::string& w : s.warnings) doc.diagnostics.push_back({"model_missing", w, -1});
  s.segmenter.segment(doc);
  ingest::complete_metadata(doc);
  if (s.options.segment_only) return ok_status();
  record_failure(doc, "syntax", s.syntax.annotate(doc));
  // The lexical view of the tokens, built once and read by every stage after the parser.
  const segment::TokenView tokens(doc);
  record_failure(doc, "entities", s.entities.annotate(doc, tokens));
  record_failure(doc, "dates", s.dates.annotate(doc, tokens));
  record_failure(doc, "quotes", s.quotes.annotate(doc, tokens));
  record_failure(doc, "events", s.events.annotate(doc));
  return ok_status();
}

Result<Document> Pipeline::analyse(std::string_view text, const DocumentMeta& meta) const {
  const std::string name = meta.path.empty() ? "text" : meta.path;
  std::string published;
  if (!meta.published.empty()) {
    DL_ASSIGN_OR_RETURN(published, parse_publication_date(meta.published, "published"));
  }
  std::vector<Document> read;
  Status failed = ok_status();
  read_article_bytes(
      text, name, "text/plain", ReaderOptions{},
      [&read](Document&& doc) { read.push_back(std::move(doc)); },
      [&failed](const Status& s) {
        if (failed.ok()) failed = s;
      });
  if (read.empty()) {
    if (!failed.ok()) return failed;
    return error(ErrorCode::kBadInput, name + ": no article in the text");
  }
  Document doc = std::move(read.front());
  const std::pair<const char*, const std::string*> given[] = {
      {"url", &meta.url},           {"title", &meta.title},       {"outlet", &meta.outlet},
      {"published", &published},    {"modified", &meta.modified}, {"byline", &meta.byline},
      {"dateline", &meta.dateline}, {"language", &meta.language}};
  for (const auto& [field, value] : given) {
    // The default language is no statement about the text.
    if (value->empty() || (value == &meta.language && *value == DocumentMeta{}.language)) continue;
    ingest::set_meta(doc.meta, field, *value, "input");
  }
  if (!meta.id.empty()) doc.meta.id = meta.id;
  DL_RETURN_IF_ERROR(process(doc));
  return doc;
}

}  // namespace dateline
