// Renkei core: the access log as CSV for the office's administrator (see access_log.h toCsv).
#include <chrono>
#include <cstdio>

#include "store/access_log.h"

namespace renkei::store {
namespace {

// Japan time: +09:00 all year (no daylight saving).
constexpr std::chrono::minutes kJstOffset{9 * 60};

// "YYYY-MM-DD HH:MM:SS" in Japan time of ms since the Unix epoch.
std::string jstSecond(std::int64_t ms) {
    using namespace std::chrono;
    const auto local = floor<seconds>(sys_time<milliseconds>{milliseconds{ms}}) + kJstOffset;
    const auto day = floor<days>(local);
    const year_month_day d{day};
    const hh_mm_ss t{local - day};
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u %02d:%02d:%02d", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()),
                  static_cast<int>(t.hours().count()), static_cast<int>(t.minutes().count()),
                  static_cast<int>(t.seconds().count()));
    return buf;
}

// One RFC 4180 field: quoted (quotes doubled) when it holds a comma, quote, CR or LF. A
// spreadsheet would run a field that starts like a formula (=, +, -, @: every user id):
// those start with an apostrophe, as OWASP's advice on CSV injection has it.
void field(std::string& out, std::string_view text) {
    const bool formula = !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos;
    if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += text;
        return;
    }
    out += '"';
    if (formula) out += '\'';
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void row(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (auto f : fields) {
        if (!first) out += ',';
        first = false;
        field(out, f);
    }
    out += "\r\n";
}

}  // namespace

std::string toCsv(const std::vector<AccessEntry>& entries) {
    std::string out = "\xEF\xBB\xBF";  // UTF-8 byte-order mark: Excel then reads UTF-8
    row(out, {"日時（日本時間）", "利用者", "種類", "患者の部屋", "内容", "ハッシュ"});
    for (const auto& e : entries) {
        row(out, {jstSecond(e.at_ms), e.user_id, accessKindLabelJa(e.kind), e.room_id, e.detail, e.hash});
    }
    return out;
}

}  // namespace renkei::store
