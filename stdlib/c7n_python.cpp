// Python comparison semantics for the c7n value filter (see stdlib/internal/c7n_python.h), and
// Custodian's parse_date, parse_cidr and LooseVersion over record values.
#include "stdlib/internal/c7n_python.h"

#include <arpa/inet.h>

#include <cmath>
#include <cstdlib>
#include <string_view>

#include "stdlib/internal/common.h"

namespace edict::stdlib::internal::c7n {

namespace {

bool numeric(const Value& v, double* out) {
  if (v.is_number()) return *out = v.as_number(), true;
  if (v.is_bool()) return *out = v.as_bool() ? 1 : 0, true;  // Python's bool is an int
  return false;
}

bool val_eq(const Value& a, const Value& b) {
  double x = 0, y = 0;
  if (numeric(a, &x) && numeric(b, &y)) return x == y;
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::Null: return true;
    case Kind::String: return a.as_string() == b.as_string();
    case Kind::List:
      if (a.size() != b.size()) return false;
      for (uint32_t i = 0; i < a.size(); ++i) {
        if (!val_eq(a.as_list()[i], b.as_list()[i])) return false;
      }
      return true;
    case Kind::Object:
      if (a.size() != b.size()) return false;
      for (const Member& m : a.as_object()) {
        const Value* other = b.find(m.key);
        if (!other || !val_eq(m.value, *other)) return false;
      }
      return true;
    default: return false;
  }
}

std::optional<bool> val_lt(const Value& a, const Value& b) {
  double x = 0, y = 0;
  if (numeric(a, &x) && numeric(b, &y)) return x < y;
  if (a.is_string() && b.is_string()) return a.as_string() < b.as_string();  // UTF-8 order is code point order
  if (a.is_list() && b.is_list()) {
    size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
      if (!val_eq(a.as_list()[i], b.as_list()[i])) return val_lt(a.as_list()[i], b.as_list()[i]);
    }
    return a.size() < b.size();
  }
  return std::nullopt;
}

int ip_cmp(const Ip& a, const Ip& b) {
  for (size_t i = 0; i < a.addr.size(); ++i) {
    if (a.addr[i] != b.addr[i]) return a.addr[i] < b.addr[i] ? -1 : 1;
  }
  return a.prefix == b.prefix ? 0 : (a.prefix < b.prefix ? -1 : 1);
}

// Whether network n holds address or network x (same family; the IPv4Network override makes a
// network contain a network when it is a supernet of it).
bool net_contains(const Ip& n, const Ip& x) {
  if (n.v6 != x.v6 || x.prefix < n.prefix) return false;
  for (int i = 0; i < n.prefix; ++i) {
    int byte = i / 8, bit = 7 - i % 8;
    if (((n.addr[byte] >> bit) & 1) != ((x.addr[byte] >> bit) & 1)) return false;
  }
  return true;
}

bool hashable(const Py& p) {
  if (p.k == Py::K::Val) return !p.v.is_list() && !p.v.is_object();
  return p.k != Py::K::Version && p.k != Py::K::IpList;  // LooseVersion defines __eq__ only
}

std::optional<std::vector<Py>> to_set(const Py& p) {
  std::vector<Py> out;
  if (p.k == Py::K::EmptyTuple) return out;
  if (p.k != Py::K::Val) return std::nullopt;
  const Value& v = p.v;
  if (v.is_list()) {
    for (const Value& e : v.as_list()) {
      Py x = Py::val(e);
      if (!hashable(x)) return std::nullopt;
      out.push_back(x);
    }
  } else if (v.is_string()) {
    std::string_view s = v.as_string();
    for (size_t i = 0; i < s.size();) {
      size_t len = 1;
      while (i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
      out.push_back(Py::val(Value::string(s.substr(i, len))));
      i += len;
    }
  } else if (v.is_object()) {
    for (const Member& m : v.as_object()) out.push_back(Py::val(Value::string(symbol_name(m.key))));
  } else {
    return std::nullopt;
  }
  return out;
}

bool in_set(const Py& x, const std::vector<Py>& set) {
  for (const Py& e : set) {
    if (py_eq(x, e)) return true;
  }
  return false;
}

bool parse_v4(std::string_view s, uint8_t* out) {
  int part = 0;
  size_t i = 0;
  while (part < 4) {
    size_t start = i;
    int n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 3) n = n * 10 + (s[i++] - '0');
    // Python refuses leading zeros (ambiguous octal) and values above 255.
    if (i == start || n > 255 || (s[start] == '0' && i - start > 1)) return false;
    out[part++] = static_cast<uint8_t>(n);
    if (part < 4) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  return i == s.size();
}

constexpr double kDateFloor = 1142726400;      // 2006-03-19, Custodian's DATE_FLOOR
constexpr double kMaxTimestamp = 253402300799;  // 9999-12-31T23:59:59Z, the last datetime

int64_t days_from_civil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool digits(std::string_view s, size_t& i, int n, int& out) {
  out = 0;
  for (int k = 0; k < n; ++k, ++i) {
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// ISO 8601 as AWS writes it: a date, optionally a time (T or space) with seconds, fraction and a
// zone (Z, +HH:MM, +HHMM); no zone means UTC. dateutil reads more shapes; they are not dates here.
bool parse_iso(std::string_view s, double* out) {
  size_t i = 0;
  int y, mo, d, h = 0, mi = 0, sec = 0;
  if (!digits(s, i, 4, y) || i >= s.size() || s[i++] != '-' || !digits(s, i, 2, mo) || i >= s.size() ||
      s[i++] != '-' || !digits(s, i, 2, d) || mo < 1 || mo > 12 || d < 1 || d > 31) {
    return false;
  }
  double frac = 0;
  int offset = 0;
  if (i < s.size()) {
    if (s[i] != 'T' && s[i] != 't' && s[i] != ' ') return false;
    ++i;
    if (!digits(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !digits(s, i, 2, mi) || h > 23 || mi > 59) return false;
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!digits(s, i, 2, sec) || sec > 59) return false;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        double scale = 0.1;
        size_t start = ++i;
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i, scale /= 10) frac += (s[i] - '0') * scale;
        if (i == start) return false;
      }
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int sign = s[i++] == '-' ? -1 : 1, oh = 0, om = 0;
      if (!digits(s, i, 2, oh)) return false;
      if (i < s.size() && s[i] == ':') ++i;
      if (i < s.size() && !digits(s, i, 2, om)) return false;
      offset = sign * (oh * 60 + om);
    }
    if (i != s.size()) return false;
  }
  *out = static_cast<double>(days_from_civil(y, mo, d)) * 86400 + h * 3600 + mi * 60 + sec + frac - offset * 60;
  return true;
}

