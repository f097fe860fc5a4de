// Renkei core: one item of a room's timeline as a reader sees it: a post with its current
// text (edits applied), its edit history, the post it answers, its reactions, or the
// placeholder of a deleted or encrypted post; also the local echo of a post not yet sent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "care/care_record_view.h"
#include "care/care_types.h"
#include "matrix/content/message_content.h"

namespace renkei::timeline {

/// One version of an edited post (spec: "Event replacements"): the original, then each
/// applied replacement, oldest first.
struct EditVersion {
    std::string event_id;
    std::string sender;
    std::int64_t origin_server_ts = 0;  ///< ms since the Unix epoch (server clock)
    matrix::content::MessageContent content;
    /// The structured record this version carries (care_record_view.h: vitals, 服薬, …),
    /// read through its kind's parser; nullopt for a plain post or a record that breaks its
    /// rules (the post then reads as its body).
    std::optional<care::RecordView> record;
};

/// Where a post or correction of ours stands; remote items are Sent. Queued: in the
/// outbox; Sending: a request is under way; Sent: the server returned its event id (sync
/// has not brought it yet); Failed: refused for good (retry or discard it).
enum class SendState { Sent, Queued, Sending, Failed };

/// Reactions with one key (spec: "Event annotations and reactions"), each sender once.
struct ReactionGroup {
    std::string key;                   ///< e.g. "👍" or "確認しました"
    std::vector<std::string> senders;  ///< user ids, in the order they reacted
    /// Our own reaction with this key is a local echo from the outbox (we are in `senders`),
    /// in this state; nullopt when ours (if any) came from the server.
    std::optional<SendState> local;
};

/// Who deleted a post and when (spec: "Redactions").
struct RedactionInfo {
    std::string redacted_by;              ///< user id; empty when the server did not say
    std::int64_t origin_server_ts = 0;    ///< of the redaction; 0 when unknown
    std::optional<std::string> reason;    ///< the redaction's `reason`, as written
};

struct TimelineItem {
    enum class Kind {
        Message,      ///< an m.room.message with readable content (`content` is set)
        Redacted,     ///< deleted: show a placeholder with `redaction`
        Encrypted,    ///< m.room.encrypted: Renkei cannot read it yet
        Unreadable,   ///< an m.room.message without the required body/msgtype
        /// A change of the room's care record (jp.renkei.patient, .consent, .member,
        /// .rule_exception, .closure): `state_type` and its readable `state_body`.
        CareState,
    };
    using SendState = timeline::SendState;

    Kind kind = Kind::Message;
    std::string event_id;                ///< "$…"; empty for a local echo not yet sent
    std::string transaction_id;          ///< local echoes (and our own remote posts)
    std::string sender;
    std::int64_t origin_server_ts = 0;   ///< ms; a local echo: when it was queued (local clock)
    std::optional<matrix::content::MessageContent> content;  ///< current text (Message only)
    /// Every version, original first (Message only; one entry when never edited).
    std::vector<EditVersion> history;
    std::optional<std::string> in_reply_to;  ///< event id of the post this one answers
    /// In the thread rooted at this event id (spec: "Threading", rel_type m.thread). Thread
    /// posts stay in the main timeline: a reader offline sees everything.
    std::optional<std::string> thread_root;
    /// For a thread root: how many distinct events are in its thread, not counting edits,
    /// reactions or deleted ones (also those that arrived before the root).
    int thread_replies = 0;
    /// The post's clinical context (scene, 至急) as the original carried it; an edit does
    /// not change it (Message only).
    care::PostContext context;
    std::vector<ReactionGroup> reactions;    ///< keys in the order first used
    std::optional<RedactionInfo> redaction;  ///< Kind::Redacted
    std::string state_type;  ///< Kind::CareState: the state event's type ("jp.renkei.consent")
    std::string state_key;   ///< Kind::CareState: its state key ("" for patient and consent)
    /// Kind::CareState of jp.renkei.patient / .consent: the fields changed since the previous
    /// state of the same type and key held in this timeline (care::stateChanges); nullopt when
    /// that previous state is not held (the room's first, or older than what is loaded) or
    /// either side breaks its shape's rules.
    std::optional<std::vector<care::FieldChange>> state_changes;
    /// Kind::CareState: the content's `body` as its writer put it (display-safe, cut to
    /// kStateBodyMaxBytes with "…"; empty when it has none).
    std::string state_body;
    static constexpr std::size_t kStateBodyMaxBytes = 2000;
    SendState send_state = SendState::Sent;
    /// A post of ours shown from the outbox until sync brings its event (`event_id` may
    /// already hold the id the server returned).
    bool local_echo = false;
    /// Our edit of this post is still in the outbox, in this state: `content` already shows it
    /// (the last entry of `history`, whose event_id is empty until the server returned one).
    std::optional<SendState> local_edit;
    /// Our deletion of this post is in the outbox, in this state: the post is being deleted
    /// (still shown as it is until the server's redaction arrives); Failed: it was refused.
    std::optional<SendState> local_redaction;

    [[nodiscard]] bool edited() const noexcept { return history.size() > 1; }
    /// The current version's structured record (a correction's when edited), or nullptr.
    [[nodiscard]] const care::RecordView* record() const noexcept {
        return history.empty() || !history.back().record ? nullptr : &*history.back().record;
    }
};

/// One change to the item list, applied in order: Insert puts a new item at `index` (items
/// from there move down by one), Update replaces the item at `index`, Remove deletes it.
/// (The shape of matrix-rust-sdk's timeline diffs, reduced to what a list model needs.)
struct TimelineDiff {
    enum class Op { Insert, Update, Remove };
    Op op = Op::Insert;
    std::size_t index = 0;
};

}  // namespace renkei::timeline
