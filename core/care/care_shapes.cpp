// Renkei core: the care shapes' state contents, written and read with one set of rules
// (SCHEMA.md). A reader treats every field as hostile; a writer refuses what a reader would.
#include <string_view>

#include "care/care_check.h"
#include "care/care_labels.h"
#include "care/care_types.h"
#include "matrix/media.h"

namespace renkei::care {
namespace {

using nlohmann::json;
using detail::dateOk;
using detail::kanaOk;
using detail::textOk;
using detail::userIdOk;

constexpr std::size_t kNameCap = 64;
constexpr std::size_t kShortCap = 32;
constexpr std::size_t kFreeTextCap = 500;
constexpr std::size_t kMaxConditions = 16;
constexpr std::size_t kRuleCap = 64;

// ---- Rules: each returns the first field that breaks its rule, or nullptr.

const char* invalidField(const Patient& v) {
    if (!textOk(v.name, kNameCap, true)) return "name";
    if (!kanaOk(v.kana)) return "kana";
    if (!dateOk(v.birth_date)) return "birth_date";
    if (v.conditions.size() > kMaxConditions) return "conditions";
    for (const auto& c : v.conditions) {
        if (!textOk(c, kNameCap, true)) return "conditions";
    }
    if (!textOk(v.municipality, kShortCap, true)) return "municipality";
    return nullptr;
}

const char* invalidField(const Consent& v) {
    if (!dateOk(v.date)) return "date";
    if (!userIdOk(v.obtained_by)) return "obtained_by";
    if (v.from_patient ? !v.family_relation.empty()
                       : !textOk(v.family_relation, kShortCap, true)) {
        return "family_relation";
    }
    if (v.scan_mxc && !matrix::parseMxcUri(*v.scan_mxc).ok()) return "scan_mxc";
    // ISO dates compare as strings: a withdrawal cannot precede the consent.
    if (v.withdrawn_date && (!dateOk(*v.withdrawn_date) || *v.withdrawn_date < v.date)) {
        return "withdrawn_date";
    }
    return nullptr;
}

const char* invalidField(const MemberProfile& v) {
    if (!textOk(v.office, kNameCap, true)) return "office";
    if (!textOk(v.office_kind, kShortCap, false)) return "office_kind";
    if (!textOk(v.municipality, kShortCap, false)) return "municipality";
    if (!textOk(v.team_role, kShortCap, false)) return "team_role";
    return nullptr;
}

bool ruleNameOk(std::string_view rule) {
    if (rule.empty() || rule.size() > kRuleCap) return false;
    for (const char ch : rule) {
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_')) return false;
    }
    return true;
}

const char* invalidField(const RuleException& v) {
    if (!ruleNameOk(v.rule)) return "rule";
    if (!textOk(v.reason, kFreeTextCap, true, true)) return "reason";
    return nullptr;
}

const char* invalidField(const Closure& v) {
    if (!dateOk(v.date)) return "date";
    if (!textOk(v.note, kFreeTextCap, v.reason == ClosureReason::Other, true)) return "note";
    return nullptr;
}

Failure refusal(const char* shape, const char* field) {
    // Names the field only: the value may be a patient datum.
    return fail(ErrorKind::InvalidArgument, std::string(shape) + "." + field + ": breaks its rule");
}

// ---- Reading: a field of the wrong JSON type makes the whole shape absent.

/// Reads fields of one content object; any mismatch turns ok() false for good.
class Reader {
public:
    explicit Reader(const json& c) : c_(c), ok_(c.is_object() && schemaOk(c)) {}
    [[nodiscard]] bool ok() const { return ok_; }

