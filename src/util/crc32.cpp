#include "util/crc32.hpp"

#include <climits>

#include <zlib.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>
#define JIXIAO_CLMUL 1
#endif

namespace jixiao {
namespace {

std::uint32_t zlib_crc(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
  // crc32_z takes a z_size_t: a range is passed in pieces no longer than an unsigned int, for
  // any zlib.
  while (size) {
    const std::size_t piece = size < UINT_MAX ? size : UINT_MAX;
    crc = static_cast<std::uint32_t>(::crc32(crc, data, static_cast<uInt>(piece)));
    data += piece;
    size -= piece;
  }
  return crc;
}

#ifdef JIXIAO_CLMUL
// Folding, as in Intel's "Fast CRC Computation for Generic Polynomials Using PCLMULQDQ": the
// message is kept as four 128-bit lanes congruent to what was read so far (modulo the
// polynomial), each folded forward over the next 64 bytes by two carry-less products with
// x^(512±32) mod P; then the lanes fold into one with x^(128±32) mod P. The 16 bytes left have
// the same CRC remainder as everything folded into them, so the last step is zlib's own code on
// those 16 bytes and the tail.
__attribute__((target("pclmul,sse2"))) inline __m128i fold(__m128i x, __m128i k, __m128i next) {
  return _mm_xor_si128(_mm_xor_si128(_mm_clmulepi64_si128(x, k, 0x00), _mm_clmulepi64_si128(x, k, 0x11)),
                       next);
}

__attribute__((target("pclmul,sse2"))) std::uint32_t crc_clmul(std::uint32_t crc, const std::uint8_t* p,
                                                               std::size_t n) {
  auto load = [](const std::uint8_t* at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(at)); };
  const __m128i by64 = _mm_set_epi64x(0x1c6e41596LL, 0x154442bd4LL);  // high: x^(512+32), low: x^(512-32)
  const __m128i by16 = _mm_set_epi64x(0x0ccaa009eLL, 0x1751997d0LL);  // high: x^(128+32), low: x^(128-32)
  __m128i a = _mm_xor_si128(load(p), _mm_cvtsi32_si128(static_cast<int>(~crc)));
  __m128i b = load(p + 16), c = load(p + 32), d = load(p + 48);
  p += 64;
  n -= 64;
  for (; n >= 64; p += 64, n -= 64) {
    a = fold(a, by64, load(p));
    b = fold(b, by64, load(p + 16));
    c = fold(c, by64, load(p + 32));
    d = fold(d, by64, load(p + 48));
  }
  a = fold(fold(fold(a, by16, b), by16, c), by16, d);
  for (; n >= 16; p += 16, n -= 16) a = fold(a, by16, load(p));
  alignas(16) std::uint8_t rest[16];
  _mm_store_si128(reinterpret_cast<__m128i*>(rest), a);
  // `rest` stands for the message so far with the initial inversion already applied: its CRC
  // starts from a zero register, which zlib's inversion of 0xFFFFFFFF gives.
  return zlib_crc(zlib_crc(0xFFFFFFFFu, rest, 16), p, n);
}

bool has_clmul() {
  unsigned a, b, c, d;
  if (!__get_cpuid(1, &a, &b, &c, &d)) return false;
  return (c & bit_PCLMUL) && (d & bit_SSE2);
}
#endif

}  // namespace

std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
#ifdef JIXIAO_CLMUL
  static const bool clmul = has_clmul();
  if (clmul && size >= 64) return crc_clmul(crc, data, size);
#endif
  return zlib_crc(crc, data, size);
}

std::uint32_t crc32_portable(std::uint32_t crc, const std::uint8_t* data, std::size_t size) {
  return zlib_crc(crc, data, size);
}

}  // namespace jixiao
