// SPDX-License-Identifier: Apache-2.0
// Training the trigger model from the project's sources (model_training.h): each source's
// texts are analysed by the stages before events, their candidates become labelled examples
// or latent groups, and cross-validation over the gold documents chooses the epochs and the
// decode settings before the final model is trained on everything.
#include "events/model_training.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

#include "dates/time_normalizer.h"
#include "entities/entity_recognizer.h"
#include "events/event_features.h"
#include "events/petrarch_importer.h"
#include "events/training_data.h"
#include "ingest/metadata.h"
#include "ingest/reader.h"
#include "quotes/attribution_finder.h"
#include "segment/segmenter.h"
#include "syntax/syntax_annotator.h"

namespace dateline::events {

struct TrainingAnalyser::Stages {
  segment::Segmenter segmenter;
  syntax::SyntaxAnnotator syntax;
  entities::EntityRecognizer entities;
  dates::TimeNormalizer dates;
  quotes::AttributionFinder quotes;
  EventCoder coder;
};

TrainingAnalyser::TrainingAnalyser() : stages_(std::make_unique<Stages>()) {}
TrainingAnalyser::~TrainingAnalyser() = default;
TrainingAnalyser::TrainingAnalyser(TrainingAnalyser&&) noexcept = default;
TrainingAnalyser& TrainingAnalyser::operator=(TrainingAnalyser&&) noexcept = default;

Result<TrainingAnalyser> TrainingAnalyser::load(const std::string& models,
                                                const std::string& lexicons) {
  TrainingAnalyser an;
  Stages& s = *an.stages_;
  DL_ASSIGN_OR_RETURN(s.segmenter, segment::Segmenter::load({models}));
  DL_ASSIGN_OR_RETURN(s.syntax, syntax::SyntaxAnnotator::load({models}));
  DL_ASSIGN_OR_RETURN(s.entities, entities::EntityRecognizer::load({models, lexicons}));
  DL_ASSIGN_OR_RETURN(s.dates, dates::TimeNormalizer::load({lexicons, ""}));
  DL_ASSIGN_OR_RETURN(s.quotes, quotes::AttributionFinder::load({models, lexicons}));
  EventCoderOptions eo;
  eo.lexicons_dir = lexicons;
  eo.models_dir = models;
  eo.features_only = true;
  DL_ASSIGN_OR_RETURN(s.coder, EventCoder::load(eo));
  return an;
}

const EventCoder& TrainingAnalyser::coder() const { return stages_->coder; }

Result<std::vector<TriggerCandidate>> TrainingAnalyser::candidates(const std::string& text,
                                                                   const std::string& id,
                                                                   const std::string& date,
                                                                   bool names) const {
  Document doc = ingest::make_document(text, id);
  if (doc.text.size() != text.size()) {
    return error(ErrorCode::kBadInput, id + ": text is not valid UTF-8");
  }
  doc.meta.id = id;
  doc.meta.published = date;
  const Stages& s = *stages_;
  s.segmenter.segment(doc);
  ingest::complete_metadata(doc);
  DL_RETURN_IF_ERROR(s.syntax.annotate(doc));
  DL_RETURN_IF_ERROR(s.entities.annotate(doc));
  DL_RETURN_IF_ERROR(s.dates.annotate(doc));
  DL_RETURN_IF_ERROR(s.quotes.annotate(doc));
  return s.coder.candidates(doc, names);
}

namespace {

using Log = std::function<void(const std::string&)>;

// Which PLOVER types the PETRARCH verb dictionary gives each lemma (any pattern).
using TypesByLemma = std::map<std::string, std::set<PloverType>>;

bool reads_as(const TriggerCandidate& c, PloverType type, const TypesByLemma& petrarch) {
  if (c.dictionary_type == type) return true;
  auto it = petrarch.find(c.lemma);
  return it != petrarch.end() && it->second.contains(type);
}

struct Counts {
  int texts = 0, examples = 0, groups = 0, unmatched = 0, failed = 0;
  std::string to_string(const char* name) const {
    return std::string(name) + ": " + std::to_string(texts) + " texts, " +
           std::to_string(examples) + " examples, " + std::to_string(groups) + " latent groups" +
           (unmatched ? ", " + std::to_string(unmatched) + " marks no candidate covers" : "") +
           (failed ? ", " + std::to_string(failed) + " texts refused" : "");
  }
};

TrainingExample example(const TriggerCandidate& c, PloverType label,
                                std::string cameo, ExampleSource source, int32_t doc) {
  TrainingExample e;
  e.keys = c.keys;
  e.dictionary = c.dictionary_type;
  e.label = label;
  e.cameo = std::move(cameo);
  e.source = source;
  e.doc = doc;
  return e;
}

void add_group(TrainingSet& set, const std::vector<TriggerCandidate>& cands,
               const std::vector<size_t>& members, PloverType type, ExampleSource source,
               int32_t doc, Counts& counts) {
  if (members.empty()) return;
  LatentGroup g;
  g.label = type;
  g.source = source;
  g.doc = doc;
  const int32_t gi = static_cast<int32_t>(set.groups.size());
  for (size_t m : members) {
    TrainingExample e = example(cands[m], type, "", source, doc);
    e.group = gi;
    g.members.push_back(static_cast<uint32_t>(set.examples.size()));
    set.examples.push_back(std::move(e));
  }
  set.groups.push_back(std::move(g));
  ++counts.groups;
}

// The PETRARCH verb dictionary: each verb pattern a lexical example of its code's type (or of
// no event for codes without one); `petrarch` gets the types each bare verb reads as.
Status add_dictionary(const TrainingAnalyser& an, const std::string& path, TrainingSet& set,
                      TypesByLemma& petrarch, Counts& c, const Log& log) {
  VerbDictionary pverbs;
  ImportStats st;
  DL_RETURN_IF_ERROR(import_petrarch_verbs(path, pverbs, st));
  const CameoTable& cameo = an.coder().dictionaries()->cameo;
  for (const VerbEntry& e : pverbs.entries()) {
    if (e.lemma.empty() || e.role != VerbRole::kEvent) continue;
    const CameoCode* cc = e.cameo.empty() ? nullptr : cameo.find(e.cameo);
    const PloverType type = e.no_event || !cc ? PloverType::kNone : cc->plover;
    // A lemma reads as a type by its bare verb entry only: patterns with words around
    // ("SAY * EASE") code what the sentence says, not what the verb is.
    if (type != PloverType::kNone && e.particles.empty() && e.object_words.empty() &&
        e.pre_words.empty()) {
      petrarch[e.lemma].insert(type);
    }
    TrainingExample x;
    lexical_features(*an.coder().dictionaries(), e.lemma,
                             e.particles.empty() ? "" : e.particles.front(),
                             e.object_words.empty() ? "" : e.object_words.front(), x.keys);
    x.label = type;
    if (type != PloverType::kNone && plover_type_of_cameo(e.cameo) == type) x.cameo = e.cameo;
    x.source = ExampleSource::kDictionary;
    set.examples.push_back(std::move(x));
    ++c.examples;
  }
  log(c.to_string("PETRARCH verb dictionary"));
  return ok_status();
}

// Codebook sentences: each marked word an example of its type, every other candidate of the
// text an example of no event.
Status add_codebook(const TrainingAnalyser& an, const std::string& path, TrainingSet& set,
                    Counts& c, const Log& log) {
  auto texts = read_codebook(path);
  if (!texts.ok()) return texts.status();
  for (const MarkedText& t : *texts) {
    auto cands = an.candidates(t.text, t.id, "");
    if (!cands.ok()) return cands.status();
    const int32_t doc = set.n_docs++;
    std::vector<bool> used(t.marks.size(), false);
    for (const TriggerCandidate& k : *cands) {
      PloverType label = PloverType::kNone;
      std::string cameo;
      for (size_t m = 0; m < t.marks.size(); ++m) {
        if (k.trigger.overlaps(t.marks[m].head)) {
          label = t.marks[m].type;
          cameo = t.marks[m].cameo;
          used[m] = true;
        }
      }
      set.examples.push_back(example(k, label, cameo, ExampleSource::kCodebook, doc));
      ++c.examples;
    }
    for (size_t m = 0; m < used.size(); ++m) {
      if (used[m]) continue;
      ++c.unmatched;
      log("  " + t.id + ": no candidate at '" +
               t.text.substr(t.marks[m].head.begin, t.marks[m].head.size()) + "'");
    }
    ++c.texts;
  }
  log(c.to_string("codebook"));
  return ok_status();
}

// PETRARCH-2 unit-test records: for each expected code, the candidates a dictionary reads as
// its type form a latent group (all candidates when none does); the others are no events.
Status add_records(const TrainingAnalyser& an, const std::string& path, const TypesByLemma& petrarch,
                   TrainingSet& set, Counts& c, const Log& log) {
  auto recs = read_coded_records(path);
  if (!recs.ok()) return recs.status();
  const CameoTable& cameo = an.coder().dictionaries()->cameo;
  for (const CodedRecord& r : *recs) {
    auto cands = an.candidates(r.text, r.id, r.date);
    if (!cands.ok()) return cands.status();
    const int32_t doc = set.n_docs++;
    std::set<PloverType> expected;
    for (const std::string& code : r.cameo) {
      const CameoCode* cc = cameo.find(code);
      if (cc && cc->plover != PloverType::kNone) expected.insert(cc->plover);
    }
    std::vector<bool> in_group(cands->size(), false);
    for (PloverType type : expected) {
      std::vector<size_t> members;
      for (size_t i = 0; i < cands->size(); ++i) {
        if (reads_as((*cands)[i], type, petrarch)) members.push_back(i);
      }
      if (members.empty()) {
        for (size_t i = 0; i < cands->size(); ++i) members.push_back(i);
      }
      for (size_t m : members) in_group[m] = true;
      add_group(set, *cands, members, type, ExampleSource::kRecords, doc, c);
    }
    for (size_t i = 0; i < cands->size(); ++i) {
      if (in_group[i]) continue;
      set.examples.push_back(
          example((*cands)[i], PloverType::kNone, "", ExampleSource::kRecords, doc));
      ++c.examples;
    }
    ++c.texts;
  }
  log(c.to_string("records"));
  return ok_status();
}

// NGEC synthetic stories (silver): a latent group of the lead sentence's candidates that a
// dictionary reads as the story's type, and clause verbs no dictionary reads as no events.
Status add_synthetic(const TrainingAnalyser& an, const std::string& path, const TypesByLemma& petrarch,
                     TrainingSet& set, Counts& c, const Log& log) {
  auto stories = read_labelled_stories(path);
  if (!stories.ok()) return stories.status();
  for (const LabelledStory& st : *stories) {
    auto cands = an.candidates(st.text, st.id, "");
    if (!cands.ok()) {
      ++c.failed;
      continue;
    }
    // The story's event is told in its lead sentence; only a candidate there that a
    // dictionary reads as the story's type can carry it (the others stay unlabelled).
    std::vector<size_t> members;
    uint32_t first = UINT32_MAX;
    for (const TriggerCandidate& k : *cands) first = std::min(first, k.sentence);
    for (size_t i = 0; i < cands->size(); ++i) {
      if ((*cands)[i].sentence == first && reads_as((*cands)[i], st.type, petrarch))
        members.push_back(i);
    }
    add_group(set, *cands, members, st.type, ExampleSource::kSynthetic, -1, c);
    // Clause verbs that no dictionary reads as any event are, in these stories, almost
    // always no event: silver negatives that balance the positives.
    for (const TriggerCandidate& k : *cands) {
      if (k.dictionary_type != PloverType::kNone || petrarch.contains(k.lemma)) continue;
      set.examples.push_back(
          example(k, PloverType::kNone, "", ExampleSource::kSynthetic, -1));
      ++c.examples;
    }
    ++c.texts;
  }
  log(c.to_string("synthetic"));
  return ok_status();
}

// Judged news: each judged trigger an example of its judgement.
Status add_judged(const TrainingAnalyser& an, const std::string& judged, const std::string& judged_texts,
                  TrainingSet& set, Counts& c, const Log& log) {
  auto judgements = read_judged_events(judged);
  if (!judgements.ok()) return judgements.status();
  auto texts = read_text_records(judged_texts);
  if (!texts.ok()) return texts.status();
  std::map<std::string, std::vector<const JudgedEvent*>> by_doc;
  for (const JudgedEvent& j : *judgements) by_doc[j.doc].push_back(&j);
  for (const TextRecord& t : *texts) {
    auto it = by_doc.find(t.id);
    if (it == by_doc.end()) continue;
    auto cands = an.candidates(t.text, t.id, t.date);
    if (!cands.ok()) return cands.status();
    const int32_t doc = set.n_docs++;
    for (const JudgedEvent* j : it->second) {
      bool found = false;
      for (const TriggerCandidate& k : *cands) {
        if (!j->trigger.overlaps(k.trigger)) continue;
        set.examples.push_back(example(k, j->event ? j->type : PloverType::kNone, j->cameo,
                                       ExampleSource::kJudged, doc));
        ++c.examples;
        found = true;
        break;
      }
      if (!found) ++c.unmatched;
    }
    ++c.texts;
  }
  log(c.to_string("judged"));
  return ok_status();
}

// Cross-validation over `folds` folds of the gold documents: chooses the epochs and the decode
// settings into `o` and returns the scores line for the model header.
std::string choose_settings(const TrainingSet& set, TrainerOptions& o, int folds,
                            const Log& log) {
  std::string scores;
  // The decode settings: the "no event" bias and the trust in the dictionaries' reading.
  std::vector<DecodeSetting> settings;
  // In the units of one run's scores: an ensemble's scores are the sum of its runs'.
  const float runs = static_cast<float>(std::max(1, o.ensemble));
  for (float bias : {-32.f, -24.f, -20.f, -16.f, -12.f, -8.f, -6.f, -4.f, -2.f, 0.f, 2.f, 4.f,
                      8.f, 12.f, 16.f}) {
    for (float prior : {0.f, 4.f, 8.f, 12.f, 16.f, 24.f, 32.f}) {
      for (bool dictionary_type : {false, true}) {
        settings.push_back({bias * runs, prior * runs, dictionary_type});
      }
    }
  }
  auto table = cross_validate(set, o, folds, settings, log);
  const auto setting_name = [&](size_t i) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "none bias %+.0f, dictionary prior %.0f, %s",
                  static_cast<double>(settings[i].none_bias),
                  static_cast<double>(settings[i].dictionary_prior),
                  settings[i].dictionary_type ? "dictionary types" : "model types");
    return std::string(buf);
  };
  // Each epoch's best setting, with its scores by source. F1 is flat over a wide range of
  // epochs and biases, and an analyst wants most real events: of all the (epoch, setting)
  // cells within kRecallSlack F1 points of the best, the one with the most recall is chosen.
  constexpr double kRecallSlack = 0.5;
  double best_f = -1;
  for (size_t e = 0; e < table.size(); ++e) {
    size_t es = 0;
    for (size_t i = 1; i < settings.size(); ++i) {
      if (table[e][i].all.f1() > table[e][es].all.f1()) es = i;
    }
    const CvScores& cell = table[e][es];
    best_f = std::max(best_f, cell.all.f1());
    std::string row = "  epoch " + std::to_string(e + 1) + ": " + setting_name(es);
    char buf[96];
    std::snprintf(buf, sizeof buf, ": P %.1f R %.1f F1 %.1f", cell.all.precision(),
                  cell.all.recall(), cell.all.f1());
    row += buf;
    for (int src = 0; src < kExampleSources; ++src) {
      const TriggerScores& x = cell.by_source[src];
      if (x.gold + x.predicted == 0) continue;
      std::snprintf(buf, sizeof buf, "; %s %.1f/%.1f (events %.0f)",
                    to_string(static_cast<ExampleSource>(src)), x.precision(),
                    x.recall(), x.event_precision());
      row += buf;
    }
    log(row);
  }
  int best_e = 1;
  size_t best_s = 0;
  double best_r = -1;
  for (size_t e = 0; e < table.size(); ++e) {
    for (size_t i = 0; i < settings.size(); ++i) {
      const TriggerScores& x = table[e][i].all;
      if (x.f1() >= best_f - kRecallSlack && x.recall() > best_r) {
        best_r = x.recall();
        best_e = static_cast<int>(e + 1);
        best_s = i;
      }
    }
  }
  {  // the chosen epoch's best F1 for each dictionary prior: how flat the choice is
    std::map<float, size_t> by_prior;
    const std::vector<CvScores>& row = table[static_cast<size_t>(best_e - 1)];
    for (size_t i = 0; i < settings.size(); ++i) {
      if (settings[i].dictionary_type != settings[best_s].dictionary_type) continue;
      auto [it, fresh] = by_prior.emplace(settings[i].dictionary_prior, i);
      if (!fresh && row[i].all.f1() > row[it->second].all.f1()) it->second = i;
    }
    std::string line = "  epoch " + std::to_string(best_e) + " by dictionary prior:";
    for (const auto& [prior, i] : by_prior) {
      char buf[64];
      std::snprintf(buf, sizeof buf, " %.0f: %.1f/%.1f/%.1f (bias %+.0f);",
                    static_cast<double>(prior), row[i].all.precision(), row[i].all.recall(),
                    row[i].all.f1(), static_cast<double>(settings[i].none_bias));
      line += buf;
    }
    log(line);
  }
  const CvScores& cell = table[static_cast<size_t>(best_e - 1)][best_s];
  const TriggerScores& b = cell.all;
  char buf[512];
  int n = std::snprintf(buf, sizeof buf,
                        "%d-fold cross-validation on the gold sources: epochs %d, %s: typed "
                        "events P %.1f R %.1f F1 %.1f (events at all: P %.1f); %d gold events;",
                        folds, best_e, setting_name(best_s).c_str(), b.precision(), b.recall(),
                        b.f1(), b.event_precision(), b.gold);
  for (int src = 0; src < kExampleSources; ++src) {
    const TriggerScores& x = cell.by_source[src];
    if (x.gold == 0 || n < 0 || static_cast<size_t>(n) >= sizeof buf) continue;
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n),
                       " %s P %.1f R %.1f F1 %.1f (%d);",
                       to_string(static_cast<ExampleSource>(src)), x.precision(),
                       x.recall(), x.f1(), x.gold);
  }
  scores = buf;
  log(scores);
  o.epochs = best_e;
  o.none_bias = settings[best_s].none_bias;
  o.dictionary_prior = settings[best_s].dictionary_prior;
  o.dictionary_type = settings[best_s].dictionary_type;
  return scores;
}

}  // namespace