    /// A string field; "" when absent and not required.
    std::string text(const char* key, bool required) {
        const json* v = find(key, required);
        if (!v) return {};
        if (!v->is_string()) return ok_ = false, std::string{};
        return v->get<std::string>();
    }
    std::optional<std::string> optionalText(const char* key) {
        if (!ok_ || !c_.contains(key)) return std::nullopt;
        return text(key, true);
    }
    bool boolean(const char* key) {
        const json* v = find(key, true);
        if (!v) return false;
        if (!v->is_boolean()) return ok_ = false;
        return v->get<bool>();
    }
    /// An enum field read through its fromWire; `fallback` when absent (nullopt: required).
    template <class E>
    E choice(const char* key, std::optional<E> (*fromWire)(const std::string&),
             std::optional<E> fallback) {
        if (ok_ && !c_.contains(key) && fallback) return *fallback;
        const std::string s = text(key, true);
        const auto e = ok_ ? fromWire(s) : std::nullopt;
        if (!e) ok_ = false;
        return e.value_or(E{});
    }
    std::vector<std::string> list(const char* key, std::size_t max_entries) {
        std::vector<std::string> out;
        const json* v = find(key, false);
        if (!v) return out;
        if (!v->is_array() || v->size() > max_entries) return ok_ = false, out;
        for (const auto& e : *v) {
            if (!e.is_string()) return ok_ = false, out;
            out.push_back(e.get<std::string>());
        }
        return out;
    }

private:
    static bool schemaOk(const json& c) {
        const auto it = c.find("schema");
        if (it == c.end()) return true;  // written before `schema` existed: version 1
        if (it->is_number_unsigned()) return it->get<std::uint64_t>() >= 1;
        return it->is_number_integer() && it->get<std::int64_t>() >= 1;
    }
    const json* find(const char* key, bool required) {
        if (!ok_) return nullptr;
        const auto it = c_.find(key);
        if (it == c_.end()) {
            if (required) ok_ = false;
            return nullptr;
        }
        return &*it;
    }

