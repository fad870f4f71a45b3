#pragma once
// The one table of output formats: every command's formats, with their names, extensions, what
// each is and what writes it. The command line, its --help, the manual page and the completion (both made
// from --help by scripts/make_docs.py) and the converter all read it.
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/check.hpp"
#include "jixiao/convert.hpp"
#include "jixiao/diff.hpp"

namespace jixiao {

enum class Command { convert, check, diff };

// What writes a format: one of these, as its command needs.
struct FormatWriter {
  // convert, a text per document, written as each is read (json, ndjson)
  std::string (*each)(const Document& doc, Lang lang) = nullptr;
  // convert, from every document at once (csv, xlsx; docx, of one)
  Expected<std::string> (*whole)(const std::vector<Document>& docs, const ConvertOptions& options) = nullptr;
  // check: a report writer, handed each file's findings
  std::unique_ptr<ReportWriter> (*report)(const ReportOptions& options, TextSink out) = nullptr;
  // diff: a diff writer, handed each pair of documents
  std::unique_ptr<DiffWriter> (*diff)(const std::string& old_name, const std::string& new_name,
                                      const DiffOptions& options, bool colour, DiffSink out) = nullptr;
};

struct OutputFormatInfo {
  Command command;
  const char* name;       // as --to / --format takes it: "json"
  const char* extension;  // of a file written in it: ".json"
  int value;              // the command's enum: OutputFormat, ReportFormat or DiffFormat
  bool binary;            // bytes, never for a terminal (xlsx, docx)
  bool several;           // several documents in one output (false: one file per input)
  bool for_people;        // a text for a person: coloured on a terminal, a BOM on Windows
  const char* zh;         // what it is, for --help
  const char* en;
  FormatWriter write;
};

// Every format, each command's in the order --help lists them, its default first.
const std::vector<OutputFormatInfo>& output_formats();
// A command's format by name; null when there is none.
const OutputFormatInfo* find_output_format(Command command, std::string_view name);
// A command's format names, for the option's check.
std::vector<std::string> output_format_names(Command command);
// "json（默认）… / json (default): the model …", for the option's help.
std::string output_format_help(Command command);
// Each command's format's entry.
const OutputFormatInfo& output_format_info(OutputFormat format);
const OutputFormatInfo& output_format_info(ReportFormat format);
const OutputFormatInfo& output_format_info(DiffFormat format);

}  // namespace jixiao
