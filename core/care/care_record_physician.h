// Renkei core: 医師からの情報共有, the physician's update for the team, as the 2024 fee
// schedule's 在宅医療情報連携加算 asks it to be recorded: the next planned visit date, whether
// the treatment policy changed, a summary of the change, and cautions for care (SCHEMA.md,
// "### physician_update"). Each care-team member acknowledges it with a reaction
// (m.annotation, key kAcknowledgementKey) that the timeline already folds.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/care_record.h"
#include "common/result.h"

namespace renkei::care {

/// Byte caps (UTF-8) of the update's free texts; both may hold "\n".
inline constexpr std::size_t kChangeSummaryBytes = 2'000;
inline constexpr std::size_t kCautionsBytes = 2'000;

/// The record of kind "physician_update".
struct PhysicianUpdate {
    std::string next_visit_date;  ///< 次回訪問予定日 "YYYY-MM-DD", required
    bool policy_changed = false;  ///< 治療方針の変更 あり/なし
    std::string change_summary;  ///< 変更の内容: required when policy_changed, empty otherwise
    std::string cautions;        ///< 療養上の留意点, may be empty
    /// Fields of a newer client, kept as read and written back (SCHEMA.md, "Unknown fields").
    nlohmann::json extra = nlohmann::json::object();
    bool operator==(const PhysicianUpdate&) const = default;
};

/// Checks an update before it is sent: the rules parsePhysicianUpdate applies, the content
/// size (kMaxRecordContentBytes), and next_visit_date not before today in Japan time at
/// `now_ms` (ms since the Unix epoch). Errors: InvalidArgument "physician_update.<field>: …"
/// naming the first field that breaks its rule (never its value).
Result<void> validatePhysicianUpdate(const PhysicianUpdate& v, std::int64_t now_ms);

/// The m.room.message content of an update (through recordContent), title
/// 医師からの情報共有, lines 次回訪問予定日, 治療方針の変更 (あり/なし), 変更の内容,
/// 療養上の留意点. Writes what it is given: validate first.
/// The readable lines of an update (次回訪問予定日, 治療方針の変更, 変更の内容, 療養上の留意点).
std::vector<RecordLine> physicianUpdateLines(const PhysicianUpdate& v);
nlohmann::json physicianUpdateContent(const PhysicianUpdate& v);

/// Reads a record object (content[kRecordKey]) of kind "physician_update" as a member sent
/// it: nullopt when any known field has the wrong type or breaks its rule (no date check
/// against today: an old update stays readable).
std::optional<PhysicianUpdate> parsePhysicianUpdate(const nlohmann::json& record);

/// Reaction key of 確認しました, the acknowledgement of an update (spec: "Event annotations
/// and reactions", m.annotation key).
inline constexpr const char* kAcknowledgementKey = "確認しました";

/// Who acknowledged an update by `author`: the user ids that reacted with
/// kAcknowledgementKey, in the order they reacted, each once, without the author (their own
/// reaction acknowledges nothing) and without anything that is not a user id. `groups` is
/// any list of {key, senders} (timeline::ReactionGroup).
template <class Groups>
std::vector<std::string> acknowledgers(const Groups& groups, std::string_view author);

/// The acknowledging senders among `senders`, as acknowledgers() counts them.
std::vector<std::string> acknowledgersAmong(const std::vector<std::string>& senders,
                                            std::string_view author);

/// One shared update, as the monthly list shows it.
struct SharedUpdate {
    std::string event_id;
    std::int64_t origin_server_ts = 0;  ///< ms since the Unix epoch
    std::string sender;                 ///< the physician's user id
    PhysicianUpdate update;
    std::vector<std::string> acknowledged_by;  ///< acknowledgers()
    bool operator==(const SharedUpdate&) const = default;
};

/// The updates of one calendar month in Japan time.
struct MonthlyUpdates {
    std::string month;                  ///< "YYYY-MM" (JST)
    std::vector<SharedUpdate> updates;  ///< oldest first
    /// Everyone who acknowledged at least one update of the month, in first-seen order.
    std::vector<std::string> acknowledged_by;
    bool operator==(const MonthlyUpdates&) const = default;
};

/// Groups a patient room's updates per calendar month in Japan time (for the printable
/// 情報連携 list): months oldest first, each month's updates by origin_server_ts (then event
/// id); an event id seen twice counts once (its first entry).
std::vector<MonthlyUpdates> monthlyUpdates(std::vector<SharedUpdate> updates);

template <class Groups>
std::vector<std::string> acknowledgers(const Groups& groups, std::string_view author) {
    std::vector<std::string> senders;
    for (const auto& g : groups) {
        if (g.key == kAcknowledgementKey)
            senders.insert(senders.end(), g.senders.begin(), g.senders.end());
    }
    return acknowledgersAmong(senders, author);
}

}  // namespace renkei::care