Status train_event_model(const TriggerTrainingConfig& config, const Log& log) {
  if (!config.judged.empty() && config.judged_texts.empty()) {
    return error(ErrorCode::kInvalidArgument, "--judged needs --judged-texts");
  }
  DL_ASSIGN_OR_RETURN(TrainingAnalyser an,
                      TrainingAnalyser::load(config.models_dir, config.lexicons_dir));
  TrainingSet set;
  std::map<std::string, Counts> counts;
  TypesByLemma petrarch;
  if (!config.petrarch_verbs.empty()) {
    DL_RETURN_IF_ERROR(
        add_dictionary(an, config.petrarch_verbs, set, petrarch, counts["dictionary"], log));
  }
  DL_RETURN_IF_ERROR(add_codebook(an, config.codebook, set, counts["codebook"], log));
  if (!config.records.empty()) {
    DL_RETURN_IF_ERROR(add_records(an, config.records, petrarch, set, counts["records"], log));
  }
  if (!config.synthetic.empty()) {
    DL_RETURN_IF_ERROR(
        add_synthetic(an, config.synthetic, petrarch, set, counts["synthetic"], log));
  }
  if (!config.judged.empty()) {
    DL_RETURN_IF_ERROR(
        add_judged(an, config.judged, config.judged_texts, set, counts["judged"], log));
  }
  TrainerOptions o = config.trainer;
  const std::string scores = config.folds > 1 ? choose_settings(set, o, config.folds, log) : "";
  if (config.out.empty()) return ok_status();

  TriggerModel model = train_trigger_model(set, o, nullptr);
  model::ModelHeader header = {{"command", config.command},
                                {"seed", std::to_string(o.seed)},
                                {"ensemble", std::to_string(o.ensemble)},
                                {"epochs", std::to_string(o.epochs)}};
  std::string data;
  for (const auto& [name, c] : counts) {
    if (!data.empty()) data += "; ";
    data += c.to_string(name.c_str());
  }
  header.emplace_back("data", data);
  if (!scores.empty()) header.emplace_back("scores", scores);
  DL_RETURN_IF_ERROR(model.save(config.out, header));
  log("wrote " + config.out);
  return ok_status();
}

