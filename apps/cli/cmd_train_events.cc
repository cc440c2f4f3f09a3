// SPDX-License-Identifier: Apache-2.0
// dateline train events --codebook FILE [--records FILE] [--synthetic FILE]
//   [--judged FILE --judged-texts FILE] [--petrarch-verbs FILE] --out MODEL
// Trains the event trigger model (src/events/trigger_model.h). Every text is analysed as
// `dateline extract` does (segmentation, syntax, entities, dates, quotes), so the model
// learns on the candidates and features it will see; then the examples are made:
//  - codebook sentences: each marked word is an example of its type, every other candidate
//    of the sentence an example of no event;
//  - PETRARCH-2 unit-test records: for each expected code, the candidates whose reading (our
//    dictionary's, or the PETRARCH verb dictionary's) has its type form a latent group (all
//    candidates when none has); candidates of no expected type are no events;
//  - NGEC synthetic stories: the story's type is carried by one candidate of its lead sentence
//    that a dictionary reads as that type (a latent group, silver; stories without one give
//    no positive), and clause verbs no dictionary reads as any event are no events (silver);
//  - judged news: each judged trigger is an example of its judgement;
//  - the PETRARCH verb dictionary itself: each verb (with its particle or object word) is a
//    lexical example of its code's type, or of no event for CAMEO 01 statements.
// With --folds, cross-validation over the gold sources prints each epoch's best decode
// setting ("no event" bias, dictionary prior, dictionary or model types) with its typed-event
// scores, and picks the best F1 (documents of a source never straddle a fold). --ensemble N
// sums N runs with consecutive seeds. The model file's header records the command, the data,
// the counts and the scores.
#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/pipeline.h"
#include "dates/time_normalizer.h"
#include "entities/entity_recognizer.h"
#include "events/event_coder.h"
#include "events/event_features.h"
#include "events/petrarch_importer.h"
#include "events/training_data.h"
#include "events/trigger_trainer.h"
#include "ingest/metadata.h"
#include "ingest/reader.h"
#include "quotes/attribution_finder.h"
#include "segment/segmenter.h"
#include "syntax/syntax_annotator.h"

namespace dateline::cli {
namespace {

void log_line(const std::string& s) {
  std::fprintf(stderr, "%s\n", s.c_str());
  std::fflush(stderr);
}

// The analysis `dateline extract` runs before the events stage.
struct Analyser {
  segment::Segmenter segmenter;
  syntax::SyntaxAnnotator syntax;
  entities::EntityRecognizer entities;
  dates::TimeNormalizer dates;
  quotes::AttributionFinder quotes;
  events::EventCoder coder;

  Status load(const std::string& models, const std::string& lexicons) {
    DL_ASSIGN_OR_RETURN(segmenter, segment::Segmenter::load({models}));
    DL_ASSIGN_OR_RETURN(syntax, syntax::SyntaxAnnotator::load({models}));
    DL_ASSIGN_OR_RETURN(entities, entities::EntityRecognizer::load({models, lexicons}));
    DL_ASSIGN_OR_RETURN(dates, dates::TimeNormalizer::load({lexicons, ""}));
    DL_ASSIGN_OR_RETURN(quotes, quotes::AttributionFinder::load({models, lexicons}));
    events::EventCoderOptions eo;
    eo.lexicons_dir = lexicons;
    eo.models_dir = models;
    eo.features_only = true;
    DL_ASSIGN_OR_RETURN(coder, events::EventCoder::load(eo));
    return ok_status();
  }

