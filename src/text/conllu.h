// SPDX-License-Identifier: Apache-2.0
#pragma once
// A reader for CoNLL-U (Universal Dependencies) files: the training and evaluation format of
// the syntax layer and the gold standard of `dateline eval segment|ud`.

#include <string>
#include <string_view>
#include <vector>

#include "dateline/status.h"

namespace dateline::text {

/// One syntactic word (a line whose ID is an integer).
struct ConlluWord {
  std::string form, lemma, upos, xpos, feats, deprel, misc;
  int head = 0;  ///< 1-based index of the head word in its sentence, 0 for the root
  int line = 0;  ///< 1-based line of the word in the file it was read from
};

/// A multiword token ("1-2 don't"): a surface token made of words first..last (1-based).
struct ConlluMultiword {
  int first = 0, last = 0;
  std::string form, misc;
};

struct ConlluSentence {
  std::string sent_id;
  std::string text;     ///< the "# text =" comment
  bool new_doc = false; ///< "# newdoc" comment before it
  bool new_par = false; ///< "# newpar" comment before it
  std::vector<ConlluWord> words;
  std::vector<ConlluMultiword> multiwords;  ///< sorted by `first`

  /// Surface tokens: multiword tokens collapsed, each with its form and SpaceAfter flag.
  struct SurfaceToken {
    std::string form;
    bool space_after = true;
    int first_word = 0, last_word = 0;  ///< 0-based word range [first_word, last_word]
  };
  std::vector<SurfaceToken> surface_tokens() const;
};

/// Parses a whole CoNLL-U text. Empty nodes ("8.1") are skipped.
/// Returns kBadInput naming `name` and the line number on malformed lines.
Result<std::vector<ConlluSentence>> parse_conllu(std::string_view content, const std::string& name);

/// Reads and parses a CoNLL-U file.
Result<std::vector<ConlluSentence>> read_conllu(const std::string& path);

/// Writes sentences back as CoNLL-U (with sent_id and text comments).
std::string write_conllu(const std::vector<ConlluSentence>& sentences);

/// Rebuilds the raw text of a document from its sentences the way the CoNLL 2018 shared task
/// does: tokens joined by their SpaceAfter, sentences by a space, paragraphs (newpar/newdoc)
/// by a blank line.
std::string raw_text(const std::vector<ConlluSentence>& sentences);

/// True when the MISC column has SpaceAfter=No.
bool no_space_after(std::string_view misc);

}  // namespace dateline::text
