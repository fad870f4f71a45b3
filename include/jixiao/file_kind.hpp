#pragma once
// What a file is, by its content: the kinds the sniffer (src/intake/sniff.cpp) tells apart.
namespace jixiao {

enum class FileKind {
  empty,            // 0 bytes
  docx,             // WordprocessingML, Transitional
  docm,             // the same with macros (word/vbaProject.bin)
  docx_strict,      // WordprocessingML, Strict (purl.oclc.org relationships)
  doc,              // Word 97-2003: a compound file with a WordDocument stream
  wps,              // WPS Writer: the same container, named .wps
  odt,              // OpenDocument text (a zip whose mimetype entry says so, wherever it stands)
  rtf,              // {\rtf
  xlsx,             // SpreadsheetML (.xlsx, .xlsm)
  xls,              // Excel 97-2003: a compound file with a Workbook or Book stream
  et,               // WPS 表格: the same container, named .et
  ods,              // OpenDocument spreadsheet
  encrypted_ooxml,  // a password-protected Office file: a compound file with EncryptedPackage
  pdf,              // %PDF
  word2003_xml,     // a flat Word 2003 XML document (w:wordDocument)
  other_zip,        // a zip that is none of the above (a presentation, another ODF kind, …)
  other_ole,        // a compound file that is none of the above
  unknown,
};

// "docx", "doc", "other-zip" …: the name in messages and tests.
const char* kind_name(FileKind kind);

// What LibreOffice converts this kind to before it is read: "docx" for .doc, .wps, .odt and
// .rtf, "xlsx" for .xls, .et and .ods; nullptr for the kinds read as they are (or refused).
const char* converted_to(FileKind kind);

}  // namespace jixiao