    const json& c_;
    bool ok_;
};

template <class T>
std::optional<T> checked(const Reader& r, T v) {
    if (!r.ok() || invalidField(v)) return std::nullopt;
    return v;
}

json withSchema(std::string body) {
    return json{{"schema", kSchemaVersion}, {"body", std::move(body)}};
}

std::string consentPhrase(ConsentMethod m) {
    // 「対面で取得」「郵送で取得」「家族を通じて取得」
    return labelJa(m) + (m == ConsentMethod::ThroughFamily ? "取得" : "で取得");
}

}  // namespace

Result<json> toContent(const Patient& v) {
    if (const char* field = invalidField(v)) return refusal("patient", field);
    json c = withSchema("利用者: " + v.name + "（" + v.kana + "）");
    c["name"] = v.name;
    c["kana"] = v.kana;
    c["birth_date"] = v.birth_date;
    c["sex"] = toWire(v.sex);
    c["care_level"] = toWire(v.care_level);
    c["conditions"] = v.conditions;
    c["municipality"] = v.municipality;
    return c;
}

Result<json> toContent(const Consent& v) {
    if (const char* field = invalidField(v)) return refusal("consent", field);
    std::string body = "利用者同意: " + v.date + " " + consentPhrase(v.method) +
                       (v.from_patient ? "（本人）" : "（家族: " + v.family_relation + "）");
    if (v.withdrawn_date) body += "、" + *v.withdrawn_date + " 撤回";
    json c = withSchema(std::move(body));
    c["date"] = v.date;
    c["method"] = toWire(v.method);
    c["obtained_by"] = v.obtained_by;
    c["from_patient"] = v.from_patient;
    if (!v.from_patient) c["family_relation"] = v.family_relation;
    if (v.scan_mxc) c["scan_mxc"] = *v.scan_mxc;
    if (v.withdrawn_date) c["withdrawn_date"] = *v.withdrawn_date;
    return c;
}

Result<json> toContent(const MemberProfile& v) {
    if (const char* field = invalidField(v)) return refusal("member", field);
    json c = withSchema(labelJa(v.profession) + "・" + v.office);
    c["profession"] = toWire(v.profession);
    c["office"] = v.office;
    c["office_kind"] = v.office_kind;
    c["municipality"] = v.municipality;
    c["team_role"] = v.team_role;
    return c;
}

Result<json> toContent(const RuleException& v) {
    if (const char* field = invalidField(v)) return refusal("rule_exception", field);
    const std::string what =
        v.rule == kRuleNoPhysician ? std::string("主治医なしで開設") : "ルールの例外 (" + v.rule + ")";
    json c = withSchema(what + ": " + v.reason);
    c["reason"] = v.reason;
    return c;
}

Result<json> toContent(const Closure& v) {
    if (const char* field = invalidField(v)) return refusal("closure", field);
    std::string body = "部屋の終了: " + labelJa(v.reason) + " (" + v.date + ")";
    if (!v.note.empty()) body += " " + v.note;
    json c = withSchema(std::move(body));
    c["reason"] = toWire(v.reason);
    c["date"] = v.date;
    c["note"] = v.note;
    return c;
}

std::optional<Patient> parsePatient(const json& content) {
    Reader r(content);
    Patient v;
    v.name = r.text("name", true);
    v.kana = r.text("kana", true);
    v.birth_date = r.text("birth_date", true);
    v.sex = r.choice("sex", &sexFromWire, std::optional(Sex::Unknown));
    v.care_level = r.choice("care_level", &careLevelFromWire, std::optional(CareLevel::None));
    v.conditions = r.list("conditions", kMaxConditions);
    v.municipality = r.text("municipality", true);
    return checked(r, std::move(v));
}

std::optional<Consent> parseConsent(const json& content) {
    Reader r(content);
    Consent v;
    v.date = r.text("date", true);
    v.method = r.choice<ConsentMethod>("method", &consentMethodFromWire, std::nullopt);
    v.obtained_by = r.text("obtained_by", true);
    v.from_patient = r.boolean("from_patient");
    v.family_relation = r.text("family_relation", false);
    v.scan_mxc = r.optionalText("scan_mxc");
    v.withdrawn_date = r.optionalText("withdrawn_date");
    return checked(r, std::move(v));
}

std::optional<MemberProfile> parseMemberProfile(const json& content) {
    Reader r(content);
    MemberProfile v;
    v.profession = r.choice<Profession>("profession", &professionFromWire, std::nullopt);
    v.office = r.text("office", true);
    v.office_kind = r.text("office_kind", false);
    v.municipality = r.text("municipality", false);
    v.team_role = r.text("team_role", false);
    return checked(r, std::move(v));
}

std::optional<RuleException> parseRuleException(const std::string& state_key, const json& content) {
    Reader r(content);
    RuleException v;
    v.rule = state_key;
    v.reason = r.text("reason", true);
    return checked(r, std::move(v));
}

std::optional<Closure> parseClosure(const json& content) {
    Reader r(content);
    Closure v;
    v.reason = r.choice<ClosureReason>("reason", &closureReasonFromWire, std::nullopt);
    v.date = r.text("date", true);
    v.note = r.text("note", false);
    return checked(r, std::move(v));
}

std::optional<MemberProfile> memberFromState(const std::string& sender,
                                             const std::string& state_key, const json& content) {
    if (sender != state_key || !userIdOk(state_key)) return std::nullopt;
    return parseMemberProfile(content);
}

PostContext parsePostContext(const json& content) {
    PostContext out;
    if (!content.is_object()) return out;
    const auto scene = content.find(kSceneKey);
    if (scene != content.end() && scene->is_string()) {
        out.scene = sceneFromWire(scene->get<std::string>());
    }
    const auto urgent = content.find(kUrgentKey);
    out.urgent = urgent != content.end() && urgent->is_boolean() && urgent->get<bool>();
    return out;
}

void addPostContext(json& content, const PostContext& context) {
    if (!content.is_object()) return;
    if (context.scene) content[kSceneKey] = toWire(*context.scene);
    if (context.urgent) content[kUrgentKey] = true;
}

}  // namespace renkei::care
