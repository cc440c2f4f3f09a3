// SPDX-License-Identifier: Apache-2.0
#pragma once
// The encoder's one numeric kernel, a dense layer over the rows of a matrix, in two builds:
// AVX2 (chosen at run time when the CPU has it) and portable C++. Both sum in the same
// order (8 partial sums over the input, lanes k and k+4 added first, then k and k+2, then
// the two halves, then the bias), with separate multiply and add (kernels.cc is compiled
// with -ffp-contract=off and the AVX2 build does not enable FMA), so they give the same
// bits: a model's output does not depend on the machine it runs on.

#include <cstddef>

namespace dateline::encoder {

/// Instruction sets of the kernel.
enum class Isa { kPortable, kAvx2 };

/// The best instruction set of this CPU (AVX2 when __builtin_cpu_supports says so); the
/// environment variable DATELINE_ISA=portable forces the portable build.
Isa detected_isa();
const char* isa_name(Isa isa);

/// out[r * out_dim + o] = bias[o] + sum_j w[o * in_dim + j] * in[r * in_dim + j] for every row
/// r < rows and output o < out_dim. Requires: in_dim is a multiple of 8; `out` does not
/// overlap `in`.
void dense(Isa isa, const float* in, size_t rows, size_t in_dim, const float* w,
           const float* bias, size_t out_dim, float* out);

}  // namespace dateline::encoder
