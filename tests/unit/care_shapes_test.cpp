// Unit tests for the care domain's Matrix shapes: what a reading client sees in each state
// content, that a hostile member's malformed content reads as absent, and the /createRoom
// request of a patient room (who may write what). Test data is fictional.
#include <catch2/catch_test_macros.hpp>
#include <string>
#include <vector>

#include "http/curl_transport.h"
#include "care/care_types.h"
#include "http/transport.h"
#include "matrix/client.h"

using namespace renkei;
using namespace renkei::care;
using nlohmann::json;

namespace {

Patient patient() {
    return Patient{"山田 花子", "やまだ はなこ", "1940-02-29", Sex::Female, CareLevel::Care3,
                   {"慢性心不全", "糖尿病"}, "柏市"};
}
Consent consent() {
    return Consent{"2026-11-20", ConsentMethod::InPerson, "@sato:kashiwa.example.jp", true, "",
                   std::nullopt, std::nullopt};
}
MemberProfile nurse() {
    return MemberProfile{Profession::VisitingNurse, "みなと訪問看護ステーション",
                         "訪問看護ステーション", "柏市", "訪問看護"};
}

bool same(const Patient& a, const Patient& b) {
    return a.name == b.name && a.kana == b.kana && a.birth_date == b.birth_date && a.sex == b.sex &&
           a.care_level == b.care_level && a.conditions == b.conditions &&
           a.municipality == b.municipality;
}
bool same(const Consent& a, const Consent& b) {
    return a.date == b.date && a.method == b.method && a.obtained_by == b.obtained_by &&
           a.from_patient == b.from_patient && a.family_relation == b.family_relation &&
           a.scan_mxc == b.scan_mxc && a.withdrawn_date == b.withdrawn_date;
}
bool same(const MemberProfile& a, const MemberProfile& b) {
    return a.profession == b.profession && a.office == b.office && a.office_kind == b.office_kind &&
           a.municipality == b.municipality && a.team_role == b.team_role;
}

json contentOf(const Result<json>& r) {
    REQUIRE(r.ok());
    return r.value();
}

/// `content` with `key` set to `value`: one hostile change to a valid content.
json with(json content, const char* key, json value) {
    content[key] = std::move(value);
    return content;
}
json without(json content, const char* key) {
    content.erase(key);
    return content;
}

const json* stateOf(const matrix::CreateRoomRequest& req, const std::string& type,
                    const std::string& key) {
    for (const auto& e : req.initial_state) {
        if (e.at("type") == type && e.at("state_key") == key) return &e.at("content");
    }
    return nullptr;
}

/// Level needed to send a state event of `type` under `pl` (spec: m.room.power_levels).
int stateLevel(const json& pl, const std::string& type) {
    return pl.at("events").contains(type) ? pl.at("events").at(type).get<int>()
                                          : pl.at("state_default").get<int>();
}
int userLevel(const json& pl, const std::string& user) {
    return pl.at("users").contains(user) ? pl.at("users").at(user).get<int>()
                                         : pl.at("users_default").get<int>();
}

PatientRoomPlan plan() {
    PatientRoomPlan p;
    p.patient = patient();
    p.consent = consent();
    p.opener = nurse();
    p.team = {{"@tanaka:kashiwa.example.jp", "主治医", true},
              {"@suzuki:kashiwa.example.jp", "ケアマネジャー", false}};
    p.creation_id = "c-7f3a";
    return p;
}
const std::string kOpener = "@minato:kashiwa.example.jp";

}  // namespace

TEST_CASE("every enum's wire values read back, unknown ones do not", "[care]") {
    for (auto v : {CareLevel::Support1, CareLevel::Care5, CareLevel::Applying, CareLevel::None}) {
        CHECK(careLevelFromWire(toWire(v)) == v);
    }
    CHECK(toWire(CareLevel::Care1) == "care_1");
    CHECK(toWire(Profession::CommunityCenter) == "community_center");
    CHECK(professionFromWire(toWire(Profession::Msw)) == Profession::Msw);
    CHECK(sexFromWire("female") == Sex::Female);
    CHECK(consentMethodFromWire("through_family") == ConsentMethod::ThroughFamily);
    CHECK(sceneFromWire("end_of_life") == Scene::EndOfLife);
    CHECK(closureReasonFromWire("death") == ClosureReason::Death);
    for (const char* bad : {"", "Care_1", "care_6", "care_1 ", "CARE_1"}) {
        CHECK_FALSE(careLevelFromWire(bad));
    }
    CHECK_FALSE(professionFromWire("doctor"));
    CHECK_FALSE(sceneFromWire("daily"));
}

