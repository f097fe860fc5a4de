"""Structured posts (jp.renkei.record) for the demo seeding (seed_demo.py).

One builder per kind makes the m.room.message content exactly as Renkei writes it
(core/care/care_record.cpp recordContent and each kind's *Lines/*Content in
core/care/care_record_*.cpp; wire shapes in core/care/SCHEMA.md "Structured posts"):
msgtype m.text, body 【title】 then one `label: value` line per filled field,
formatted_body as <p><strong>title</strong></p><ul><li>…</li></ul>, and the record with
kind and schema 1. Numbers are integers only (℃ and kg in tenths, measured_at in ms);
dates and times are shown in Japan time. Standard library only; every name is fictional.

room_records(key) gives a room's structured entries for seed_demo's schedule:
(days ago, "HH:MM", author, payload), the payload a Record (content built from the post's
own timestamp and the event ids sent before it) or a Reaction (確認しました on a record).
"""
import random
from datetime import datetime, timedelta, timezone

SCHEMA = 1
JST = timezone(timedelta(hours=9))
ACK_KEY = "確認しました"
CM, NS, DR, PH = "cm.takahashi", "nurse.sato", "dr.tanaka", "pharm.suzuki"
NAMES = {CM: ("高橋 健一", "介護支援専門員"), NS: ("佐藤 美咲", "訪問看護師"),
         DR: ("田中 誠", "主治医"), PH: ("鈴木 由美", "薬剤師")}


class Record:
    """A structured post: build(ctx) -> content; ref names it for later reactions."""

    def __init__(self, build, ref=None):
        self.build, self.ref = build, ref


class Reaction:
    def __init__(self, ref):
        self.ref = ref


class Ctx:
    """What a builder may use: the post's timestamp (ms), a day's date (JST) and the event
    ids of the room's earlier records by ref."""

    def __init__(self, ts, date_of, refs):
        self.ts, self.date_of, self.refs = ts, date_of, refs


