# SPDX-License-Identifier: Apache-2.0
# dl_add_test(NAME name SOURCES a_test.cc ... LIBS dateline::x ... [LABELS unit|golden|slow])
# Builds one GoogleTest binary and registers it with ctest under the given labels.
function(dl_add_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
  if(NOT DL_BUILD_TESTS)
    return()
  endif()
  if(NOT T_LABELS)
    set(T_LABELS unit)
  endif()
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} dl_internal GTest::gtest_main dl_warnings dl_sanitizers)
  target_compile_features(${T_NAME} PRIVATE cxx_std_20)
  target_compile_definitions(${T_NAME} PRIVATE
    DL_SOURCE_DIR="${DL_SOURCE_DIR}"
    DL_SHARED_DIR="${DL_SOURCE_DIR}/../shared")
  add_test(NAME ${T_NAME} COMMAND ${T_NAME})
  set_tests_properties(${T_NAME} PROPERTIES LABELS "${T_LABELS}"
    WORKING_DIRECTORY "${DL_SOURCE_DIR}")
endfunction()

# dl_add_module(NAME quotes SOURCES a.cc b.cc LIBS dateline::syntax ...)
# One module = one directory = one namespace = one static library with a dateline:: alias.
function(dl_add_module)
  cmake_parse_arguments(M "" "NAME" "SOURCES;LIBS;PRIVATE_LIBS" ${ARGN})
  add_library(dl_${M_NAME} STATIC ${M_SOURCES})
  add_library(dateline::${M_NAME} ALIAS dl_${M_NAME})
  target_compile_features(dl_${M_NAME} PUBLIC cxx_std_20)
  # Internal headers ("text/utf8.h") and the warning and sanitizer flags are for this build
  # only: an installed dateline exports the public headers (include/dateline) alone.
  target_link_libraries(dl_${M_NAME} PUBLIC dateline::api $<BUILD_INTERFACE:dl_internal> ${M_LIBS}
    PRIVATE $<BUILD_INTERFACE:dl_warnings> $<BUILD_INTERFACE:dl_sanitizers> ${M_PRIVATE_LIBS})
  target_compile_definitions(dl_${M_NAME} PRIVATE DL_SOURCE_DIR="${DL_SOURCE_DIR}")
  set_target_properties(dl_${M_NAME} PROPERTIES EXPORT_NAME ${M_NAME})
  set_property(GLOBAL APPEND PROPERTY DL_MODULES dl_${M_NAME})
endfunction()