TEST_CASE("a patient round-trips with schema and a readable body", "[care]") {
    const json c = contentOf(toContent(patient()));
    CHECK(c.at("schema") == 1);
    CHECK(c.at("body") == "利用者: 山田 花子（やまだ はなこ）");
    CHECK(c.at("birth_date") == "1940-02-29");
    CHECK(c.at("care_level") == "care_3");
    auto back = parsePatient(c);
    REQUIRE(back);
    CHECK(same(*back, patient()));
    // A newer schema is read for the fields it knows; a missing one counts as 1.
    CHECK(parsePatient(with(c, "schema", 2)));
    CHECK(parsePatient(without(c, "schema")));
    // Katakana, ー, ・ and an ideographic space are ふりがな too.
    Patient p = patient();
    p.kana = "ヤマダ　ハナコ・マリー";
    CHECK(parsePatient(contentOf(toContent(p))));
}

TEST_CASE("a malformed patient reads as absent and is refused when written", "[care]") {
    const json c = contentOf(toContent(patient()));
    std::string name65;
    for (int i = 0; i < 65; ++i) name65 += "花";
    std::string name64;
    for (int i = 0; i < 64; ++i) name64 += "花";
    CHECK(parsePatient(with(c, "name", name64)));  // the cap itself is fine
    const std::vector<json> hostile = {
        with(c, "name", 42),
        with(c, "name", json::array({"山田"})),
        with(c, "name", json{{"ja", "山田"}}),
        with(c, "name", ""),
        with(c, "name", name65),
        with(c, "name", std::string(std::size_t{1} << 20, 'a')),
        with(c, "name", std::string("山田\xE3\x81")),  // cut UTF-8
        with(c, "name", std::string("\xC0\xAF")),       // overlong "/"
        with(c, "name", "山田\x07"),
        with(c, "kana", "山田はなこ"),
        with(c, "kana", "yamada"),
        with(c, "kana", "　"),
        with(c, "kana", ""),
        with(c, "birth_date", "2026-02-30"),
        with(c, "birth_date", "1939-02-29"),
        with(c, "birth_date", "1899-12-31"),
        with(c, "birth_date", "2026-13-01"),
        with(c, "birth_date", "2026-1-01"),
        with(c, "birth_date", "２０２６-01-01"),
        with(c, "birth_date", 19400229),
        with(c, "sex", "f"),
        with(c, "care_level", "care_6"),
        with(c, "care_level", 3),
        with(c, "conditions", "慢性心不全"),
        with(c, "conditions", json::array({"慢性心不全", 1})),
        with(c, "conditions", json::array({json::array({"慢性心不全"})})),
        with(c, "conditions", json(std::vector<std::string>(17, "高血圧"))),
        with(c, "municipality", nullptr),
        without(c, "municipality"),
        without(c, "kana"),
        with(c, "schema", 0),
        with(c, "schema", "1"),
        json::array(),
        json("利用者"),
    };
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        INFO("hostile content #" << i);
        CHECK_FALSE(parsePatient(hostile[i]));
    }
    Patient p = patient();
    p.kana = "やまだ花子";
    auto refused = toContent(p);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::InvalidArgument);
    CHECK(refused.error().message.find("kana") != std::string::npos);
    CHECK(refused.error().message.find("花子") == std::string::npos);  // no patient datum
    p = patient();
    p.birth_date = "2026-02-30";
    CHECK_FALSE(toContent(p).ok());
}

