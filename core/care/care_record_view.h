// Renkei core: a structured post as a reader sees it: its kind, title and readable lines,
// from whatever record a message content carries (a card in the timeline, a block in an
// export). One reading for every kind, through the kind's own parser and line writer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "care/care_record.h"

namespace renkei::care {

/// A readable record: kind, title (「バイタル」, 「服薬」, …) and its lines in the order the
/// kind's body has them; a line's value may be empty (shown as 「—」 or left out).
struct RecordView {
    RecordKind kind = RecordKind::Vitals;
    std::string title;
    std::vector<RecordLine> lines;
    /// The record object as read (content[kRecordKey]; at most kMaxRecordContentBytes), for
    /// the kind's own parser (parseVitals …) when a reader needs the values, not the words.
    nlohmann::json record;
};

/// The view of the record in a m.room.message content (or an edit's m.new_content): nullopt
/// when it holds no record of a known kind, or the kind's parser refuses it (hostile or
/// broken: the post then reads as its body). Vitals times are shown in Japan time.
std::optional<RecordView> recordView(const nlohmann::json& content);

}  // namespace renkei::care
