// Tests for stdlib/net.cpp: IPv4/IPv6 parsing, CIDR containment and overlap at the edges (/0,
// /32, /128, host bits, mixed families), public vs private ranges, and port-range coverage.
#include "tests/stdlib/helpers.h"

using namespace edict;
using namespace edict::stdlib::testing;

namespace {
std::string contains(const char* a, const char* b) { return call("cidr_contains", {S(a), S(b)}); }
std::string overlaps(const char* a, const char* b) { return call("cidr_overlaps", {S(a), S(b)}); }
std::string is_public(const char* c) { return call("cidr_is_public", {S(c)}); }
}  // namespace

TEST_CASE("cidr_contains on IPv4", "[stdlib][net]") {
  CHECK(contains("10.0.0.0/8", "10.1.2.3") == "true");
  CHECK(contains("10.0.0.0/8", "11.0.0.1") == "false");
  CHECK(contains("10.0.0.0/8", "10.1.2.0/24") == "true");
  CHECK(contains("10.1.2.0/24", "10.0.0.0/8") == "false");
  CHECK(contains("10.0.0.0/8", "10.0.0.0/8") == "true");
  CHECK(contains("0.0.0.0/0", "203.0.113.9") == "true");
  CHECK(contains("0.0.0.0/0", "0.0.0.0/0") == "true");
  CHECK(contains("192.168.1.1", "192.168.1.1") == "true");
  CHECK(contains("192.168.1.1/32", "192.168.1.2") == "false");
  CHECK(contains("192.168.1.1", "192.168.1.0/24") == "false");
  CHECK(contains("255.255.255.255/32", "255.255.255.255") == "true");
  // Host bits are ignored: 10.0.0.1/8 is the block 10.0.0.0/8.
  CHECK(contains("10.0.0.1/8", "10.200.0.0") == "true");
  CHECK(contains("172.16.0.0/12", "172.31.255.255") == "true");
  CHECK(contains("172.16.0.0/12", "172.32.0.0") == "false");
}