TEST_CASE("a consent round-trips; family, scan and withdrawal are checked", "[care]") {
    const json c = contentOf(toContent(consent()));
    CHECK(c.at("body") == "利用者同意: 2026-11-20 対面で取得（本人）");
    CHECK(c.at("schema") == 1);
    REQUIRE(parseConsent(c));
    CHECK(same(*parseConsent(c), consent()));

    Consent family = consent();
    family.method = ConsentMethod::ThroughFamily;
    family.from_patient = false;
    family.family_relation = "長女";
    family.scan_mxc = "mxc://kashiwa.example.jp/ConsentScan01";
    family.withdrawn_date = "2026-12-01";
    const json f = contentOf(toContent(family));
    CHECK(f.at("body") == "利用者同意: 2026-11-20 家族を通じて取得（家族: 長女）、2026-12-01 撤回");
    REQUIRE(parseConsent(f));
    CHECK(same(*parseConsent(f), family));

    const std::vector<json> hostile = {
        without(f, "family_relation"),  // from family, but whose relation?
        with(c, "family_relation", "長女"),  // from the patient, yet a relation
        with(c, "from_patient", "true"),
        without(c, "from_patient"),
        with(c, "method", "by_phone"),
        with(c, "obtained_by", "sato"),
        with(c, "obtained_by", "@sato"),
        with(c, "obtained_by", "@:kashiwa.example.jp"),
        with(c, "obtained_by", "@sato:kashiwa example"),
        with(c, "date", "2026-11-31"),
        with(f, "scan_mxc", "https://kashiwa.example.jp/scan.pdf"),
        with(f, "scan_mxc", "mxc://kashiwa.example.jp/../x"),
        with(f, "scan_mxc", nullptr),
        with(f, "withdrawn_date", "2026-11-19"),  // before the consent itself
        with(f, "withdrawn_date", "2026-02-29"),
    };
    for (std::size_t i = 0; i < hostile.size(); ++i) {
        INFO("hostile content #" << i);
        CHECK_FALSE(parseConsent(hostile[i]));
    }
}

TEST_CASE("a member profile counts only from the member themself", "[care]") {
    const json c = contentOf(toContent(nurse()));
    CHECK(c.at("body") == "訪問看護師・みなと訪問看護ステーション");
    const std::string me = "@minato:kashiwa.example.jp";
    auto back = memberFromState(me, me, c);
    REQUIRE(back);
    CHECK(same(*back, nurse()));
    // Another member writing a profile under my id is a forgery.
    CHECK_FALSE(memberFromState("@mallory:kashiwa.example.jp", me, c));
    CHECK_FALSE(memberFromState("", "", c));
    CHECK_FALSE(memberFromState("minato", "minato", c));
    CHECK_FALSE(memberFromState(me, me, with(c, "profession", "surgeon")));
    CHECK_FALSE(memberFromState(me, me, with(c, "office", "")));
    CHECK_FALSE(memberFromState(me, me, with(c, "team_role", std::string(33, 'x'))));
    CHECK_FALSE(memberFromState(me, me, with(c, "office_kind", 1)));
    // Only office and profession are needed.
    json minimal = {{"profession", "pharmacist"}, {"office", "かしわ薬局"}};
    REQUIRE(memberFromState(me, me, minimal));
    CHECK(memberFromState(me, me, minimal)->team_role.empty());
}

