// Unit-test support: recorded homeserver replies under tests/fixtures/.
#pragma once

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace renkei::test {

/// The bytes of tests/fixtures/<name>; REQUIREs that the file exists.
inline std::string readFixture(const std::string& name) {
    std::ifstream in(std::filesystem::path(RENKEI_FIXTURES_DIR) / name, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace renkei::test
