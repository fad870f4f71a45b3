// The one-pass DEFLATE decoder against zlib: the same bytes wherever it says yes, and a no for
// anything it was not built for, so that zlib, which the package then asks, decides.
#include <catch2/catch.hpp>

#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <zip.h>

#include "util/inflate.hpp"
#include "zlib_reference.hpp"

using jixiao::inflate_exact;
using jixiao::testing::Bytes;

namespace {

Bytes deflate_raw(const Bytes& in, int level, int strategy) {
  return jixiao::testing::zlib_deflate(in.data(), in.size(), level, strategy);
}

bool zlib_reads(const Bytes& in, Bytes& out) { return jixiao::testing::zlib_reads(in.data(), in.size(), out); }

bool decodes_to(const Bytes& deflated, const Bytes& expected) {
  Bytes out(expected.size() + 1, 0xAA);
  return inflate_exact(deflated.data(), deflated.size(), out.data(), expected.size()) &&
         (expected.empty() || std::memcmp(out.data(), expected.data(), expected.size()) == 0) &&
         out[expected.size()] == 0xAA;
}

// Inputs of the kinds a part holds and of the kinds that test a decoder: markup with long
// repeats (long matches at every distance), Chinese text, random bytes (stored blocks, literal
// codes), one byte repeated (distance 1), every period to 40 (every short distance), empty.
std::vector<Bytes> inputs() {
  std::mt19937 rng(20261202);
  std::vector<Bytes> all;
  std::string xml;
  for (int i = 0; xml.size() < 200000; ++i)
    xml += "<w:tc><w:tcPr><w:tcW w:type=\"dxa\" w:w=\"" + std::to_string(1000 + i % 997) +
           "\"/></w:tcPr><w:p><w:r><w:t>项目" + std::to_string(i * 7919 % 100003) + "绩效目标</w:t></w:r></w:p></w:tc>";
  all.emplace_back(xml.begin(), xml.end());
  for (std::size_t n : {0, 1, 2, 3, 9, 300, 5000, 70000}) {
    Bytes random(n), run(n, 'x'), period(n), mixed(n);
    for (auto& c : random) c = static_cast<std::uint8_t>(rng());
    for (std::size_t k = 0; k < n; ++k) period[k] = static_cast<std::uint8_t>("abcdefg"[k % (2 + n % 6)]);
    for (auto& c : mixed) c = rng() % 4 ? static_cast<std::uint8_t>("<w:t>甲乙 "[rng() % 11]) : static_cast<std::uint8_t>(rng());
    for (Bytes* b : {&random, &run, &period, &mixed}) all.push_back(*b);
  }
  // Every period (match distance) up to 40, each repeated far past a match's 258 bytes.
  for (std::size_t period = 1; period <= 40; ++period) {
    Bytes repeated(1000 + period * 13);
    for (std::size_t k = 0; k < repeated.size(); ++k) repeated[k] = static_cast<std::uint8_t>('A' + (k % period) * 7 % 26);
    all.push_back(repeated);
  }
  return all;
}

}  // namespace

TEST_CASE("inflate_exact gives zlib's input back at every level and strategy", "[inflate]") {
  int streams = 0;
  for (const Bytes& in : inputs())
    for (int level = 0; level <= 9; ++level)
      for (int strategy : {Z_DEFAULT_STRATEGY, Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE, Z_FIXED}) {
        INFO("size " << in.size() << ", level " << level << ", strategy " << strategy);
        REQUIRE(decodes_to(deflate_raw(in, level, strategy), in));
        ++streams;
      }
  CHECK(streams == 73 * 50);
}

TEST_CASE("inflate_exact reads the main part of every sample as libzip does", "[inflate]") {
  for (const char* name : {"beixinbao-2021.docx", "formula-cells.docx", "fullwidth-amounts.docx",
                           "goals-one-paragraph.docx", "level1-repeated.docx", "spaced-labels.docx",
                           "split-table.docx", "word-features.docx"}) {
    INFO(name);
    int error = 0;
    zip_t* zip = zip_open((std::string(JIXIAO_SOURCE_DIR) + "/samples/" + name).c_str(), ZIP_RDONLY, &error);
    REQUIRE(zip);
    zip_stat_t st;
    REQUIRE(zip_stat(zip, "word/document.xml", 0, &st) == 0);
    REQUIRE(st.comp_method == ZIP_CM_DEFLATE);
    auto read = [&](zip_flags_t flags, std::size_t size) {
      Bytes bytes(size);
      zip_file_t* f = zip_fopen(zip, "word/document.xml", flags);
      REQUIRE(f);
      REQUIRE(zip_fread(f, bytes.data(), size) == static_cast<zip_int64_t>(size));
      zip_fclose(f);
      return bytes;
    };
    const Bytes deflated = read(ZIP_FL_COMPRESSED, st.comp_size), xml = read(0, st.size);
    CHECK(decodes_to(deflated, xml));
    zip_close(zip);
  }
}

