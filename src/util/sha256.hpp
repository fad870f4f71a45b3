#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace jixiao {
// Lower-case hex SHA-256 (FIPS 180-4) of a byte range. Uses the CPU's SHA instructions where
// it has them (x86-64 SHA-NI), else portable code: the same digest either way.
std::string sha256_hex(const std::uint8_t* data, std::size_t size);
// The portable code alone, for the test that both paths agree.
std::string sha256_hex_portable(const std::uint8_t* data, std::size_t size);
}
