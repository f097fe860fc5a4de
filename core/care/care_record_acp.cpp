// Renkei core: the ACP record (see care_record_acp.h).
#include "care/care_record_acp.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "care/care_check.h"
#include "care/care_record.h"
#include "care/care_record_fields.h"
#include "care/care_record_format.h"

namespace renkei::care {
namespace {

using detail::textBytesOk;
using detail::Entry;
using nlohmann::json;

constexpr const char* kShape = "acp";
constexpr std::array<std::string_view, 10> kFields{
    "place_of_care", "place_of_death", "life_sustaining", "wishes", "surrogate",
    "discussion_date", "participants", "revision", "supersedes", "note"};

constexpr std::array<Entry<WishedPlace>, 5> kPlaces{{
    {WishedPlace::Home, "home", "自宅"},
    {WishedPlace::Hospital, "hospital", "病院"},
    {WishedPlace::Facility, "facility", "施設"},
    {WishedPlace::Undecided, "undecided", "未定"},
    {WishedPlace::Other, "other", "その他"},
}};
constexpr std::array<Entry<LifeSustainingTreatment>, 6> kTreatments{{
    {LifeSustainingTreatment::Cpr, "cpr", "心肺蘇生"},
    {LifeSustainingTreatment::MechanicalVentilation, "mechanical_ventilation", "人工呼吸器"},
    {LifeSustainingTreatment::TubeFeeding, "tube_feeding", "経管栄養（胃ろう等）"},
    {LifeSustainingTreatment::IvFluids, "iv_fluids", "点滴"},
    {LifeSustainingTreatment::Dialysis, "dialysis", "人工透析"},
    {LifeSustainingTreatment::HospitalTransfer, "hospital_transfer", "救急搬送・入院"},
}};
constexpr std::array<Entry<TreatmentWish>, 3> kWishes{{
    {TreatmentWish::Wanted, "wanted", "希望する"},
    {TreatmentWish::NotWanted, "not_wanted", "希望しない"},
    {TreatmentWish::Undecided, "undecided", "未定"},
}};

bool placeOk(const PlaceWish& p) {
    return p.place == WishedPlace::Other ? textBytesOk(p.detail, kPlaceDetailBytes, true, false)
                                         : p.detail.empty();
}

const char* invalidField(const AdvanceCarePlan& v) {
    if (!placeOk(v.place_of_care)) return "place_of_care";
    if (!placeOk(v.place_of_death)) return "place_of_death";
    if (!detail::otherChoicesOk(v.other_treatments, kTreatments)) return "life_sustaining";
    if (!textBytesOk(v.wishes, kAcpWishesBytes, false, true)) return "wishes";
    if (v.surrogate && (!textBytesOk(v.surrogate->name, kSurrogateNameBytes, true, false) ||
                        !textBytesOk(v.surrogate->relation, kRelationBytes, true, false))) {
        return "surrogate";
    }
    if (!detail::dateOk(v.discussion_date)) return "discussion_date";
    if (v.participants.empty() || !detail::participantsOk(v.participants, kMaxAcpParticipants)) {
        return "participants";
    }
    if (v.revision < 1 || v.revision > kMaxAcpRevision) return "revision";
    if (v.supersedes && !detail::eventIdOk(*v.supersedes)) return "supersedes";
    if (!textBytesOk(v.note, kAcpNoteBytes, false, true)) return "note";
    return nullptr;
}

json placeJson(const PlaceWish& p) {
    return json{{"place", toWire(p.place)}, {"detail", p.detail}};
}

std::string placeText(const PlaceWish& p) {
    return p.place == WishedPlace::Other ? labelJa(p.place) + "（" + p.detail + "）"
                                         : labelJa(p.place);
}

/// Reads {"place", "detail"} under `key`; undecided when absent.
PlaceWish readPlace(detail::RecordReader& r, const char* key) {
    PlaceWish p;
    const json* o = r.object(key, false);
    if (!o) return p;
    const auto place = o->find("place");
    const auto detail = o->find("detail");
    const auto parsed = place != o->end() && place->is_string()
                            ? wishedPlaceFromWire(place->get<std::string>())
                            : std::nullopt;
    const bool detail_ok =
        detail == o->end() ||
        (detail->is_string() && detail->get_ref<const std::string&>().size() <= kPlaceDetailBytes);
    if (!parsed || !detail_ok) return r.refuse(), p;
    p.place = *parsed;
    if (detail != o->end()) p.detail = detail->get<std::string>();
    return p;
}

}  // namespace

std::string toWire(WishedPlace v) { return detail::entryOf(kPlaces, v).wire; }
std::string toWire(LifeSustainingTreatment v) { return detail::entryOf(kTreatments, v).wire; }
std::string toWire(TreatmentWish v) { return detail::entryOf(kWishes, v).wire; }
std::optional<WishedPlace> wishedPlaceFromWire(const std::string& s) {
    return detail::fromWire(kPlaces, s);
}
std::optional<LifeSustainingTreatment> lifeSustainingTreatmentFromWire(const std::string& s) {
    return detail::fromWire(kTreatments, s);
}
std::optional<TreatmentWish> treatmentWishFromWire(const std::string& s) {
    return detail::fromWire(kWishes, s);
}
std::string labelJa(WishedPlace v) { return detail::entryOf(kPlaces, v).label; }
std::string labelJa(LifeSustainingTreatment v) { return detail::entryOf(kTreatments, v).label; }
std::string labelJa(TreatmentWish v) { return detail::entryOf(kWishes, v).label; }

Result<void> validateAdvanceCarePlan(const AdvanceCarePlan& v, std::int64_t now_ms) {
    if (const char* field = invalidField(v)) return detail::refusal(kShape, field);
    if (v.discussion_date > jstDate(now_ms)) {
        return detail::refusal(kShape, "discussion_date", "after today");
    }
    return detail::contentFits(advanceCarePlanContent(v), kShape);
}

std::vector<RecordLine> advanceCarePlanLines(const AdvanceCarePlan& v) {
    std::vector<RecordLine> lines{{"療養の場所", placeText(v.place_of_care)},
                                  {"最期を迎えたい場所", placeText(v.place_of_death)}};
    for (const auto& [treatment, wish] : v.treatments)
        lines.push_back({labelJa(treatment), labelJa(wish)});
    lines.push_back({"本人の思い", v.wishes});
    lines.push_back({"代理意思決定者",
                     v.surrogate ? v.surrogate->name + "（" + v.surrogate->relation + "）" : ""});
    lines.push_back({"話し合いの日", v.discussion_date});
    lines.push_back({"話し合いの参加者", participantsText(v.participants)});
    lines.push_back({"版", "第" + std::to_string(v.revision) + "版"});
    lines.push_back({"メモ", v.note});
    return lines;
}

json advanceCarePlanContent(const AdvanceCarePlan& v) {
    json record = detail::recordBase(v.extra, kFields);
    record["place_of_care"] = placeJson(v.place_of_care);
    record["place_of_death"] = placeJson(v.place_of_death);
    record["life_sustaining"] =
        detail::choicesJson(v.treatments, v.other_treatments, kTreatments, kWishes);
    record["wishes"] = v.wishes;
    if (v.surrogate)
        record["surrogate"] = {{"name", v.surrogate->name}, {"relation", v.surrogate->relation}};
    record["discussion_date"] = v.discussion_date;
    record["participants"] = detail::participantsJson(v.participants);
    record["revision"] = v.revision;
    if (v.supersedes) record["supersedes"] = *v.supersedes;
    record["note"] = v.note;

    return recordContent(RecordKind::Acp, std::move(record), recordTitle(RecordKind::Acp),
                         advanceCarePlanLines(v));
}

std::optional<AdvanceCarePlan> parseAdvanceCarePlan(const json& record) {
    detail::RecordReader r(record, RecordKind::Acp);
    AdvanceCarePlan v;
    v.place_of_care = readPlace(r, "place_of_care");
    v.place_of_death = readPlace(r, "place_of_death");
    detail::readChoices(r, "life_sustaining", kTreatments, kWishes, v.treatments,
                        v.other_treatments);
    v.wishes = r.text("wishes", false, kAcpWishesBytes);
    if (const json* s = r.object("surrogate", false)) {
        const auto name = s->find("name");
        const auto relation = s->find("relation");
        if (name == s->end() || relation == s->end() || !name->is_string() ||
            !relation->is_string() ||
            name->get_ref<const std::string&>().size() > kSurrogateNameBytes ||
            relation->get_ref<const std::string&>().size() > kRelationBytes) {
            r.refuse();
        } else {
            v.surrogate = Surrogate{name->get<std::string>(), relation->get<std::string>()};
        }
    }
    v.discussion_date = r.text("discussion_date", true, 10);
    v.participants = r.participants("participants", kMaxAcpParticipants);
    v.revision = r.integer("revision", 0, kMaxAcpRevision).value_or(1);
    v.supersedes = r.optionalText("supersedes", 255);
    v.note = r.text("note", false, kAcpNoteBytes);
    v.extra = r.extra(kFields);
    if (!r.ok() || invalidField(v)) return std::nullopt;
    return v;
}

std::vector<AcpPost> acpHistory(std::vector<AcpPost> posts) {
    std::stable_sort(posts.begin(), posts.end(), [](const AcpPost& a, const AcpPost& b) {
        if (a.origin_server_ts != b.origin_server_ts)
            return a.origin_server_ts > b.origin_server_ts;
        if (a.plan.revision != b.plan.revision) return a.plan.revision > b.plan.revision;
        return a.event_id > b.event_id;
    });
    std::unordered_set<std::string> seen;
    std::erase_if(posts, [&](const AcpPost& p) { return !seen.insert(p.event_id).second; });
    return posts;
}

}  // namespace renkei::care
