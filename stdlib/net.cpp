// Network builtins: IPv4/IPv6 addresses and CIDR blocks (a bare address is a /32 or /128),
// containment, overlap, public-routability, and security-group port ranges.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "stdlib/internal/functions.h"

namespace edict::stdlib::internal {

namespace {

// An address block; host bits below `prefix` are always zero (they are cleared when parsing, so
// "10.0.0.1/8" is the block 10.0.0.0/8). IPv4 uses the first four bytes.
struct Cidr {
  bool v6 = false;
  std::array<uint8_t, 16> addr{};
  int prefix = 0;
  int bits() const { return v6 ? 128 : 32; }
};

bool bit(const Cidr& c, int i) { return (c.addr[i / 8] >> (7 - i % 8)) & 1; }

void clear_host_bits(Cidr& c) {
  for (int i = c.prefix; i < c.bits(); ++i) c.addr[i / 8] &= static_cast<uint8_t>(~(0x80 >> (i % 8)));
}

bool parse_decimal(std::string_view s, int max_digits, int max_value, int* out) {
  if (s.empty() || static_cast<int>(s.size()) > max_digits || (s.size() > 1 && s[0] == '0')) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return v <= max_value;
}

// Dotted quad, decimal, no leading zeros (which other tools read as octal).
bool parse_ipv4(std::string_view s, uint8_t* out) {
  for (int part = 0; part < 4; ++part) {
    size_t dot = part < 3 ? s.find('.') : s.size();
    if (dot == std::string_view::npos) return false;
    int v = 0;
    if (!parse_decimal(s.substr(0, dot), 3, 255, &v)) return false;
    out[part] = static_cast<uint8_t>(v);
    s.remove_prefix(part < 3 ? dot + 1 : dot);
  }
  return s.empty();
}

// Colon-separated groups of 1-4 hex digits; "::" once; an optional dotted-quad tail.
bool parse_groups(std::string_view s, std::vector<uint16_t>* groups, bool allow_v4_tail) {
  if (s.empty()) return true;
  while (true) {
    size_t colon = s.find(':');
    std::string_view g = s.substr(0, colon);
    if (colon == std::string_view::npos && allow_v4_tail && g.find('.') != std::string_view::npos) {
      uint8_t v4[4];
      if (!parse_ipv4(g, v4)) return false;
      groups->push_back(static_cast<uint16_t>(v4[0] << 8 | v4[1]));
      groups->push_back(static_cast<uint16_t>(v4[2] << 8 | v4[3]));
      return true;
    }
    if (g.empty() || g.size() > 4) return false;
    unsigned v = 0;
    for (char c : g) {
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    groups->push_back(static_cast<uint16_t>(v));
    if (colon == std::string_view::npos) return true;
    s.remove_prefix(colon + 1);
  }
}

bool parse_ipv6(std::string_view s, uint8_t* out) {
  std::vector<uint16_t> head, tail;
  size_t gap = s.find("::");
  if (gap == std::string_view::npos) {
    if (!parse_groups(s, &head, true) || head.size() != 8) return false;
  } else {
    if (s.find("::", gap + 1) != std::string_view::npos) return false;
    if (!parse_groups(s.substr(0, gap), &head, false) || !parse_groups(s.substr(gap + 2), &tail, true)) return false;
    if (head.size() + tail.size() > 7) return false;
    head.resize(8 - tail.size(), 0);
    head.insert(head.end(), tail.begin(), tail.end());
  }
  for (size_t i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<uint8_t>(head[i] >> 8);
    out[2 * i + 1] = static_cast<uint8_t>(head[i] & 0xFF);
  }
  return true;
}

bool parse_cidr(std::string_view text, Cidr* out) {
  Cidr c;
  size_t slash = text.find('/');
  std::string_view ip = text.substr(0, slash);
  c.v6 = ip.find(':') != std::string_view::npos;
  if (!(c.v6 ? parse_ipv6(ip, c.addr.data()) : parse_ipv4(ip, c.addr.data()))) return false;
  c.prefix = c.bits();
  if (slash != std::string_view::npos && !parse_decimal(text.substr(slash + 1), 3, c.bits(), &c.prefix)) return false;
  clear_host_bits(c);
  *out = c;
  return true;
}

// Whether block a contains block b (same family, a no longer than b, same leading bits).
bool contains(const Cidr& a, const Cidr& b) {
  if (a.v6 != b.v6 || a.prefix > b.prefix) return false;
  for (int i = 0; i < a.prefix; ++i) {
    if (bit(a, i) != bit(b, i)) return false;
  }
  return true;
}

// Two aligned blocks overlap exactly when one contains the other.
bool overlaps(const Cidr& a, const Cidr& b) { return contains(a, b) || contains(b, a); }

// IANA special-purpose ranges that are not reachable from the internet.
const std::vector<Cidr>& special_ranges() {
  static const std::vector<Cidr> ranges = [] {
    std::vector<Cidr> out;
    for (const char* text :
         {"0.0.0.0/8",    "10.0.0.0/8",   "100.64.0.0/10",  "127.0.0.0/8",   "169.254.0.0/16",  "172.16.0.0/12",
          "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24",
          "224.0.0.0/4",  "240.0.0.0/4",  "::/128",         "::1/128",       "100::/64",        "2001:db8::/32",
          "fc00::/7",     "fe80::/10",    "ff00::/8"}) {
      Cidr c;
      parse_cidr(text, &c);
      out.push_back(c);
    }
    return out;
  }();
  return ranges;
}

// Whether every address of c lies in some special range. Only blocks that partly overlap a range
// are split, so the recursion visits O(ranges * bits) blocks.
bool all_special(const Cidr& c) {
  bool partial = false;
  for (const Cidr& s : special_ranges()) {
    if (contains(s, c)) return true;
    if (contains(c, s)) partial = true;
  }
  if (!partial || c.prefix == c.bits()) return false;
  Cidr low = c;
  low.prefix += 1;
  Cidr high = low;
  high.addr[c.prefix / 8] |= static_cast<uint8_t>(0x80 >> (c.prefix % 8));
  return all_special(low) && all_special(high);
}

// Parses every argument as a CIDR block; false (with ctx.error set, unless an argument is null).
bool cidr_args(CallContext& ctx, std::string_view name, Args args, Cidr* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].is_null()) return false;
    if (!args[i].is_string()) {
      type_error(ctx, name, "string", args[i]);
      return false;
    }
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (!parse_cidr(args[i].as_string(), &out[i])) {
      fail(ctx, name, "invalid IP address or CIDR block \"" + std::string(args[i].as_string()) + "\"");
      return false;
    }
  }
  return true;
}

