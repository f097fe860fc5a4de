// renkei-cli: `access-log`, the vault's access log (アクセス記録) for the office's
// administrator: list it (filtered), check its hash chain, write it as CSV.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli.h"
#include "session/session.h"
#include "store/access_log.h"

namespace renkei::cli {
namespace {

// The filter of the command line, or nullopt after saying why on stderr.
std::optional<store::AccessFilter> accessFilter(const Args& args) {
    store::AccessFilter filter;
    filter.room_id = args.get("--room").value_or("");
    if (auto kind = args.get("--kind")) {
        filter.kind = store::accessKindFromWire(*kind);
        if (!filter.kind) {
            std::cerr << "renkei-cli: --kind is one of";
            for (auto k : store::allAccessKinds()) std::cerr << ' ' << store::accessKindToWire(k);
            std::cerr << '\n';
            return std::nullopt;
        }
    }
    if (!jstDayOption(args, "--since", filter.from_ms) || !jstDayOption(args, "--to", filter.to_ms, true)) {
        return std::nullopt;
    }
    const std::string limit = args.get("--limit").value_or(args.has("--csv") ? "100000" : "100");
    char* end = nullptr;
    const long n = std::strtol(limit.c_str(), &end, 10);
    if (end == limit.c_str() || *end != '\0' || n < 1 || n > store::kMaxAccessEntries) {
        std::cerr << "renkei-cli: --limit is 1 … " << store::kMaxAccessEntries << '\n';
        return std::nullopt;
    }
    filter.limit = static_cast<int>(n);
    return filter;
}

int verify(session::Session& s) {
    auto check = s.verifyAccessLog();
    if (!check) return reportError("cannot read the access log", check.error());
    if (check->ok) {
        std::cout << "access log intact: " << check->records << " records\n";
        return kOk;
    }
    std::cout << "access log TAMPERED: " << printable(check->problem) << '\n';
    return kTampered;
}

int writeCsv(const std::vector<store::AccessEntry>& entries, const std::string& path) {
    const std::string csv = store::toCsv(entries);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(csv.data(), static_cast<std::streamsize>(csv.size()));
    out.close();
    if (!out) return reportError("cannot write the CSV", makeError(ErrorKind::Storage, "the file could not be written"));
    std::cout << "wrote " << entries.size() << " records\n";
    return kOk;
}

}  // namespace

int cmdAccessLog(session::Session& s, const Args& args) {
    if (args.has("--verify")) return verify(s);
    auto filter = accessFilter(args);
    if (!filter) return kUsage;
    auto entries = s.accessLog(*filter);
    if (!entries) return reportError("cannot read the access log", entries.error());
    if (auto csv = args.get("--csv")) {
        if (csv->empty()) return kUsage;
        return writeCsv(*entries, *csv);
    }
    for (const auto& e : *entries) {
        if (args.has("--json")) {
            std::cout << jsonLine({{"id", e.id}, {"at_ms", e.at_ms}, {"user_id", e.user_id},
                                   {"kind", store::accessKindToWire(e.kind)}, {"room_id", e.room_id},
                                   {"detail", e.detail}, {"hash", e.hash}})
                      << '\n';
        } else {
            std::cout << e.id << '\t' << formatTime(e.at_ms) << '\t' << printable(e.user_id) << '\t'
                      << store::accessKindToWire(e.kind) << '\t' << printable(e.room_id) << '\t'
                      << printable(e.detail) << '\n';
        }
    }
    return kOk;
}

}  // namespace renkei::cli
