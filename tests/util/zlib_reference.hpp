#pragma once
// zlib as the reference for the one-pass DEFLATE decoder: raw streams written and read by it,
// shared by the unit test and the fuzz target.
#include <cstdint>
#include <cstdlib>
#include <vector>

#include <zlib.h>

namespace jixiao::testing {

using Bytes = std::vector<std::uint8_t>;

// `size` bytes at `in` as a raw DEFLATE stream, at `level` with `strategy`.
inline Bytes zlib_deflate(const std::uint8_t* in, std::size_t size, int level, int strategy) {
  z_stream z{};
  if (deflateInit2(&z, level, Z_DEFLATED, -MAX_WBITS, 8, strategy) != Z_OK) std::abort();
  Bytes out(deflateBound(&z, size) + 16);
  z.next_in = const_cast<Bytef*>(in);
  z.avail_in = static_cast<uInt>(size);
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// zlib's reading of a raw stream into `out`: true when it ends, within 1 MiB, using every byte.
inline bool zlib_reads(const std::uint8_t* in, std::size_t size, Bytes& out) {
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) std::abort();
  out.assign(1 << 20, 0);
  z.next_in = const_cast<Bytef*>(in);
  z.avail_in = static_cast<uInt>(size);
  z.next_out = out.data();
  z.avail_out = static_cast<uInt>(out.size());
  const bool ends = inflate(&z, Z_FINISH) == Z_STREAM_END && z.avail_in == 0;
  out.resize(z.total_out);
  inflateEnd(&z);
  return ends;
}

}  // namespace jixiao::testing
