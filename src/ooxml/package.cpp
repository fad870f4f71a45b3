// The zip package: opened with libzip within limits, its relationships and its main part found.
#include "ooxml/package.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include <libdeflate.h>
#include <zip.h>
#include <zlib.h>

#include "ooxml/xml.hpp"
#include "util/thread_local.hpp"

namespace jixiao::ooxml {
namespace {

Error corrupt(const std::string& reason) {
  return Error{ErrorKind::corrupt_zip,
               {"文件已损坏或不完整（ZIP 结构无法读取：" + reason +
                    "），可能在传输中被截断：请重新保存或重新发送该文件",
                "the file is damaged or incomplete (its zip structure cannot be read: " + reason +
                    "), perhaps cut short in transfer: save or send it again"}};
}

std::string zip_reason(int code) {
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  std::string s = zip_error_strerror(&e);
  zip_error_fini(&e);
  return s;
}

Error too_large(const std::string& part, std::uint64_t limit) {
  std::string max = std::to_string(limit >> 20);
  return Error{ErrorKind::limit_exceeded,
               {"部件 " + part + " 解压后超过 " + max + " MiB 上限：文件异常（可能是压缩炸弹）",
                "part " + part + " inflates to more than the limit of " + max +
                    " MiB: the file is abnormal (perhaps a zip bomb)"}};
}

Error too_compressed(const std::string& part, std::uint64_t ratio) {
  std::string r = std::to_string(ratio);
  return Error{ErrorKind::limit_exceeded,
               {"部件 " + part + " 的压缩比超过 " + r + ":1 上限：文件异常（可能是压缩炸弹）",
                "part " + part + " inflates more than " + r +
                    " times its compressed size: the file is abnormal (perhaps a zip bomb)"}};
}

// A part's size against the limits: as the zip declares it, before anything is read, and as it
// inflates (the declared size can lie), so that a zip bomb (far beyond what any text compresses
// to) is stopped early.
std::optional<Error> grown_too_far(const std::string& part, std::uint64_t size, std::uint64_t compressed,
                                   const ReadLimits& limits) {
  if (size > limits.max_part_bytes) return too_large(part, limits.max_part_bytes);
  if (size > (1u << 20) && size / std::max<std::uint64_t>(compressed, 1) > limits.max_ratio)
    return too_compressed(part, limits.max_ratio);
  return std::nullopt;
}

// Zip entry `index`, opened with `flags`, read to its end into `out` (from its start; `out` is
// not empty, and grows as needed); `size`: the bytes read. After each read, `grown(size)` may
// stop it with an error.
template <class Grown>
std::optional<Error> read_entry(zip_t* zip, zip_uint64_t index, zip_flags_t flags, const std::string& part,
                                std::string& out, std::size_t& size, Grown grown) {
  zip_file_t* f = zip_fopen_index(zip, index, flags);
  if (!f) return corrupt(part + ": " + zip_reason(zip_error_code_zip(zip_get_error(zip))));
  std::optional<Error> error;
  size = 0;
  for (;;) {
    if (size == out.size()) out.resize(out.size() * 2);
    zip_int64_t n = zip_fread(f, out.data() + size, out.size() - size);
    if (n < 0) {
      error = corrupt(part + ": " + zip_file_strerror(f));
      break;
    }
    if (n == 0) break;
    size += static_cast<std::size_t>(n);
    if ((error = grown(size))) break;
  }
  zip_fclose(f);
  return error;
}

// The deflated bytes in[0, length) inflated with zlib into `out`, grown as needed; `size`: the
// bytes inflated. zlib serves only where libdeflate cannot: a part whose true size is unknown
// (the zip declares none, or another size than the stream holds: it is read as it inflates,
// within the limits), and a stream libdeflate refuses, whose damage zlib names (libdeflate
// only says "bad data"; the messages stay as they always were).
std::optional<Error> inflate_with_zlib(const char* in, std::size_t length, const std::string& part,
                                       const ReadLimits& limits, std::string& out, std::size_t& size) {
  // One raw-deflate state per thread, reset for each part.
  struct Inflater {
    z_stream z{};
    bool ready = false;
    ~Inflater() {
      if (ready) inflateEnd(&z);
    }
  };
  JIXIAO_THREAD_LOCAL(Inflater, inflater);
  z_stream& z = inflater.z;
  if (!inflater.ready ? inflateInit2(&z, -MAX_WBITS) != Z_OK : inflateReset(&z) != Z_OK)
    return corrupt(part + ": " + zip_reason(ZIP_ER_ZLIB));
  inflater.ready = true;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in));
  z.avail_in = static_cast<uInt>(length);
  size = 0;
  for (;;) {
    if (size == out.size()) out.resize(out.size() * 2);
    const std::size_t space = std::min<std::size_t>(out.size() - size, std::numeric_limits<uInt>::max());
    z.next_out = reinterpret_cast<Bytef*>(out.data() + size);
    z.avail_out = static_cast<uInt>(space);
    int status = inflate(&z, Z_FINISH);
    size += space - z.avail_out;
    if (auto error = grown_too_far(part, size, length, limits)) return *error;
    if (status == Z_STREAM_END) return std::nullopt;
    if ((status == Z_BUF_ERROR || status == Z_OK) && z.avail_out == 0) continue;  // wants room
    // Input used up before the end of the stream, or a stream that is not deflate.
    return corrupt(part + ": " + (status == Z_BUF_ERROR || !z.msg ? zip_reason(ZIP_ER_EOF) : std::string(z.msg)));
  }
}

