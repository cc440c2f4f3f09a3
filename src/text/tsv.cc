// SPDX-License-Identifier: Apache-2.0
#include "text/tsv.h"

namespace dateline::text {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

Status for_each_tsv_row(
    std::string_view content,
    const std::function<Status(const std::vector<std::string_view>&, int)>& row) {
  size_t pos = 0;
  int number = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? content.size() : nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    DL_RETURN_IF_ERROR(row(split_tabs(line), number));
  }
  return ok_status();
}

}  // namespace dateline::text
