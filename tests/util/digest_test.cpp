#include <catch2/catch.hpp>

#include <string>

#include "util/digest.hpp"

using namespace jixiao;

// FIPS 180-2's test vectors; the Base64 is RFC 4648's alphabet, padded.
TEST_CASE("SHA-256 and Base64 as the standards give them") {
  const std::string abc = "abc";
  CHECK(util::hex(util::sha256(abc.data(), abc.size())) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(util::base64(util::sha256(abc.data(), abc.size())) == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  const std::string million(1000000, 'a');
  CHECK(util::hex(util::sha256(million.data(), million.size())) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  CHECK(util::hex(util::sha256("", 0)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
