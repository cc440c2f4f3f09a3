# SPDX-License-Identifier: Apache-2.0
# Warning flags live on an INTERFACE target linked PRIVATE by every dateline target, so
# projects that embed dateline do not inherit them.
add_library(dl_warnings INTERFACE)
target_compile_options(dl_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wnon-virtual-dtor -Wcast-align
  -Wno-missing-field-initializers
  # -Wshadow=local is GCC's spelling; clang's nearest is -Wshadow-uncaptured-local.
  $<$<CXX_COMPILER_ID:GNU>:-Wshadow=local>
  $<$<CXX_COMPILER_ID:Clang>:-Wshadow-uncaptured-local>
  # GCC 12 reports a false -Wrestrict inside libstdc++'s operator+(const char*, string&&) at
  # -O3 (GCC bug 105329); it would fail release builds under -Werror.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>
  $<$<BOOL:${DL_WERROR}>:-Werror>)
