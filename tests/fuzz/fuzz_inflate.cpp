// libFuzzer target: the one-pass DEFLATE decoder against zlib. Even first byte: the rest is a
// raw stream; wherever the decoder says yes, zlib must read that stream to its end into the
// same bytes. Odd first byte: the rest is content, deflated by zlib at the level the first byte
// gives, which the decoder must read back. Output buffers are exactly the size asked, so that
// AddressSanitizer sees any write past them.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "util/inflate.hpp"
#include "../util/zlib_reference.hpp"

namespace {

using jixiao::testing::Bytes;
using jixiao::testing::zlib_reads;

void agrees(const std::uint8_t* in, std::size_t size, std::size_t out_size, const Bytes* zlib) {
  Bytes out(out_size);
  if (!jixiao::inflate_exact(in, size, out.data(), out_size)) return;
  if (!zlib || zlib->size() != out_size) std::abort();
  if (out_size && std::memcmp(zlib->data(), out.data(), out_size) != 0) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t mode = data[0];
  ++data;
  --size;
  if (mode % 2 == 0) {
    Bytes theirs;
    const bool ends = zlib_reads(data, size, theirs);
    const Bytes* zlib = ends ? &theirs : nullptr;
    for (std::size_t out_size : {theirs.size(), theirs.size() + 1, theirs.size() ? theirs.size() - 1 : 0,
                                 std::size_t{0}, std::size_t{300}})
      agrees(data, size, out_size, zlib);
    return 0;
  }
  static const int kStrategies[] = {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED};
  const Bytes deflated = jixiao::testing::zlib_deflate(data, size, (mode >> 1) % 10, kStrategies[(mode >> 5) % 5]);
  Bytes out(size);
  if (!jixiao::inflate_exact(deflated.data(), deflated.size(), out.data(), size)) std::abort();
  if (size && std::memcmp(out.data(), data, size) != 0) std::abort();
  return 0;
}
