// CRC-32: the check value of the zip/zlib polynomial, and the carry-less-multiply path agreeing
// with zlib's on every length and alignment around its 16- and 64-byte steps, chained or not.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "util/crc32.hpp"

using jixiao::crc32;
using jixiao::crc32_portable;

namespace {
std::uint32_t of(const std::string& s) {
  return crc32(0, reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}
}  // namespace

TEST_CASE("CRC-32 check values") {
  CHECK(of("") == 0u);
  CHECK(of("123456789") == 0xCBF43926u);
  CHECK(of(std::string(1000, 'a')) == crc32_portable(0, reinterpret_cast<const std::uint8_t*>(std::string(1000, 'a').data()), 1000));
  CHECK(of("The quick brown fox jumps over the lazy dog. The quick brown fox jumps over the lazy dog.") == 0x9AE90AA7u);  // Python's zlib.crc32
}

TEST_CASE("CRC-32: the fast path and zlib's agree on every length to 600, every alignment, chained") {
  std::mt19937 random(20261201);
  std::vector<std::uint8_t> bytes(1 << 16);
  for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
  int differ = 0;
  for (std::size_t n = 0; n <= 600; ++n)
    for (std::size_t offset = 0; offset < 16; ++offset) {
      const std::uint32_t start = n % 3 ? static_cast<std::uint32_t>(random()) : 0;
      differ += crc32(start, bytes.data() + offset, n) != crc32_portable(start, bytes.data() + offset, n);
    }
  for (int k = 0; k < 200; ++k) {
    std::size_t offset = random() % 64, n = random() % (bytes.size() - 64);
    differ += crc32(0, bytes.data() + offset, n) != crc32_portable(0, bytes.data() + offset, n);
    // A range read in two pieces has the CRC of the whole.
    std::size_t cut = n ? random() % n : 0;
    differ += crc32(crc32(0, bytes.data() + offset, cut), bytes.data() + offset + cut, n - cut) !=
              crc32_portable(0, bytes.data() + offset, n);
  }
  CHECK(differ == 0);
}
