// Benchmark: the app's start, from just before the process is started to the first paint of
// the main window's room list with its rooms, and the process's resident memory once settled.
// A fresh account (keys sealed with the product's Argon2id factors, signed in to the test
// harness's Synapse) gets `rooms` rooms of `events` mixed events each (mixed_room.h) written
// straight into its cache; then the real `renkei` binary starts `runs` times on it, offscreen,
// opening the data with RENKEI_PASSPHRASE (the passphrase route: the Argon2id unlock is on the
// start path; there is no keychain route yet) and printing its timestamps (RENKEI_STARTUP_TRACE,
// app/gui/startup_trace.h). Prints min / median / max; asserts nothing about time.
//
// usage: renkei-bench-startup STATE_JSON [rooms=200] [events=1000] [runs=5] [settle_s=30]
#include <QApplication>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/core_bridge.h"
#include "http/curl_transport.h"
#include "matrix/sync.h"
#include "mixed_room.h"
#include "session/session.h"
#include "store/cache.h"

using namespace renkei;

namespace {

const QString kPassphrase = QStringLiteral("起動ベンチの合言葉-2026");

long long monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1'000'000'000LL + ts.tv_nsec;
}

int fail(const char* what) {
    std::fprintf(stderr, "renkei-bench-startup: %s\n", what);
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    if (argc < 2) {
        std::fprintf(stderr, "usage: renkei-bench-startup STATE_JSON [rooms=200] [events=1000] [runs=5] [settle_s=30]\n");
        return 2;
    }
    const int rooms = argc > 2 ? std::atoi(argv[2]) : 200;
    const int events = argc > 3 ? std::atoi(argv[3]) : 1000;
    const int runs = argc > 4 ? std::atoi(argv[4]) : 5;
    const int settle = argc > 5 ? std::atoi(argv[5]) : 30;
    std::ifstream state_file(argv[1]);
    const auto state = nlohmann::json::parse(state_file, nullptr, false);
    if (state.is_discarded() || rooms <= 0 || events <= 0 || runs <= 0 || settle <= 0) return 2;
    QTemporaryDir dir;
    if (!dir.isValid()) return fail("no temporary directory");

    {
        ui::CoreBridge bridge(dir.path());  // the product's key file factors
        QSignalSpy unlocked(&bridge, &ui::CoreBridge::unlockFinished);
        bridge.unlock(kPassphrase);
        if (!unlocked.wait(120000) || !unlocked.at(0).at(0).toBool()) return fail("could not create the account");
        // A user of its own (the admin API), so that the app's sync brings no other test's rooms.
        const std::string base_url = state.value("base_url", "");
        const std::string user = "bench-start-" + std::to_string(monotonicNs() % 1'000'000'007LL);
        const std::string password = "bench-" + std::to_string(monotonicNs());
        http::CurlTransport transport;
        http::Request put;
        put.method = "PUT";
        put.url = base_url + "/_synapse/admin/v2/users/@" + user + ":" + state.value("server_name", "localhost");
        put.headers.emplace_back("Authorization", "Bearer " + state["admin"].value("access_token", ""));
        put.headers.emplace_back("Content-Type", "application/json");
        put.body = nlohmann::json{{"password", password}}.dump();
        auto created = transport.perform(put, nullptr);
        if (!created || (created->status != 200 && created->status != 201)) return fail("could not register a user");
        QSignalSpy signed_in(&bridge, &ui::CoreBridge::signInFinished);
        bridge.signIn(QString::fromStdString(base_url), QString::fromStdString(user), QString::fromStdString(password));
        if (!signed_in.wait(60000) || !signed_in.at(0).at(0).toBool()) return fail("could not sign in");
        const std::clock_t cpu = std::clock();
        auto written = bridge.session()->writeCacheForTests([&](store::Cache& cache) -> Result<void> {
            constexpr int kBatch = 250;
            for (int r = 0; r < rooms; ++r) {
                const std::string room = "!bench-" + std::to_string(r) + ":localhost";
                for (int first = 0, batch = 0; first < events; first += kBatch, ++batch) {
                    auto parsed = matrix::parseSyncResponse(
                        bench::mixedSyncBody(room, first, std::min(kBatch, events - first), batch));
                    if (!parsed) return parsed.failure();
                    if (auto applied = cache.applySync(*parsed); !applied) return applied.failure();
                }
            }
            return {};
        });
        if (!written) return fail("could not store the rooms");
        std::printf("cached %d rooms x %d events in %.1f s of CPU\n", rooms, events,
                    static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
    }

    std::vector<double> paint_ms;
    std::vector<long long> rss_kb;
    int shown_rooms = 0;
    for (int i = 0; i < runs; ++i) {
        QProcess app_process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("RENKEI_PASSPHRASE"), kPassphrase);
        env.insert(QStringLiteral("RENKEI_STARTUP_TRACE"), QString::number(settle));
        app_process.setProcessEnvironment(env);
        app_process.setProcessChannelMode(QProcess::SeparateChannels);
        const long long t0 = monotonicNs();
        app_process.start(QStringLiteral(RENKEI_APP_PATH), {QStringLiteral("--data-dir"), dir.path()});
        if (!app_process.waitForFinished((settle + 120) * 1000)) return fail("the app did not finish");
        long long painted = 0;
        long long rss = -1;
        for (const QByteArray& line : app_process.readAllStandardError().split('\n')) {
            const QList<QByteArray> words = line.split(' ');
            if (line.startsWith("renkei-startup first-paint-ns") && words.size() >= 5) {
                painted = words[2].toLongLong();
                shown_rooms = words[4].toInt();
            }
            if (line.startsWith("renkei-startup settled-rss-kb") && words.size() >= 3) rss = words[2].toLongLong();
        }
        if (painted == 0 || rss < 0) return fail("the app printed no start-up trace");
        paint_ms.push_back(static_cast<double>(painted - t0) / 1e6);
        rss_kb.push_back(rss);
        std::printf("run %d: first paint %.0f ms, settled RSS %lld kB\n", i + 1, paint_ms.back(), rss);
    }
    std::sort(paint_ms.begin(), paint_ms.end());
    std::sort(rss_kb.begin(), rss_kb.end());
    std::printf("start to the room list's first paint (%d rooms shown, %d x %d events cached, passphrase route): "
                "min %.0f, median %.0f, max %.0f ms over %d runs; settled RSS after %d s: min %.1f, median %.1f, "
                "max %.1f MB\n",
                shown_rooms, rooms, events, paint_ms.front(), paint_ms[paint_ms.size() / 2], paint_ms.back(), runs,
                settle, static_cast<double>(rss_kb.front()) / 1024.0, static_cast<double>(rss_kb[rss_kb.size() / 2]) / 1024.0,
                static_cast<double>(rss_kb.back()) / 1024.0);
    return shown_rooms > 0 ? 0 : 1;
}
