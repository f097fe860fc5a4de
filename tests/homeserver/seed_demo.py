#!/usr/bin/env python3
"""Seeds a small fictional home-care network (多職種連携) into a harness homeserver.

    seed_demo.py --dir D        D: a harness directory (its state.json names the server)

Four professionals from four offices (the pharmacy outside the city) share six patient
rooms, opened as Renkei opens them (patient profile, consent with a drawn form, each
member's own jp.renkei.member; one room without an attending physician records why), one
of them at the end of life (看取り) and one closed after its patient moved into a care home
(jp.renkei.closure, 施設入所), with up to twenty Japanese posts each over the past two
weeks, urgent posts, one image (a generated wound-measurement diagram, not a photo) and
read receipts. Three rooms also hold three months of structured posts (demo_records.py:
vitals whose trends the panel flags, medication, a discharge joint-guidance record,
monthly physician's updates with 確認しました acknowledgements) and the end-of-life room
an ACP revised once. Every name, office and patient is fictional. The shapes are
core/care/SCHEMA.md's. Everything is dated relative to today's midnight, so a run on a
given day always gives the same network.

Runs once: D/demo-seed.json marks the seeding done (or interrupted: then wipe D and start
again). When the harness was started with --appservice the posts carry backdated
timestamps (the application-service `ts` parameter, sent as each member through `user_id`
masquerading); against a server without it, every member logs in and posts now (in the
same order), waiting out any 429 answer as the server asks.
Room creation events are always dated now. Standard library only; passwords and tokens
are never printed, and stdout gets one line.
"""
import argparse, json, math, struct, sys, time, urllib.error, urllib.parse
import urllib.request, zlib
from datetime import datetime, timedelta
from pathlib import Path

from demo_records import ACK_KEY, Ctx, Reaction, Record, room_records

PATIENT_ROOM = "jp.renkei.patient_room"

# localpart -> display name (Renkei adds 「（profession・office）」 from the profile), then the
# member's own jp.renkei.member (core/care/SCHEMA.md):
# profession (wire value), office (事業所), its kind and municipality. The pharmacy is in the
# next town: an office outside the network's home municipality (市外). All fictional.
HOME = "みどり野市"
MEMBERS = {
    "cm.takahashi": ("高橋 健一", "care_manager", "みどり野居宅介護支援事業所", "居宅介護支援事業所", HOME),
    "nurse.sato": ("佐藤 美咲", "visiting_nurse", "訪問看護ステーション みどり野", "訪問看護ステーション", HOME),
    "dr.tanaka": ("田中 誠", "physician", "田中内科クリニック", "診療所", HOME),
    "pharm.suzuki": ("鈴木 由美", "pharmacist", "さくら台薬局", "保険薬局", "さくら台町"),
}
PROFESSION_JA = {"care_manager": "介護支援専門員", "visiting_nurse": "訪問看護師",
                 "physician": "主治医", "pharmacist": "薬剤師"}
TEAM_ROLE = {"care_manager": "ケアマネジャー", "visiting_nurse": "訪問看護",
             "physician": "主治医", "pharmacist": "薬剤師"}
CM, NS, DR, PH = "cm.takahashi", "nurse.sato", "dr.tanaka", "pharm.suzuki"
IMAGE = "IMAGE"  # a post whose text is replaced by the wound diagram
URGENT = "至急:"  # a post text starting with this is sent with jp.renkei.urgent
SCHEMA = 1  # of the jp.renkei.* shapes

