// SPDX-License-Identifier: Apache-2.0
#pragma once
// Attribution: direct, mixed and indirect quotations and reported thought, with speakers.
//
// AttributionFinder tags each paragraph with the trained tagger (tagger.h) when its model
// is present, groups the Source, Cue and Content spans into attributions, adds the direct
// quotations the tagger left out (indirect_finder.h), and resolves each speaker through
// the entities layer (speaker.h). Without a model it runs the rules of indirect_finder.h.

#include <memory>
#include <string>

#include "dateline/document.h"
#include "dateline/status.h"
#include "quotes/content_reranker.h"
#include "quotes/cue_lexicon.h"
#include "quotes/indirect_finder.h"
#include "quotes/quote_marks.h"
#include "quotes/tagger.h"
#include "quotes/words.h"
#include "segment/token_view.h"

namespace dateline::quotes {

/// Completes the tagger's attributions (steps 3a-3c of attribution_finder.cc). First, when
/// the document has POS tags: a content that is a participle clause after the addressee
/// ("told engineers stationed at …") is dropped; ", with <noun phrase> <cue>-ing …" inside a
/// content becomes an attribution of its own, appended to `found`; a sourceless cue's
/// content ending in ", <noun phrase>" right before the cue gives that tail up as its
/// source (and is recomputed as below). Then: a cue with
/// no content gets the quotation or clause before a post-posed source and cue (split
/// around an interposed one), a quotation introduced by a colon, or the complement the
/// parse hangs under it; a cue with content but no source gets its subject from the parse.
/// Works without a parse (the parse-based parts are skipped). Exposed for tests.
void complete_attributions(const Document& doc, const WordView& view,
                           const std::vector<QuoteRegion>& regions, const CueLexicon& lexicon,
                           std::vector<WordAttribution>& found);

/// Steps 2-3 and completion: the tagger's attributions of `view`, grouped and completed
/// (when `complete`), before rule quotes are added. Used by annotate() and the reranker's
/// trainer.
std::vector<WordAttribution> tagged_attributions(const Document& doc, const WordView& view,
                                                 const std::vector<QuoteRegion>& regions,
                                                 const AttributionTagger& tagger,
                                                 const CueLexicon& lexicon, bool complete);

struct AttributionFinderOptions {
  std::string models_dir;    ///< holds attribution.model; rules only when it is absent
  std::string lexicons_dir;  ///< holds attribution.tsv (required)
  /// Add rule-found direct quotations that the tagger left out.
  bool add_rule_quotes = true;
  /// Keep attributions that have a cue but no content (PolNeAR marks some).
  bool keep_contentless = false;
  /// Give a tagged cue that got no content the clause before it when source and cue close
  /// the sentence after a comma, else the clause the parse hangs under it (ccomp, else
  /// xcomp, else obj); a cue left without content is dropped unless keep_contentless.
  bool complete_from_parse = true;
  /// Rerank content boundaries with models_dir/content_reranker.model when present.
  bool rerank_contents = true;
};

/// Built once from its model and lexicons, then immutable: annotate() is const and one
/// instance may serve many threads. Move-only: it owns its model.
class AttributionFinder {
 public:
  static Result<AttributionFinder> load(const AttributionFinderOptions& options);
  /// A finder from parts already loaded (tests, the trainer's evaluation).
  static AttributionFinder from(CueLexicon lexicon, std::unique_ptr<AttributionTagger> tagger,
                                const AttributionFinderOptions& options);

  /// Adds this stage's records to `doc`. A failure on this article is returned and the
  /// pipeline records it as a Diagnostic.
  Status annotate(Document& doc) const;
  /// The same, reading the document's TokenView built by the caller (the Pipeline builds it
  /// once for every stage).
  Status annotate(Document& doc, const segment::TokenView& tokens) const;

  /// Hex fingerprint of the model and lexicons this instance was built from.
  const std::string& fingerprint() const { return fingerprint_; }
  bool has_model() const { return tagger_ != nullptr; }

 private:
  AttributionFinderOptions options_;
  CueLexicon lexicon_;
  std::unique_ptr<AttributionTagger> tagger_;
  std::unique_ptr<ContentReranker> reranker_;
  std::string fingerprint_;
};

}  // namespace dateline::quotes
