// SHA-256: FIPS 180-4 test vectors, and the SHA-NI path agreeing with the portable one on every
// length around the block and padding boundaries.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "util/sha256.hpp"

using jixiao::sha256_hex;
using jixiao::sha256_hex_portable;

namespace {
std::string of(const std::string& s) {
  return sha256_hex(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}
}  // namespace

TEST_CASE("SHA-256 of the FIPS 180-4 examples") {
  CHECK(of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(of(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("SHA-256: the fast path and the portable one agree on every length to 1,100") {
  std::mt19937 random(20261125);
  std::vector<std::uint8_t> bytes(1100);
  for (auto& b : bytes) b = static_cast<std::uint8_t>(random());
  int differ = 0;
  for (std::size_t n = 0; n <= bytes.size(); ++n)
    differ += sha256_hex(bytes.data(), n) != sha256_hex_portable(bytes.data(), n);
  CHECK(differ == 0);
}
