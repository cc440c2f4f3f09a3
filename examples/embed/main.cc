// SPDX-License-Identifier: Apache-2.0
// embed: analyses the text on standard input with an installed dateline and prints who said
// what, then the article as JSON (docs/FORMAT.md). Models and lexicons are found where
// `cmake --install` put them (default_models_dir()).
//   echo 'The mayor said on Monday that the bridge would reopen.' | embed 2026-03-06
#include <iostream>
#include <iterator>
#include <string>

#include "dateline/json.h"
#include "dateline/pipeline.h"

int main(int argc, char** argv) {
  auto pipeline = dateline::Pipeline::create({});
  if (!pipeline.ok()) {
    std::cerr << "embed: " << pipeline.status().to_string() << "\n";
    return 1;
  }
  const std::string text{std::istreambuf_iterator<char>(std::cin), {}};
  dateline::DocumentMeta meta;
  meta.id = "stdin";
  if (argc > 1) meta.published = argv[1];
  auto doc = pipeline.value().analyse(text, meta);
  if (!doc.ok()) {
    std::cerr << "embed: " << doc.status().to_string() << "\n";
    return 1;
  }
  for (const dateline::Quote& q : doc.value().quotes) {
    std::cout << "quote:";
    for (const dateline::Span& part : q.content) std::cout << " " << doc.value().slice(part);
    std::cout << " (cue: " << doc.value().slice(q.cue) << ")\n";
  }
  std::cout << dateline::to_json(doc.value(), {}) << "\n";
  return 0;
}
