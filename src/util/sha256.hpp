#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace jixiao {
// Lower-case hex SHA-256 (FIPS 180-4) of a byte range.
std::string sha256_hex(const std::uint8_t* data, std::size_t size);
}
