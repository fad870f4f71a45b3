#pragma once
// What a read may take (its limits) and how it goes (its options): a leaf header, which every
// stage may include without reaching up to the pipeline.
#include <cstdint>
#include <memory>

namespace jixiao {

class Converter;

struct ReadLimits {
  std::uint64_t max_input_bytes = 256ull << 20;  // default 256 MiB: the file itself
  std::uint64_t max_part_bytes = 64ull << 20;    // default 64 MiB: one inflated part
  std::uint64_t max_entries = 10000;             // default 10,000 zip entries
  std::uint64_t max_ratio = 200;                 // default 200: inflated / compressed, past 1 MiB
  int max_columns = 64;                          // default 64 grid columns per table
  int max_table_depth = 16;                      // default 16 levels of nested tables
};

struct ReadOptions {
  ReadLimits limits;
  // Default true: a document without any performance-target table is an error, not an empty
  // model presented as success. `check` turns it off to report JX001 instead.
  bool require_target_tables = true;
  // Default true: source.sha256 is computed (the model's JSON carries it). `check`, whose reports
  // carry no digest, turns it off: hashing every input was a fifth of its time.
  bool digest = true;
  // Default none: a .doc, .wps, .odt or .rtf is refused with its own message. Given, such a
  // file (known by its content) is converted to .docx first, and the model says so.
  std::shared_ptr<Converter> converter;
};

}  // namespace jixiao
