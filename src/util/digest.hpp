// SHA-256 and Base64, for the model's source.sha256 and the review page's CSP hashes: on Linux
// from OpenSSL's libcrypto (Apache-2.0, so it may be linked statically into an MIT program with
// its notice), on Windows from the system (CNG's BCryptHash, CryptBinaryToString).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace jixiao::util {

using Sha256 = std::array<std::uint8_t, 32>;

Sha256 sha256(const void* data, std::size_t size);
std::string hex(const Sha256& digest);  // lower case
std::string base64(const Sha256& digest);

}  // namespace jixiao::util
