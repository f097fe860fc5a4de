// Session: structured posts through the outbox and their drafts in the vault — queueRecord,
// queueRecordEdit, saveRecordDraft. See session.h and store/record_drafts.h.
#include "care/care_record.h"
#include "matrix/content/outgoing.h"
#include "matrix/event_types.h"
#include "session/clock.h"
#include "session/session.h"

namespace renkei::session {
namespace {

using detail::nowMs;

/// An edit carries the record twice over (its "* " body fallback and m.new_content); the
/// homeserver takes events up to 65,536 bytes (spec: "Size limits"), envelope included.
constexpr std::size_t kMaxEditContentBytes = 60'000;

/// The path ("jp.renkei.record.note_count") of the first number in `value` that Matrix's
/// canonical JSON does not allow: not an integer, or outside ±(2^53 − 1) (spec: Appendices,
/// "Canonical JSON"); room versions 6 and later refuse such an event (HTTP 400 M_BAD_JSON).
std::optional<std::string> nonCanonicalNumber(const nlohmann::json& value,
                                              const std::string& path) {
    constexpr std::int64_t kMaxSafe = (std::int64_t{1} << 53) - 1;
    if (value.is_number_float()) return path;
    if (value.is_number_unsigned()) {
        if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(kMaxSafe)) return path;
    } else if (value.is_number_integer()) {
        const auto n = value.get<std::int64_t>();
        if (n > kMaxSafe || n < -kMaxSafe) return path;
    } else if (value.is_object() || value.is_array()) {
        for (const auto& [key, item] : value.items()) {  // (an array's keys are "0", "1", …)
            const std::string at = path.empty() ? key : path + "." + key;
            if (auto found = nonCanonicalNumber(item, at)) return found;
        }
    }
    return std::nullopt;
}

/// `content` with `context` added, if it can be sent as a structured post: a known record,
/// within the size cap, integers only. Errors: InvalidArgument naming the rule.
Result<nlohmann::json> sendableRecord(nlohmann::json content, const care::PostContext& context) {
    if (!content.is_object() || !care::recordOf(content)) {
        return fail(ErrorKind::InvalidArgument, "queue: no structured record in the post");
    }
    care::addPostContext(content, context);
    if (content.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size() >
        care::kMaxRecordContentBytes) {
        return fail(ErrorKind::InvalidArgument, "queue: record content too large");
    }
    if (auto path = nonCanonicalNumber(content, "")) {
        return fail(ErrorKind::InvalidArgument,
                    "queue: " + *path + " is not an integer; Matrix events take integers only");
    }
    return content;
}

}  // namespace

Result<store::OutboxPost> Session::queueRecord(const std::string& room_id, nlohmann::json content,
                                               const care::PostContext& context,
                                               const std::string& draft_kind) {
    auto sendable = sendableRecord(std::move(content), context);
    if (!sendable) return sendable.failure();
    return enqueue(room_id, matrix::kRoomMessage, *sendable, nullptr, /*clear_draft=*/false, draft_kind);
}

Result<store::OutboxPost> Session::queueRecordEdit(const std::string& room_id,
                                                   const std::string& target_event_id,
                                                   nlohmann::json content) {
    auto original = cachedPost(room_id, target_event_id);
    if (!original) return original.failure();
    if (!*original) return fail(ErrorKind::InvalidArgument, "edit: the post is not in the local cache (sync first)");
    const store::StoredEvent& post = **original;
    // Spec "Event replacements": only the sender's own posts, of the same type, can be edited.
    if (post.sender != userId()) return fail(ErrorKind::InvalidArgument, "edit: only your own posts can be edited");
    if (post.type != matrix::kRoomMessage || post.state_key) return fail(ErrorKind::InvalidArgument, "edit: not a post");
    if (post.redacted) return fail(ErrorKind::InvalidArgument, "edit: the post was deleted");
    const auto was = care::recordOf(post.content);
    const auto now = content.is_object() ? care::recordOf(content) : std::nullopt;
    if (!was) return fail(ErrorKind::InvalidArgument, "edit: the post is no structured record");
    if (!now || now->first != was->first) {
        return fail(ErrorKind::InvalidArgument, "edit: the correction is no record of the post's kind");
    }
    // The correction keeps the post's scene and 至急: it corrects values, not the context.
    auto sendable = sendableRecord(std::move(content), care::parsePostContext(post.content));
    if (!sendable) return sendable.failure();
    auto edit = matrix::content::editContent(post.event_id, *sendable);
    if (!edit) return edit.failure();
    if (edit->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).size() >
        kMaxEditContentBytes) {
        return fail(ErrorKind::InvalidArgument, "edit: record content too large");
    }
    return enqueue(room_id, matrix::kRoomMessage, *edit, nullptr, /*clear_draft=*/false);
}

Result<void> Session::saveRecordDraft(const std::string& room_id, const std::string& kind,
                                      const nlohmann::json& record) {
    std::lock_guard lock(vault_mutex_);
    return store::RecordDrafts(vault_.database()).save(room_id, kind, record, nowMs());
}

Result<std::optional<store::RecordDraft>> Session::recordDraft(const std::string& room_id,
                                                               const std::string& kind) const {
    std::lock_guard lock(vault_mutex_);
    return store::RecordDrafts(vault_.database()).load(room_id, kind);
}

Result<std::vector<store::RecordDraft>> Session::recordDrafts(const std::string& room_id) const {
    std::lock_guard lock(vault_mutex_);
    return store::RecordDrafts(vault_.database()).list(room_id);
}

}  // namespace renkei::session
