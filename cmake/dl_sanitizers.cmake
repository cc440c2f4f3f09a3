# SPDX-License-Identifier: Apache-2.0
# DL_SANITIZE: AddressSanitizer and UndefinedBehaviorSanitizer on every target (the asan
# preset). DL_FUZZ adds libFuzzer's coverage instrumentation to every target as well, so
# that the fuzz targets (tests/fuzz) are guided by coverage of the library, not only of
# their own file (the fuzz preset; clang only).
add_library(dl_sanitizers INTERFACE)
if(DL_SANITIZE OR DL_FUZZ)
  target_compile_options(dl_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(dl_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
if(DL_FUZZ)
  target_compile_options(dl_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
