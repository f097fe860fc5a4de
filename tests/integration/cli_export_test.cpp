// Issue 12, export: `renkei-cli export` writes each layout as a PDF that a user can check
// (pdftotext): the patient's name and the range in the header, 「1 / N」, the vitals card's
// lines, the physician's update with who acknowledged it, the footer's exporter; page 1 as a
// PNG (pdftoppm -r 80) in the screenshot directory; and the export log's row in the vault.
// An image post's picture is in the PDF (pdfimages: its pixels, not a thumbnail of them);
// one that is no picture, or --no-images, leaves a line saying so.
// Runs only in a build with the GUI (a PDF writer). Data is fictional.
#include <catch2/catch_test_macros.hpp>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <sys/wait.h>

#include "care/care_record_format.h"
#include "care/care_record_physician.h"
#include "care_fixtures.h"
#include "cli_support.h"

using namespace renkei;
using namespace renkei::test;

namespace {

constexpr char kPassphrase[] = "架空のパスフレーズ-export";

// Runs a shell command line; returns its stdout (its exit code in `code`).
std::string shell(const std::string& command, int* code = nullptr) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
    const int status = pclose(pipe);
    if (code) *code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

// NFKC without white space: pdftotext spaces CJK freely, and Qt 6.4's PDF text map names
// some ideographs by their Kangxi radical (子 as U+2F26), which NFKC folds back.
std::string folded(const std::string& text) {
    const auto file = std::filesystem::temp_directory_path() / ("renkei-fold-" + uniqueMarker("t"));
    { std::ofstream(file, std::ios::binary) << text; }
    std::string out = shell("python3 -c \"import sys,unicodedata; sys.stdout.write(''.join("
                            "unicodedata.normalize('NFKC', open(sys.argv[1], encoding='utf-8').read()).split()))\" '" +
                            file.string() + "'");
    std::filesystem::remove(file);
    return out;
}

// The text a reader finds in the PDF, folded.
std::string pdfText(const std::filesystem::path& pdf) {
    return folded(shell("pdftotext -enc UTF-8 '" + pdf.string() + "' -"));
}

bool contains(const std::string& text, const std::string& needle) { return text.find(folded(needle)) != std::string::npos; }

std::size_t count(const std::string& text, const std::string& needle) {
    std::size_t n = 0;
    const std::string f = folded(needle);
    for (auto at = text.find(f); at != std::string::npos; at = text.find(f, at + f.size())) ++n;
    return n;
}

// A real PNG of width x height (zlib through Python's standard library): the left half red,
// the right half blue.
std::string pngOf(int width, int height) {
    const auto file = std::filesystem::temp_directory_path() / ("renkei-png-" + uniqueMarker("p"));
    shell("python3 -c \"import struct,sys,zlib\n"
          "w,h=" + std::to_string(width) + "," + std::to_string(height) + "\n"
          "row=b'\\x00'+b'\\xc0\\x20\\x20'*(w//2)+b'\\x20\\x40\\xc0'*(w-w//2)\n"
          "c=lambda t,d:struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d))\n"
          "open(sys.argv[1],'wb').write(b'\\x89PNG\\r\\n\\x1a\\n'+c(b'IHDR',struct.pack('>IIBBBBB',w,h,8,2,0,0,0))"
          "+c(b'IDAT',zlib.compress(row*h))+c(b'IEND',b''))\" '" + file.string() + "'");
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::filesystem::remove(file);
    REQUIRE(bytes.size() > 100);
    return bytes;
}

// The images of a PDF as pdfimages lists them: "page width height" per image.
std::vector<std::string> pdfImages(const std::filesystem::path& pdf) {
    std::vector<std::string> out;
    std::istringstream lines(shell("pdfimages -list '" + pdf.string() + "'"));
    std::string line;
    for (int i = 0; std::getline(lines, line); ++i) {
        if (i < 2) continue;  // the column heads and the rule under them
        std::istringstream fields(line);
        std::string page, num, type, width, height;
        fields >> page >> num >> type >> width >> height;
        if (type == "image") out.push_back(page + " " + width + " " + height);
    }
    return out;
}

}  // namespace

