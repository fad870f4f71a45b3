#pragma once
// The zip package of a .docx: its parts by name, read with limits, and its relationships.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "jixiao/error.hpp"
#include "jixiao/read_options.hpp"

typedef struct zip zip_t;

namespace jixiao::ooxml {

class Package {
public:
  // Opens a zip held in memory (which must outlive the package).
  static Expected<std::shared_ptr<Package>> open(const std::vector<std::uint8_t>& bytes,
                                                 const ReadLimits& limits);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  bool has(const std::string& part) const;
  // The part's bytes, inflated with a cap: a part larger than the limit is an error.
  Expected<std::string> read(const std::string& part) const;
  // The same, inflated into `buffer` (grown when too small, never shrunk: a buffer kept from
  // document to document is allocated once); the part is the view returned.
  Expected<std::string_view> read_into(const std::string& part, std::string& buffer) const;
  // The target of the first relationship of `source` whose type ends with `type_suffix`
  // ("/officeDocument", "/styles"), as a part name; `source` "" is the package itself.
  // `type_found`, when given, receives the relationship's whole type.
  Expected<std::optional<std::string>> related(const std::string& source, const std::string& type_suffix,
                                               std::string* type_found = nullptr) const;

  struct Relationship {
    std::string id, type, target;  // target resolved to a part name
  };
  // Every internal relationship of `source` ("" the package itself), in the order written. Each
  // part's relationships are read once: the sniffer, the reader and the export check all ask
  // for the package's own.
  Expected<std::vector<Relationship>> relationships(const std::string& source) const;

private:
  Package(zip_t* zip, const ReadLimits& limits, std::uint64_t archive_size)
      : zip_(zip), limits_(limits), archive_size_(archive_size) {}
  zip_t* zip_;
  ReadLimits limits_;
  std::uint64_t archive_size_;
  mutable std::mutex rels_lock_;
  mutable std::map<std::string, std::vector<Relationship>> rels_;  // by source, once read
};

// A package without a Word main part, and why.
Error no_main_part(const std::string& why_zh, const std::string& why_en);

// A Word 2003 XML document (flat w:wordDocument), which WPS can save under a .docx name.
Error word2003_xml_error();

// "word/document.xml" + "../media/a.png" -> "media/a.png"; "/x" is from the package root.
std::string resolve_target(const std::string& source_part, const std::string& target);

}  // namespace jixiao::ooxml
