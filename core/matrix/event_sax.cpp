// Renkei core: one-pass parsing of /sync and /messages bodies. A SAX handler builds the small
// skeleton of the document (rooms, timeline flags, tokens) as an ordinary nlohmann::json,
// but writes each element of an event array straight into a RoomEvent: only `content`
// becomes a JSON object, `unsigned` keeps just transaction_id and whether redacted_because
// is there (RoomEvent::arrived_redacted), and everything else in the
// event (prev_content, age, signatures…) is skipped without allocating. Why: building the
// whole DOM with json::parse and mapping it afterwards managed ~90,000 events/s at -O2 on
// a 20,000-event sync; this path does ~200,000, which leaves room for SQLite in the
// 100,000 events/s ingest budget.
//
// A hostile server gets nowhere with nesting or bad tokens: containers deeper than
// kMaxDepth are never built (an event whose content nests deeper is emptied and so skipped;
// deeper skeleton parts read as null), so nothing downstream (dump(), copies) can recurse
// without bound. A token that stops the parser inside an event (a number out of range such
// as 1e400, a lone surrogate, invalid UTF-8) costs that event only: the body is parsed again
// with the event's bytes read as "{}", which the mappers skip and count.
#include <algorithm>
#include <array>
#include <exception>
#include <iterator>
#include <optional>

#include "matrix/json_util.h"

namespace renkei::matrix::detail {

namespace {

/// Deepest nesting of containers that is built: an event's content counts from its own
/// object (1), the skeleton from the body's top-level object.
constexpr std::size_t kMaxDepth = kMaxJsonDepth;
/// Events lost to bad tokens before the whole body is given up on (each costs a re-parse).
constexpr std::size_t kMaxBlankedEvents = 32;
/// The events table is reserved from the body size, but never for more than this many: a
/// body of whitespace must not buy a large allocation.
constexpr std::size_t kMaxReservedEvents = 4096;

/// Builds a JSON value from SAX callbacks into *root, like nlohmann's own DOM parser.
class DomBuilder {
public:
    void reset(json* root) {
        root_ = root;
        stack_.clear();
        element_ = nullptr;
    }
    [[nodiscard]] bool empty() const noexcept { return stack_.empty(); }
    /// Open containers.
    [[nodiscard]] std::size_t depth() const noexcept { return stack_.size(); }
    [[nodiscard]] const json& top() const { return *stack_.back(); }

    template <class V>
    void value(V&& v) {
        place(std::forward<V>(v));
    }
    void startObject() {
        if (stack_.empty() && root_->is_object()) {
            // Reuse the empty object a RoomEvent starts with instead of reallocating it.
            root_->get_ref<json::object_t&>().clear();
            stack_.push_back(root_);
            return;
        }
        stack_.push_back(place(json::value_t::object));
    }
    void startArray() { stack_.push_back(place(json::value_t::array)); }
    void key(const std::string& k) { element_ = &stack_.back()->get_ref<json::object_t&>()[k]; }
    void end() { stack_.pop_back(); }

private:
    template <class V>
    json* place(V&& v) {
        if (stack_.empty()) {
            *root_ = json(std::forward<V>(v));
            return root_;
        }
        json* parent = stack_.back();
        if (parent->is_array()) {
            auto& array = parent->get_ref<json::array_t&>();
            array.emplace_back(std::forward<V>(v));
            return &array.back();
        }
        *element_ = json(std::forward<V>(v));
        return element_;
    }

    json* root_ = nullptr;
    std::vector<json*> stack_;  // open containers; pointers stay valid while they are open
    json* element_ = nullptr;   // the object member the next value goes into
};

class EventCapture {
public:
    EventCapture(json& doc, EventTable& events, EventArrays arrays)
        : events_(events), arrays_(arrays) {
        skeleton_.reset(&doc);
    }

    bool null() { return scalar(nullptr); }
    bool boolean(bool v) { return scalar(v); }
    bool number_integer(json::number_integer_t v) { return scalar(v); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(v); }
    bool number_float(json::number_float_t v, const std::string& /*text*/) { return scalar(v); }
    bool binary(json::binary_t& /*unused*/) { return true; }  // JSON text never has binary

    bool string(std::string& v) {
        switch (mode_) {
            case Mode::Skeleton:
                skeleton_.value(v);
                break;
            case Mode::Content:
                content_.value(v);
                break;
            case Mode::Event:
                eventString(v);
                break;
            case Mode::Unsigned:
                if (unsigned_txn_) event().transaction_id = v;
                break;
            case Mode::Skip:
                break;
        }
        return true;
    }

