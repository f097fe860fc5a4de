// Renkei core: posts as blocks of an export document (export_document.h): a timeline item's
// text or record card, a physician's update with its lines. Author, profession and office are
// left for the caller (Session::exportDocument reads them from the room's cache).
#pragma once

#include <optional>
#include <vector>

#include "care/care_record.h"
#include "care/care_record_physician.h"
#include "export/export_document.h"
#include "timeline/timeline_item.h"

namespace renkei::exporting {

/// A card's lines as 「label: value」, empty values left out; a value of several lines
/// continues on lines of its own. Display-safe.
std::vector<std::string> cardLines(const std::vector<care::RecordLine>& lines);

/// The block of a timeline item: a message's current text (a reply without its quoted
/// fallback; a file as 「［画像］ name」 / 「［ファイル］ name」 and its caption, an image's
/// mxc:// URI in image_mxc), a structured
/// post as its card (RecordView title and lines), a change of the care record as its body.
/// nullopt for what is not exported: deleted, encrypted and unreadable posts, local echoes.
std::optional<ExportBlock> blockOf(const timeline::TimelineItem& item);

/// The block of one of the physician's updates: title 医師からの情報共有, its lines
/// (care::physicianUpdateLines), month, date and time in Japan time. acknowledged_by empty.
ExportBlock blockOf(const care::SharedUpdate& update);

}  // namespace renkei::exporting
