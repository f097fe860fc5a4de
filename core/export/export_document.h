// Renkei core: the document an export or a print shows (ARCHITECTURE "core/export"): a patient
// room's posts in one of three layouts, with the header and footer every page repeats. Plain
// values only: ui/export paints it (PDF through QPdfWriter, paper through QPrinter), the same
// painter for both. Everything in a block was written by a room member: plain text, never
// HTML, already display-safe (matrix::displayText). Qt-free.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace renkei::exporting {

/// How the posts are laid out on paper.
enum class Layout {
    Timeline,          ///< 経過記録: time, author, then the text or the record card
    SupportRecord,     ///< 支援経過記録 (care managers): a table of date, time, author and profession, content
    PhysicianUpdates,  ///< 医師からの情報共有（情報連携）: per month, each update and who acknowledged it
};

/// "timeline", "support-record", "physician-updates" (the CLI's --layout values and the
/// export log's column).
std::string toWire(Layout layout);
/// The layout of a wire value, or nullopt when unknown.
std::optional<Layout> layoutFromWire(std::string_view wire);
/// The document's Japanese title: 「経過記録」, 「支援経過記録」, 「医師からの情報共有（情報連携）」.
std::string layoutTitle(Layout layout);

/// What to export (Session::exportDocument).
struct ExportRequest {
    Layout layout = Layout::Timeline;
    /// Posts sent at or after from_ms and before to_ms (ms since the Unix epoch, the server's
    /// origin_server_ts); nullopt: no bound on that side.
    std::optional<std::int64_t> from_ms;
    std::optional<std::int64_t> to_ms;
    /// When not empty, only these posts (event ids of originals), within the range if one is given.
    std::vector<std::string> event_ids;
};

/// One post on paper.
struct ExportBlock {
    std::string event_id;
    std::int64_t ts_ms = 0;   ///< origin_server_ts of the post (ms since the Unix epoch)
    std::string date;         ///< "YYYY-MM-DD" in Japan time
    std::string time;         ///< "HH:MM" in Japan time
    std::string month;        ///< "YYYY-MM" in Japan time (the physician list's grouping)
    std::string author;       ///< the author's display name in the room (display-safe)
    std::string profession;   ///< 職種 from their own jp.renkei.member (「訪問看護師」), or empty
    std::string office;       ///< 事業所名 from it, or empty
    /// A structured post: its card's title (「バイタル」, 「医師からの情報共有」 …); empty for
    /// plain text.
    std::string title;
    /// The text, one entry per line; a card's lines as 「label: value」 (empty values left out).
    std::vector<std::string> lines;
    /// PhysicianUpdates: who acknowledged it (確認しました), each as authorLabel reads them.
    std::vector<std::string> acknowledged_by;
    bool edited = false;      ///< the current version is an edit (訂正あり)
    bool urgent = false;      ///< posted as 至急
    /// An image post (m.image with a plain, well-formed mxc:// `url`; spec "m.image"): the
    /// picture to draw under its 「［画像］ name」 line, once fetched (imageSources). Empty
    /// for every other post, and for encrypted images (Renkei cannot decrypt them yet).
    std::string image_mxc;
};

/// The document's own words (it is a Japanese record for Japanese offices: like care::labelJa,
/// not the UI's translation): the support record's columns, and the marks of a block.
inline constexpr const char* kColumnDate = "日付";
inline constexpr const char* kColumnTime = "時刻";
inline constexpr const char* kColumnAuthor = "記録者（職種）";
inline constexpr const char* kColumnContent = "内容";
inline constexpr const char* kAcknowledgedBy = "確認した人";
inline constexpr const char* kNotAcknowledged = "未確認";
inline constexpr const char* kEditedMark = "（訂正あり）";
inline constexpr const char* kUrgentMark = "【至急】";
inline constexpr const char* kNoPosts = "この期間に該当する投稿はありません。";
/// Under an image post whose picture could not be drawn (not fetched: offline, gone from the
/// server, not a picture, or beyond kMaxExportImages): paper must not look complete.
inline constexpr const char* kImageMissing = "（画像を載せられませんでした）";

/// 「name（profession・office）」, 「name（profession）」 or the bare name.
std::string authorLabel(const std::string& name, const std::string& profession, const std::string& office);

/// The whole document: one header and footer for every page, then the blocks in order
/// (oldest first).
struct ExportDocument {
    Layout layout = Layout::Timeline;
    std::string title;             ///< layoutTitle(layout)
    std::string patient_name;      ///< the room's jp.renkei.patient name; else the room's name
    std::string patient_kana;      ///< ふりがな, or empty
    std::string range_text;        ///< rangeText of the request
    std::string exported_by;       ///< the exporter's display name in the room
    std::string exported_by_id;    ///< their user id
    std::int64_t exported_at_ms = 0;  ///< when the document was built (ms since the Unix epoch)
    std::vector<ExportBlock> blocks;

    /// 「架空 一郎 様　経過記録　2026-04-01 〜 2026-04-30」: the header line of each page.
    [[nodiscard]] std::string headerText() const;
    /// 「出力: 佐藤 花子 (@nurse.sato:example.org)　2026-05-01 10:00（日本時間）」: the footer line.
    [[nodiscard]] std::string footerText() const;
};

/// The range as the header says it: 「2026-04-01 〜 2026-04-30」 (to_ms exclusive: the day
/// before it ends the range), 「2026-04-01 〜」, 「〜 2026-04-30」, 「全期間」, with
/// 「（選択した N 件）」 when event ids were chosen. Dates in Japan time.
std::string rangeText(const ExportRequest& request);

/// The most pictures one document draws (each is held decoded in memory while the document is
/// painted, at most kExportImageEdge pixels a side): 100. Further image posts keep their line
/// and kImageMissing.
inline constexpr std::size_t kMaxExportImages = 100;
/// The longest side, in pixels, a picture is fetched and drawn at: 1,200 (about 200 dpi on
/// the 150 mm a picture may take on A4: fax "fine" is 200 dpi).
inline constexpr int kExportImageEdge = 1200;

/// The mxc:// URIs of the pictures `doc` draws, in the order of its blocks, each once, at most
/// kMaxExportImages. The caller fetches them (the document itself is built from the cache alone).
std::vector<std::string> imageSources(const ExportDocument& doc);

/// "HH:MM" of ms since the Unix epoch in Japan time.
std::string jstTime(std::int64_t ms);

/// Text a member wrote, split into display-safe lines (matrix::displayText per line; a reply's
/// quoted fallback, its leading "> " lines and the blank line after them, left out when
/// `is_reply`). At most kMaxLinesPerBlock lines, the last one then 「…」.
std::vector<std::string> textLines(std::string_view text, bool is_reply = false);
inline constexpr std::size_t kMaxLinesPerBlock = 400;


}  // namespace renkei::exporting
