// Reading inputs (files, stdin, BOMs, UTF-16) into padded buffers, loading them (document.cpp)
// and turning JSON errors into "file:line:column: message". Each input is read once, in place.
#include "loaders/loader.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "loaders/internal/json_value.h"
#include "loaders/internal/live.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders {

namespace {

using internal::Input;

bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

uint64_t g_max_input_size = kDefaultMaxInputSize;

[[noreturn]] void too_large(const std::string& name) {
  throw InputError(name + ": input is larger than the limit of " + std::to_string(g_max_input_size) +
                   " bytes (raise it with --max-input-size)");
}

// Reads a stream of unknown size, keeping SIMDJSON_PADDING spare bytes of capacity at the end.
// Stops with an error past the input size limit (a device such as /dev/zero never ends).
std::string read_stream(std::FILE* f, const std::string& name) {
  std::string data;
  size_t size = 0;
  for (;;) {
    if (size > g_max_input_size) too_large(name);
    if (data.size() < size + (1 << 16) + simdjson::SIMDJSON_PADDING) {
      size_t grown = std::max<size_t>(2 * data.size(), size + (1 << 16) + simdjson::SIMDJSON_PADDING);
      // Never more than one read past the limit, which is enough to notice it was passed.
      grown = std::min<uint64_t>(grown, g_max_input_size + (1 << 16) + simdjson::SIMDJSON_PADDING + 1);
      data.resize(std::max(grown, size + 1 + simdjson::SIMDJSON_PADDING));
    }
    size_t want = data.size() - size - simdjson::SIMDJSON_PADDING;
    size_t got = std::fread(data.data() + size, 1, want, f);
    size += got;
    if (got < want) break;
  }
  if (size > g_max_input_size) too_large(name);
  data.resize(size);  // shrinking keeps the capacity
  return data;
}

// Reads a whole file or stdin, once, into a padded buffer (so simdjson can parse it in place).
Input read_raw(const std::string& path) {
  if (path == "-") {
    std::string data = read_stream(stdin, "<stdin>");
    if (std::ferror(stdin))
      throw InputError("<stdin>: cannot read standard input: " + std::string(std::strerror(errno)));
    return Input::adopt(std::move(data));
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) throw InputError(path + ": cannot open: " + std::strerror(errno));
  auto fail = [&](int err) {
    std::fclose(f);
    throw InputError(path + ": cannot read: " + std::strerror(err));
  };
  struct stat st {};
  if (fstat(fileno(f), &st) != 0) fail(errno);
  if (S_ISDIR(st.st_mode)) fail(EISDIR);
  if (!S_ISREG(st.st_mode)) {  // a pipe or a device: size unknown
    std::string data;
    try {
      data = read_stream(f, path);
    } catch (...) {
      std::fclose(f);
      throw;
    }
    if (std::ferror(f)) fail(errno != 0 ? errno : EIO);
    std::fclose(f);
    return Input::adopt(std::move(data));
  }
  if (static_cast<uint64_t>(st.st_size) > g_max_input_size) {
    std::fclose(f);
    too_large(path);
  }
  auto size = static_cast<size_t>(st.st_size);
  Input in = Input::mapped(size);
  size_t got = std::fread(in.data(), 1, size, f);
  if (got != size || std::ferror(f)) fail(errno != 0 ? errno : EIO);
  std::fclose(f);
  return in;
}

// UTF-16 (after its BOM) -> UTF-8, with SIMDJSON_PADDING spare bytes of capacity. Throws on an odd
// length or an unpaired surrogate.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian, const std::string& name) {
  if (bytes.size() % 2 != 0) throw InputError(name + ": invalid UTF-16: odd number of bytes");
  std::string out;
  out.reserve(bytes.size() / 2 * 3 + simdjson::SIMDJSON_PADDING);  // 3 bytes per unit at most
  auto unit = [&](size_t i) -> uint32_t {
    auto a = static_cast<unsigned char>(bytes[i]), b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (a | (b << 8)) : ((a << 8) | b);
  };
  for (size_t i = 0; i < bytes.size(); i += 2) {
    uint32_t cp = unit(i);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      uint32_t low = i + 3 < bytes.size() ? unit(i + 2) : 0;
      if (low < 0xDC00 || low > 0xDFFF) {
        throw InputError(name + ": invalid UTF-16: unpaired surrogate at byte " + std::to_string(i + 2));
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      throw InputError(name + ": invalid UTF-16: unpaired surrogate at byte " + std::to_string(i + 2));
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

enum class Encoding { Utf8, Utf8Bom, Utf16LE, Utf16BE };

Encoding detect_encoding(std::string_view bytes) {
  if (has_prefix(bytes, "\xEF\xBB\xBF")) return Encoding::Utf8Bom;
  if (has_prefix(bytes, "\xFF\xFE")) return Encoding::Utf16LE;
  if (has_prefix(bytes, "\xFE\xFF")) return Encoding::Utf16BE;
  return Encoding::Utf8;
}


std::string located(const std::string& name, std::string_view text, const internal::JsonError& e) {
  std::string message = name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
  if (text.size() >= 2 && (text[0] == '\0' || text[1] == '\0')) message += " (UTF-16 without a byte order mark?)";
  return message;
}

// Loads one document. On-Demand validates what it reads; the second pass (find_json_error) says
// where the text is wrong. Any malformed JSON takes precedence over errors in the content.
// `original` gives the text again when the input's pages have been given back (error path only).
template <class Original>
Format load_document(model::ResourceSet& set, Input& input, const std::string& name, const LoadOptions& opts,
                     const Original& original) {
  std::string_view text = input.text();
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) throw InputError(name + ": empty input");
  internal::LoadContext ctx(set, opts, name);
  std::string again;
  auto full_text = [&]() {
    if (!input.partly_released()) return text;
    again = original();
    return std::string_view(again);
  };
  try {
    // One structural index (simdjson stage 1) for the whole text, shared by every loader: live
    // snapshots (AWS Config, Cloud Custodian) are recognised by content first.
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc = internal::take(
        parser.iterate(simdjson::padded_string_view(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING)));
    if (auto live = internal::load_live(set, text, doc, name)) return *live;
    doc.rewind();
    return internal::load_terraform(ctx, input, doc);
  } catch (const internal::JsonFault& fault) {
    std::string_view all = full_text();
    internal::JsonError e;
    if (!internal::find_json_error(all, e)) {  // valid JSON that simdjson refused (a number out of range)
      e.message = fault.message != nullptr ? fault.message : simdjson::error_message(fault.code);
      if (fault.where >= text.data() && fault.where < text.data() + text.size()) {
        internal::line_col(all, static_cast<size_t>(fault.where - text.data()), e.line, e.column);
      }
    }
    throw InputError(located(name, all, e));
  } catch (const InputError&) {
    if (input.text().data() != text.data()) throw;  // raised after the input was freed: not about JSON
    std::string_view all = full_text();
    internal::JsonError e;
    if (internal::find_json_error(all, e)) throw InputError(located(name, all, e));
    throw;
  }
}

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::Plan: return "terraform-plan";
    case Format::State: return "terraform-state";
    case Format::Config: return "aws-config";
    case Format::Custodian: return "custodian";
    case Format::Unknown: return "unknown";
  }
  return "unknown";
}

