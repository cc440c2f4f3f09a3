// SPDX-License-Identifier: Apache-2.0
#pragma once
// The work of `dateline train events`: analysing each training text as `dateline extract`
// does (segmentation, syntax, entities, dates, quotes), so the model learns on the candidates
// and features it will see; turning the codebook, records, stories, judgements and the
// PETRARCH verb dictionary into a TrainingSet (trigger_trainer.h); choosing the epochs and the
// decode settings by cross-validation; writing the model with its header. The CLI only parses
// flags into TriggerTrainingConfig.
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

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "dateline/status.h"
#include "events/event_coder.h"
#include "events/trigger_trainer.h"

namespace dateline::events {

/// What `dateline train events` reads and writes; "" leaves an input out.
struct TriggerTrainingConfig {
  std::string codebook;        ///< required: data/events/codebook.txt
  std::string records;         ///< PETRARCH-2 unit-test records (JSON Lines)
  std::string synthetic;       ///< NGEC synthetic stories (CSV), silver
  std::string judged;          ///< judged triggers (data/judged/*.tsv)
  std::string judged_texts;    ///< the articles of `judged` (JSON Lines); required with it
  std::string petrarch_verbs;  ///< PETRARCH CAMEO verb dictionary (read, never copied)
  std::string models_dir;      ///< syntax, entity and quote models
  std::string lexicons_dir;
  std::string out;         ///< model file to write; "" cross-validates only
  int folds = 0;           ///< > 1: cross-validate and choose epochs and decode settings
  std::string command;     ///< written into the model's header
  TrainerOptions trainer;  ///< epochs, seed, ensemble, weights; decode settings unless folds
};

/// The analysis `dateline extract` runs before the events stage, and the coder's candidates.
/// Immutable after load(); candidates() is const.
class TrainingAnalyser {
 public:
  TrainingAnalyser();
  ~TrainingAnalyser();
  TrainingAnalyser(TrainingAnalyser&&) noexcept;
  TrainingAnalyser& operator=(TrainingAnalyser&&) noexcept;

  static Result<TrainingAnalyser> load(const std::string& models_dir,
                                       const std::string& lexicons_dir);
  /// The candidates of one text; kBadInput naming `id` when it is not valid UTF-8.
  Result<std::vector<TriggerCandidate>> candidates(const std::string& text, const std::string& id,
                                                   const std::string& date,
                                                   bool names = false) const;
  const EventCoder& coder() const;

 private:
  struct Stages;
  std::unique_ptr<Stages> stages_;
};

/// Builds the training set, cross-validates when config.folds > 1, trains and writes
/// config.out. Progress and scores go to `log`, one line a call.
Status train_event_model(const TriggerTrainingConfig& config,
                         const std::function<void(const std::string&)>& log);

/// Every candidate trigger of the articles in `texts` (JSON Lines), one TSV line each to
/// `emit`: doc, head begin, head end, trigger begin, trigger end, sentence, lemma, dictionary
/// type, the model's decision ("ACCUSE by 3.2 over NONE", "-" without a model in
/// `models_dir`) and the feature names. For drawing triggers to judge.
Status list_candidates(const std::string& texts, const std::string& models_dir,
                       const std::string& lexicons_dir,
                       const std::function<void(const std::string&)>& emit);

}  // namespace dateline::events