# Each room: who opened it, the patient profile, posts as (days ago, "HH:MM", author, text),
# and read receipts as {reader: how many posts from the end they have not read}.
ROOMS = [
    {
        "creator": CM,
        "name": "松本 トメ 様",
        "records": "matsumoto",  # demo_records: three months of structured posts
        "patient": {"name": "松本 トメ", "kana": "まつもと とめ", "birth_date": "1934-05-12",
                    "sex": "female", "care_level": "care_4", "municipality": HOME,
                    "conditions": ["慢性心不全", "仙骨部褥瘡", "骨粗鬆症"]},
        "posts": [
            (92, "09:10", CM, "松本トメ様の部屋を開設しました。ご本人と長男様から情報共有の同意書をいただいています（原本は当事業所で保管）。主介護者は長男の奥様です。よろしくお願いいたします。"),
            (14, "16:40", NS, "訪問しました。血圧 138/80 mmHg、脈拍 82（不整なし）、体温 36.6℃、SpO2 95%（室内気）。両下腿に浮腫あり。仙骨部に褥瘡（d2）、2.8 × 2.0 cm。体位変換とポジショニングをご家族に説明しました。"),
            (13, "12:15", DR, "ご報告ありがとうございます。浮腫の経過をみたいので、訪問時の体重測定を続けてください。利尿薬は現在の量で継続します。"),
            (12, "17:50", PH, "本日、定期薬をお届けしました。一包化（朝・昼・夕）してお薬カレンダーにセット済みです。昼の分の飲み残しが 3 日分ありました。昼は長男の奥様がお仕事で不在のことが多いそうです。"),
            (12, "18:20", CM, "鈴木さん、ありがとうございます。昼の服薬の時間帯にヘルパーが入れないか、訪問介護事業所と調整します。"),
            (11, "10:20", NS, "訪問。血圧 132/76、脈拍 78、体温 36.4℃、SpO2 96%。体重 41.7 kg。浮腫は軽減傾向です。創部は洗浄後、指示どおりの軟膏処置を継続しています。"),
            (10, "09:45", CM, "来週火曜から、ヘルパーの昼の訪問（30 分）を追加します。服薬の声かけと昼食の見守りをお願いしています。"),
            (9, "14:30", DR, "往診しました。心音・呼吸音に大きな変化はありません。BNP を採血しました。結果が出たら共有します。褥瘡の処置は現行どおりでお願いします。"),
            (7, "11:05", NS, "褥瘡の計測：長径 2.4 cm × 短径 1.8 cm、深さは真皮まで（d2）。滲出液少量、周囲の発赤なし、肉芽は良好です。前回（2.8 × 2.0 cm）より縮小しています。計測図を添付します。"),
            (7, "11:06", NS, IMAGE),
            (7, "15:40", DR, "BNP は 180 pg/mL で前回とほぼ同じでした。現行の治療を継続します。体重が 1 週間で 2 kg 以上増えたら連絡をください。"),
            (6, "11:00", PH, "ヘルパーさんの昼の訪問が始まってから、昼の飲み残しはありません。便秘気味とのことで、緩下剤の調整について田中先生にご相談させてください。"),
            (6, "13:30", DR, "酸化マグネシウムを 1 回 330 mg、1 日 2 回に増量します。処方は明日の往診時に出します。"),
            (5, "17:15", CM, "デイサービス（木曜）の様子：入浴は機械浴で問題なし、昼食は 8 割摂取。午後に「お尻が痛い」と訴えることがあったと職員から報告がありました。"),
            (5, "17:40", NS, "ありがとうございます。デイで座っている時間が長いと仙骨部に圧がかかります。体圧分散クッションの使用と、2 時間ごとの除圧をデイの職員に伝えていただけますか。"),
            (4, "10:10", CM, "デイサービスに伝えました。次回から体圧分散クッションを持参し、昼食後は 30 分ほどベッドで休んでいただくことになりました。"),
            (3, "10:30", NS, "訪問。血圧 128/74、脈拍 76、体温 36.5℃、SpO2 96%。体重 40.9 kg。食事は朝・夕とも 7〜8 割。排便は 2 日に 1 回に改善しています。"),
            (2, "16:20", NS, "長男の奥様から：最近、夜間に何度も起こされて疲れがたまっているとのこと。ご本人の前では話しにくそうでした。ショートステイの利用を検討していただけますか。"),
            (2, "18:05", CM, "奥様とお話ししました。来月、ショートステイ（2 泊 3 日）を試す方向で調整します。受け入れ先には褥瘡の処置内容を文書でお渡しします。"),
            (1, "17:30", PH, "定期薬をお届けしました。残薬なし。酸化マグネシウム増量後も下痢はありません。"),
            (0, "10:40", NS, "本日訪問。血圧 130/78、脈拍 74、体温 36.3℃、SpO2 97%。褥瘡は 2.1 × 1.5 cm とさらに縮小しています。奥様の表情も少し明るくなりました。"),
        ],
        "unread": {CM: 0, NS: 0, DR: 0, PH: 0},
    },
    {
        "creator": NS,
        "name": "井上 正夫 様",
        "records": "inoue",  # demo_records: three months of structured posts
        "patient": {"name": "井上 正夫", "kana": "いのうえ まさお", "birth_date": "1941-09-03",
                    "sex": "male", "care_level": "care_2", "municipality": HOME,
                    "conditions": ["慢性閉塞性肺疾患（在宅酸素療法）", "2型糖尿病"]},
        "posts": [
            (92, "09:30", NS, "井上正夫様の部屋を開設しました（ご本人・奥様の同意書あり）。COPD で在宅酸素療法中です（安静時 1 L/分、労作時 2 L/分）。"),
            (14, "09:30", NS, "3 日前から肺炎でみどり野総合病院に入院されています。"),
            (13, "15:20", CM, "病院の MSW と電話で話しました。点滴の抗菌薬は今週で終了予定、退院は来週後半の見込みです。入院中に ADL が落ち、トイレまでの歩行に見守りが必要とのことです。"),
            (12, "13:00", DR, "病院の主治医から診療情報提供書を受け取りました。退院後は訪問診療を再開します。退院前カンファレンスの日程が決まったら教えてください。"),
            (11, "16:45", PH, "入院中に吸入薬が変更になったと伺いました。退院時処方がわかり次第、ご自宅で吸入手技の確認をします。"),
            (10, "11:30", CM, "退院前カンファレンス（退院時共同指導）は今週金曜 14:00、病院 3 階の面談室です。田中先生はオンラインでのご参加でよろしいでしょうか。"),
            (10, "12:40", DR, "オンラインで参加します。"),
            (9, "17:10", NS, "病棟看護師より：SpO2 は安静時 1 L/分で 93〜95%、歩行時 2 L/分で 90% 前後。痰は減ってきているそうです。"),
            (8, "16:30", CM, "退院前カンファレンスの要点：① 退院は来週火曜 ② 訪問看護は退院後 2 週間は週 3 回、その後週 2 回 ③ ベッドをトイレに近い部屋へ移し、ポータブルトイレを導入 ④ 酸素業者が自宅の濃縮器を点検済み。退院時共同指導記録票は当事業所で保管しています。"),
            (8, "17:05", PH, "退院時処方を確認しました。吸入薬は 1 日 1 回の配合吸入薬に変更です。ご自宅に残っている以前の吸入薬は回収します。"),
            (7, "18:00", NS, "奥様から：退院後の夜間の息苦しさが心配とのこと。緊急時の連絡先（訪問看護の 24 時間対応）をお伝えしました。"),
            (6, "14:20", NS, "本日退院され、14:00 にご自宅へ伺いました。血圧 126/72、脈拍 88、体温 36.8℃、SpO2 94%（酸素 1 L/分）。ポータブルトイレまでは見守りで移動できています。"),
            (6, "16:00", CM, "福祉用具（ポータブルトイレ、手すり）の納品を確認しました。"),
            (5, "15:30", DR, "退院後初回の訪問診療。右下肺に軽い副雑音が残っていますが、全身状態は安定しています。安静時の SpO2 が 90% を下回るときは連絡してください。"),
            (4, "11:15", PH, "吸入手技を確認しました。吸う力がやや弱めでしたが、練習で改善しています。吸入後のうがいもできています。"),
            (3, "10:50", NS, "訪問。血圧 122/70、脈拍 84、体温 36.5℃、SpO2 95%。食事は全粥から普通食に戻りました。朝食前の血糖 132 mg/dL。"),
            (2, "15:40", CM, "デイケア（リハビリ）は来週から再開予定です。送迎時の酸素ボンベの扱いをデイケアに伝えました。"),
            (1, "08:40", NS, URGENT + "昨夜 2 時ごろ、息苦しさで奥様から電話がありました。SpO2 91%、口すぼめ呼吸で 15 分ほどで改善。発熱なし。念のため共有します。"),
            (1, "09:15", DR, "ありがとうございます。本日午後に臨時往診します。"),
            (1, "16:30", DR, "臨時往診：感染の再燃は否定的です。夜間の不安が強いため、ベッドの頭側挙上と、息苦しいときの対応をご家族と再確認しました。"),
            (0, "09:20", PH, "夜間の不安時の頓用薬について、田中先生の指示どおり本日お届けします。飲むタイミングは奥様に紙でお渡しします。"),
            # The physician's urgent post the nurse has not read yet: her window opens on it.
            (0, "10:05", DR, URGENT + "昨日の採血で CRP 4.8 mg/dL と上昇していました。本日夕方の訪問で体温と SpO2 を測り、38℃ 以上か SpO2 90% 未満なら連絡をください。"),
        ],
        "unread": {CM: 2, NS: 4, DR: 0, PH: 0},
    },
    {
        "creator": CM,
        "name": "木村 ハル 様",
        "records": "kimura",  # demo_records: three months of structured posts
        "patient": {"name": "木村 ハル", "kana": "きむら はる", "birth_date": "1938-01-27",
                    "sex": "female", "care_level": "care_1", "municipality": HOME,
                    "conditions": ["アルツハイマー型認知症", "2型糖尿病", "高血圧症"]},
        "posts": [
            (92, "10:00", CM, "木村ハル様の部屋を開設しました（ご本人・長女様の同意書あり）。独居で、長女様が週末に来られます。最近、薬の飲み忘れと食事の偏りが目立つため、皆さんと情報を共有させてください。"),
            (13, "14:10", PH, "居宅療養管理指導で訪問しました。お薬カレンダーに 6 日分の飲み残しがありました。朝食後の血糖の薬が特に抜けやすいようです。一包化をご提案します。"),
            (13, "18:30", DR, "一包化をお願いします。血糖の薬は、飲み忘れた分をまとめて飲まないよう、ご本人と長女様に伝えてください。"),
            (12, "11:20", NS, "訪問。血圧 158/88、脈拍 72、体温 36.2℃、SpO2 97%。随時血糖 188 mg/dL。冷蔵庫に菓子パンが多く、食事はほとんど菓子パンとのことです。"),
            (11, "16:00", CM, "配食サービス（昼・夕）をご本人と長女様に提案し、了承をいただきました。来週月曜から始まります。"),
            (10, "17:30", CM, "デイサービス（火・金）からの報告：レクリエーションに笑顔で参加、昼食は完食。帰りの送迎の前に「家に帰ってご飯を作らないと」と落ち着かなくなることがあるそうです。"),
            (9, "15:00", PH, "一包化したお薬をお届けしました。袋に日付と「あさ」「ゆう」を大きく印字しています。朝は長女様から服薬確認の電話をかけていただくことになりました。"),
            (8, "11:40", NS, "服薬確認：この 3 日間、朝の分は飲めています。夕の分は 1 回飲み忘れがありました。鍵の置き場所を玄関に貼り紙しました。"),
            (7, "16:10", DR, "外来を受診されました。HbA1c 7.9%。低血糖を避けたいので、血糖の薬は増やさずに様子をみます。血圧が上がってきているので、家庭血圧も確認したいです。"),
            (6, "10:30", NS, "家庭血圧の記録用紙を置いてきました。ヘルパーさんにも訪問時の測定をお願いしています。"),
            (5, "19:00", CM, "長女様から：仕事と介護の両立が難しくなってきたと、涙ながらに話されました。ご本人の前では話せないとのことで、お電話で伺いました。介護者の会のご案内をお渡しする予定です。"),
            (5, "19:25", NS, "共有ありがとうございます。訪問のときに、長女様のお話も少し伺うようにします。"),
            (4, "14:45", PH, "残薬は夕の分 1 包のみでした。配食が始まってから間食が減ったと、ご本人がお話しされていました。"),
            (3, "11:00", NS, "訪問。血圧 172/92、脈拍 70、体温 36.4℃。随時血糖 156 mg/dL。配食はほぼ完食しています。"),
            (3, "17:20", CM, "デイサービス（金）：入浴後に少し足のふらつきがあったとのことです。転倒はありません。"),
            (2, "09:30", DR, "ふらつきについて、次回の訪問時に起立時の血圧を測っていただけますか。降圧薬の影響も考えます。"),
            (1, "11:15", NS, "起立試験：臥位 186/96 → 立位 1 分後 170/88、3 分後 174/90。めまいの訴えはありません。"),
            (1, "13:50", DR, "ありがとうございます。起立による低下は軽度です。血圧が高いため、降圧薬の増量を次回の往診で決めます。入浴後はゆっくり立ち上がるよう声かけをお願いします。"),
            (0, "08:15", NS, URGENT + "今朝の訪問で冷汗とふるえあり。血糖 62 mg/dL。ブドウ糖を摂っていただき、15 分後 98 mg/dL に回復しました。本日の血糖の薬について田中先生のご指示をお願いします。"),
            (0, "09:05", CM, "来月のサービス担当者会議の日程を調整します。候補日を追ってお送りします。"),
            (0, "09:40", PH, "次回の訪問は来週水曜の予定です。"),
        ],
        "unread": {CM: 0, NS: 5, DR: 3, PH: 1},
    },
    {
        # Opened without an attending physician, under the network's rule exception.
        "creator": CM,
        "name": "小林 サダ 様",
        "team": [CM, NS, PH],
        "no_physician_reason": "主治医は転居前の病院と調整中。決まるまでは訪問看護と薬局で見守り、急変時は協力医療機関へ連絡する。",
        "patient": {"name": "小林 サダ", "kana": "こばやし さだ", "birth_date": "1936-07-30",
                    "sex": "female", "care_level": "applying", "municipality": HOME,
                    "conditions": ["高血圧症", "変形性膝関節症"]},
        "posts": [
            (5, "10:00", CM, "小林サダ様の部屋を開設しました（ご本人の同意書あり）。先月みどり野市へ転居され、主治医は調整中です。要介護認定は申請中です。"),
            (4, "15:30", NS, "初回訪問。血圧 152/88、脈拍 76、体温 36.4℃。膝の痛みで室内は伝い歩きです。"),
            (3, "11:20", PH, "お薬手帳を確認しました。転居前の処方が残り 10 日分です。それまでに処方元を決める必要があります。"),
            (1, "16:40", CM, "協力医療機関の外来を来週月曜に予約しました。同行はご長男様です。"),
        ],
        "unread": {CM: 0, NS: 1, PH: 1},
    },
    {
        # 看取り (end of life): posts carry jp.renkei.scene end_of_life; the ACP is revised.
        "creator": CM,
        "name": "森 フミ 様",
        "records": "mori",
        "scene": "end_of_life",
        "patient": {"name": "森 フミ", "kana": "もり ふみ", "birth_date": "1940-03-18",
                    "sex": "female", "care_level": "care_3", "municipality": HOME,
                    "conditions": ["膵臓がん（終末期）", "がん性疼痛"]},
        "posts": [
            (60, "10:00", CM, "森フミ様の部屋を開設しました（ご本人・長女様の同意書あり）。膵臓がんで積極的な治療を終え、ご自宅で過ごすことを希望されています。主介護者は同居の長女様です。"),
            (59, "15:00", DR, "退院後初回の訪問診療。痛みは内服で落ち着いています。今後の過ごし方について、近いうちにご本人・ご家族と話し合いの場を持ちましょう。"),
            (46, "17:30", NS, "本日、ご本人・長女様・田中先生・高橋さんと人生会議を行いました。内容を記録に残します。"),
            (30, "11:00", PH, "痛みが強くなってきたとのことで、田中先生に増量をご相談しました。便秘予防の薬は継続しています。"),
            (8, "16:00", NS, "食事量が減り、日中も眠っている時間が長くなりました。長女様から「最期まで家で」と改めてお話がありました。"),
            (6, "18:00", DR, "ご本人・長女様と改めて話し合いました。救急搬送は希望されず、ご自宅での看取りの方針です。意向の記録を改訂します。"),
            (3, "10:00", CM, "訪問入浴を週 1 回追加しました。ベッドはエアマットに交換済みです。"),
            (1, "14:00", NS, "訪問。呼吸は穏やかで、苦痛の表情はありません。長女様と、呼吸の変化が出たときの連絡方法を確認しました。"),
        ],
        "unread": {CM: 0, NS: 0, DR: 0, PH: 1},
    },
    {
        # Closed (部屋の終了) after the patient moved into a care home: the care manager who
        # opened it wrote jp.renkei.closure and left, as Renkei's close-room does; the other
        # members' Renkei leaves at its next sync and keeps the room archived.
        "creator": CM,
        "name": "山口 ツネ 様",
        "patient": {"name": "山口 ツネ", "kana": "やまぐち つね", "birth_date": "1931-11-08",
                    "sex": "female", "care_level": "care_5", "municipality": HOME,
                    "conditions": ["アルツハイマー型認知症", "誤嚥性肺炎の既往"]},
        "posts": [
            (24, "10:00", CM, "山口ツネ様の部屋を開設しました（ご家族の同意書あり）。主介護者は次女様です。"),
            (23, "15:20", NS, "訪問。血圧 118/70、脈拍 80、体温 36.7℃、SpO2 95%。むせ込みが増えており、食事はとろみ付きで介助しています。"),
            (21, "12:40", DR, "往診しました。嚥下機能の低下が進んでいます。ご家族と今後の療養先について話し合いました。"),
            (20, "17:10", PH, "とろみ剤と内服の剤形を見直しました。錠剤は粉砕して、ゼリーでの服薬をお願いしています。"),
            (18, "11:30", CM, "次女様のご意向で、特別養護老人ホーム みどり野苑への入所が 12 日後に決まりました。施設へ情報提供書をお送りします。"),
        ],
        "unread": {CM: 0, NS: 0, DR: 0, PH: 0},
        "closure": {"reason": "facility", "note": "特別養護老人ホーム みどり野苑へ入所"},
    },
]
# 終了の理由 (core/care/care_types.h ClosureReason): wire value -> the body's label.
CLOSURE_JA = {"death": "死亡", "facility": "施設入所", "moved": "転居", "other": "その他"}
IMAGE_NAME = "仙骨部_創計測図.png"
IMAGE_SIZE = (480, 360)