void set_max_input_size(uint64_t bytes) { g_max_input_size = bytes; }
uint64_t max_input_size() { return g_max_input_size; }

bool parse_size(std::string_view text, uint64_t& out) {
  size_t digits = 0;
  uint64_t n = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    if (n > (UINT64_MAX - 9) / 10) return false;
    n = n * 10 + static_cast<uint64_t>(text[digits] - '0');
    ++digits;
  }
  if (digits == 0) return false;
  std::string_view unit = text.substr(digits);
  int shift = 0;
  if (unit.empty() || unit == "B") shift = 0;
  else if (unit == "K" || unit == "KiB") shift = 10;
  else if (unit == "M" || unit == "MiB") shift = 20;
  else if (unit == "G" || unit == "GiB") shift = 30;
  else return false;
  if (shift > 0 && n > (UINT64_MAX >> shift)) return false;
  out = n << shift;
  return out > 0;
}

std::string read_input(const std::string& path) {
  Input raw = read_raw(path);
  std::string_view bytes = raw.text();
  std::string name = path == "-" ? "<stdin>" : path;
  switch (detect_encoding(bytes)) {
    case Encoding::Utf8Bom: return std::string(bytes.substr(3));
    case Encoding::Utf16LE: return utf16_to_utf8(bytes.substr(2), true, name);
    case Encoding::Utf16BE: return utf16_to_utf8(bytes.substr(2), false, name);
    case Encoding::Utf8: break;
  }
  return std::string(bytes);
}

Format load_file(model::ResourceSet& set, const std::string& path, const LoadOptions& opts) {
  std::string name = path == "-" ? "<stdin>" : path;
  Input input = read_raw(path);
  switch (Encoding encoding = detect_encoding(input.text())) {
    case Encoding::Utf8: break;
    // Skipping the BOM keeps the padding after the end: parse in place.
    case Encoding::Utf8Bom: input.set_text(input.text().substr(3)); break;
    case Encoding::Utf16LE:
    case Encoding::Utf16BE: {
      std::string utf8 = utf16_to_utf8(input.text().substr(2), encoding == Encoding::Utf16LE, name);
      input = Input::adopt(std::move(utf8));  // the UTF-16 bytes are freed
      break;
    }
  }
  // An error found after pages were given back is located in the file read again.
  return load_document(set, input, name, opts, [&] { return read_input(path); });
}

Format load_text(model::ResourceSet& set, std::string_view text, const std::string& name, const LoadOptions& opts) {
  if (has_prefix(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  // The one copy: `text` has no padding after it.
  Input input = Input::mapped(text.size());
  if (!text.empty()) std::memcpy(input.data(), text.data(), text.size());
  return load_document(set, input, name, opts, [&] { return std::string(text); });
}

}  // namespace edict::loaders