  // The candidates of one text, or an error when it is not valid UTF-8.
  Result<std::vector<events::TriggerCandidate>> candidates(const std::string& text,
                                                           const std::string& id,
                                                           const std::string& date,
                                                           bool names = false) const {
    Document doc = ingest::make_document(text, id);
    if (doc.text.size() != text.size()) {
      return error(ErrorCode::kBadInput, id + ": text is not valid UTF-8");
    }
    doc.meta.id = id;
    doc.meta.published = date;
    segmenter.segment(doc);
    ingest::complete_metadata(doc);
    DL_RETURN_IF_ERROR(syntax.annotate(doc));
    DL_RETURN_IF_ERROR(entities.annotate(doc));
    DL_RETURN_IF_ERROR(dates.annotate(doc));
    DL_RETURN_IF_ERROR(quotes.annotate(doc));
    return coder.candidates(doc, names);
  }
};

// Which PLOVER types the PETRARCH verb dictionary gives each lemma (any pattern).
using TypesByLemma = std::map<std::string, std::set<PloverType>>;

bool reads_as(const events::TriggerCandidate& c, PloverType type, const TypesByLemma& petrarch) {
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

events::TrainingExample example(const events::TriggerCandidate& c, PloverType label,
                                std::string cameo, events::ExampleSource source, int32_t doc) {
  events::TrainingExample e;
  e.keys = c.keys;
  e.dictionary = c.dictionary_type;
  e.label = label;
  e.cameo = std::move(cameo);
  e.source = source;
  e.doc = doc;
  return e;
}

void add_group(events::TrainingSet& set, const std::vector<events::TriggerCandidate>& cands,
               const std::vector<size_t>& members, PloverType type, events::ExampleSource source,
               int32_t doc, Counts& counts) {
  if (members.empty()) return;
  events::LatentGroup g;
  g.label = type;
  g.source = source;
  g.doc = doc;
  const int32_t gi = static_cast<int32_t>(set.groups.size());
  for (size_t m : members) {
    events::TrainingExample e = example(cands[m], type, "", source, doc);
    e.group = gi;
    g.members.push_back(static_cast<uint32_t>(set.examples.size()));
    set.examples.push_back(std::move(e));
  }
  set.groups.push_back(std::move(g));
  ++counts.groups;
}

// doc, head begin, head end, trigger begin, trigger end, sentence, lemma, dictionary type,
// the model's decision ("ACCUSE by 3.2 over NONE", "-" without a model), feature names; one
// candidate a line.
int list_candidates(const Analyser& an, const std::string& path, const std::string& models) {
  auto texts = events::read_text_records(path);
  if (!texts.ok()) return fail(texts.status());
  auto model = events::TriggerModel::load(models + "/" + events::kTriggerModelFile);
  for (const events::TextRecord& t : *texts) {
    auto cands = an.candidates(t.text, t.id, t.date, /*names=*/true);
    if (!cands.ok()) return fail(cands.status());
    for (const events::TriggerCandidate& k : *cands) {
      std::string features;
      for (const std::string& n : k.names) features += (features.empty() ? "" : " ") + n;
      std::string decided = "-";
      if (model.ok()) {
        const events::TriggerDecision d = model->classify(k.keys, k.dictionary_type);
        char margin[16];
        std::snprintf(margin, sizeof margin, "%.1f", static_cast<double>(d.margin));
        const auto name = [](PloverType type) {
          return type == PloverType::kNone ? std::string("NONE") : std::string(to_string(type));
        };
        decided = name(d.type) + " by " + margin + " over " + name(d.runner_up);
      }
      std::printf("%s\t%u\t%u\t%u\t%u\t%u\t%s\t%s\t%s\t%s\n", t.id.c_str(), k.head.begin,
                  k.head.end, k.trigger.begin, k.trigger.end, k.sentence, k.lemma.c_str(),
                  k.dictionary_type == PloverType::kNone
                      ? "-"
                      : std::string(to_string(k.dictionary_type)).c_str(),
                  decided.c_str(), features.c_str());
    }
  }
  return kExitOk;
}

// The PETRARCH verb dictionary: each verb pattern a lexical example of its code's type (or of
// no event for codes without one); `petrarch` gets the types each bare verb reads as.
Status add_dictionary(const Analyser& an, const std::string& path, events::TrainingSet& set,
                      TypesByLemma& petrarch, Counts& c) {
  events::VerbDictionary pverbs;
  events::ImportStats st;
  DL_RETURN_IF_ERROR(events::import_petrarch_verbs(path, pverbs, st));
  const events::CameoTable& cameo = an.coder.dictionaries()->cameo;
  for (const events::VerbEntry& e : pverbs.entries()) {
    if (e.lemma.empty() || e.role != events::VerbRole::kEvent) continue;
    const events::CameoCode* cc = e.cameo.empty() ? nullptr : cameo.find(e.cameo);
    const PloverType type = e.no_event || !cc ? PloverType::kNone : cc->plover;
    // A lemma reads as a type by its bare verb entry only: patterns with words around
    // ("SAY * EASE") code what the sentence says, not what the verb is.
    if (type != PloverType::kNone && e.particles.empty() && e.object_words.empty() &&
        e.pre_words.empty()) {
      petrarch[e.lemma].insert(type);
    }
    events::TrainingExample x;
    events::lexical_features(*an.coder.dictionaries(), e.lemma,
                             e.particles.empty() ? "" : e.particles.front(),
                             e.object_words.empty() ? "" : e.object_words.front(), x.keys);
    x.label = type;
    if (type != PloverType::kNone && plover_type_of_cameo(e.cameo) == type) x.cameo = e.cameo;
    x.source = events::ExampleSource::kDictionary;
    set.examples.push_back(std::move(x));
    ++c.examples;
  }
  log_line(c.to_string("PETRARCH verb dictionary"));
  return ok_status();
}

// Codebook sentences: each marked word an example of its type, every other candidate of the
// text an example of no event.
Status add_codebook(const Analyser& an, const std::string& path, events::TrainingSet& set,
                    Counts& c) {
  auto texts = events::read_codebook(path);
  if (!texts.ok()) return texts.status();
  for (const events::MarkedText& t : *texts) {
    auto cands = an.candidates(t.text, t.id, "");
    if (!cands.ok()) return cands.status();
    const int32_t doc = set.n_docs++;
    std::vector<bool> used(t.marks.size(), false);
    for (const events::TriggerCandidate& k : *cands) {
      PloverType label = PloverType::kNone;
      std::string cameo;
      for (size_t m = 0; m < t.marks.size(); ++m) {
        if (k.trigger.overlaps(t.marks[m].head)) {
          label = t.marks[m].type;
          cameo = t.marks[m].cameo;
          used[m] = true;
        }
      }
      set.examples.push_back(example(k, label, cameo, events::ExampleSource::kCodebook, doc));
      ++c.examples;
    }
    for (size_t m = 0; m < used.size(); ++m) {
      if (used[m]) continue;
      ++c.unmatched;
      log_line("  " + t.id + ": no candidate at '" +
               t.text.substr(t.marks[m].head.begin, t.marks[m].head.size()) + "'");
    }
    ++c.texts;
  }
  log_line(c.to_string("codebook"));
  return ok_status();
}

// PETRARCH-2 unit-test records: for each expected code, the candidates a dictionary reads as
// its type form a latent group (all candidates when none does); the others are no events.
Status add_records(const Analyser& an, const std::string& path, const TypesByLemma& petrarch,
                   events::TrainingSet& set, Counts& c) {
  auto recs = events::read_coded_records(path);
  if (!recs.ok()) return recs.status();
  const events::CameoTable& cameo = an.coder.dictionaries()->cameo;
  for (const events::CodedRecord& r : *recs) {
    auto cands = an.candidates(r.text, r.id, r.date);
    if (!cands.ok()) return cands.status();
    const int32_t doc = set.n_docs++;
    std::set<PloverType> expected;
    for (const std::string& code : r.cameo) {
      const events::CameoCode* cc = cameo.find(code);
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
      add_group(set, *cands, members, type, events::ExampleSource::kRecords, doc, c);
    }
    for (size_t i = 0; i < cands->size(); ++i) {
      if (in_group[i]) continue;
      set.examples.push_back(
          example((*cands)[i], PloverType::kNone, "", events::ExampleSource::kRecords, doc));
      ++c.examples;
    }
    ++c.texts;
  }
  log_line(c.to_string("records"));
  return ok_status();
}

// NGEC synthetic stories (silver): a latent group of the lead sentence's candidates that a
// dictionary reads as the story's type, and clause verbs no dictionary reads as no events.
Status add_synthetic(const Analyser& an, const std::string& path, const TypesByLemma& petrarch,
                     events::TrainingSet& set, Counts& c) {
  auto stories = events::read_labelled_stories(path);
  if (!stories.ok()) return stories.status();
  for (const events::LabelledStory& st : *stories) {
    auto cands = an.candidates(st.text, st.id, "");
    if (!cands.ok()) {
      ++c.failed;
      continue;
    }
    // The story's event is told in its lead sentence; only a candidate there that a
    // dictionary reads as the story's type can carry it (the others stay unlabelled).
    std::vector<size_t> members;
    uint32_t first = UINT32_MAX;
    for (const events::TriggerCandidate& k : *cands) first = std::min(first, k.sentence);
    for (size_t i = 0; i < cands->size(); ++i) {
      if ((*cands)[i].sentence == first && reads_as((*cands)[i], st.type, petrarch))
        members.push_back(i);
    }
    add_group(set, *cands, members, st.type, events::ExampleSource::kSynthetic, -1, c);
    // Clause verbs that no dictionary reads as any event are, in these stories, almost
    // always no event: silver negatives that balance the positives.
    for (const events::TriggerCandidate& k : *cands) {
      if (k.dictionary_type != PloverType::kNone || petrarch.contains(k.lemma)) continue;
      set.examples.push_back(
          example(k, PloverType::kNone, "", events::ExampleSource::kSynthetic, -1));
      ++c.examples;
    }
    ++c.texts;
  }
  log_line(c.to_string("synthetic"));
  return ok_status();
}

// Judged news: each judged trigger an example of its judgement.
Status add_judged(const Analyser& an, const std::string& judged, const std::string& judged_texts,
                  events::TrainingSet& set, Counts& c) {
  auto judgements = events::read_judged_events(judged);
  if (!judgements.ok()) return judgements.status();
  auto texts = events::read_text_records(judged_texts);
  if (!texts.ok()) return texts.status();
  std::map<std::string, std::vector<const events::JudgedEvent*>> by_doc;
  for (const events::JudgedEvent& j : *judgements) by_doc[j.doc].push_back(&j);
  for (const events::TextRecord& t : *texts) {
    auto it = by_doc.find(t.id);
    if (it == by_doc.end()) continue;
    auto cands = an.candidates(t.text, t.id, t.date);
    if (!cands.ok()) return cands.status();
    const int32_t doc = set.n_docs++;
    for (const events::JudgedEvent* j : it->second) {
      bool found = false;
      for (const events::TriggerCandidate& k : *cands) {
        if (!j->trigger.overlaps(k.trigger)) continue;
        set.examples.push_back(example(k, j->event ? j->type : PloverType::kNone, j->cameo,
                                       events::ExampleSource::kJudged, doc));
        ++c.examples;
        found = true;
        break;
      }
      if (!found) ++c.unmatched;
    }
    ++c.texts;
  }
  log_line(c.to_string("judged"));
  return ok_status();
}

// Cross-validation over `folds` folds of the gold documents: chooses the epochs and the decode
// settings into `o` and returns the scores line for the model header.
std::string choose_settings(const events::TrainingSet& set, events::TrainerOptions& o, int folds) {
  std::string scores;
  // The decode settings: the "no event" bias and the trust in the dictionaries' reading.
  std::vector<events::DecodeSetting> settings;
  // In the units of one run's scores: an ensemble's scores are the sum of its runs'.
  const float runs = static_cast<float>(std::max(1, o.ensemble));
  for (float bias : {-16, -12, -8, -6, -4, -2, 0, 2, 4, 8, 12, 16}) {
    for (float prior : {0, 4, 8, 12, 16, 24, 32}) {
      for (bool dictionary_type : {false, true}) {
        settings.push_back({bias * runs, prior * runs, dictionary_type});
      }
    }
  }
  auto table = events::cross_validate(set, o, folds, settings, log_line);
  const auto setting_name = [&](size_t i) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "none bias %+.0f, dictionary prior %.0f, %s",
                  static_cast<double>(settings[i].none_bias),
                  static_cast<double>(settings[i].dictionary_prior),
                  settings[i].dictionary_type ? "dictionary types" : "model types");
    return std::string(buf);
  };
  double best_f = -1;
  int best_e = 1;
  size_t best_s = 0;
  // Each epoch's best setting, with its scores by source; the best of all is chosen.
  for (size_t e = 0; e < table.size(); ++e) {
    size_t es = 0;
    for (size_t i = 1; i < settings.size(); ++i) {
      if (table[e][i].all.f1() > table[e][es].all.f1()) es = i;
    }
    const events::CvScores& cell = table[e][es];
    std::string row = "  epoch " + std::to_string(e + 1) + ": " + setting_name(es);
    char buf[96];
    std::snprintf(buf, sizeof buf, ": P %.1f R %.1f F1 %.1f", cell.all.precision(),
                  cell.all.recall(), cell.all.f1());
    row += buf;
    for (int src = 0; src < events::kExampleSources; ++src) {
      const events::TriggerScores& x = cell.by_source[src];
      if (x.gold + x.predicted == 0) continue;
      std::snprintf(buf, sizeof buf, "; %s %.1f/%.1f (events %.0f)",
                    events::to_string(static_cast<events::ExampleSource>(src)), x.precision(),
                    x.recall(), x.event_precision());
      row += buf;
    }
    log_line(row);
    if (cell.all.f1() > best_f) {
      best_f = cell.all.f1();
      best_e = static_cast<int>(e + 1);
      best_s = es;
    }
  }
  {  // the chosen epoch's best F1 for each dictionary prior: how flat the choice is
    std::map<float, size_t> by_prior;
    const std::vector<events::CvScores>& row = table[static_cast<size_t>(best_e - 1)];
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
    log_line(line);
  }
  const events::CvScores& cell = table[static_cast<size_t>(best_e - 1)][best_s];
  const events::TriggerScores& b = cell.all;
  char buf[512];
  int n = std::snprintf(buf, sizeof buf,
                        "%d-fold cross-validation on the gold sources: epochs %d, %s: typed "
                        "events P %.1f R %.1f F1 %.1f (events at all: P %.1f); %d gold events;",
                        folds, best_e, setting_name(best_s).c_str(), b.precision(), b.recall(),
                        b.f1(), b.event_precision(), b.gold);
  for (int src = 0; src < events::kExampleSources; ++src) {
    const events::TriggerScores& x = cell.by_source[src];
    if (x.gold == 0 || n < 0 || static_cast<size_t>(n) >= sizeof buf) continue;
    n += std::snprintf(buf + n, sizeof buf - static_cast<size_t>(n),
                       " %s P %.1f R %.1f F1 %.1f (%d);",
                       events::to_string(static_cast<events::ExampleSource>(src)), x.precision(),
                       x.recall(), x.f1(), x.gold);
  }
  scores = buf;
  log_line(scores);
  o.epochs = best_e;
  o.none_bias = settings[best_s].none_bias;
  o.dictionary_prior = settings[best_s].dictionary_prior;
  o.dictionary_type = settings[best_s].dictionary_type;
  return scores;
}

}  // namespace