// One libdeflate decompressor per thread: it holds its tables (some 32 KiB), made once.
libdeflate_decompressor* thread_decompressor() {
  struct Owned {
    libdeflate_decompressor* d = libdeflate_alloc_decompressor();
    ~Owned() { libdeflate_free_decompressor(d); }
  };
  JIXIAO_THREAD_LOCAL(Owned, owned);
  return owned.d;
}

// A deflated part (zip entry `index`, as `st` describes it), inflated into `out` and its CRC
// checked here, with libdeflate: libzip's reading inflates through zlib's streaming state and
// its own buffers, about 2.5 times as long for the main part (bench/RESULTS.md). The deflated
// bytes are read as they are in the zip (no larger than the zip itself) and decoded in one call
// into `out`, which already has room for the declared size. Bytes after the end of the deflate
// stream but within the entry are ignored, as zlib, libzip and Word ignore them: the CRC attests
// the content either way.
Expected<std::string_view> inflate_part(zip_t* zip, zip_uint64_t index, const zip_stat_t& st,
                                        const std::string& part, const ReadLimits& limits,
                                        std::string& out) {
  JIXIAO_THREAD_LOCAL(std::string, deflated);
  const std::size_t length = static_cast<std::size_t>(st.comp_size);
  if (length > std::numeric_limits<uInt>::max()) return too_large(part, limits.max_part_bytes);
  if (deflated.size() <= length) deflated.resize(length + 1);  // read whole, then its end
  std::size_t got = 0;
  auto no_limit = [](std::size_t) { return std::optional<Error>(); };  // no larger than the zip
  if (auto error = read_entry(zip, index, ZIP_FL_COMPRESSED, part, deflated, got, no_limit)) return *error;
  if (got < length) return corrupt(part + ": " + zip_reason(ZIP_ER_EOF));
  std::size_t size = static_cast<std::size_t>(st.size);
  // Exactly the declared size, or libdeflate refuses (SHORT_OUTPUT, INSUFFICIENT_SPACE) and
  // zlib reads the stream to its true size; damage (BAD_DATA) goes to zlib to be named.
  const bool decoded = st.size < out.size() &&
                       libdeflate_deflate_decompress(thread_decompressor(), deflated.data(), length,
                                                     out.data(), size, nullptr) == LIBDEFLATE_SUCCESS;
  if (!decoded)
    if (auto error = inflate_with_zlib(deflated.data(), length, part, limits, out, size)) return *error;
  // The CRC attests the content; a size field that disagrees with a matching CRC is only a
  // wrong field (libzip's own reading lets it pass too).
  if (libdeflate_crc32(0, out.data(), size) != st.crc) return corrupt(part + ": " + zip_reason(ZIP_ER_CRC));
  return std::string_view(out.data(), size);
}

std::string rels_part_of(const std::string& source) {
  if (source.empty()) return "_rels/.rels";
  auto slash = source.rfind('/');
  std::string dir = slash == std::string::npos ? "" : source.substr(0, slash + 1);
  std::string file = slash == std::string::npos ? source : source.substr(slash + 1);
  return dir + "_rels/" + file + ".rels";
}

}  // namespace

std::string resolve_target(const std::string& source_part, const std::string& target) {
  std::string path;
  if (!target.empty() && target[0] == '/') {
    path = target.substr(1);
  } else {
    auto slash = source_part.rfind('/');
    path = (slash == std::string::npos ? "" : source_part.substr(0, slash + 1)) + target;
  }
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& s : segments) out += (out.empty() ? "" : "/") + s;
  return out;
}

Expected<std::shared_ptr<Package>> Package::open(const std::vector<std::uint8_t>& bytes,
                                                 const ReadLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (!src) {
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return corrupt(reason);
  }
  zip_t* zip = zip_open_from_source(src, ZIP_RDONLY, &error);
  if (!zip) {
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    zip_source_free(src);
    return corrupt(reason);
  }
  zip_error_fini(&error);
  auto package = std::shared_ptr<Package>(new Package(zip, limits, bytes.size()));
  zip_int64_t entries = zip_get_num_entries(zip, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries) {
    std::string n = std::to_string(entries), max = std::to_string(limits.max_entries);
    return Error{ErrorKind::limit_exceeded,
                 {"压缩包内文件数 " + n + " 超过上限 " + max + "：这不像正常的 Word 文档",
                  "the package holds " + n + " entries, more than the limit of " + max +
                      ": this is not an ordinary Word document"}};
  }
  return package;
}

