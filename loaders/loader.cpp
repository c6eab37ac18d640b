// Reading inputs (files, stdin, BOMs, UTF-16), detecting their format and dispatching to the
// format's loader. The document is parsed once, into one simdjson DOM, per input.
#include "loaders/loader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "loaders/internal/json_value.h"
#include "loaders/internal/terraform.h"

namespace edict::loaders {

namespace {

constexpr std::string_view kNotTerraform =
    ": not a Terraform plan or state (no resource_changes, planned_values or values.root_module)";

bool has_prefix(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string read_stream(std::FILE* f) {
  std::string data;
  char chunk[1 << 16];
  size_t got = 0;
  while ((got = std::fread(chunk, 1, sizeof chunk, f)) > 0) data.append(chunk, got);
  return data;
}

// Reads a whole file or stdin into a padded buffer (so simdjson can parse it in place).
simdjson::padded_string read_raw(const std::string& path) {
  if (path == "-") {
    std::string data = read_stream(stdin);
    if (std::ferror(stdin))
      throw InputError("<stdin>: cannot read standard input: " + std::string(std::strerror(errno)));
    return simdjson::padded_string(data);
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
    std::string data = read_stream(f);
    if (std::ferror(f)) fail(errno != 0 ? errno : EIO);
    std::fclose(f);
    return simdjson::padded_string(data);
  }
  auto size = static_cast<size_t>(st.st_size);
  simdjson::padded_string buffer(size);
  size_t got = std::fread(buffer.data(), 1, size, f);
  if (got != size || std::ferror(f)) fail(errno != 0 ? errno : EIO);
  std::fclose(f);
  return buffer;
}

// UTF-16 (after its BOM) -> UTF-8. Throws on an odd length or an unpaired surrogate.
std::string utf16_to_utf8(std::string_view bytes, bool little_endian, const std::string& name) {
  if (bytes.size() % 2 != 0) throw InputError(name + ": invalid UTF-16: odd number of bytes");
  std::string out;
  out.reserve(bytes.size() / 2 + bytes.size() / 8);
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

// Major version of a "MAJOR.MINOR" format_version; -1 when it is not of that shape.
int major_version(std::string_view v) {
  size_t i = 0;
  int major = 0;
  while (i < v.size() && v[i] >= '0' && v[i] <= '9' && i < 6) major = major * 10 + (v[i++] - '0');
  return i == 0 || (i < v.size() && v[i] != '.') ? -1 : major;
}

void check_format_version(simdjson::dom::object root, const std::string& name, std::string_view what) {
  simdjson::dom::element v;
  if (root["format_version"].get(v) != simdjson::SUCCESS) return;  // older tools left it out
  std::string_view s;
  int major = v.get(s) == simdjson::SUCCESS ? major_version(s) : -1;
  if (major != 0 && major != 1) {
    throw InputError(name + ": unsupported " + std::string(what) + " format_version " + simdjson::to_string(v) +
                     " (edict reads 0.x and 1.x)");
  }
}

Format detect(simdjson::dom::object root) {
  if (root["resource_changes"].error() == simdjson::SUCCESS || root["planned_values"].error() == simdjson::SUCCESS) {
    return Format::Plan;
  }
  if (root.at_pointer("/values/root_module").error() == simdjson::SUCCESS) return Format::State;
  // `terraform show -json` of an empty state prints only the versions.
  bool versions_only = root["format_version"].error() == simdjson::SUCCESS;
  for (simdjson::dom::key_value_pair field : root) {
    versions_only &= field.key == "format_version" || field.key == "terraform_version";
  }
  return versions_only ? Format::State : Format::Unknown;
}

// Parses and loads one document. `data` must be followed by simdjson::SIMDJSON_PADDING readable
// bytes when `padded` is true (otherwise the parser copies it).
Format load_document(model::ResourceSet& set, const char* data, size_t size, bool padded, const std::string& name,
                     const LoadOptions& opts) {
  std::string_view text(data, size);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) throw InputError(name + ": empty input");
  simdjson::dom::parser parser = internal::make_parser();
  simdjson::dom::element root;
  simdjson::error_code code = parser.parse(data, size, !padded).get(root);
  std::string widened;
  if (code != simdjson::SUCCESS && internal::widen_big_integers(text, widened)) {
    code = parser.parse(widened.data(), widened.size(), true).get(root);
  }
  if (code != simdjson::SUCCESS) {
    internal::JsonError e = internal::locate_json_error(text, code);
    std::string message = name + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": " + e.message;
    if (size >= 2 && (data[0] == '\0' || data[1] == '\0')) message += " (UTF-16 without a byte order mark?)";
    throw InputError(message);
  }
  simdjson::dom::object object;
  if (root.get(object) != simdjson::SUCCESS) throw InputError(name + std::string(kNotTerraform));
  Format format = detect(object);
  if (format == Format::Unknown) throw InputError(name + std::string(kNotTerraform));
  check_format_version(object, name, format == Format::Plan ? "plan" : "state");

  internal::LoadContext ctx(set, opts, name, set.add_file(name));
  if (format == Format::Plan) {
    ctx.source = "plan";
    internal::load_terraform_plan(ctx, object);
  } else {
    ctx.source = "state";
    internal::load_terraform_state(ctx, object);
  }
  return format;
}

}  // namespace

std::string_view format_name(Format f) {
  switch (f) {
    case Format::Plan: return "terraform-plan";
    case Format::State: return "terraform-state";
    case Format::Unknown: return "unknown";
  }
  return "unknown";
}

std::string read_input(const std::string& path) {
  simdjson::padded_string raw = read_raw(path);
  std::string_view bytes(raw.data(), raw.size());
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
  simdjson::padded_string raw = read_raw(path);
  std::string_view bytes(raw.data(), raw.size());
  switch (detect_encoding(bytes)) {
    case Encoding::Utf8: return load_document(set, raw.data(), raw.size(), true, name, opts);
    // Skipping the BOM keeps the padding after the end: parse in place.
    case Encoding::Utf8Bom: return load_document(set, raw.data() + 3, raw.size() - 3, true, name, opts);
    case Encoding::Utf16LE:
    case Encoding::Utf16BE: {
      bool le = detect_encoding(bytes) == Encoding::Utf16LE;
      std::string utf8 = utf16_to_utf8(bytes.substr(2), le, name);
      return load_document(set, utf8.data(), utf8.size(), false, name, opts);
    }
  }
  return Format::Unknown;
}

Format load_text(model::ResourceSet& set, std::string_view text, const std::string& name, const LoadOptions& opts) {
  if (has_prefix(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  return load_document(set, text.data(), text.size(), false, name, opts);
}

}  // namespace edict::loaders
