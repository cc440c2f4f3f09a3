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

# dl_add_bench(NAME name SOURCES a_bench.cc LIBS ...): a Google Benchmark program beside the
# code it measures, built into <build>/bench/ with the others (docs/PERFORMANCE.md).
function(dl_add_bench)
  cmake_parse_arguments(B "" "NAME" "SOURCES;LIBS" ${ARGN})
  if(NOT DL_BUILD_BENCH)
    return()
  endif()
  find_package(benchmark QUIET)
  if(NOT benchmark_FOUND)
    return()
  endif()
  add_executable(${B_NAME} ${B_SOURCES})
  target_compile_features(${B_NAME} PRIVATE cxx_std_20)
  target_link_libraries(${B_NAME} PRIVATE ${B_LIBS} dl_internal benchmark::benchmark dl_warnings)
  target_compile_definitions(${B_NAME} PRIVATE DL_SOURCE_DIR="${DL_SOURCE_DIR}")
  set_target_properties(${B_NAME} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
endfunction()

# dl_add_fuzz(NAME name SOURCES a_fuzz.cc LIBS ...): a libFuzzer target beside the code it
# feeds, built by the fuzz preset (DL_FUZZ) into <build>/tests/fuzz/, where
# tests/fuzz/run.sh runs it.
function(dl_add_fuzz)
  cmake_parse_arguments(F "" "NAME" "SOURCES;LIBS" ${ARGN})
  if(NOT DL_FUZZ)
    return()
  endif()
  add_executable(${F_NAME} ${F_SOURCES})
  target_compile_features(${F_NAME} PRIVATE cxx_std_20)
  target_link_options(${F_NAME} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(${F_NAME} PRIVATE ${F_LIBS} dl_internal dl_warnings dl_sanitizers)
  target_compile_definitions(${F_NAME} PRIVATE DL_SOURCE_DIR="${DL_SOURCE_DIR}")
  set_target_properties(${F_NAME} PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/tests/fuzz")
endfunction()