// Python's float(text) for decimal text (no hex, which strtod would accept).
bool py_float(std::string_view text, double* out) {
  std::string s(text);
  size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return false;
  s = s.substr(b, e - b + 1);
  if (s.find_first_of("xX") != std::string::npos) return false;
  char* end = nullptr;
  *out = std::strtod(s.c_str(), &end);
  return end == s.c_str() + s.size();
}

}  // namespace

bool py_truthy(const Py& a) {
  if (a.k == Py::K::EmptyTuple) return false;
  if (a.k != Py::K::Val) return true;
  const Value& v = a.v;
  switch (v.kind()) {
    case Kind::Null: return false;
    case Kind::Bool: return v.as_bool();
    case Kind::Number: return v.as_number() != 0;
    case Kind::String:
    case Kind::List:
    case Kind::Object: return v.size() > 0;
    default: return true;
  }
}

bool py_eq(const Py& a, const Py& b) {
  if (a.k != b.k) return false;
  switch (a.k) {
    case Py::K::Val: return val_eq(a.v, b.v);
    case Py::K::Date: return a.t == b.t;
    case Py::K::Ip: return a.ip.v6 == b.ip.v6 && a.ip.network == b.ip.network && ip_cmp(a.ip, b.ip) == 0;
    case Py::K::Version: return a.version_ok && b.version_ok && a.version == b.version;
    case Py::K::EmptyTuple: return true;
    case Py::K::IpList: return false;
  }
  return false;
}

