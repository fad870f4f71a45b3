#pragma once
// A DEFLATE (RFC 1951) decoder for the usual case: a well-formed stream whose inflated size is
// known beforehand (a zip entry's size field). It decodes into a buffer of that size with wide
// copies and no window of its own, which zlib's streaming inflate cannot do: on the highly
// repetitive XML of a document part (about 19:1) it is several times faster.
//
// It only ever answers "yes, and here is the content" or "not mine": anything else -- a
// malformed or truncated stream, another size, bytes after the end, a Huffman code that is not
// complete -- is false, and the caller reads the stream with zlib, which then decides and says
// what is wrong. When it says yes, its output is what zlib gives for the same bytes (tested
// against zlib, and fuzzed against it).
#include <cstddef>
#include <cstdint>

namespace jixiao {

// Decodes the raw DEFLATE stream in[0, in_size) into out[0, out_size). True only when the
// stream is well-formed, ends in exactly in_size bytes and inflates to exactly out_size bytes;
// on false, the content of `out` is unspecified.
bool inflate_exact(const std::uint8_t* in, std::size_t in_size, std::uint8_t* out, std::size_t out_size);

}  // namespace jixiao
