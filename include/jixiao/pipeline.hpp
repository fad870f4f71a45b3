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
#include "jixiao/read_options.hpp"

namespace jixiao {

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