# Power levels as Renkei opens a patient room (core/care/SCHEMA.md): every member posts and
# writes their own jp.renkei.member; the patient's record, consent, closure and rule
# exceptions need 50, held by the opener (100) and the attending physician (50).
POWER_EVENTS = {"m.room.name": 50, "m.room.power_levels": 100,
                "m.room.history_visibility": 100, "m.room.canonical_alias": 50,
                "m.room.avatar": 50, "m.room.tombstone": 100, "m.room.server_acl": 100,
                "m.room.encryption": 100, "jp.renkei.member": 0, "jp.renkei.patient": 50,
                "jp.renkei.consent": 50, "jp.renkei.closure": 50, "jp.renkei.rule_exception": 50}


class SeedError(Exception):
    """A failure reported as one line on stderr and exit status 1."""


def note(msg):
    print(f"seed_demo: {msg}", file=sys.stderr, flush=True)


# --- A PNG of the wound-measurement diagram (zlib and struct only) --------------------

GLYPHS = {  # 5 x 7 bitmaps, one string of five bits per row
    "0": "01110 10001 10011 10101 11001 10001 01110", "1": "00100 01100 00100 00100 00100 00100 01110",
    "2": "01110 10001 00001 00010 00100 01000 11111", "3": "11110 00001 00001 01110 00001 00001 11110",
    "4": "00010 00110 01010 10010 11111 00010 00010", "5": "11111 10000 11110 00001 00001 10001 01110",
    "6": "00110 01000 10000 11110 10001 10001 01110", "7": "11111 00001 00010 00100 01000 01000 01000",
    "8": "01110 10001 10001 01110 10001 10001 01110", "9": "01110 10001 10001 01111 00001 00010 01100",
    ".": "00000 00000 00000 00000 00000 01100 01100", "c": "00000 00000 01110 10000 10000 10001 01110",
    "m": "00000 00000 11010 10101 10101 10001 10001", " ": "00000 00000 00000 00000 00000 00000 00000",
}


