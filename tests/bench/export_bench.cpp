// Benchmark: export and print of a long patient room. Stores N posts (every fifth a vitals
// record, the others notes of a few lines) straight into an encrypted cache, then times
// Session::exportDocument (the cache read back, folded through the timeline, blocks made) and
// ui::pdf::writePdf (laid out, wrapped and painted by QPdfWriter) for each layout. Prints
// min / median / max over the runs and the pages; asserts nothing about time. Fictional data.
//
// usage: renkei-bench-export [posts=1000] [runs=3] [dir]
#include <sodium.h>

#include <QGuiApplication>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "care/care_record_vitals.h"
#include "care/care_types.h"
#include "export/pdf_document.h"
#include "matrix/sync.h"
#include "session/session.h"

using namespace renkei;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kStartMs = 1'790'000'000'000LL;
const std::string kRoom = "!export-bench:localhost";

double ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

nlohmann::json stateEvent(const std::string& type, nlohmann::json content, int n) {
    return {{"event_id", "$state" + std::to_string(n)}, {"type", type}, {"state_key", ""},
            {"sender", "@nurse.sato:localhost"}, {"origin_server_ts", kStartMs}, {"content", std::move(content)}};
}

nlohmann::json post(int n) {
    nlohmann::json content;
    if (n % 5 == 0) {
        care::Vitals v;
        v.systolic = 110 + n % 40;
        v.diastolic = 70;
        v.pulse = 60 + n % 30;
        v.spo2 = 93 + n % 6;
        v.measured_at = kStartMs + n * 3'600'000LL;
        content = care::vitalsContent(v).value();
    } else {
        content = {{"msgtype", "m.text"},
                   {"body", "本日訪問。表情穏やかで、会話も弾んでいました。食事は半量摂取、水分は十分に摂れています。\n"
                            "夜間の睡眠は良好とのこと。次回も様子を見ます。（架空の記録 " + std::to_string(n) + "）"}};
    }
    return {{"event_id", "$post" + std::to_string(n)}, {"type", "m.room.message"},
            {"sender", n % 3 == 0 ? "@dr.tanaka:localhost" : "@nurse.sato:localhost"},
            {"origin_server_ts", kStartMs + n * 3'600'000LL}, {"content", std::move(content)}};
}

std::string syncBody(int first, int count, int batch) {
    nlohmann::json events = nlohmann::json::array();
    nlohmann::json state = nlohmann::json::array();
    if (first == 0) {
        care::Patient p{"架空 一郎", "かくう いちろう", "1940-01-01", care::Sex::Male, care::CareLevel::Care3, {}, "みどり野市"};
        state.push_back(stateEvent("m.room.create", {{"type", care::kPatientRoomType}}, 0));
        state.push_back(stateEvent(care::kPatientType, care::toContent(p).value(), 1));
    }
    for (int n = first; n < first + count; ++n) events.push_back(post(n));
    nlohmann::json room = {{"state", {{"events", state}}}, {"timeline", {{"events", events}, {"limited", false}}}};
    return nlohmann::json{{"next_batch", "s" + std::to_string(batch + 1)}, {"rooms", {{"join", {{kRoom, room}}}}}}.dump();
}

}  // namespace

int main(int argc, char** argv) {
    const int posts = argc > 1 ? std::atoi(argv[1]) : 1000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 3;
    const std::filesystem::path dir = argc > 3 ? std::filesystem::path(argv[3])
                                               : std::filesystem::temp_directory_path() / "renkei-bench-export";
    if (sodium_init() < 0 || posts <= 0 || runs <= 0) return 2;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    std::filesystem::remove_all(dir);
    store::AccountKeys keys{};
    randombytes_buf(keys.cache.data(), keys.cache.size());
    randombytes_buf(keys.vault.data(), keys.vault.size());
    store::RawKeyProvider provider(keys);
    auto session = session::Session::open({dir, {}, nullptr, 50}, provider);
    if (!session) {
        std::fprintf(stderr, "open: %s\n", session.error().describe().c_str());
        return 1;
    }
    constexpr int kBatch = 200;
    for (int first = 0, batch = 0; first < posts; first += kBatch, ++batch) {
        auto parsed = matrix::parseSyncResponse(syncBody(first, std::min(kBatch, posts - first), batch));
        if (!parsed) return 1;
        auto stored = (*session)->writeCacheForTests([&](store::Cache& c) -> Result<void> {
            if (auto r = c.applySync(*parsed); !r) return r.failure();
            return {};
        });
        if (!stored) return 1;
    }
    int status = 0;
    for (auto layout : {exporting::Layout::Timeline, exporting::Layout::SupportRecord}) {
        std::vector<double> build, write;
        std::size_t blocks = 0;
        int pages = 0;
        for (int i = 0; i < runs; ++i) {
            exporting::ExportRequest request;
            request.layout = layout;
            const auto t0 = Clock::now();
            auto doc = (*session)->exportDocument(kRoom, request);
            const auto t1 = Clock::now();
            if (!doc) return 1;
            blocks = doc->blocks.size();
            pages = ui::pdf::writePdf(*doc, QString::fromStdString((dir / "bench.pdf").string()));
            write.push_back(ms(Clock::now() - t1));
            build.push_back(ms(t1 - t0));
        }
        std::sort(build.begin(), build.end());
        std::sort(write.begin(), write.end());
        std::printf("export %s (%d posts -> %zu blocks, %d pages): document min %.1f median %.1f max %.1f ms; "
                    "PDF min %.1f median %.1f max %.1f ms\n",
                    exporting::toWire(layout).c_str(), posts, blocks, pages, build.front(), build[build.size() / 2],
                    build.back(), write.front(), write[write.size() / 2], write.back());
        if (pages == 0 || blocks == 0) status = 1;
    }
    session->reset();
    std::filesystem::remove_all(dir);
    return status;
}
