// SPDX-License-Identifier: Apache-2.0
#include "encoder/kernels.h"

#include <cmath>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>

namespace dateline::encoder {
namespace {

// Deterministic values in [-1, 1) of varied magnitude (no library random generator, so the
// test reads the same numbers everywhere).
std::vector<float> values(size_t n, uint32_t seed) {
  std::vector<float> v(n);
  uint32_t x = seed;
  for (float& f : v) {
    x = x * 1664525u + 1013904223u;
    f = static_cast<float>(static_cast<int32_t>(x >> 8) % 20000) / 10000.0f - 1.0f;
  }
  return v;
}

TEST(Kernels, DenseMatchesADoubleReference) {
  const size_t rows = 7, in = 24, out = 5;
  const std::vector<float> x = values(rows * in, 1), w = values(out * in, 2), b = values(out, 3);
  std::vector<float> y(rows * out);
  for (Isa isa : {Isa::kPortable, detected_isa()}) {
    dense(isa, x.data(), rows, in, w.data(), b.data(), out, y.data());
    for (size_t r = 0; r < rows; ++r) {
      for (size_t o = 0; o < out; ++o) {
        double s = b[o];
        for (size_t j = 0; j < in; ++j) s += static_cast<double>(w[o * in + j]) * x[r * in + j];
        EXPECT_NEAR(y[r * out + o], s, 1e-5) << isa_name(isa) << " row " << r << " out " << o;
      }
    }
  }
}

TEST(Kernels, BothBuildsGiveTheSameBits) {
  if (detected_isa() != Isa::kAvx2) GTEST_SKIP() << "no AVX2 on this CPU";
  // Row counts around the 4-row blocks of the AVX2 build.
  for (size_t rows : {1, 3, 4, 5, 9, 33}) {
    const size_t in = 96, out = 13;
    const std::vector<float> x = values(rows * in, 11), w = values(out * in, 12),
                             b = values(out, 13);
    std::vector<float> portable(rows * out), avx2(rows * out);
    dense(Isa::kPortable, x.data(), rows, in, w.data(), b.data(), out, portable.data());
    dense(Isa::kAvx2, x.data(), rows, in, w.data(), b.data(), out, avx2.data());
    EXPECT_EQ(std::memcmp(portable.data(), avx2.data(), portable.size() * sizeof(float)), 0)
        << rows << " rows";
  }
}

}  // namespace
}  // namespace dateline::encoder