class Canvas:
    """An RGB raster with the few primitives the diagram needs."""

    def __init__(self, width, height, background):
        self.w, self.h = width, height
        self.px = bytearray(bytes(background) * (width * height))

    def dot(self, x, y, rgb):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * 3
            self.px[i:i + 3] = bytes(rgb)

    def rect(self, x0, y0, x1, y1, rgb):
        for y in range(max(0, y0), min(self.h, y1)):
            i = (y * self.w + max(0, x0)) * 3
            n = max(0, min(self.w, x1) - max(0, x0))
            self.px[i:i + 3 * n] = bytes(rgb) * n

    def ellipse(self, cx, cy, rx, ry, fill, edge, edge_width):
        for y in range(cy - ry - edge_width, cy + ry + edge_width + 1):
            for x in range(cx - rx - edge_width, cx + rx + edge_width + 1):
                d = math.hypot((x - cx) / rx, (y - cy) / ry)
                if d <= 1.0 - edge_width / min(rx, ry):
                    self.dot(x, y, fill)
                elif d <= 1.0:
                    self.dot(x, y, edge)

    def arrow(self, x0, y0, x1, y1, rgb, head=10):
        """A 3 px measurement line with arrow heads at both ends (axis-parallel only)."""
        horizontal = y0 == y1
        if horizontal:
            self.rect(x0, y0 - 1, x1 + 1, y0 + 2, rgb)
        else:
            self.rect(x0 - 1, y0, x0 + 2, y1 + 1, rgb)
        for k in range(head):
            half = k // 2
            if horizontal:
                self.rect(x0 + k, y0 - half, x0 + k + 1, y0 + half + 1, rgb)
                self.rect(x1 - k, y1 - half, x1 - k + 1, y1 + half + 1, rgb)
            else:
                self.rect(x0 - half, y0 + k, x0 + half + 1, y0 + k + 1, rgb)
                self.rect(x1 - half, y1 - k, x1 + half + 1, y1 - k + 1, rgb)

    def text(self, x, y, s, rgb, scale=3):
        for ch in s:
            for row, bits in enumerate(GLYPHS[ch].split()):
                for col, bit in enumerate(bits):
                    if bit == "1":
                        self.rect(x + col * scale, y + row * scale,
                                  x + (col + 1) * scale, y + (row + 1) * scale, rgb)
            x += 6 * scale

    def png(self):
        def chunk(kind, data):
            return (struct.pack(">I", len(data)) + kind + data
                    + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
        stride = self.w * 3
        raw = b"".join(b"\x00" + bytes(self.px[y * stride:(y + 1) * stride])
                       for y in range(self.h))
        return (b"\x89PNG\r\n\x1a\n"
                + chunk(b"IHDR", struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def wound_diagram_png():
    """A schematic sacral wound of 2.4 x 1.8 cm on a 1 cm grid, with its two diameters and a
    5 cm scale. Drawn, not photographed: nothing in it comes from a person."""
    w, h = IMAGE_SIZE
    cm = 80  # pixels per centimetre
    c = Canvas(w, h, (255, 255, 255))
    for x in range(0, w, cm // 2):
        c.rect(x, 0, x + 1, h - 70, (222, 230, 240))
    for y in range(0, h - 70, cm // 2):
        c.rect(0, y, w, y + 1, (222, 230, 240))
    cx, cy = 240, 140
    rx, ry = int(1.2 * cm), int(0.9 * cm)
    c.ellipse(cx, cy, rx, ry, (244, 190, 186), (178, 60, 60), 3)
    c.ellipse(cx + 10, cy + 6, rx // 2, ry // 2, (226, 140, 136), (226, 140, 136), 1)
    c.arrow(cx - rx, cy, cx + rx, cy, (40, 90, 170))
    c.arrow(cx, cy - ry, cx, cy + ry, (30, 130, 80))
    c.text(cx + rx + 10, cy - 28, "2.4cm", (40, 90, 170))
    c.text(cx + 14, cy + ry + 8, "1.8cm", (30, 130, 80))
    c.rect(0, h - 70, w, h, (246, 246, 246))  # the scale: 5 cm, ticks every millimetre
    x0, y0 = 40, h - 40
    c.rect(x0, y0, x0 + 5 * cm + 1, y0 + 2, (60, 60, 60))
    for mm in range(51):
        x = x0 + mm * cm // 10
        tall = 14 if mm % 10 == 0 else 9 if mm % 5 == 0 else 5
        c.rect(x, y0 - tall, x + 1 if mm % 10 else x + 2, y0, (60, 60, 60))
        if mm % 10 == 0:
            c.text(x - 3, y0 + 8, str(mm // 10), (60, 60, 60), scale=2)
    c.text(x0 + 5 * cm + 16, y0 + 8, "cm", (60, 60, 60), scale=2)
    return c.png()


CONSENT_NAME = "情報共有同意書.png"


def consent_form_png():
    """A schematic signed form: a page with ruled lines, two boxes and a scribbled
    signature. Drawn, not scanned: nothing in it comes from a person."""
    w, h = 420, 594
    c = Canvas(w, h, (236, 236, 232))
    c.rect(20, 20, w - 20, h - 20, (255, 255, 255))
    c.rect(60, 50, 260, 66, (60, 60, 60))  # the title bar
    for y in range(120, 420, 28):
        c.rect(50, y, w - 50, y + 2, (200, 200, 200))
    c.rect(50, 450, 200, 452, (90, 90, 90))
    c.rect(240, 450, w - 50, 452, (90, 90, 90))
    for k in range(60):  # the signature: a scribble above the right-hand line
        x = 250 + k * 2
        y = int(430 + 10 * math.sin(k / 3.0))
        c.rect(x, y, x + 3, y + 3, (30, 50, 120))
    return c.png()


# --- HTTP ------------------------------------------------------------------------------

RATE_LIMIT_RETRIES = 60  # 429 answers waited out per request before giving up


def request(method, url, token, body=None, raw=None, content_type=None, timeout=30.0):
    """One request; returns the decoded JSON answer, or raises SeedError on a non-2xx."""
    headers = {"Authorization": f"Bearer {token}"}
    data = None
    if raw is not None:
        data, headers["Content-Type"] = raw, content_type
    elif body is not None:
        data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
    path = urllib.parse.urlsplit(url).path
    for attempt in range(RATE_LIMIT_RETRIES + 1):
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return json.loads(resp.read() or b"{}")
        except urllib.error.HTTPError as err:
            try:
                answer = json.loads(err.read() or b"{}")
            except ValueError:
                answer = {}
            code = err.code
            if code != 429 or attempt == RATE_LIMIT_RETRIES:
                break
            # Rate-limited (a harness started with --rate-limits default, or a server that
            # does not exempt the seeder): wait as asked, then send the same request again.
            time.sleep(min(answer.get("retry_after_ms", 1000), 30_000) / 1000)
        except (urllib.error.URLError, OSError) as err:
            raise SeedError(f"{method} {path}: {err}") from None
    raise SeedError(f"{method} {path} answered {code} {answer.get('errcode', '')} "
                    f"{answer.get('error', '')}".rstrip())


class Server:
    """Acts as each member: through the application service when the harness registered
    one (then `ts` backdates events), else with each member's own login (events dated now)."""

    def __init__(self, state):
        self.base = state["base_url"].rstrip("/")
        self.users = state["users"]
        self.appservice = state.get("appservice")
        self.tokens = {}
        self.txn = 0

    @property
    def backdated(self):
        return self.appservice is not None

    def user_id(self, name):
        return self.users[name]["user_id"]

    def _auth(self, name, ts):
        """(token, extra query) for acting as `name`, optionally at time `ts` (ms)."""
        if self.appservice:
            query = {"user_id": self.user_id(name)}
            if ts is not None:
                query["ts"] = str(ts)
            return self.appservice["as_token"], query
        if name not in self.tokens:
            answer = request("POST", f"{self.base}/_matrix/client/v3/login", None, {
                "type": "m.login.password", "identifier": {"type": "m.id.user", "user": name},
                "password": self.users[name]["password"],
                "initial_device_display_name": "Renkei demo seeder"})
            self.tokens[name] = answer["access_token"]
        return self.tokens[name], {}

    def call(self, name, method, path, body=None, ts=None, query=None, prefix=None, **kw):
        token, extra = self._auth(name, ts)
        q = {**(query or {}), **extra}
        url = f"{self.base}{prefix or '/_matrix/client/v3'}{path}"
        if q:
            url += "?" + urllib.parse.urlencode(q)
        return request(method, url, token, body, **kw)

    def next_txn(self):
        self.txn += 1
        return f"renkei-demo-seed-{int(time.time())}-{self.txn}"


def q(s):
    return urllib.parse.quote(s, safe="")


# --- Seeding ---------------------------------------------------------------------------

def timeline(room):
    """A room's entries: its text posts, then demo_records' structured posts and
    acknowledgements, each (days ago, "HH:MM", author, payload)."""
    return list(room["posts"]) + room_records(room.get("records"))


def schedule(now_ms):
    """Each room's entries in sending order, as (timestamp in ms, author, payload): days ago
    at local HH:MM, ordered by time (posts of the same minute as listed). If the newest would
    lie in the future (an early-morning run), everything moves back by whole days. Also
    date_of(days ago): that day's date (YYYY-MM-DD), for the records' dates."""
    today = datetime.now().replace(hour=0, minute=0, second=0, microsecond=0)

    def at(days, hhmm, shift):
        h, m = map(int, hhmm.split(":"))
        return int((today - timedelta(days=days + shift, hours=-h, minutes=-m)).timestamp()
                   * 1000)

    rooms = [timeline(room) for room in ROOMS]
    newest = max(at(d, t, 0) for entries in rooms for d, t, _, _ in entries)
    shift = 0 if newest < now_ms - 60_000 else math.ceil((newest - now_ms + 60_000) / 86_400_000)
    timed = [sorted((at(d, t, shift), k, author, payload)
                    for k, (d, t, author, payload) in enumerate(entries)) for entries in rooms]

    def date_of(days):
        return (today.date() - timedelta(days=days + shift)).isoformat()

    return [[(ts, author, payload) for ts, _, author, payload in entries]
            for entries in timed], date_of


def seed_room(srv, room, entries, image, date_of):
    """Creates one patient room with its team, posts (text and structured, with their
    確認しました reactions) and receipts; returns the room id and the counts sent."""
    creator = room["creator"]
    team = [creator] + [n for n in room.get("team", MEMBERS) if n != creator]
    opened = entries[0][0] - 20 * 60_000  # the team gathers shortly before the first post
    opened_day = datetime.fromtimestamp(opened / 1000)
    patient = dict(room["patient"], schema=SCHEMA,
                   body=f"利用者: {room['patient']['name']}（{room['patient']['kana']}）")
    consent_date = (opened_day - timedelta(days=1)).strftime("%Y-%m-%d")
    consent = {"schema": SCHEMA, "date": consent_date, "method": "in_person",
               "obtained_by": srv.user_id(creator), "from_patient": True,
               "scan_mxc": image["consent_url"],
               "body": f"利用者同意: {consent_date} 対面で取得（本人）"}
    state = [{"type": "m.room.history_visibility", "state_key": "",
              "content": {"history_visibility": "joined"}},
             {"type": "m.room.guest_access", "state_key": "",
              "content": {"guest_access": "forbidden"}},
             {"type": "jp.renkei.patient", "state_key": "", "content": patient},
             {"type": "jp.renkei.consent", "state_key": "", "content": consent}]
    if "no_physician_reason" in room:
        reason = room["no_physician_reason"]
        state.append({"type": "jp.renkei.rule_exception", "state_key": "no_attending_physician",
                      "content": {"schema": SCHEMA, "reason": reason,
                                  "body": f"主治医なしで開設: {reason}"}})
    users = {srv.user_id(creator): 100}
    if DR in team and DR != creator:
        users[srv.user_id(DR)] = 50
    room_id = srv.call(creator, "POST", "/createRoom", {
        "preset": "private_chat", "name": room["name"],
        "creation_content": {"type": PATIENT_ROOM,
                             "jp.renkei.creation_id": f"demo-{srv.next_txn()}"},
        "initial_state": state,
        "power_level_content_override": {"events": POWER_EVENTS, "users": users,
                                         "users_default": 0, "events_default": 0,
                                         "state_default": 50, "invite": 50},
        "invite": [] if srv.backdated else [srv.user_id(n) for n in team[1:]],
    })["room_id"]
    rid = q(room_id)
    for i, name in enumerate(team):
        uid, ts = srv.user_id(name), opened + i * 60_000
        display, profession, office, office_kind, municipality = MEMBERS[name]
        if i > 0:
            if srv.backdated:  # membership through the state API, which honours `ts`
                srv.call(creator, "PUT", f"/rooms/{rid}/state/m.room.member/{q(uid)}",
                         {"membership": "invite"}, ts=ts)
                srv.call(name, "PUT", f"/rooms/{rid}/state/m.room.member/{q(uid)}",
                         {"membership": "join", "displayname": display}, ts=ts + 5_000)
            else:
                srv.call(name, "POST", f"/rooms/{rid}/join", {})
        srv.call(name, "PUT", f"/rooms/{rid}/state/jp.renkei.member/{q(uid)}",
                 {"schema": SCHEMA, "profession": profession, "office": office,
                  "office_kind": office_kind, "municipality": municipality,
                  "team_role": TEAM_ROLE[profession],
                  "body": f"{PROFESSION_JA[profession]}・{office}"}, ts=ts + 10_000)
    scene = room.get("scene")
    events, refs = [], {}  # (author, event id, a text post?); a record's event id by ref
    counts = {"posts": 0, "records": {}, "acknowledgements": 0}
    for ts, author, payload in entries:
        if isinstance(payload, Reaction):
            srv.call(author, "PUT", f"/rooms/{rid}/send/m.reaction/{q(srv.next_txn())}",
                     {"m.relates_to": {"rel_type": "m.annotation", "event_id": refs[payload.ref],
                                       "key": ACK_KEY}}, ts=ts)
            counts["acknowledgements"] += 1
            continue
        if isinstance(payload, Record):
            content = payload.build(Ctx(ts, date_of, refs))
            kind = content["jp.renkei.record"]["kind"]
            counts["records"][kind] = counts["records"].get(kind, 0) + 1
        elif payload == IMAGE:
            content = {"msgtype": "m.image", "body": IMAGE_NAME, "url": image["url"],
                       "info": {"mimetype": "image/png", "size": image["size"],
                                "w": IMAGE_SIZE[0], "h": IMAGE_SIZE[1]}}
        elif payload.startswith(URGENT):
            content = {"msgtype": "m.text", "body": "【至急】" + payload[len(URGENT):],
                       "jp.renkei.urgent": True, "jp.renkei.scene": "acute_change"}
        else:
            content = {"msgtype": "m.text", "body": payload}
            if scene:
                content["jp.renkei.scene"] = scene
        answer = srv.call(author, "PUT",
                          f"/rooms/{rid}/send/m.room.message/{q(srv.next_txn())}", content, ts=ts)
        if isinstance(payload, Record) and payload.ref:
            refs[payload.ref] = answer["event_id"]
        events.append((author, answer["event_id"], isinstance(payload, str)))
        counts["posts"] += 1
    texts = [k for k, (_, _, text) in enumerate(events) if text]
    for reader, behind in room["unread"].items():
        # A reader has seen everything up to `behind` text posts before the end, and their own.
        seen = texts[len(texts) - 1 - behind] if behind < len(texts) else -1
        own = [k for k, (author, _, _) in enumerate(events) if author == reader]
        last = max([seen] + own)
        if last >= 0:
            srv.call(reader, "POST",
                     f"/rooms/{rid}/receipt/m.read/{q(events[last][1])}", {})
    if "closure" in room:
        close_room(srv, creator, rid, room["closure"], entries[-1][0] + 6 * 3_600_000)
    return room_id, counts


def close_room(srv, closer, rid, closure, ts):
    """Closes a room as Renkei does (SCHEMA.md jp.renkei.closure): the closure with its
    readable body, then the closer leaves. The others stay joined until their Renkei syncs."""
    date = datetime.fromtimestamp(ts / 1000).strftime("%Y-%m-%d")
    body = f"部屋の終了: {CLOSURE_JA[closure['reason']]} ({date})"
    if closure.get("note"):
        body += " " + closure["note"]
    srv.call(closer, "PUT", f"/rooms/{rid}/state/jp.renkei.closure/",
             {"schema": SCHEMA, "reason": closure["reason"], "date": date,
              "note": closure.get("note", ""), "body": body}, ts=ts)
    uid = srv.user_id(closer)
    if srv.backdated:
        srv.call(closer, "PUT", f"/rooms/{rid}/state/m.room.member/{q(uid)}",
                 {"membership": "leave"}, ts=ts + 60_000)
    else:
        srv.call(closer, "POST", f"/rooms/{rid}/leave", {})


def seed(state_dir):
    state = json.loads((state_dir / "state.json").read_text())
    missing = [n for n in MEMBERS if n not in state.get("users", {})]
    if missing:
        raise SeedError(f"harness users missing: {', '.join(missing)} "
                        f"(start the harness with --users {','.join(MEMBERS)})")
    marker = state_dir / "demo-seed.json"
    if marker.exists():
        done = json.loads(marker.read_text())
        if done.get("status") == "done":
            return done, False
        raise SeedError(f"an earlier seeding of {state_dir} was interrupted: wipe the "
                        "directory (packaging/demo --stop) and run again")
    marker.write_text(json.dumps({"status": "in-progress"}))
    srv = Server(state)
    if not srv.backdated:
        note("no application service in this harness: posts are dated now")
    for name, (display, *_) in MEMBERS.items():  # before joining: member events carry it
        srv.call(name, "PUT", f"/profile/{q(srv.user_id(name))}/displayname",
                 {"displayname": display})
    png = wound_diagram_png()
    url = srv.call(NS, "POST", "/upload", raw=png, content_type="image/png",
                   query={"filename": IMAGE_NAME}, prefix="/_matrix/media/v3")["content_uri"]
    form = consent_form_png()
    consent_url = srv.call(NS, "POST", "/upload", raw=form, content_type="image/png",
                           query={"filename": CONSENT_NAME},
                           prefix="/_matrix/media/v3")["content_uri"]
    timelines, date_of = schedule(int(time.time() * 1000))
    rooms, records, posts, acks = {}, {}, 0, 0
    for room, entries in zip(ROOMS, timelines):
        rooms[room["name"]], counts = seed_room(
            srv, room, entries, {"url": url, "size": len(png), "consent_url": consent_url},
            date_of)
        posts, acks = posts + counts["posts"], acks + counts["acknowledgements"]
        if counts["records"]:
            records[room["name"]] = counts["records"]
    done = {"status": "done", "backdated": srv.backdated, "rooms": rooms, "posts": posts,
            "records": records, "acknowledgements": acks}
    marker.write_text(json.dumps(done, ensure_ascii=False, indent=2))
    return done, True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", required=True, type=lambda s: Path(s).expanduser().resolve(),
                        help="the harness directory (holds state.json)")
    parser.add_argument("--write-image", metavar="FILE", type=Path,
                        help="only write the generated diagram PNG to FILE")
    args = parser.parse_args(argv)
    try:
        if args.write_image:
            args.write_image.write_bytes(wound_diagram_png())
            return 0
        done, fresh = seed(args.dir)
    except (SeedError, OSError, KeyError, ValueError) as err:
        note(f"error: {type(err).__name__}: {err}")
        return 1
    print(f"demo network {'seeded' if fresh else 'already seeded'}: {len(done['rooms'])} "
          f"rooms, {done['posts']} posts ({sum(sum(r.values()) for r in done.get('records', {}).values())} "
          f"structured){'' if done['backdated'] else ' (dated now)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