Package::~Package() { zip_discard(zip_); }

bool Package::has(const std::string& part) const {
  return zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE) >= 0;
}

Expected<std::string> Package::read(const std::string& part) const {
  std::string out;
  auto text = read_into(part, out);
  if (!text) return text.error();
  out.resize(text->size());
  return out;
}

Expected<std::string_view> Package::read_into(const std::string& part, std::string& out) const {
  zip_int64_t index = zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE);
  if (index < 0) return corrupt("missing part " + part);
  zip_stat_t st;
  zip_stat_init(&st);
  std::uint64_t compressed = 0, declared = 0;
  if (zip_stat_index(zip_, static_cast<zip_uint64_t>(index), 0, &st) == 0) {
    if (st.valid & ZIP_STAT_COMP_SIZE) compressed = st.comp_size;
    if (st.valid & ZIP_STAT_SIZE) declared = st.size;
  } else {
    st.valid = 0;
  }
  // What the zip declares is checked before inflating anything; what it really inflates to is
  // checked as it inflates, since a declared size can lie.
  if (auto error = grown_too_far(part, declared, compressed, limits_)) return *error;
  // Inflated straight into `out`, made as large as declared (up to 16 MiB: a declared size can
  // lie) plus one byte, so that a part as large as declared is read in one call.
  const std::size_t room = declared ? static_cast<std::size_t>(std::min<std::uint64_t>(declared, 16u << 20)) + 1 : 1u << 16;
  if (out.size() < room) out.resize(room);
  const zip_uint64_t needed = ZIP_STAT_COMP_METHOD | ZIP_STAT_ENCRYPTION_METHOD | ZIP_STAT_CRC |
                              ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE;
  if ((st.valid & needed) == needed && st.comp_method == ZIP_CM_DEFLATE &&
      st.encryption_method == ZIP_EM_NONE && compressed <= archive_size_)
    return inflate_part(zip_, static_cast<zip_uint64_t>(index), st, part, limits_, out);
  // Stored, or compressed some other way: libzip's own reading, which checks the CRC.
  std::size_t size = 0;
  auto limit = [&](std::size_t read) { return grown_too_far(part, read, compressed, limits_); };
  if (auto error = read_entry(zip_, static_cast<zip_uint64_t>(index), 0, part, out, size, limit)) return *error;
  return std::string_view(out.data(), size);
}

Expected<std::vector<Package::Relationship>> Package::relationships(const std::string& source) const {
  std::lock_guard<std::mutex> hold(rels_lock_);
  if (auto known = rels_.find(source); known != rels_.end()) return known->second;
  std::vector<Relationship> out;
  std::string rels = rels_part_of(source);
  if (!has(rels)) return out;
  auto xml = read(rels);
  if (!xml) return xml.error();
  // Read as written: elements are matched by the end of their names, whatever the prefix.
  auto doc = parse_part(std::move(*xml), rels, /*canonical=*/false);
  if (!doc) return doc.error();
  for (pugi::xml_node r : (*doc)->doc.document_element().children()) {
    std::string name = r.name();
    if (name.size() < 12 || name.compare(name.size() - 12, 12, "Relationship") != 0) continue;
    if (std::string(r.attribute("TargetMode").value()) == "External") continue;
    out.push_back({r.attribute("Id").value(), r.attribute("Type").value(),
                   resolve_target(source, r.attribute("Target").value())});
  }
  rels_[source] = out;
  return out;
}

Expected<std::optional<std::string>> Package::related(const std::string& source,
                                                      const std::string& type_suffix,
                                                      std::string* type_found) const {
  auto all = relationships(source);
  if (!all) return all.error();
  for (const Relationship& r : *all) {
    if (r.type.size() >= type_suffix.size() &&
        r.type.compare(r.type.size() - type_suffix.size(), type_suffix.size(), type_suffix) == 0) {
      if (type_found) *type_found = r.type;
      return std::optional<std::string>(r.target);
    }
  }
  return std::optional<std::string>();
}

Error no_main_part(const std::string& why_zh, const std::string& why_en) {
  return Error{ErrorKind::no_main_part,
               {"文件中没有 Word 正文部分（" + why_zh +
                    "）：文件可能由不兼容的程序生成，请用 Word 或 WPS 打开后重新保存",
                "the file has no Word main document part (" + why_en +
                    "): it may come from an incompatible program; open it in Word or WPS and "
                    "save it again"}};
}

Error word2003_xml_error() {
  return Error{ErrorKind::word2003_xml,
               {"这是 Word 2003 XML 文档（WPS 有时以 .docx 名称保存），不是真正的 .docx："
                "请在 Word 或 WPS 中打开，“另存为”Word 文档（*.docx）",
                "this is a Word 2003 XML document (WPS sometimes saves one under a .docx name), "
                "not a real .docx: open it in Word or WPS and save it as a Word document (*.docx)"}};
}

}  // namespace jixiao::ooxml