// Reads port numbers; -1 (AWS's "all") is read as 0 for a lower bound and 65535 for an upper one.
bool port_args(CallContext& ctx, std::string_view name, Args args, double* out) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].is_null()) return false;
    if (!args[i].is_number()) {
      type_error(ctx, name, "number", args[i]);
      return false;
    }
    out[i] = args[i].as_number();
  }
  return true;
}

double low_port(double p) { return p == -1 ? 0 : p; }
double high_port(double p) { return p == -1 ? 65535 : p; }

}  // namespace

Value fn_cidr_contains(CallContext& ctx, Args args) {
  Cidr c[2];
  if (!cidr_args(ctx, "cidr_contains", args, c)) return Value::null();
  return Value::boolean(contains(c[0], c[1]));
}

Value fn_cidr_overlaps(CallContext& ctx, Args args) {
  Cidr c[2];
  if (!cidr_args(ctx, "cidr_overlaps", args, c)) return Value::null();
  return Value::boolean(overlaps(c[0], c[1]));
}

Value fn_cidr_is_public(CallContext& ctx, Args args) {
  Cidr c;
  if (!cidr_args(ctx, "cidr_is_public", args, &c)) return Value::null();
  return Value::boolean(!all_special(c));
}

Value fn_cidr_is_world(CallContext& ctx, Args args) {
  Cidr c;
  if (!cidr_args(ctx, "cidr_is_world", args, &c)) return Value::null();
  return Value::boolean(c.prefix == 0);
}

Value fn_cidr_prefix_len(CallContext& ctx, Args args) {
  Cidr c;
  if (!cidr_args(ctx, "cidr_prefix_len", args, &c)) return Value::null();
  return Value::number(c.prefix);
}

Value fn_is_ipv4(CallContext& ctx, Args args) {
  if (args[0].is_null()) return Value::null();
  if (!args[0].is_string()) return type_error(ctx, "is_ipv4", "string", args[0]);
  Cidr c;
  return Value::boolean(parse_cidr(args[0].as_string(), &c) && !c.v6);
}

Value fn_is_ipv6(CallContext& ctx, Args args) {
  if (args[0].is_null()) return Value::null();
  if (!args[0].is_string()) return type_error(ctx, "is_ipv6", "string", args[0]);
  Cidr c;
  return Value::boolean(parse_cidr(args[0].as_string(), &c) && c.v6);
}

Value fn_port_range_covers(CallContext& ctx, Args args) {
  double p[3] = {};
  if (!port_args(ctx, "port_range_covers", args, p)) return Value::null();
  double from = low_port(p[0]);
  double to = high_port(p[1]);
  return Value::boolean(from <= p[2] && p[2] <= to);
}

Value fn_port_ranges_overlap(CallContext& ctx, Args args) {
  double p[4] = {};
  if (!port_args(ctx, "port_ranges_overlap", args, p)) return Value::null();
  double from1 = low_port(p[0]), to1 = high_port(p[1]);
  double from2 = low_port(p[2]), to2 = high_port(p[3]);
  if (from1 > to1 || from2 > to2) return Value::boolean(false);
  return Value::boolean(std::max(from1, from2) <= std::min(to1, to2));
}

std::string check_cidr(size_t, const Value& literal) {
  Cidr c;
  if (!literal.is_string() || parse_cidr(literal.as_string(), &c)) return "";
  return "invalid IP address or CIDR block \"" + std::string(literal.as_string()) + "\"";
}

std::string check_port(size_t, const Value& literal) {
  if (!literal.is_number()) return "";
  double p = literal.as_number();
  if (is_integer(p) && p >= -1 && p <= 65535) return "";
  return "a port must be a whole number from -1 to 65535, got " + to_display(literal);
}

}  // namespace edict::stdlib::internal
