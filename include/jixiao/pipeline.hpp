#pragma once
// The library's front door: bytes or a path in, a model (or the reason there is none) out.
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "jixiao/blocks.hpp"
#include "jixiao/error.hpp"
#include "jixiao/model.hpp"

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
  // Default none: a .doc, .wps, .odt or .rtf is refused with its own message. Given, such a
  // file (known by its content) is converted to .docx first, and the model says so.
  std::shared_ptr<Converter> converter;
};

// Stage 1 alone: the blocks of a .docx held in memory.
Expected<ooxml::Body> read_body(const std::vector<std::uint8_t>& bytes,
                                const ReadLimits& limits = {});

// Stage 1 from WordprocessingML text directly (a document part's XML): for tests and tools.
Expected<ooxml::Body> read_body_xml(const std::string& document_xml,
                                    const std::string& styles_xml = {},
                                    const ReadLimits& limits = {});

// Both stages. `display_path` is what the model and messages call the file.
Expected<Document> read_document_bytes(const std::vector<std::uint8_t>& bytes,
                                       const std::string& display_path,
                                       const ReadOptions& options = {});
Expected<Document> read_document(const std::string& path, const ReadOptions& options = {});
// From an open stream (standard input), read whole within the input limit.
Expected<Document> read_document_stream(std::FILE* in, const std::string& display_path,
                                        const ReadOptions& options = {});

}  // namespace jixiao