TEST_CASE("cidr_contains on IPv6 and across families", "[stdlib][net]") {
  CHECK(contains("2001:db8::/32", "2001:db8:1::1") == "true");
  CHECK(contains("2001:db8::/32", "2001:db9::1") == "false");
  CHECK(contains("::/0", "::1") == "true");
  CHECK(contains("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == "true");
  CHECK(contains("::1", "::1/128") == "true");
  CHECK(contains("2001:db8::/128", "2001:0DB8:0000:0000:0000:0000:0000:0000") == "true");
  CHECK(contains("2001:db8::/64", "2001:db8::/48") == "false");
  CHECK(contains("::ffff:0:0/96", "::ffff:10.0.0.1") == "true");
  CHECK(contains("0.0.0.0/0", "::1") == "false");
  CHECK(contains("::/0", "10.0.0.1") == "false");
  CHECK(contains("::/0", "0.0.0.0/0") == "false");
}

TEST_CASE("invalid addresses and blocks are errors", "[stdlib][net]") {
  for (const char* bad : {"10.0.0.256/8",  "10.0.0.0/33",  "::/129",   "abc",        "",           "10.0.0",
                          "10.0.0.0.0",    "01.2.3.4",     "1.2.3.4/", "1.2.3.4/-1", "1.2.3.4/08", " 1.2.3.4",
                          "1.2.3.4 ",      "1::2::3",      "12345::",  "g::",        ":1::",       "1:2:3:4:5:6:7:8:9",
                          "1:2:3:4:5:6:7", "fe80::1%eth0", "::1.2.3",  "1.2.3.4::"}) {
    INFO(bad);
    CHECK(contains(bad, "10.0.0.1") ==
          "error: cidr_contains: invalid IP address or CIDR block \"" + std::string(bad) + "\"");
    CHECK(literal_check("cidr_contains", 0, S(bad)) == "invalid IP address or CIDR block \"" + std::string(bad) + "\"");
  }
  CHECK(contains("10.0.0.0/8", "10.0.0.x") == R"(error: cidr_contains: invalid IP address or CIDR block "10.0.0.x")");
  CHECK(literal_check("cidr_is_public", 0, S("0.0.0.0/0")) == "");
  CHECK(literal_check("cidr_overlaps", 1, S("::/0")) == "");
}

TEST_CASE("net builtins follow the null, unknown and type conventions", "[stdlib][net]") {
  CHECK(call("cidr_contains", {Null(), S("10.0.0.1")}) == "null");
  CHECK(call("cidr_contains", {S("10.0.0.0/8"), Null()}) == "null");
  CHECK(call("cidr_overlaps", {S("10.0.0.0/8"), U()}) == "unknown");
  CHECK(call("cidr_contains", {N(10), S("10.0.0.1")}) == "error: cidr_contains: expected string, got number");
  CHECK(call("cidr_is_public", {Null()}) == "null");
  CHECK(call("cidr_is_world", {L({})}) == "error: cidr_is_world: expected string, got list");
  CHECK(call("cidr_prefix_len", {S("nope")}) == R"(error: cidr_prefix_len: invalid IP address or CIDR block "nope")");
}

TEST_CASE("cidr_overlaps", "[stdlib][net]") {
  CHECK(overlaps("10.0.0.0/16", "10.0.255.0/24") == "true");
  CHECK(overlaps("10.0.255.0/24", "10.0.0.0/16") == "true");
  CHECK(overlaps("10.0.0.0/16", "10.1.0.0/16") == "false");
  CHECK(overlaps("10.0.0.0/8", "10.0.0.0/8") == "true");
  CHECK(overlaps("0.0.0.0/0", "192.0.2.1") == "true");
  CHECK(overlaps("10.0.0.1", "10.0.0.2") == "false");
  CHECK(overlaps("2001:db8::/32", "2001:db8:ffff::/48") == "true");
  CHECK(overlaps("fd00::/8", "fe00::/8") == "false");
  CHECK(overlaps("0.0.0.0/0", "::/0") == "false");
}

TEST_CASE("cidr_is_public on IPv4", "[stdlib][net]") {
  CHECK(is_public("0.0.0.0/0") == "true");
  CHECK(is_public("8.8.8.8") == "true");
  CHECK(is_public("8.8.8.0/24") == "true");
  CHECK(is_public("10.0.0.0/8") == "false");
  CHECK(is_public("10.1.2.3") == "false");
  CHECK(is_public("10.0.0.0/7") == "true");  // 11.0.0.0/8 is public
  CHECK(is_public("172.16.0.0/12") == "false");
  CHECK(is_public("172.16.0.0/11") == "true");  // 172.0.0.0/11 reaches below 172.16
  CHECK(is_public("172.31.255.0/24") == "false");
  CHECK(is_public("192.168.0.0/16") == "false");
  CHECK(is_public("192.168.0.0/15") == "true");
  CHECK(is_public("100.64.0.0/10") == "false");
  CHECK(is_public("100.64.0.0/9") == "true");
  CHECK(is_public("127.0.0.1") == "false");
  CHECK(is_public("169.254.169.254") == "false");
  CHECK(is_public("0.0.0.0/8") == "false");
  CHECK(is_public("224.0.0.0/3") == "false");  // multicast and reserved, up to 255.255.255.255
  CHECK(is_public("255.255.255.255") == "false");
  CHECK(is_public("192.0.2.0/24") == "false");
  CHECK(is_public("198.18.0.0/15") == "false");
  CHECK(is_public("198.18.0.0/14") == "true");
  CHECK(is_public("52.94.0.0/16") == "true");
}

TEST_CASE("cidr_is_public on IPv6", "[stdlib][net]") {
  CHECK(is_public("::/0") == "true");
  CHECK(is_public("::1") == "false");
  CHECK(is_public("::") == "false");
  CHECK(is_public("fc00::/7") == "false");
  CHECK(is_public("fd12:3456:789a::/48") == "false");
  CHECK(is_public("fe80::1") == "false");
  CHECK(is_public("fe80::/10") == "false");
  CHECK(is_public("ff02::1") == "false");
  CHECK(is_public("2001:db8::/32") == "false");
  CHECK(is_public("2600:1f18::/32") == "true");
  CHECK(is_public("fc00::/6") == "true");  // f800::/6 includes f800::/7, which is not special
}

TEST_CASE("cidr_is_world and cidr_prefix_len", "[stdlib][net]") {
  CHECK(call("cidr_is_world", {S("0.0.0.0/0")}) == "true");
  CHECK(call("cidr_is_world", {S("::/0")}) == "true");
  CHECK(call("cidr_is_world", {S("1.2.3.4/0")}) == "true");
  CHECK(call("cidr_is_world", {S("0.0.0.0/1")}) == "false");
  CHECK(call("cidr_is_world", {S("0.0.0.0")}) == "false");
  CHECK(call("cidr_is_world", {S("::")}) == "false");
  CHECK(call("cidr_prefix_len", {S("10.0.0.0/8")}) == "8");
  CHECK(call("cidr_prefix_len", {S("10.0.0.1")}) == "32");
  CHECK(call("cidr_prefix_len", {S("::1")}) == "128");
  CHECK(call("cidr_prefix_len", {S("::/0")}) == "0");
  CHECK(call("cidr_prefix_len", {S("2001:db8::/128")}) == "128");
}

TEST_CASE("is_ipv4 and is_ipv6 classify text without errors", "[stdlib][net]") {
  CHECK(call("is_ipv4", {S("10.0.0.1")}) == "true");
  CHECK(call("is_ipv4", {S("10.0.0.0/8")}) == "true");
  CHECK(call("is_ipv4", {S("0.0.0.0/0")}) == "true");
  CHECK(call("is_ipv4", {S("::1")}) == "false");
  CHECK(call("is_ipv4", {S("1.2.3.4.5")}) == "false");
  CHECK(call("is_ipv4", {S("hello")}) == "false");
  CHECK(call("is_ipv4", {S("")}) == "false");
  CHECK(call("is_ipv6", {S("::1")}) == "true");
  CHECK(call("is_ipv6", {S("::")}) == "true");
  CHECK(call("is_ipv6", {S("2001:db8::/32")}) == "true");
  CHECK(call("is_ipv6", {S("::ffff:10.0.0.1")}) == "true");
  CHECK(call("is_ipv6", {S("::1.2.3.4")}) == "true");
  CHECK(call("is_ipv6", {S("1:2:3:4:5:6:7:8")}) == "true");
  CHECK(call("is_ipv6", {S("1:2:3:4:5:6:7::")}) == "true");
  CHECK(call("is_ipv6", {S("1:2:3:4:5:6:1.2.3.4")}) == "true");
  CHECK(call("is_ipv6", {S("1:2:3:4:5:6:7:1.2.3.4")}) == "false");
  CHECK(call("is_ipv6", {S("1::2::3")}) == "false");
  CHECK(call("is_ipv6", {S("10.0.0.1")}) == "false");
  CHECK(call("is_ipv4", {Null()}) == "null");
  CHECK(call("is_ipv6", {N(6)}) == "error: is_ipv6: expected string, got number");
}

TEST_CASE("port_range_covers", "[stdlib][net]") {
  auto covers = [](double from, double to, double port) {
    return call("port_range_covers", {N(from), N(to), N(port)});
  };
  CHECK(covers(22, 22, 22) == "true");
  CHECK(covers(20, 25, 20) == "true");
  CHECK(covers(20, 25, 25) == "true");
  CHECK(covers(20, 25, 26) == "false");
  CHECK(covers(20, 25, 19) == "false");
  CHECK(covers(0, 65535, 3389) == "true");
  CHECK(covers(-1, -1, 22) == "true");
  CHECK(covers(-1, -1, 65535) == "true");
  CHECK(covers(80, 443, 22) == "false");
  CHECK(covers(443, 80, 100) == "false");  // from > to covers nothing
  CHECK(covers(0, 0, 22) == "false");      // all-protocol rules: check the protocol separately
  CHECK(call("port_range_covers", {Null(), N(1), N(1)}) == "null");
  CHECK(call("port_range_covers", {N(1), U(), N(1)}) == "unknown");
  CHECK(call("port_range_covers", {S("22"), N(22), N(22)}) == "error: port_range_covers: expected number, got string");
}

TEST_CASE("port_ranges_overlap", "[stdlib][net]") {
  auto overlap = [](double f1, double t1, double f2, double t2) {
    return call("port_ranges_overlap", {N(f1), N(t1), N(f2), N(t2)});
  };
  CHECK(overlap(20, 25, 22, 22) == "true");
  CHECK(overlap(20, 25, 25, 30) == "true");
  CHECK(overlap(25, 30, 20, 25) == "true");
  CHECK(overlap(20, 25, 26, 30) == "false");
  CHECK(overlap(-1, -1, 443, 443) == "true");
  CHECK(overlap(0, 65535, 1024, 2048) == "true");
  CHECK(overlap(10, 5, 0, 100) == "false");
  CHECK(overlap(0, 100, 10, 5) == "false");
  CHECK(call("port_ranges_overlap", {N(1), N(2), N(3), Null()}) == "null");
}

TEST_CASE("literal port numbers are checked", "[stdlib][net]") {
  CHECK(literal_check("port_range_covers", 2, N(22)) == "");
  CHECK(literal_check("port_range_covers", 0, N(-1)) == "");
  CHECK(literal_check("port_range_covers", 1, N(65535)) == "");
  CHECK(literal_check("port_range_covers", 2, N(70000)) == "a port must be a whole number from -1 to 65535, got 70000");
  CHECK(literal_check("port_ranges_overlap", 3, N(1.5)) == "a port must be a whole number from -1 to 65535, got 1.5");
  CHECK(literal_check("port_ranges_overlap", 3, N(-2)) != "");
}