TEST_CASE("rule exceptions and closures round-trip with readable bodies", "[care]") {
    const RuleException ex{kRuleNoPhysician, "主治医は来週決定予定"};
    const json e = contentOf(toContent(ex));
    CHECK(e.at("body") == "主治医なしで開設: 主治医は来週決定予定");
    auto eback = parseRuleException(kRuleNoPhysician, e);
    REQUIRE(eback);
    CHECK(eback->rule == ex.rule);
    CHECK(eback->reason == ex.reason);
    CHECK_FALSE(parseRuleException("", e));
    CHECK_FALSE(parseRuleException("No Physician", e));
    CHECK_FALSE(parseRuleException(kRuleNoPhysician, with(e, "reason", "")));
    CHECK_FALSE(parseRuleException(kRuleNoPhysician, with(e, "reason", std::string(501, 'a'))));
    CHECK(parseRuleException(kRuleNoPhysician, with(e, "reason", std::string(500, 'a'))));

    const Closure cl{ClosureReason::Death, "2026-12-01", ""};
    const json c = contentOf(toContent(cl));
    CHECK(c.at("body") == "部屋の終了: 死亡 (2026-12-01)");
    auto cback = parseClosure(c);
    REQUIRE(cback);
    CHECK(cback->reason == cl.reason);
    CHECK(cback->date == cl.date);
    CHECK(cback->note.empty());
    // "Other" needs its note; unknown reasons and bad dates read as absent.
    CHECK_FALSE(toContent(Closure{ClosureReason::Other, "2026-12-01", ""}).ok());
    CHECK_FALSE(parseClosure(with(c, "reason", "other")));
    CHECK(parseClosure(with(with(c, "reason", "other"), "note", "長期入院のため")));
    CHECK_FALSE(parseClosure(with(c, "reason", "lost")));
    CHECK_FALSE(parseClosure(with(c, "date", "2026-04-31")));
    CHECK_FALSE(parseClosure(with(c, "note", json{{"x", 1}})));
}

TEST_CASE("a post's scene and urgency read only from well-formed keys", "[care]") {
    json content = {{"msgtype", "m.text"}, {"body", "血圧 150/90"}};
    addPostContext(content, PostContext{Scene::AcuteChange, true});
    CHECK(content.at(kSceneKey) == "acute_change");
    CHECK(content.at(kUrgentKey) == true);
    auto ctx = parsePostContext(content);
    CHECK(ctx.scene == Scene::AcuteChange);
    CHECK(ctx.urgent);

    json plain = {{"msgtype", "m.text"}, {"body", "x"}};
    addPostContext(plain, PostContext{});
    CHECK_FALSE(plain.contains(kSceneKey));
    CHECK_FALSE(plain.contains(kUrgentKey));

    for (const json& urgent : {json("true"), json(1), json(nullptr), json::array({true})}) {
        CHECK_FALSE(parsePostContext(with(content, kUrgentKey, urgent)).urgent);
    }
    for (const json& scene : {json("acute"), json(2), json::object()}) {
        CHECK_FALSE(parsePostContext(with(content, kSceneKey, scene)).scene);
    }
    CHECK_FALSE(parsePostContext(json::array()).scene);
}

TEST_CASE("a patient room's create request carries its type, id, state and levels", "[care]") {
    auto r = createRoomRequest(plan(), kOpener);
    REQUIRE(r.ok());
    const auto& req = *r;
    CHECK(req.room_type == std::string(kPatientRoomType));
    CHECK(req.creation_content.at(kCreationIdKey) == "c-7f3a");
    CHECK(req.name == "山田 花子");
    CHECK(req.preset == "private_chat");
    CHECK(req.invite ==
          std::vector<std::string>{"@tanaka:kashiwa.example.jp", "@suzuki:kashiwa.example.jp"});

    const json* hv = stateOf(req, "m.room.history_visibility", "");
    REQUIRE(hv);
    CHECK(hv->at("history_visibility") == "joined");
    const json* ga = stateOf(req, "m.room.guest_access", "");
    REQUIRE(ga);
    CHECK(ga->at("guest_access") == "forbidden");
    const json* p = stateOf(req, kPatientType, "");
    REQUIRE(p);
    CHECK(parsePatient(*p));
    const json* c = stateOf(req, kConsentType, "");
    REQUIRE(c);
    CHECK(parseConsent(*c));
    const json* m = stateOf(req, kMemberType, kOpener);
    REQUIRE(m);
    CHECK(memberFromState(kOpener, kOpener, *m));
    CHECK_FALSE(stateOf(req, kRuleExceptionType, kRuleNoPhysician));  // a physician is invited

    REQUIRE(req.power_level_content_override);
    const json& pl = *req.power_level_content_override;
    const std::string nurse_member = "@suzuki:kashiwa.example.jp";
    const std::string physician = "@tanaka:kashiwa.example.jp";
    CHECK(userLevel(pl, kOpener) == 100);
    CHECK(userLevel(pl, physician) == 50);
    CHECK(userLevel(pl, nurse_member) == 0);
    // A level-0 member posts and writes their own profile, not the patient's data.
    CHECK(pl.at("events_default") == 0);
    CHECK(stateLevel(pl, kMemberType) <= userLevel(pl, nurse_member));
    for (const char* guarded : {kPatientType, kConsentType, kClosureType, kRuleExceptionType,
                                "m.room.name", "m.room.topic"}) {
        INFO(guarded);
        CHECK(stateLevel(pl, guarded) > userLevel(pl, nurse_member));
        CHECK(stateLevel(pl, guarded) <= userLevel(pl, physician));
    }
    // Only the opener changes who holds power and who may read history.
    CHECK(stateLevel(pl, "m.room.power_levels") > userLevel(pl, physician));
    CHECK(stateLevel(pl, "m.room.history_visibility") > userLevel(pl, physician));
    CHECK(pl.at("invite").get<int>() > userLevel(pl, nurse_member));
    CHECK(pl.at("invite").get<int>() <= userLevel(pl, physician));
}