Status list_candidates(const std::string& texts_path, const std::string& models_dir,
                       const std::string& lexicons_dir, const Log& emit) {
  DL_ASSIGN_OR_RETURN(TrainingAnalyser an, TrainingAnalyser::load(models_dir, lexicons_dir));
  DL_ASSIGN_OR_RETURN(std::vector<TextRecord> texts, read_text_records(texts_path));
  // Without a model file the decision column is "-".
  auto model = TriggerModel::load(models_dir + "/" + kTriggerModelFile);
  const auto name = [](PloverType type) {
    return type == PloverType::kNone ? std::string("NONE") : std::string(to_string(type));
  };
  for (const TextRecord& t : texts) {
    DL_ASSIGN_OR_RETURN(std::vector<TriggerCandidate> cands,
                        an.candidates(t.text, t.id, t.date, /*names=*/true));
    for (const TriggerCandidate& k : cands) {
      std::string features;
      for (const std::string& n : k.names) features += (features.empty() ? "" : " ") + n;
      std::string decided = "-";
      if (model.ok()) {
        const TriggerDecision d = model->classify(k.keys, k.dictionary_type);
        char margin[16];
        std::snprintf(margin, sizeof margin, "%.1f", static_cast<double>(d.margin));
        decided = name(d.type) + " by " + margin + " over " + name(d.runner_up);
      }
      std::string line = t.id;
      for (uint32_t n : {k.head.begin, k.head.end, k.trigger.begin, k.trigger.end, k.sentence}) {
        line += '\t';
        line += std::to_string(n);
      }
      for (const std::string& col :
           {k.lemma,
            k.dictionary_type == PloverType::kNone ? std::string("-")
                                                   : std::string(to_string(k.dictionary_type)),
            decided, features}) {
        line += '\t';
        line += col;
      }
      emit(line);
    }
  }
  return ok_status();
}

}  // namespace dateline::events