int run_train_events(int argc, char** argv) {
  CLI::App app{
      "Train the event trigger model (is a word an event, its PLOVER type and CAMEO code)"};
  app.name("dateline train events");
  std::string codebook, records, synthetic, judged, judged_texts, petrarch_verbs, out, models,
      lexicons;
  events::TrainerOptions o;
  int folds = 0;
  std::vector<float> weights;
  app.add_option("--codebook", codebook,
                 "codebook sentences with marked triggers (data/events/codebook.txt)")
      ->required();
  app.add_option("--records", records, "PETRARCH-2 unit-test records (JSON Lines)");
  app.add_option("--synthetic", synthetic, "NGEC synthetic stories (CSV), silver");
  app.add_option("--judged", judged, "judged triggers (data/judged/*.tsv)");
  app.add_option("--judged-texts", judged_texts, "the articles of --judged (JSON Lines)");
  app.add_option("--petrarch-verbs", petrarch_verbs,
                 "PETRARCH CAMEO verb dictionary (read, never copied)");
  app.add_option("--out", out, "model file to write (omit to cross-validate only)");
  app.add_option("--epochs", o.epochs, "training epochs (with --folds: the most tried)")
      ->capture_default_str();
  app.add_option("--seed", o.seed, "shuffling seed")->capture_default_str();
  app.add_option("--ensemble", o.ensemble,
                 "runs with seeds seed, seed+1, ... summed into the model")
      ->capture_default_str();
  app.add_option("--none-bias", o.none_bias,
                 "added to 'no event' at decode time (with --folds: chosen)")
      ->capture_default_str();
  app.add_option("--dictionary-prior", o.dictionary_prior,
                 "added to the dictionaries' type at decode time (with --folds: chosen)")
      ->capture_default_str();
  app.add_flag("--dictionary-type", o.dictionary_type,
               "keep the dictionaries' type where they read one (with --folds: chosen)");
  app.add_option(
         "--weights", weights,
         "chance an example is used per epoch, by source: codebook records judged synthetic "
         "dictionary (default 1 1 1 0.3 0.2)")
      ->expected(5);
  app.add_option("--folds", folds, "cross-validate over this many folds and pick epochs and bias");
  app.add_option("--models", models, "folder of the syntax, entity and quote models")
      ->capture_default_str();
  app.add_option("--lexicons", lexicons, "folder of the lexicons")->capture_default_str();
  std::string list_texts;
  app.add_option("--list-candidates", list_texts,
                 "print the candidate triggers of these articles (JSON Lines) as TSV, with the "
                 "current model's decision, and stop (to draw triggers for judging)");
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  if (models.empty()) models = default_models_dir();
  if (lexicons.empty()) lexicons = default_lexicons_dir();
  if (!judged.empty() && judged_texts.empty()) {
    return fail(error(ErrorCode::kInvalidArgument, "--judged needs --judged-texts"));
  }
  for (size_t i = 0; i < weights.size(); ++i) o.weight[i] = weights[i];
  std::string command = "dateline train events";
  for (int i = 1; i < argc; ++i) command += std::string(" ") + argv[i];

  Analyser an;
  if (Status s = an.load(models, lexicons); !s.ok()) return fail(s);
  if (!list_texts.empty()) return list_candidates(an, list_texts, models);
  events::TrainingSet set;
  std::map<std::string, Counts> counts;
  TypesByLemma petrarch;
  if (!petrarch_verbs.empty()) {
    if (Status s = add_dictionary(an, petrarch_verbs, set, petrarch, counts["dictionary"]); !s.ok())
      return fail(s);
  }
  if (Status s = add_codebook(an, codebook, set, counts["codebook"]); !s.ok()) return fail(s);
  if (!records.empty()) {
    if (Status s = add_records(an, records, petrarch, set, counts["records"]); !s.ok())
      return fail(s);
  }
  if (!synthetic.empty()) {
    if (Status s = add_synthetic(an, synthetic, petrarch, set, counts["synthetic"]); !s.ok())
      return fail(s);
  }
  if (!judged.empty()) {
    if (Status s = add_judged(an, judged, judged_texts, set, counts["judged"]); !s.ok())
      return fail(s);
  }
  const std::string scores = folds > 1 ? choose_settings(set, o, folds) : "";

  if (out.empty()) return kExitOk;
  events::TriggerModel model = events::train_trigger_model(set, o, nullptr);
  model::ModelHeader header = {{"command", command},
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
  if (Status s = model.save(out, header); !s.ok()) return fail(s);
  log_line("wrote " + out);
  return kExitOk;
}

}  // namespace dateline::cli
