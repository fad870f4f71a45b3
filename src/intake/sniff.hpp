#pragma once
// The one sniffer: what a file is, by its content, before anything reads it; and the message for
// each kind that jixiao does not read directly. The pipeline, the intake of legacy formats and
// the refusals all ask it, so that a file is recognised in one place, by one test.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/file_kind.hpp"
#include "jixiao/read_options.hpp"

namespace jixiao {

namespace ooxml {
class Package;
}

struct Sniffed {
  FileKind kind = FileKind::unknown;
  // For a zip: the package, opened once (it reads from the sniffed bytes, which must outlive
  // it); for OOXML, the main part as _rels/.rels names it ("" when it names none).
  std::shared_ptr<ooxml::Package> package;
  std::string main_part;
  std::optional<Error> damaged;  // a zip that could not be opened, or whose .rels is unreadable
};

// What the bytes are. `path` only tells .wps from .doc and .et from .xls, which share a
// container; never anything else.
Sniffed sniff(const std::vector<std::uint8_t>& bytes, const std::string& path, const ReadLimits& limits);

// Whether this workbook is one jixiao wrote itself (convert --to xlsx: its core properties name
// jixiao as the creator): a table of what was read, not a form.
bool jixiao_export(const Sniffed& sniffed);

// Whether the file at `path` is such a workbook (read and sniffed here): a folder's own summary
// is skipped when the folder is read again.
bool jixiao_export_file(const std::string& path, const ReadLimits& limits);

// Why a file of this kind is not read as a Word document (with a hint what to do), or nothing
// for the kinds that are read (docx, docm, docx_strict).
std::optional<Error> refusal(const Sniffed& sniffed);

}  // namespace jixiao
