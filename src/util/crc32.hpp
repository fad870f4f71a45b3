#pragma once
#include <cstddef>
#include <cstdint>

namespace jixiao {
// CRC-32 as zip and zlib define it (the reflected polynomial 0xEDB88320, inverted before and
// after): crc32(crc32(0, a), b) is the CRC of a followed by b. Uses carry-less multiplication
// (x86-64 PCLMULQDQ) for long ranges where the CPU has it, else zlib: the same value either way.
std::uint32_t crc32(std::uint32_t crc, const std::uint8_t* data, std::size_t size);
// zlib's table-driven code alone, for the test that both paths agree.
std::uint32_t crc32_portable(std::uint32_t crc, const std::uint8_t* data, std::size_t size);
}  // namespace jixiao