def jst_minute(ms):
    """care::localMinute at +09:00: YYYY-MM-DD HH:MM."""
    return datetime.fromtimestamp(ms // 60_000 * 60, JST).strftime("%Y-%m-%d %H:%M")


def jst_date(ms):
    return jst_minute(ms)[:10]


def html_escaped(text):
    """matrix::appendHtmlEscaped: & < > \" only."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def record_content(kind, title, record, lines, scene=None):
    """care::recordContent: lines with an empty value are left out of body and html."""
    body, html = f"【{title}】", f"<p><strong>{html_escaped(title)}</strong></p><ul>"
    for label, value in lines:
        if not value:
            continue
        body += f"\n{label}: {value}"
        html += (f"<li><strong>{html_escaped(label)}</strong>: "
                 + "<br>".join(html_escaped(part) for part in value.split("\n")) + "</li>")
    html += "</ul>"
    content = {"msgtype": "m.text", "body": body, "format": "org.matrix.custom.html",
               "formatted_body": html,
               "jp.renkei.record": dict(record, kind=kind, schema=SCHEMA)}
    if scene:
        content["jp.renkei.scene"] = scene
    return content


def participants_text(people):
    return "、".join(f"{p['name']}（{p['role']}）" for p in people)


# --- vitals (care_record_vitals.cpp) ----------------------------------------------------

# wire key, label, unit, decimals: kMeasures' order after the blood pressure line.
MEASURES = [("pulse_per_min", "脈拍", "/分", 0), ("temperature_c_tenths", "体温", "℃", 1),
            ("spo2_percent", "SpO2", "%", 0), ("respiration_per_min", "呼吸数", "/分", 0),
            ("weight_kg_tenths", "体重", "kg", 1), ("meal_intake_percent", "食事摂取量", "%", 0),
            ("fluid_intake_ml", "水分摂取量", "mL", 0)]
BOWEL = {"yes": "あり", "no": "なし", "diarrhea": "下痢", "constipation": "便秘"}


def vitals(measured_at, systolic=None, diastolic=None, bowel=None, note="", scene=None, **m):
    """m: the other measures by wire key, integers (tenths for ℃ and kg)."""
    record, lines = {}, []
    if systolic is not None:
        assert diastolic is not None and 40 <= systolic <= 300 and 20 <= diastolic < systolic
        record.update(systolic_mmhg=systolic, diastolic_mmhg=diastolic)
        lines.append(("血圧", f"{systolic}/{diastolic} mmHg"))
    for key, label, unit, decimals in MEASURES:
        if key in m:
            value = m.pop(key)
            assert isinstance(value, int)
            record[key] = value
            lines.append((label, f"{value / 10:.1f} {unit}" if decimals else f"{value} {unit}"))
    assert not m, f"unknown measures {sorted(m)}"
    if bowel:
        record["bowel"] = bowel
        lines.append(("排便", BOWEL[bowel]))
    record["measured_at"] = measured_at
    lines.append(("測定", jst_minute(measured_at)))
    if note:
        record["note"] = note
        lines.append(("メモ", note))
    return record_content("vitals", "バイタル", record, lines, scene)


# --- medication (care_record_medication.cpp) --------------------------------------------

CHANGE = {"start": "開始", "change": "変更", "stop": "中止", "continue": "継続"}
ADHERENCE = {"good": "良好", "sometimes_missed": "時々忘れる", "poor": "不良"}


def medication(drug, change="continue", dosage="", adherence=None, leftover_doses=None,
               side_effects="", note="", scene=None):
    record = {"drug": drug, "change": change}
    if dosage:
        record["dosage"] = dosage
    if adherence:
        record["adherence"] = adherence
    if leftover_doses is not None:
        record["leftover_doses"] = leftover_doses
    if side_effects:
        record["side_effects"] = side_effects
    if note:
        record["note"] = note
    lines = [("薬剤", drug), ("変更", CHANGE[change]), ("用法・用量", dosage)]
    if adherence:
        lines.append(("服薬状況", ADHERENCE[adherence]))
    if leftover_doses is not None:
        lines.append(("残薬", f"{leftover_doses}回分"))
    lines += [("副作用", side_effects), ("メモ", note)]
    return record_content("medication", "服薬", record, lines, scene)


# --- physician_update (care_record_physician.cpp) ---------------------------------------

def physician_update(next_visit_date, policy_changed, change_summary="", cautions="",
                     scene=None):
    assert bool(change_summary) == policy_changed
    record = {"next_visit_date": next_visit_date, "policy_changed": policy_changed,
              "change_summary": change_summary, "cautions": cautions}
    lines = [("次回訪問予定日", next_visit_date),
             ("治療方針の変更", "あり" if policy_changed else "なし"),
             ("変更の内容", change_summary), ("療養上の留意点", cautions)]
    return record_content("physician_update", "医師からの情報共有", record, lines, scene)


# --- acp (care_record_acp.cpp) ----------------------------------------------------------

PLACE = {"home": "自宅", "hospital": "病院", "facility": "施設", "undecided": "未定",
         "other": "その他"}
TREATMENTS = [("cpr", "心肺蘇生"), ("mechanical_ventilation", "人工呼吸器"),
              ("tube_feeding", "経管栄養（胃ろう等）"), ("iv_fluids", "点滴"),
              ("dialysis", "人工透析"), ("hospital_transfer", "救急搬送・入院")]
WISH = {"wanted": "希望する", "not_wanted": "希望しない", "undecided": "未定"}


def acp(discussion_date, participants, place_of_care="undecided", place_of_death="undecided",
        life_sustaining=None, wishes="", surrogate=None, revision=1, supersedes=None, note="",
        scene=None):
    """Places are enum values (no "other" here: its detail is not needed by the demo)."""
    treatments = life_sustaining or {}
    record = {"place_of_care": {"place": place_of_care, "detail": ""},
              "place_of_death": {"place": place_of_death, "detail": ""},
              "life_sustaining": dict(treatments), "wishes": wishes,
              "discussion_date": discussion_date, "participants": participants,
              "revision": revision, "note": note}
    if surrogate:
        record["surrogate"] = surrogate
    if supersedes:
        record["supersedes"] = supersedes
    lines = [("療養の場所", PLACE[place_of_care]), ("最期を迎えたい場所", PLACE[place_of_death])]
    lines += [(label, WISH[treatments[key]]) for key, label in TREATMENTS if key in treatments]
    lines += [("本人の思い", wishes),
              ("代理意思決定者", f"{surrogate['name']}（{surrogate['relation']}）" if surrogate else ""),
              ("話し合いの日", discussion_date), ("話し合いの参加者", participants_text(participants)),
              ("版", f"第{revision}版"), ("メモ", note)]
    return record_content("acp", "人生の最終段階における意向", record, lines, scene)


# --- discharge_guidance (care_record_discharge.cpp) -------------------------------------

ADL_ITEMS = [("eating", "食事"), ("toileting", "排泄"), ("mobility", "移動"),
             ("bathing", "入浴"), ("dressing", "更衣")]
ADL_LEVEL = {"independent": "自立", "partial_assist": "一部介助", "full_assist": "全介助"}
DISCHARGE_TEXTS = ["hospital", "ward", "admission_date", "planned_discharge_date",
                   "hospital_physician", "home_physician", "diagnosis", "hospital_course",
                   "adl_note", "medications", "services", "equipment", "family",
                   "conference_date", "follow_up"]


def discharge_guidance(participants, adl=None, procedures=(), scene=None, **texts):
    assert set(texts) <= set(DISCHARGE_TEXTS)
    t = {key: texts.get(key, "") for key in DISCHARGE_TEXTS}
    assert t["admission_date"] <= t["conference_date"] <= t["planned_discharge_date"]
    adl = adl or {}
    record = dict(t, adl=dict(adl), procedures=list(procedures), participants=participants)
    adl_text = "、".join(f"{label} {ADL_LEVEL[adl[key]]}" for key, label in ADL_ITEMS
                        if key in adl)
    lines = [("医療機関", t["hospital"]), ("病棟", t["ward"]), ("入院日", t["admission_date"]),
             ("退院予定日", t["planned_discharge_date"]), ("病院の主治医", t["hospital_physician"]),
             ("在宅の主治医", t["home_physician"]), ("診断名", t["diagnosis"]),
             ("入院中の経過", t["hospital_course"]), ("ADL", adl_text), ("ADLの補足", t["adl_note"]),
             ("在宅での医療処置", "、".join(procedures)), ("服薬", t["medications"]),
             ("予定する看護・介護サービス", t["services"]), ("福祉用具・医療機器", t["equipment"]),
             ("家族の状況と意向", t["family"]), ("共同指導の日", t["conference_date"]),
             ("共同指導の参加者", participants_text(participants)), ("退院後の確認事項", t["follow_up"])]
    return record_content("discharge_guidance", "退院時共同指導記録票", record, lines, scene)


# --- The demo's three months ------------------------------------------------------------

# The visiting nurse's visits, about twice a week over 13 weeks (days ago).
VISITS = [90, 86, 83, 79, 76, 72, 69, 65, 62, 58, 55, 51, 48, 44, 41, 37, 34, 30, 27, 23,
          20, 16, 13, 9, 6, 2]


def hhmm_plus(hhmm, minutes):
    h, m = map(int, hhmm.split(":"))
    return f"{(h * 60 + m + minutes) // 60:02d}:{(h * 60 + m + minutes) % 60:02d}"


def vitals_series(seed, visit_time, series):
    """One vitals post per visit, sent ten minutes after measuring. series(day, rng) gives
    the measures of that visit (None: no visit)."""
    rng = random.Random(seed)
    out = []
    for day in VISITS + [5, 1]:
        measures = series(day, rng)
        if measures is None:
            continue
        out.append((day, hhmm_plus(visit_time, 10), NS, Record(
            lambda ctx, m=measures: vitals(ctx.ts - 10 * 60_000, **m))))
    return out


def matsumoto_vitals(day, rng):
    """慢性心不全: diuresis and a smaller appetite take 3 kg in the last month (> 5 %)."""
    if day in (5, 1):
        return None
    weight = 436 + rng.randint(-2, 2) if day > 30 else 436 - round(30 * (30 - day) / 30)
    return dict(systolic=rng.randint(124, 138), diastolic=rng.randint(70, 80),
                pulse_per_min=rng.randint(72, 84), temperature_c_tenths=rng.randint(362, 368),
                spo2_percent=rng.randint(94, 97), respiration_per_min=rng.randint(16, 20),
                weight_kg_tenths=weight,
                meal_intake_percent=(rng.choice([80, 90, 100]) if day > 30
                                     else rng.choice([60, 70, 70, 80])),
                bowel=rng.choice(["yes", "yes", "constipation"]))


def inoue_vitals(day, rng):
    """COPD: SpO2 drifts down from 96 %, an admission for pneumonia (days 17-6), 91 % now."""
    if 6 <= day <= 17 or day == 2:
        return None
    if day == 5:
        return dict(systolic=124, diastolic=70, pulse_per_min=86, temperature_c_tenths=366,
                    spo2_percent=93, respiration_per_min=20, note="退院後。酸素 1 L/分")
    if day == 1:
        return dict(systolic=132, diastolic=76, pulse_per_min=96, temperature_c_tenths=372,
                    spo2_percent=91, respiration_per_min=24,
                    note="夜間に呼吸苦あり（口すぼめ呼吸で改善）。酸素 1 L/分")
    spo2 = 96 - round(4 * (90 - day) / 72) + rng.choice([0, 0, 1, -1])
    return dict(systolic=rng.randint(118, 130), diastolic=rng.randint(66, 76),
                pulse_per_min=rng.randint(78, 90), temperature_c_tenths=rng.randint(362, 370),
                spo2_percent=min(spo2, 97), respiration_per_min=rng.randint(18, 22),
                note="酸素 1 L/分")


def kimura_vitals(day, rng):
    """高血圧症: systolic climbs from about 134 to 184 mmHg in the last week."""
    if day in (5, 1):
        return None
    if day == 2:
        return dict(systolic=184, diastolic=98, pulse_per_min=78, temperature_c_tenths=364,
                    spo2_percent=97, note="頭重感の訴えあり。家庭血圧も 170 台が続いている")
    p = (90 - day) / 84
    systolic = round(134 + 44 * p ** 1.5) + rng.randint(-3, 3)
    return dict(systolic=systolic, diastolic=round(78 + 14 * p) + rng.randint(-2, 2),
                pulse_per_min=rng.randint(66, 76), temperature_c_tenths=rng.randint(360, 366),
                spo2_percent=rng.randint(96, 98),
                meal_intake_percent=rng.choice([50, 60, 80, 100]))


def acknowledged(ref, update_day, hhmm, readers):
    """確認しました by each reader: after 40 minutes, then a few hours apart."""
    out = []
    for k, reader in enumerate(readers):
        minutes = [40, 150, 320][k]
        day, t = update_day, hhmm_plus(hhmm, minutes)
        if int(t[:2]) >= 24:
            day, t = day - 1, f"{int(t[:2]) - 24:02d}{t[2:]}"
        out.append((day, t, reader, Reaction(ref)))
    return out


def updates(room, items, readers_of):
    """Physician's updates: (day, hhmm, next visit in days, changed summary, cautions)."""
    out = []
    for k, (day, hhmm, next_in, summary, cautions) in enumerate(items):
        ref = f"{room}-update-{k}"
        out.append((day, hhmm, DR, Record(
            lambda ctx, d=day - next_in, s=summary, c=cautions:
            physician_update(ctx.date_of(d), bool(s), s, c), ref)))
        out += acknowledged(ref, day, hhmm, readers_of(k))
    return out


def med(day, hhmm, **fields):
    return (day, hhmm, PH, Record(lambda ctx: medication(**fields)))


def person(who):
    return {"name": NAMES[who][0], "role": NAMES[who][1]}


def matsumoto():
    return vitals_series(11, "10:00", matsumoto_vitals) + updates("matsumoto", [
        (81, "13:00", 14, "", "体重が1週間で2kg以上増えたら連絡を"),
        (52, "13:10", 14, "スピロノラクトン錠25mgを追加（朝食後）", "浮腫と血清カリウムを確認します"),
        (22, "12:50", 14, "", "体重が減ってきています。食事量と脱水に注意を\n褥瘡の処置は現行どおり"),
    ], lambda k: [NS, PH, CM] if k < 2 else [NS, CM]) + [
        med(80, "17:30", drug="フロセミド錠20mg", dosage="1日1回 朝食後 1錠", adherence="good",
            leftover_doses=0),
        med(50, "17:20", drug="スピロノラクトン錠25mg", change="start",
            dosage="1日1回 朝食後 1錠", note="一包化に追加しました"),
        med(12, "17:55", drug="昼の定期薬（一包化）", dosage="1日1回 昼食後", adherence="sometimes_missed",
            leftover_doses=3, note="昼は長男の奥様が不在のことが多い"),
        med(5, "11:10", drug="酸化マグネシウム錠330mg", change="change", dosage="1日2回 朝夕食後 1錠",
            adherence="good", note="田中先生の指示で1日1回から増量"),
    ]


def inoue():
    return vitals_series(23, "14:00", inoue_vitals) + updates("inoue", [
        (80, "12:30", 14, "", "安静時のSpO2が90%を下回るときは連絡を"),
        (49, "12:40", 14, "", "労作時の息切れが増えています。酸素は労作時 2 L/分を守ってください"),
        (5, "15:40", 7, "吸入薬を1日1回の配合吸入薬に変更（退院時処方）",
         "安静時のSpO2が90%を下回るときは連絡を\n夜間の呼吸苦は頭側挙上で様子をみて連絡を"),
    ], lambda k: [NS, CM, PH]) + [
        med(78, "16:50", drug="チオトロピウム吸入用カプセル18μg", dosage="1日1回 1吸入",
            adherence="good", leftover_doses=0),
        med(8, "17:10", drug="チオトロピウム吸入用カプセル18μg", change="stop",
            note="退院時処方で配合吸入薬へ。残っていた分は回収しました"),
        med(8, "17:11", drug="配合吸入薬（ICS/LAMA/LABA）", change="start", dosage="1日1回 1吸入",
            note="吸入後のうがいを説明"),
        med(4, "11:20", drug="配合吸入薬（ICS/LAMA/LABA）", adherence="good", leftover_doses=0,
            note="吸う力がやや弱めでしたが、練習で改善"),
    ] + [(8, "16:40", CM, Record(inoue_discharge))]


def inoue_discharge(ctx):
    hospital_staff = [{"name": "岡田 修", "role": "病院主治医"},
                      {"name": "小川 直子", "role": "病棟看護師"},
                      {"name": "石井 亮", "role": "医療ソーシャルワーカー"},
                      {"name": "井上 正夫", "role": "本人"}, {"name": "井上 和子", "role": "妻"}]
    return discharge_guidance(
        [person(CM), person(NS), person(DR)] + hospital_staff,
        adl={"eating": "independent", "toileting": "partial_assist", "mobility": "partial_assist",
             "bathing": "partial_assist", "dressing": "independent"},
        procedures=["在宅酸素療法"], scene="admission_discharge",
        hospital="みどり野総合病院", ward="呼吸器内科病棟（4階東）",
        admission_date=ctx.date_of(17), planned_discharge_date=ctx.date_of(6),
        hospital_physician="岡田 修（呼吸器内科）", home_physician="田中 誠（田中内科クリニック）",
        diagnosis="肺炎\n慢性閉塞性肺疾患（在宅酸素療法中）",
        hospital_course="抗菌薬の点滴で改善。入院中にADLが低下し、トイレまでの歩行に見守りが必要",
        adl_note="夜間はポータブルトイレ",
        medications="吸入薬を1日1回の配合吸入薬に変更",
        services="訪問看護 退院後2週間は週3回、その後週2回\nデイケア（リハビリ）再開",
        equipment="ポータブルトイレ、手すり、酸素濃縮器（点検済み）",
        family="奥様と二人暮らし。夜間の息苦しさを心配されている",
        conference_date=ctx.date_of(8),
        follow_up="安静時・労作時のSpO2\n吸入手技\n夜間の呼吸苦と緊急時の連絡先")


def kimura():
    return vitals_series(37, "11:30", kimura_vitals) + updates("kimura", [
        (82, "18:00", 28, "", "低血糖を避けたいので、食事が摂れないときは血糖の薬を飲まないよう声かけを"),
        (53, "18:10", 28, "アムロジピン錠2.5mgを開始（朝食後）", "家庭血圧の記録をお願いします"),
        (7, "16:20", 7, "", "血圧が上がってきています。次回の往診で降圧薬の増量を検討します\n入浴後はゆっくり立ち上がるよう声かけを"),
    ], lambda k: [NS, PH, CM] if k != 1 else [PH, NS]) + [
        med(84, "14:30", drug="メトホルミン錠250mg", dosage="1日2回 朝夕食後 1錠", adherence="poor",
            leftover_doses=9),
        med(52, "15:00", drug="アムロジピン錠2.5mg", change="start", dosage="1日1回 朝食後 1錠"),
        med(13, "14:15", drug="メトホルミン錠250mg", dosage="1日2回 朝夕食後 1錠", adherence="poor",
            leftover_doses=6, note="朝食後の分が特に抜けやすい。一包化を提案"),
        med(4, "14:50", drug="一包化（朝・夕）", dosage="1日2回 朝夕食後", adherence="sometimes_missed",
            leftover_doses=1, note="夕の分が1包残っていました"),
    ]


EOL = "end_of_life"


def mori():
    family = {"name": "森 和美", "role": "長女"}
    patient = {"name": "森 フミ", "role": "本人"}
    surrogate = {"name": "森 和美", "relation": "長女"}
    plan1 = lambda ctx: acp(
        ctx.date_of(46), [patient, family, person(DR), person(NS), person(CM)],
        place_of_care="home", place_of_death="undecided",
        life_sustaining={"cpr": "not_wanted", "mechanical_ventilation": "not_wanted",
                         "tube_feeding": "not_wanted", "iv_fluids": "undecided",
                         "hospital_transfer": "undecided"},
        wishes="できるだけ家で、庭の花を見ながら過ごしたい\n痛いのと苦しいのは嫌",
        surrogate=surrogate, revision=1, note="最期の場所は、長女様と引き続き話し合う", scene=EOL)
    plan2 = lambda ctx: acp(
        ctx.date_of(6), [patient, family, person(DR), person(NS)],
        place_of_care="home", place_of_death="home",
        life_sustaining={"cpr": "not_wanted", "mechanical_ventilation": "not_wanted",
                         "tube_feeding": "not_wanted", "iv_fluids": "not_wanted",
                         "hospital_transfer": "not_wanted"},
        wishes="最期まで家で過ごしたい\n孫の声を聞いていたい",
        surrogate=surrogate, revision=2, supersedes=ctx.refs["mori-acp-1"],
        note="呼吸の変化や苦痛があるときは、救急車ではなく訪問看護（24時間）へ連絡", scene=EOL)
    return updates("mori", [
        (58, "15:30", 14, "", "疼痛は NRS 3 程度。眠気が強いときは連絡を"),
        (29, "15:10", 14, "オキシコドン徐放錠を1回10mgに増量", "便秘に注意。レスキューの使用回数を記録してください"),
        (6, "18:30", 3, "自宅での看取りの方針（救急搬送は希望されない）", "呼吸の変化があっても慌てずに訪問看護へ連絡を"),
    ], lambda k: [NS, CM, PH] if k < 2 else [NS, CM]) + [
        (46, "17:40", NS, Record(plan1, "mori-acp-1")),
        (6, "18:20", DR, Record(plan2, "mori-acp-2")),
        med(57, "16:00", drug="オキシコドン徐放錠5mg", change="start", dosage="1日2回 8時・20時 1錠",
            note="レスキューはオキシコドン散2.5mg", scene=EOL),
        med(28, "17:00", drug="オキシコドン徐放錠10mg", change="change", dosage="1日2回 8時・20時 1錠",
            adherence="good", leftover_doses=2, side_effects="軽い眠気", scene=EOL),
    ]


ROOM_RECORDS = {"matsumoto": matsumoto, "inoue": inoue, "kimura": kimura, "mori": mori}


def room_records(key):
    return ROOM_RECORDS[key]() if key else []
