// SPDX-License-Identifier: Apache-2.0
// Dense layers of the token encoder. Each output is a dot product of a weight row with an
// input row; the weight row is kept in cache while it meets four input rows at a time.
// Summation order is fixed (kernels.h), so the two builds agree bit for bit.
#include "encoder/kernels.h"

#include <cstdlib>
#include <cstring>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define DL_ENCODER_X86 1
#endif

namespace dateline::encoder {
namespace {

// Sum of 8 partial sums in the fixed order of kernels.h.
inline float reduce8(const float* s) {
  const float t0 = s[0] + s[4], t1 = s[1] + s[5], t2 = s[2] + s[6], t3 = s[3] + s[7];
  const float u0 = t0 + t2, u1 = t1 + t3;
  return u0 + u1;
}

void dense_portable(const float* in, size_t rows, size_t in_dim, const float* w,
                    const float* bias, size_t out_dim, float* out) {
  for (size_t o = 0; o < out_dim; ++o) {
    const float* wr = w + o * in_dim;
    for (size_t r = 0; r < rows; ++r) {
      const float* x = in + r * in_dim;
      float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
      for (size_t j = 0; j < in_dim; j += 8)
        for (size_t k = 0; k < 8; ++k) s[k] = s[k] + wr[j + k] * x[j + k];
      out[r * out_dim + o] = reduce8(s) + bias[o];
    }
  }
}

#ifdef DL_ENCODER_X86
__attribute__((target("avx2"))) inline float reduce8_avx2(__m256 acc) {
  const __m128 t = _mm_add_ps(_mm256_castps256_ps128(acc), _mm256_extractf128_ps(acc, 1));
  const __m128 u = _mm_add_ps(t, _mm_movehl_ps(t, t));  // u0 = t0 + t2, u1 = t1 + t3
  return _mm_cvtss_f32(_mm_add_ss(u, _mm_shuffle_ps(u, u, 1)));
}

__attribute__((target("avx2"))) void dense_avx2(const float* in, size_t rows, size_t in_dim,
                                                const float* w, const float* bias,
                                                size_t out_dim, float* out) {
  for (size_t o = 0; o < out_dim; ++o) {
    const float* wr = w + o * in_dim;
    size_t r = 0;
    for (; r + 4 <= rows; r += 4) {
      const float* x = in + r * in_dim;
      __m256 a0 = _mm256_setzero_ps(), a1 = a0, a2 = a0, a3 = a0;
      for (size_t j = 0; j < in_dim; j += 8) {
        const __m256 wv = _mm256_loadu_ps(wr + j);
        a0 = _mm256_add_ps(a0, _mm256_mul_ps(wv, _mm256_loadu_ps(x + j)));
        a1 = _mm256_add_ps(a1, _mm256_mul_ps(wv, _mm256_loadu_ps(x + in_dim + j)));
        a2 = _mm256_add_ps(a2, _mm256_mul_ps(wv, _mm256_loadu_ps(x + 2 * in_dim + j)));
        a3 = _mm256_add_ps(a3, _mm256_mul_ps(wv, _mm256_loadu_ps(x + 3 * in_dim + j)));
      }
      out[r * out_dim + o] = reduce8_avx2(a0) + bias[o];
      out[(r + 1) * out_dim + o] = reduce8_avx2(a1) + bias[o];
      out[(r + 2) * out_dim + o] = reduce8_avx2(a2) + bias[o];
      out[(r + 3) * out_dim + o] = reduce8_avx2(a3) + bias[o];
    }
    for (; r < rows; ++r) {
      const float* x = in + r * in_dim;
      __m256 a = _mm256_setzero_ps();
      for (size_t j = 0; j < in_dim; j += 8)
        a = _mm256_add_ps(a, _mm256_mul_ps(_mm256_loadu_ps(wr + j), _mm256_loadu_ps(x + j)));
      out[r * out_dim + o] = reduce8_avx2(a) + bias[o];
    }
  }
}
#endif

}  // namespace

Isa detected_isa() {
  const char* forced = std::getenv("DATELINE_ISA");
  if (forced && std::strcmp(forced, "portable") == 0) return Isa::kPortable;
#ifdef DL_ENCODER_X86
  if (__builtin_cpu_supports("avx2")) return Isa::kAvx2;
#endif
  return Isa::kPortable;
}

const char* isa_name(Isa isa) { return isa == Isa::kAvx2 ? "avx2" : "portable"; }

void dense(Isa isa, const float* in, size_t rows, size_t in_dim, const float* w,
           const float* bias, size_t out_dim, float* out) {
#ifdef DL_ENCODER_X86
  if (isa == Isa::kAvx2) {
    dense_avx2(in, rows, in_dim, w, bias, out_dim, out);
    return;
  }
#endif
  dense_portable(in, rows, in_dim, w, bias, out_dim, out);
}

}  // namespace dateline::encoder