std::optional<bool> py_lt(const Py& a, const Py& b) {
  if (a.k != b.k) return std::nullopt;
  switch (a.k) {
    case Py::K::Val: return val_lt(a.v, b.v);
    case Py::K::Date: return a.t < b.t;
    case Py::K::Ip:
      if (a.ip.v6 != b.ip.v6 || a.ip.network != b.ip.network) return std::nullopt;
      return ip_cmp(a.ip, b.ip) < 0;
    case Py::K::Version: {
      if (!a.version_ok || !b.version_ok) return std::nullopt;
      size_t n = std::min(a.version.size(), b.version.size());
      for (size_t i = 0; i < n; ++i) {
        if (a.version[i].index() != b.version[i].index()) return std::nullopt;  // int < str: TypeError
        if (a.version[i] != b.version[i]) return a.version[i] < b.version[i];
      }
      return a.version.size() < b.version.size();
    }
    case Py::K::EmptyTuple: return false;
    case Py::K::IpList: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<bool> py_in(const Py& x, const Py& c) {
  switch (c.k) {
    case Py::K::EmptyTuple: return false;
    case Py::K::Val: {
      const Value& v = c.v;
      if (v.is_list()) {
        for (const Value& e : v.as_list()) {
          if (py_eq(x, Py::val(e))) return true;
        }
        return false;
      }
      if (v.is_string()) {
        if (x.k != Py::K::Val || !x.v.is_string()) return std::nullopt;
        return v.as_string().find(x.v.as_string()) != std::string_view::npos;
      }
      if (v.is_object()) {
        if (!hashable(x)) return std::nullopt;
        return x.k == Py::K::Val && x.v.is_string() && internal::find_member(v, x.v.as_string()) != nullptr;
      }
      return std::nullopt;
    }
    case Py::K::Ip:
      if (!c.ip.network) return std::nullopt;
      if (x.is_none()) return false;
      if (x.k != Py::K::Ip) return std::nullopt;
      if (x.ip.network && x.ip.v6 != c.ip.v6) return std::nullopt;
      return net_contains(c.ip, x.ip);
    case Py::K::IpList: {
      if (x.is_none()) return false;
      for (const Py& y : c.list) {
        if (y.k != Py::K::Ip) continue;
        if (y.ip.network && x.k == Py::K::Ip && x.ip.v6 == y.ip.v6 && net_contains(y.ip, x.ip)) return true;
        if (!y.ip.network && !y.ip.v6 && py_eq(x, y)) return true;
      }
      return false;
    }
    default: return std::nullopt;
  }
}

std::optional<bool> py_difference(const Py& a, const Py& b) {
  auto sa = to_set(a), sb = to_set(b);
  if (!sa || !sb) return std::nullopt;
  for (const Py& e : *sa) {
    if (!in_set(e, *sb)) return true;
  }
  return false;
}

std::optional<bool> py_intersect(const Py& a, const Py& b) {
  auto sa = to_set(a), sb = to_set(b);
  if (!sa || !sb) return std::nullopt;
  for (const Py& e : *sa) {
    if (in_set(e, *sb)) return true;
  }
  return false;
}

std::optional<Py> parse_cidr(const Value& v) {
  Py p;
  if (v.is_list()) {
    p.k = Py::K::IpList;
    for (const Value& e : v.as_list()) {
      std::optional<Py> item = parse_cidr(e);
      p.list.push_back(item ? *item : Py::val(Value::null()));
    }
    return p;
  }
  if (!v.is_string()) return std::nullopt;
  std::string_view s = v.as_string();
  p.k = Py::K::Ip;
  size_t slash = s.find('/');
  if (slash != std::string_view::npos) {
    // IPv4Network, strict: host bits must be zero; an IPv6 block is not one.
    std::string_view len = s.substr(slash + 1);
    if (!parse_v4(s.substr(0, slash), p.ip.addr.data()) || len.empty() || len.size() > 2) return std::nullopt;
    int n = 0;
    for (char ch : len) {
      if (ch < '0' || ch > '9') return std::nullopt;
      n = n * 10 + (ch - '0');
    }
    if (n > 32) return std::nullopt;
    uint32_t addr = (uint32_t{p.ip.addr[0]} << 24) | (uint32_t{p.ip.addr[1]} << 16) | (uint32_t{p.ip.addr[2]} << 8) | p.ip.addr[3];
    uint32_t host = n == 32 ? 0 : (0xFFFFFFFFu >> n);
    if (addr & host) return std::nullopt;
    p.ip.network = true;
    p.ip.prefix = n;
    return p;
  }
  if (parse_v4(s, p.ip.addr.data())) {
    p.ip.prefix = 32;
    return p;
  }
  std::string text(s);
  if (s.find(':') != std::string_view::npos && inet_pton(AF_INET6, text.c_str(), p.ip.addr.data()) == 1) {
    p.ip.v6 = true;
    p.ip.prefix = 128;
    return p;
  }
  return std::nullopt;
}

std::optional<double> parse_date(const Value& v) {
  double x = 0;
  if (v.is_string()) {
    std::string_view s = v.as_string();
    bool all_digits = !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
    if (!all_digits && parse_iso(s, &x)) return x;
    if (!py_float(s, &x)) return std::nullopt;
  } else if (v.is_number()) {
    x = v.as_number();
  } else {
    return std::nullopt;  // None, bools (1.0 is below the floor), lists, objects
  }
  if (!(x > kDateFloor)) return std::nullopt;
  if (x <= kMaxTimestamp) return x;            // seconds since the epoch
  if (x / 1000 <= kMaxTimestamp) return x / 1000;  // milliseconds
  return std::nullopt;
}

Py loose_version(const Value& v) {
  Py p;
  p.k = Py::K::Version;
  if (!v.is_string()) {
    p.version_ok = false;
    return p;
  }
  std::string_view s = v.as_string();
  std::string other;
  auto flush = [&] {
    if (!other.empty()) p.version.emplace_back(other);
    other.clear();
  };
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      flush();
      int64_t n = 0;
      for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) n = n < INT64_MAX / 10 ? n * 10 + (s[i] - '0') : n;
      p.version.emplace_back(n);
    } else if (c >= 'a' && c <= 'z') {
      flush();
      size_t start = i;
      while (i < s.size() && s[i] >= 'a' && s[i] <= 'z') ++i;
      p.version.emplace_back(std::string(s.substr(start, i - start)));
    } else if (c == '.') {
      flush();
      ++i;
    } else {
      other += c;
      ++i;
    }
  }
  flush();
  return p;
}

}  // namespace edict::stdlib::internal::c7n