    bool key(std::string& k) {
        switch (mode_) {
            case Mode::Skeleton:
                skeleton_.key(k);
                pending_intercept_ = isEventArrayKey(k);
                break;
            case Mode::Content:
                content_.key(k);
                break;
            case Mode::Event:
                field_ = classify(k);
                break;
            case Mode::Unsigned:
                unsigned_txn_ = k == "transaction_id";
                unsigned_redacted_ = k == "redacted_because";
                break;
            case Mode::Skip:
                break;
        }
        return true;
    }

    bool start_object(std::size_t /*unknown*/) {
        switch (mode_) {
            case Mode::Skeleton:
                if (!intercept_.empty() && intercept_.back()) {
                    beginEvent();
                } else if (skeleton_.depth() >= kMaxDepth) {
                    skipDeepSkeleton();
                } else {
                    skeleton_.startObject();
                    intercept_.push_back(false);
                }
                break;
            case Mode::Event:
                if (field_ == Field::Content) {
                    content_.reset(&event().content);
                    content_.startObject();
                    mode_ = Mode::Content;
                } else if (field_ == Field::Unsigned) {
                    event().transaction_id.reset();
                    event().arrived_redacted = false;
                    unsigned_txn_ = false;
                    unsigned_redacted_ = false;
                    mode_ = Mode::Unsigned;
                } else {
                    clearField();
                    skip(Mode::Event);
                }
                break;
            case Mode::Content:
                if (content_.depth() >= kMaxDepth) {
                    abandonContent();
                } else {
                    content_.startObject();
                }
                break;
            case Mode::Unsigned:
                if (unsigned_txn_) event().transaction_id.reset();
                // The redaction that removed the event's content (spec: "Redactions").
                if (unsigned_redacted_) event().arrived_redacted = true;
                skip(Mode::Unsigned);
                break;
            case Mode::Skip:
                ++skip_depth_;
                break;
        }
        return true;
    }

    bool start_array(std::size_t /*unknown*/) {
        switch (mode_) {
            case Mode::Skeleton: {
                if (skeleton_.depth() >= kMaxDepth) {
                    skipDeepSkeleton();
                    break;
                }
                // Intercept only arrays that are the value of an event-array key.
                const bool intercept =
                    pending_intercept_ && !skeleton_.empty() && skeleton_.top().is_object();
                skeleton_.startArray();
                intercept_.push_back(intercept);
                break;
            }
            case Mode::Event:
                clearField();
                skip(Mode::Event);
                break;
            case Mode::Content:
                if (content_.depth() >= kMaxDepth) {
                    abandonContent();
                } else {
                    content_.startArray();
                }
                break;
            case Mode::Unsigned:
                if (unsigned_txn_) event().transaction_id.reset();
                skip(Mode::Unsigned);
                break;
            case Mode::Skip:
                ++skip_depth_;
                break;
        }
        return true;
    }

    bool end_object() { return end(); }
    bool end_array() { return end(); }

    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& /*ex*/) {
        // The message quotes the body, which may hold tokens: drop it; keep where it was.
        error_position_ = position;
        error_in_event_ = in_event_;
        return false;
    }

    /// Where the parser stopped (characters read), and whether an event was open then, at
    /// which nesting level (1: the body's top-level object).
    [[nodiscard]] std::size_t errorPosition() const noexcept { return error_position_; }
    [[nodiscard]] bool errorInEvent() const noexcept { return error_in_event_; }
    [[nodiscard]] std::size_t eventLevel() const noexcept { return event_level_; }

private:
    enum class Mode : std::uint8_t { Skeleton, Event, Content, Unsigned, Skip };
    enum class Field : std::uint8_t {
        Other,
        EventId,
        Type,
        Sender,
        StateKey,
        Ts,
        Content,
        Unsigned,
        Redacts
    };

    RoomEvent& event() { return events_.events.back(); }

    bool isEventArrayKey(const std::string& k) const {
        if (arrays_ == EventArrays::Sync) return k == "events";
        return k == "chunk" || k == "state";
    }

    static Field classify(const std::string& k) {
        static const std::array<std::pair<std::string_view, Field>, 8> kFields{{
            {"type", Field::Type},
            {"sender", Field::Sender},
            {"content", Field::Content},
            {"event_id", Field::EventId},
            {"state_key", Field::StateKey},
            {"origin_server_ts", Field::Ts},
            {"unsigned", Field::Unsigned},
            {"redacts", Field::Redacts},
        }};
        for (const auto& [name, field] : kFields) {
            if (k == name) return field;
        }
        return Field::Other;
    }

