// SPDX-License-Identifier: Apache-2.0
#include "model/bytes.h"

namespace dateline::model {

Status ByteReader::truncated(const char* what) const {
  return error(ErrorCode::kDataLoss, name_ + ": truncated model: cannot read " + what +
                                         " at byte " + std::to_string(pos_));
}

Status ByteReader::corrupt(const std::string& why) const {
  return error(ErrorCode::kDataLoss, name_ + ": corrupt model: " + why);
}

Status ByteReader::get_string(std::string* s, const char* what) {
  uint32_t n = 0;
  DL_RETURN_IF_ERROR(get(&n, what));
  if (n > bytes_.size() - pos_) return truncated(what);
  s->assign(bytes_.data() + pos_, n);
  pos_ += n;
  return ok_status();
}

Status ByteReader::get_strings(std::vector<std::string>* v, const char* what) {
  uint64_t n = 0;
  DL_RETURN_IF_ERROR(get(&n, what));
  if (n > (bytes_.size() - pos_) / sizeof(uint32_t)) return truncated(what);  // >= 4 bytes each
  v->resize(n);
  for (auto& s : *v) DL_RETURN_IF_ERROR(get_string(&s, what));
  return ok_status();
}

}  // namespace dateline::model