TEST_CASE("a patient room without a physician records the reason as a rule exception",
          "[care]") {
    PatientRoomPlan p = plan();
    p.team[0].attending_physician = false;
    auto refused = createRoomRequest(p, kOpener);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::InvalidArgument);
    CHECK(refused.error().message == "attending physician or reason required");
    p.no_physician_reason = "";
    CHECK_FALSE(createRoomRequest(p, kOpener).ok());

    p.no_physician_reason = "主治医は来週決定予定";
    auto r = createRoomRequest(p, kOpener);
    REQUIRE(r.ok());
    const json* ex = stateOf(*r, kRuleExceptionType, kRuleNoPhysician);
    REQUIRE(ex);
    REQUIRE(parseRuleException(kRuleNoPhysician, *ex));
    CHECK(parseRuleException(kRuleNoPhysician, *ex)->reason == "主治医は来週決定予定");
    CHECK(r->power_level_content_override->at("users").size() == 1);

    // An opener who is a physician needs no reason.
    p = plan();
    p.team[0].attending_physician = false;
    p.opener.profession = Profession::Physician;
    auto by_physician = createRoomRequest(p, kOpener);
    REQUIRE(by_physician.ok());
    CHECK_FALSE(stateOf(*by_physician, kRuleExceptionType, kRuleNoPhysician));
}

TEST_CASE("a patient room plan is refused without consent, id or a sound team", "[care]") {
    auto expectRefused = [](const PatientRoomPlan& p, const std::string& opener) {
        auto r = createRoomRequest(p, opener);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().kind == ErrorKind::InvalidArgument);
        CHECK(r.error().message.find("花子") == std::string::npos);
        return r.error().message;
    };
    PatientRoomPlan p = plan();
    p.consent.reset();
    CHECK(expectRefused(p, kOpener) == "consent required");

    p = plan();
    p.creation_id.clear();
    expectRefused(p, kOpener);

    p = plan();
    p.team.push_back({"@suzuki:kashiwa.example.jp", "薬剤師", false});
    expectRefused(p, kOpener);

    p = plan();
    p.team.push_back({kOpener, "訪問看護", false});
    expectRefused(p, kOpener);

    p = plan();
    p.team.push_back({"suzuki", "薬剤師", false});
    expectRefused(p, kOpener);

    expectRefused(plan(), "minato");

    p = plan();
    p.patient.kana = "Yamada";
    CHECK(expectRefused(p, kOpener).find("kana") != std::string::npos);

    p = plan();
    p.consent->date = "2026-02-30";
    expectRefused(p, kOpener);
}

TEST_CASE("createRoom refuses a creation_content that is not an object before any request",
          "[care][matrix]") {
    // What the room carries on the wire is checked against Synapse (integration_patient_room).
    matrix::MatrixClient client(std::make_shared<http::CurlTransport>(), "https://kashiwa.example.jp");
    client.setAccessToken("syt_not_a_real_token");
    matrix::CreateRoomRequest bad;
    bad.creation_content = json::array();
    auto refused = client.createRoom(bad);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().kind == ErrorKind::InvalidArgument);
}