    void beginEvent() {
        const auto index = static_cast<std::uint64_t>(events_.events.size());
        events_.events.emplace_back();
        // A binary value cannot come from JSON text, so it safely marks a captured event.
        skeleton_.value(json::binary(json::binary_t::container_type{}, index));
        mode_ = Mode::Event;
        field_ = Field::Other;
        in_event_ = true;
        malformed_ = false;
        event_level_ = skeleton_.depth() + 1;  // the skeleton holds every container around it
    }

    /// The content nests deeper than kMaxDepth: drop what was built (nlohmann destroys
    /// values without recursion), skip the rest of the content without building it, and
    /// mark the event so that it ends up empty.
    void abandonContent() {
        const std::size_t open = content_.depth() + 1;  // the one starting now included
        content_.reset(nullptr);
        event().content = json::object();
        malformed_ = true;
        skip(Mode::Event);
        skip_depth_ = open;
    }

    /// A skeleton container deeper than kMaxDepth reads as null and is skipped unbuilt.
    void skipDeepSkeleton() {
        skeleton_.value(nullptr);
        skip(Mode::Skeleton);
    }

    /// An event that was malformed becomes one with no id, type or sender: every mapper
    /// skips (and counts) it.
    void clearMalformedEvent() {
        RoomEvent& ev = event();
        ev = RoomEvent{};
    }

    /// A value of the wrong type for a known field: the field reads as absent (as with a
    /// duplicate key in a DOM, the last value wins).
    void clearField() {
        RoomEvent& ev = event();
        switch (field_) {
            case Field::EventId:
                ev.event_id.clear();
                break;
            case Field::Type:
                ev.type.clear();
                break;
            case Field::Sender:
                ev.sender.clear();
                break;
            case Field::StateKey:
                ev.state_key.reset();
                break;
            case Field::Ts:
                ev.origin_server_ts = 0;
                break;
            case Field::Content:
                ev.content = json::object();
                break;
            case Field::Unsigned:
                ev.transaction_id.reset();
                ev.arrived_redacted = false;
                break;
            case Field::Redacts:
                ev.redacts.reset();
                break;
            case Field::Other:
                break;
        }
    }

    void eventString(const std::string& v) {
        RoomEvent& ev = event();
        switch (field_) {
            case Field::EventId:
                ev.event_id = v;
                break;
            case Field::Type:
                ev.type = v;
                break;
            case Field::Sender:
                ev.sender = v;
                break;
            case Field::StateKey:
                ev.state_key = v;
                break;
            case Field::Redacts:
                ev.redacts = v;
                break;
            default:
                clearField();
                break;
        }
    }

    template <class V>
    bool scalar(V v) {
        switch (mode_) {
            case Mode::Skeleton:
                skeleton_.value(v);
                break;
            case Mode::Content:
                content_.value(v);
                break;
            case Mode::Event:
                if (field_ == Field::Ts) {
                    event().origin_server_ts = asInt64(json(v)).value_or(0);
                } else {
                    clearField();
                }
                break;
            case Mode::Unsigned:
                if (unsigned_txn_) event().transaction_id.reset();
                break;
            case Mode::Skip:
                break;
        }
        return true;
    }

    void skip(Mode resume) {
        resume_ = resume;
        skip_depth_ = 1;
        mode_ = Mode::Skip;
    }

    bool end() {
        switch (mode_) {
            case Mode::Skeleton:
                skeleton_.end();
                intercept_.pop_back();
                break;
            case Mode::Event: {
                RoomEvent& ev = event();
                if (malformed_) {
                    clearMalformedEvent();
                } else if (!ev.redacts) {
                    // Room versions 1-10 put redacts at the top level, v11 inside content.
                    ev.redacts = getString(ev.content, "redacts");
                }
                mode_ = Mode::Skeleton;
                in_event_ = false;
                break;
            }
            case Mode::Content:
                content_.end();
                if (content_.empty()) mode_ = Mode::Event;
                break;
            case Mode::Unsigned:
                mode_ = Mode::Event;
                break;
            case Mode::Skip:
                if (--skip_depth_ == 0) mode_ = resume_;
                break;
        }
        return true;
    }

    EventTable& events_;
    EventArrays arrays_;
    DomBuilder skeleton_;
    DomBuilder content_;
    std::vector<bool> intercept_;  // per open skeleton container: is it an event array?
    bool pending_intercept_ = false;
    Mode mode_ = Mode::Skeleton;
    Mode resume_ = Mode::Event;
    std::size_t skip_depth_ = 0;
    Field field_ = Field::Other;
    bool unsigned_txn_ = false;
    bool unsigned_redacted_ = false;  // the unsigned key being read is redacted_because
    bool in_event_ = false;        // an event object is open (in whichever mode)
    bool malformed_ = false;       // the open event nests too deep: it is emptied at its end
    std::size_t event_level_ = 0;  // nesting level of the open event object
    std::size_t error_position_ = 0;
    bool error_in_event_ = false;
};

/// A byte range [begin, end) of the body that holds one event object and is read as "{}"
/// followed by spaces (same length, so positions stay as in the body).
struct Blank {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Reads the body with the blanked ranges replaced; only used for a re-parse after an error.
class BlankingIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = char;