TEST_CASE("renkei-cli export: each layout as a PDF a reader can check, and the export log", "[export][cli]") {
    TempDir dir("cli-export");
    NursePhysicianPharmacist team(dir.path() / "library");
    auto plan = basePlan(Homeserver::get().userId("nurse.sato"));
    const std::string room = team.opened(plan);

    // The nurse's second computer runs renkei-cli: a note, the vitals; the physician shares
    // an update, the pharmacist acknowledges it.
    CliUser nurse(dir.path() / "cli", "nurse.sato", kPassphrase);
    REQUIRE(nurse.run({"sync", "--once"}).exit_code == 0);
    REQUIRE(nurse.run({"send", room, "本日訪問。表情穏やか、会話も弾んでいました。食事は半量摂取、水分は十分。"}).exit_code == 0);
    REQUIRE(nurse.run({"post-vitals", room, "--bp", "132/78", "--pulse", "72", "--temp", "36.6", "--spo2", "96"})
                .exit_code == 0);
    care::PhysicianUpdate update;
    update.next_visit_date = care::jstDate(nowMs() + 7LL * 24 * 60 * 60 * 1000);
    update.cautions = "架空: 夜間の呼吸状態を観察";
    auto shared = team.doctor->queueRecord(room, care::physicianUpdateContent(update));
    REQUIRE(shared.ok());
    std::string shared_id;
    for (const auto& p : flushOutbox(*team.doctor)) {
        if (p.txn_id == shared->txn_id && p.event_id) shared_id = *p.event_id;
    }
    REQUIRE(!shared_id.empty());
    REQUIRE(syncUntil(*team.pharmacist, [&] { return cachedEvent(*team.pharmacist, room, shared_id).has_value(); }));
    REQUIRE(team.pharmacist->queueReaction(room, shared_id, care::kAcknowledgementKey).ok());
    flushOutbox(*team.pharmacist);
    bool acknowledged = false;
    for (int i = 0; i < 20 && !acknowledged; ++i) {
        REQUIRE(nurse.run({"sync", "--once"}).exit_code == 0);
        acknowledged = nurse.run({"timeline", room}).out.find(care::kAcknowledgementKey) != std::string::npos;
    }
    REQUIRE(acknowledged);

    const std::string today = care::jstDate(nowMs());
    const std::string nurse_id = Homeserver::get().userId("nurse.sato");
    const std::filesystem::path shots = RENKEI_SCREENSHOT_DIR;
    std::filesystem::create_directories(shots);
    for (const std::string layout : {"timeline", "support-record", "physician-updates"}) {
        INFO(layout);
        const auto pdf = dir.path() / ("export-" + layout + ".pdf");
        const CliRun run = nurse.run({"export", room, "--from", today, "--to", today, "--layout", layout, "-o", pdf.string()});
        REQUIRE(run.exit_code == 0);
        const std::string text = pdfText(pdf);
        INFO(text);
        CHECK(contains(text, "架空 花子 様"));
        CHECK(contains(text, today + " 〜 " + today));
        CHECK(contains(text, "1 / 1"));
        CHECK(contains(text, "出力: "));
        CHECK(contains(text, nurse_id));
        if (layout == "physician-updates") {
            CHECK(contains(text, "医師からの情報共有（情報連携）"));
            CHECK(contains(text, "次回訪問予定日: " + update.next_visit_date));
            CHECK(contains(text, "確認した人: "));
            // 「・」 reads back as U+2027 (the same Qt 6.4 text map): its two sides.
            CHECK(contains(text, "pharm.suzuki（薬剤師"));
            CHECK(contains(text, "すずき薬局）"));
            CHECK_FALSE(contains(text, "132/78"));
        } else {
            CHECK(contains(text, "【バイタル】"));
            CHECK(contains(text, "血圧: 132/78 mmHg"));
            CHECK(contains(text, "SpO2: 96"));
            CHECK(contains(text, "本日訪問。表情穏やか"));
            CHECK(contains(text, layout == "timeline" ? "経過記録" : "記録者（職種）"));
            CHECK(contains(text, "訪問看護師"));
        }
        int code = -1;
        shell("pdftoppm -r 80 -png -f 1 -l 1 -singlefile '" + pdf.string() + "' '" +
                  (shots / ("export-" + layout)).string() + "'",
              &code);
        CHECK(code == 0);
        CHECK(std::filesystem::exists(shots / ("export-" + layout + ".png")));
        std::filesystem::copy_file(pdf, shots / pdf.filename(), std::filesystem::copy_options::overwrite_existing);
    }
    // A range without posts: one page saying so. A bad layout or date: exit 2, no file.
    const auto empty = dir.path() / "empty.pdf";
    REQUIRE(nurse.run({"export", room, "--to", "2020-01-31", "-o", empty.string()}).exit_code == 0);
    CHECK(contains(pdfText(empty), "この期間に該当する投稿はありません。"));
    CHECK(nurse.run({"export", room, "--layout", "fax", "-o", empty.string() + "2"}).exit_code == 2);
    CHECK(nurse.run({"export", room, "--from", "2026-02-30", "-o", empty.string() + "2"}).exit_code == 2);
    CHECK_FALSE(std::filesystem::exists(empty.string() + "2"));

    // Each export is in the vault's log: who, which layout, how many posts; never a path.
    const auto accounts = store::listAccounts(dir.path() / "cli");
    REQUIRE(accounts.ok());
    REQUIRE(accounts->size() == 1);
    store::PassphraseKeyProvider keys(store::keyFileOf(accounts->front().dir), kPassphrase,
                                      store::KdfLimits::minimumForTests());
    auto session = session::Session::open({accounts->front().dir, {}, nullptr, 50}, keys);
    REQUIRE(session.ok());
    auto log = (*session)->exportLog(10, room);
    REQUIRE(log.ok());
    REQUIRE(log->size() == 4);
    CHECK(log->at(0).to_ms == *care::jstDayStartMs("2020-02-01"));
    CHECK(log->at(0).post_count == 0);
    CHECK(log->at(1).layout == "physician-updates");
    CHECK(log->at(1).post_count == 1);
    CHECK(log->at(2).layout == "support-record");
    CHECK(log->at(3).layout == "timeline");
    CHECK(log->at(3).post_count == log->at(2).post_count);
    CHECK(log->at(3).post_count >= 3);
    CHECK(log->at(3).target == "pdf");
    CHECK(log->at(3).user_id == nurse_id);
    CHECK(log->at(3).from_ms == *care::jstDayStartMs(today));
}