TEST_CASE("inflate_exact declines another size, a cut, trailing bytes and bad blocks", "[inflate]") {
  const Bytes in = inputs()[0];
  const Bytes deflated = deflate_raw(in, 6, Z_DEFAULT_STRATEGY);
  Bytes out(in.size() + 2);
  CHECK(inflate_exact(deflated.data(), deflated.size(), out.data(), in.size()));
  CHECK_FALSE(inflate_exact(deflated.data(), deflated.size(), out.data(), in.size() - 1));
  CHECK_FALSE(inflate_exact(deflated.data(), deflated.size(), out.data(), in.size() + 1));
  for (std::size_t cut = 0; cut < deflated.size(); cut += 1 + cut / 4) {
    INFO("cut at " << cut);
    CHECK_FALSE(inflate_exact(deflated.data(), cut, out.data(), in.size()));
  }
  Bytes trailing = deflated;
  trailing.push_back(0);
  CHECK_FALSE(inflate_exact(trailing.data(), trailing.size(), out.data(), in.size()));
  // A final block of the reserved type 3; a stored block whose length check is wrong; a dynamic
  // block whose code-length code over-subscribes (all nineteen codes 1 bit long).
  const Bytes reserved = {0x07, 0x00}, stored = {0x01, 0x01, 0x00, 0x00, 0x00, 'a'};
  Bytes oversubscribed;
  {
    std::vector<int> bits = {1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1};  // final, type 2, 257, 1, 19
    for (int k = 0; k < 19; ++k) bits.insert(bits.end(), {1, 0, 0});
    oversubscribed.assign((bits.size() + 7) / 8 + 8, 0);
    for (std::size_t k = 0; k < bits.size(); ++k) oversubscribed[k / 8] |= static_cast<std::uint8_t>(bits[k] << (k % 8));
  }
  for (const Bytes* bad : std::initializer_list<const Bytes*>{&reserved, &stored, &oversubscribed})
    for (std::size_t size : {0, 1, 100}) CHECK_FALSE(inflate_exact(bad->data(), bad->size(), out.data(), size));
  Bytes ignored;
  CHECK_FALSE(zlib_reads(oversubscribed, ignored));  // zlib refuses it too
  // The same stored block with its length check right is read.
  const Bytes good_stored = {0x01, 0x01, 0x00, 0xFE, 0xFF, 'a'};
  CHECK(inflate_exact(good_stored.data(), good_stored.size(), out.data(), 1));
  CHECK(out[0] == 'a');
}

TEST_CASE("inflate_exact never says yes where zlib reads damaged bytes otherwise", "[inflate]") {
  // Streams with bits flipped or bytes overwritten: wherever the decoder says yes, zlib reads
  // the same bytes to their end into the same content. (Most damage is a no; some is a stream
  // both read alike, such as a changed literal.)
  std::mt19937 rng(7);
  int accepted = 0, trials = 0;
  const std::vector<Bytes> all = inputs();
  for (std::size_t i : {std::size_t{0}, std::size_t{16}, std::size_t{24}, std::size_t{31}}) {
    const Bytes& in = all[i];
    for (int strategy : {Z_DEFAULT_STRATEGY, Z_FIXED, Z_HUFFMAN_ONLY}) {
      const Bytes deflated = deflate_raw(in, 6, strategy);
      for (int m = 0; m < 400; ++m, ++trials) {
        Bytes damaged = deflated;
        const std::size_t at = rng() % damaged.size();
        if (m % 2) damaged[at] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
        else damaged[at] = static_cast<std::uint8_t>(rng());
        Bytes ours(in.size() + 1), theirs;
        if (!inflate_exact(damaged.data(), damaged.size(), ours.data(), in.size())) continue;
        ++accepted;
        INFO("input " << i << ", strategy " << strategy << ", byte " << at);
        REQUIRE(zlib_reads(damaged, theirs));
        REQUIRE(theirs.size() == in.size());
        REQUIRE(std::memcmp(theirs.data(), ours.data(), in.size()) == 0);
      }
    }
  }
  CHECK(trials == 4800);
  CHECK(accepted > 0);  // some damage is still a stream: the comparison above did run
}
