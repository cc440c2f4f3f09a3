// SPDX-License-Identifier: Apache-2.0
#pragma once
/// @file
/// Status and Result<T>: how dateline reports failures that can be expected (bad input, a
/// missing model, an SQLite error). The library never throws for these and never exits.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace dateline {

/// What went wrong, coarse enough to map to a CLI exit code or an HTTP status.
enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  ///< a flag, option or request value is malformed
  kNotFound,         ///< a file, article or model that was asked for does not exist
  kBadInput,         ///< an input could not be read as an article (binary, empty, broken)
  kDataLoss,         ///< a model or database file is corrupt or of an unknown version
  kIo,               ///< the operating system refused a read or write
  kDatabase,         ///< SQLite or PostgreSQL reported an error
  kInternal,         ///< a bug: an invariant of dateline itself did not hold
};

/// A short stable name for an error code ("bad_input"), used in JSON and in the store.
const char* error_code_name(ErrorCode code);

/// The outcome of an operation that returns no value. Cheap to copy when ok.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  /// Human-readable context: file and byte position, article id, SQL statement.
  const std::string& message() const { return message_; }
  /// "bad_input: file.txt: byte 12: invalid UTF-8".
  std::string to_string() const;

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
};

inline Status ok_status() { return Status(); }
inline Status error(ErrorCode code, std::string message) {
  return Status(code, std::move(message));
}

/// A value or the Status that explains why there is none.
/// TODO(dateline): make this an alias of std::expected<T, Status> once the toolchain has C++23.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::move(value)) {}  // NOLINT: implicit by design, like expected
  Result(Status status) : data_(std::move(status)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(data_); }
  /// Requires: !ok(). The error; an ok Result reports kOk.
  Status status() const { return ok() ? Status() : std::get<Status>(data_); }
  /// Requires: ok().
  T& value() & { return std::get<T>(data_); }
  const T& value() const& { return std::get<T>(data_); }
  T&& value() && { return std::get<T>(std::move(data_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace dateline

#define DL_CONCAT_INNER_(a, b) a##b
#define DL_CONCAT_(a, b) DL_CONCAT_INNER_(a, b)

/// Returns the Status from the enclosing function when `expr` is not ok.
#define DL_RETURN_IF_ERROR(expr)                         \
  do {                                                   \
    ::dateline::Status dl_status_ = (expr);              \
    if (!dl_status_.ok()) return dl_status_;             \
  } while (false)

/// `DL_ASSIGN_OR_RETURN(auto x, make_x())`: binds the value or returns the error.
#define DL_ASSIGN_OR_RETURN(lhs, expr) \
  DL_ASSIGN_OR_RETURN_IMPL_(DL_CONCAT_(dl_result_, __LINE__), lhs, expr)
#define DL_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.status();             \
  lhs = std::move(tmp).value()

/// Always-on invariant check for bugs in dateline itself (never for user input).
#define DL_CHECK(cond)                                                          \
  do {                                                                          \
    if (!(cond)) {                                                              \
      std::fprintf(stderr, "%s:%d: DL_CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                             \
    }                                                                           \
  } while (false)

#ifdef NDEBUG
#define DL_DCHECK(cond) \
  do {                  \
  } while (false)
#else
#define DL_DCHECK(cond) DL_CHECK(cond)
#endif