TEST_CASE("renkei-cli export: an image post's picture on the page, a broken one said to be missing", "[export][cli]") {
    TempDir dir("cli-export-images");
    NursePhysicianPharmacist team(dir.path() / "library");
    auto plan = basePlan(Homeserver::get().userId("nurse.sato"));
    const std::string room = team.opened(plan);
    // The physician posts a photo (640 x 480) and a "photo" whose bytes are no PNG.
    const std::string png = pngOf(640, 480);
    REQUIRE(team.doctor->queueImage(room, store::OutboxMedia{png, "image/png", "創部の写真.png", 640, 480}).ok());
    const std::string broken = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(2048, '\x42');
    REQUIRE(team.doctor->queueImage(room, store::OutboxMedia{broken, "image/png", "壊れた画像.png", 64, 48}).ok());
    REQUIRE(flushOutbox(*team.doctor).size() == 2);

    CliUser nurse(dir.path() / "cli", "nurse.sato", kPassphrase);
    bool both = false;
    for (int i = 0; i < 20 && !both; ++i) {
        REQUIRE(nurse.run({"sync", "--once"}).exit_code == 0);
        const std::string timeline = nurse.run({"timeline", room}).out;
        both = timeline.find("創部の写真.png") != std::string::npos && timeline.find("壊れた画像.png") != std::string::npos;
    }
    REQUIRE(both);

    const auto pdf = dir.path() / "export-picture.pdf";
    const CliRun run = nurse.run({"export", room, "-o", pdf.string()});
    REQUIRE(run.exit_code == 0);
    CHECK(run.err.find("1 pictures could not be fetched") != std::string::npos);
    const std::string text = pdfText(pdf);
    INFO(text);
    CHECK(contains(text, "［画像］創部の写真.png"));
    CHECK(contains(text, "［画像］壊れた画像.png"));
    CHECK(count(text, "（画像を載せられませんでした）") == 1);
    // The photo itself, at its own pixels, on the first page; nothing else is a picture.
    CHECK(pdfImages(pdf) == std::vector<std::string>{"1 640 480"});
    const std::filesystem::path shots = RENKEI_SCREENSHOT_DIR;
    std::filesystem::create_directories(shots);
    int code = -1;
    shell("pdftoppm -r 80 -png -f 1 -l 1 -singlefile '" + pdf.string() + "' '" + (shots / "export-picture").string() + "'",
          &code);
    CHECK(code == 0);

    // --no-images: no download, no picture, both posts say so.
    const auto bare = dir.path() / "export-bare.pdf";
    REQUIRE(nurse.run({"export", room, "--no-images", "-o", bare.string()}).exit_code == 0);
    CHECK(pdfImages(bare).empty());
    CHECK(count(pdfText(bare), "（画像を載せられませんでした）") == 2);
}
