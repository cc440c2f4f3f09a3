# SPDX-License-Identifier: Apache-2.0
add_library(dl_sanitizers INTERFACE)
if(DL_SANITIZE)
  target_compile_options(dl_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(dl_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