    BlankingIterator(std::string_view text, std::size_t pos, const std::vector<Blank>& blanks)
        : text_(text), blanks_(&blanks), pos_(pos) {
        while (next_ < blanks_->size() && (*blanks_)[next_].end <= pos_) ++next_;
    }
    char operator*() const {
        if (next_ < blanks_->size() && pos_ >= (*blanks_)[next_].begin) {
            const std::size_t offset = pos_ - (*blanks_)[next_].begin;
            return offset == 0 ? '{' : offset == 1 ? '}' : ' ';
        }
        return text_[pos_];
    }
    BlankingIterator& operator++() {
        ++pos_;
        if (next_ < blanks_->size() && pos_ >= (*blanks_)[next_].end) ++next_;
        return *this;
    }
    BlankingIterator operator++(int) {
        BlankingIterator before = *this;
        ++*this;
        return before;
    }
    bool operator==(const BlankingIterator& other) const { return pos_ == other.pos_; }

private:
    std::string_view text_;
    const std::vector<Blank>* blanks_;
    std::size_t pos_;
    std::size_t next_ = 0;  // the first blank that does not end at or before pos_
};

/// The object open at nesting level `level` (1: the top-level container) just before
/// `stop`, as the range from its '{' to its matching '}', found by counting brackets
/// outside strings (bad tokens inside strings or numbers do not matter to that). nullopt if
/// no object is open at that level there or if it never closes (a truncated body).
std::optional<Blank> enclosingObject(std::string_view text, std::size_t stop, std::size_t level) {
    std::size_t depth = 0;
    std::size_t begin = 0;
    bool in_string = false;
    bool escaped = false;
    stop = std::min(stop, text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i == stop && depth < level) return std::nullopt;  // not inside such an object
        const char c = text[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth == level && i < stop) begin = i;
        } else if (c == '}' || c == ']') {
            if (depth == 0) return std::nullopt;
            if (depth == level && i >= stop) {
                if (text[begin] != '{' || c != '}') return std::nullopt;
                return Blank{begin, i + 1};
            }
            --depth;
        }
    }
    return std::nullopt;
}

}  // namespace

Result<ParsedBody> parseWithEvents(std::string_view body, EventArrays arrays, const char* what) {
    try {
        std::vector<Blank> blanks;
        for (;;) {
            ParsedBody out;
            // A rough guess (events are ~0.3-2 KiB), capped: the body is not trusted.
            out.table.events.reserve(std::min(body.size() / 1024, kMaxReservedEvents));
            EventCapture capture(out.doc, out.table, arrays);
            const bool parsed =
                blanks.empty()
                    ? json::sax_parse(body.begin(), body.end(), &capture)
                    : json::sax_parse(BlankingIterator(body, 0, blanks),
                                      BlankingIterator(body, body.size(), blanks), &capture);
            if (parsed) {
                if (!out.doc.is_object()) {
                    return fail(ErrorKind::Parse,
                                std::string(what) + ": body is not a JSON object");
                }
                return out;
            }
            // A bad token inside an event: read that event as {} and parse again. The last
            // character read is the bad one (or just past it): look for the event before it.
            std::optional<Blank> blank;
            if (capture.errorInEvent() && capture.errorPosition() > 0 &&
                blanks.size() < kMaxBlankedEvents) {
                blank = enclosingObject(body, capture.errorPosition() - 1, capture.eventLevel());
            }
            if (!blank)
                return fail(ErrorKind::Parse, std::string(what) + ": body is not valid JSON");
            blanks.insert(
                std::upper_bound(blanks.begin(), blanks.end(), *blank,
                                 [](const Blank& a, const Blank& b) { return a.begin < b.begin; }),
                *blank);
        }
    } catch (const std::exception&) {
        // Only allocation failure can get here; never quote e.what() (it may echo the body).
        return fail(ErrorKind::Parse, std::string(what) + ": body could not be parsed");
    }
}

RoomEvent* capturedEvent(json& element, EventTable& table) {
    if (!element.is_binary()) return nullptr;
    const auto& marker = element.get_binary();
    if (!marker.has_subtype() || marker.subtype() >= table.events.size()) return nullptr;
    return &table.events[static_cast<std::size_t>(marker.subtype())];
}

}  // namespace renkei::matrix::detail
