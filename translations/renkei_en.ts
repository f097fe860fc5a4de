<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentFile</name>
    <message>
        <source>The file is too large to send (up to %1 on this server). Choose a smaller file.</source>
        <translation>The file is too large to send (up to %1 on this server). Choose a smaller file.</translation>
    </message>
    <message>
        <source>The file cannot be found. Choose it again.</source>
        <translation>The file cannot be found. Choose it again.</translation>
    </message>
    <message>
        <source>The file cannot be read. Check that you may open it.</source>
        <translation>The file cannot be read. Check that you may open it.</translation>
    </message>
</context>
<context>
    <name>CareLabels</name>
    <message>
        <source>%1（%2・%3）</source>
        <extracomment>A member in a post header or read-by list: name (profession · office).</extracomment>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <source>主治医</source>
        <translation>Attending physician</translation>
    </message>
    <message>
        <source>副主治医</source>
        <translation>Second physician</translation>
    </message>
    <message>
        <source>歯科医師</source>
        <translation>Dentist</translation>
    </message>
    <message>
        <source>薬剤師</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <source>訪問看護師</source>
        <translation>Visiting nurse</translation>
    </message>
    <message>
        <source>看護師</source>
        <translation>Nurse</translation>
    </message>
    <message>
        <source>介護支援専門員</source>
        <translation>Care manager</translation>
    </message>
    <message>
        <source>MSW</source>
        <translation>MSW</translation>
    </message>
    <message>
        <source>理学療法士</source>
        <translation>Physical therapist</translation>
    </message>
    <message>
        <source>作業療法士</source>
        <translation>Occupational therapist</translation>
    </message>
    <message>
        <source>言語聴覚士</source>
        <translation>Speech therapist</translation>
    </message>
    <message>
        <source>管理栄養士</source>
        <translation>Dietitian</translation>
    </message>
    <message>
        <source>歯科衛生士</source>
        <translation>Dental hygienist</translation>
    </message>
    <message>
        <source>介護職</source>
        <translation>Care worker</translation>
    </message>
    <message>
        <source>地域包括支援センター職員</source>
        <translation>Community care centre staff</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>要支援1</source>
        <translation>Support level 1</translation>
    </message>
    <message>
        <source>要支援2</source>
        <translation>Support level 2</translation>
    </message>
    <message>
        <source>要介護1</source>
        <translation>Care level 1</translation>
    </message>
    <message>
        <source>要介護2</source>
        <translation>Care level 2</translation>
    </message>
    <message>
        <source>要介護3</source>
        <translation>Care level 3</translation>
    </message>
    <message>
        <source>要介護4</source>
        <translation>Care level 4</translation>
    </message>
    <message>
        <source>要介護5</source>
        <translation>Care level 5</translation>
    </message>
    <message>
        <source>申請中</source>
        <translation>Applied for</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <source>女性</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>男性</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>未記入</source>
        <translation>Not given</translation>
    </message>
    <message>
        <source>対面</source>
        <translation>in person</translation>
    </message>
    <message>
        <source>郵送</source>
        <translation>by mail</translation>
    </message>
    <message>
        <source>家族を通じて</source>
        <translation>through the family</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>Death</translation>
    </message>
    <message>
        <source>施設入所</source>
        <translation>Moved into a facility</translation>
    </message>
    <message>
        <source>転居</source>
        <translation>Moved away</translation>
    </message>
    <message>
        <source>入退院支援</source>
        <translation>Admission and discharge support</translation>
    </message>
    <message>
        <source>日常の療養支援</source>
        <translation>Daily care at home</translation>
    </message>
    <message>
        <source>急変時の対応</source>
        <translation>Sudden change</translation>
    </message>
    <message>
        <source>看取り</source>
        <translation>End-of-life care</translation>
    </message>
    <message>
        <source>記録を更新しました</source>
        <translation>updated the care record</translation>
    </message>
    <message>
        <source>利用者情報を更新しました</source>
        <translation>updated the patient&apos;s details</translation>
    </message>
    <message>
        <source>同意記録を更新しました</source>
        <translation>updated the consent record</translation>
    </message>
    <message>
        <source>職種・事業所を登録しました</source>
        <translation>registered their profession and office</translation>
    </message>
    <message>
        <source>ルールの例外を記録しました</source>
        <translation>recorded an exception to the network&apos;s rules</translation>
    </message>
    <message>
        <source>部屋を終了しました</source>
        <translation>closed the room</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Furigana</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>要介護度</source>
        <translation>Care level</translation>
    </message>
    <message>
        <source>主な病名</source>
        <translation>Main conditions</translation>
    </message>
    <message>
        <source>住所の市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>取得日</source>
        <translation>Date obtained</translation>
    </message>
    <message>
        <source>取得方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>取得者</source>
        <translation>Obtained by</translation>
    </message>
    <message>
        <source>同意した人</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>続柄</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>Copy of the consent form</translation>
    </message>
    <message>
        <source>撤回日</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>職種</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>事業所</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Office type</translation>
    </message>
    <message>
        <source>所在市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>the patient</translation>
    </message>
    <message>
        <source>家族</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <extracomment>One changed field of the care record: field: before → after.</extracomment>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>利用者情報を変更しました</source>
        <translation>Changed the patient profile</translation>
    </message>
    <message>
        <source>同意記録を変更しました</source>
        <translation>Changed the consent record</translation>
    </message>
    <message>
        <source>職種・事業所を変更しました</source>
        <translation>Changed profession and office</translation>
    </message>
    <message>
        <source>ルールの例外を変更しました</source>
        <translation>Changed a rule exception</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ContextTags</name>
    <message>
        <source>至急</source>
        <translation>Urgent</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>サーバーに接続できません。ネットワークとサーバーのアドレスを確認してください。</source>
        <translation>Cannot reach the server. Check the network and the server address.</translation>
    </message>
    <message>
        <source>このアドレスは連携サーバーではありません。アドレスを確認してください。</source>
        <translation>This address is not a Renkei server. Check the address.</translation>
    </message>
    <message>
        <source>サーバーのアドレスの形式が正しくありません。例: renkei.example.jp</source>
        <translation>The server address is not valid. Example: renkei.example.jp</translation>
    </message>
    <message>
        <source>サーバーの証明書を確認できません。安全に接続できないため中止しました。管理者に連絡してください。</source>
        <translation>The server&apos;s certificate cannot be verified, so Renkei did not connect. Contact your administrator.</translation>
    </message>
    <message>
        <source>ユーザー名またはパスワードが違います。</source>
        <translation>The user name or password is wrong.</translation>
    </message>
    <message>
        <source>パスフレーズが違います。</source>
        <translation>The passphrase is wrong.</translation>
    </message>
    <message>
        <source>このアカウントは使えなくなっています。管理者に連絡してください。</source>
        <translation>This account has been deactivated. Contact your administrator.</translation>
    </message>
    <message>
        <source>サインインの有効期限が切れました。もう一度サインインしてください。</source>
        <translation>Your sign-in has expired. Sign in again.</translation>
    </message>
    <message>
        <source>サインインしていません。サインインしてください。</source>
        <translation>You are not signed in. Please sign in.</translation>
    </message>
    <message>
        <source>この操作をする権限がありません。ルームの管理者に確認してください。</source>
        <translation>You do not have permission to do this. Ask the room&apos;s administrator.</translation>
    </message>
    <message>
        <source>サーバーが混み合っています。しばらく待ってから、もう一度お試しください。</source>
        <translation>The server is busy. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>内容が大きすぎて送れません。短くするか、分けて送ってください。</source>
        <translation>This is too large to send. Shorten it or send it in parts.</translation>
    </message>
    <message>
        <source>サーバーで問題が起きています。しばらくしてから、もう一度お試しください。</source>
        <translation>The server has a problem. Try again later.</translation>
    </message>
    <message>
        <source>サーバーが要求を受け付けませんでした。問題が続く場合は管理者に連絡してください。</source>
        <translation>The server refused the request. If this continues, contact your administrator.</translation>
    </message>
    <message>
        <source>サーバーの応答を読み取れませんでした。しばらくしてから、もう一度お試しください。</source>
        <translation>The server&apos;s answer could not be read. Try again later.</translation>
    </message>
    <message>
        <source>操作を取り消しました。</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>ディスクの空き容量が足りません。不要なファイルを削除してから、もう一度お試しください。</source>
        <translation>The disk is full. Delete files you do not need and try again.</translation>
    </message>
    <message>
        <source>データを保存できません（書き込みが禁止されています）。管理者に連絡してください。</source>
        <translation>The data cannot be saved (writing is not allowed). Contact your administrator.</translation>
    </message>
    <message>
        <source>端末内のデータを読み書きできません。アプリを再起動し、直らなければ管理者に連絡してください。</source>
        <translation>The data on this computer cannot be read or written. Restart the app; if that does not help, contact your administrator.</translation>
    </message>
    <message>
        <source>入力内容が正しくありません。確認してから、もう一度お試しください。</source>
        <translation>The input is not valid. Check it and try again.</translation>
    </message>
    <message>
        <source>開いているデータは別のアカウントのものです。サインアウトしてから、このアカウントでサインインしてください（アカウントごとに別々のデータになります）。</source>
        <translation>The open data belongs to another account. Sign out, then sign in with this account (each account has data of its own).</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 GB</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF document</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1 file</translation>
    </message>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>ImageFile</name>
    <message>
        <source>ファイルが見つかりません。画像をもう一度選んでください。</source>
        <translation>The file cannot be found. Choose the image again.</translation>
    </message>
    <message>
        <source>画像が大きすぎます（20 MB まで）。小さい画像を選んでください。</source>
        <translation>The image is too large (up to 20 MB). Choose a smaller image.</translation>
    </message>
    <message>
        <source>ファイルを読み込めません。ファイルを開く権限があるか確認してください。</source>
        <translation>The file cannot be read. Check that you are allowed to open it.</translation>
    </message>
    <message>
        <source>画像ファイルではありません。PNG、JPEG、GIF、WebP の画像を選んでください。</source>
        <translation>This file is not an image. Choose a PNG, JPEG, GIF or WebP image.</translation>
    </message>
</context>
<context>
    <name>PostMenu</name>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Take back acknowledgement</source>
        <translation>Take back acknowledgement</translation>
    </message>
    <message>
        <source>Edit history…</source>
        <translation>Edit history…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Post actions</source>
        <translation>Post actions</translation>
    </message>
    <message>
        <source>Show as document…</source>
        <translation>Show as document…</translation>
    </message>
    <message>
        <source>Export this post…</source>
        <translation>Export this post…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>第%1版（話し合い %2）</source>
        <translation>Revision %1 (discussed %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>第%1版（%2）</source>
        <translation>Revision %1 (%2)</translation>
    </message>
    <message>
        <source>以前の版: %1</source>
        <translation>Earlier revisions: %1</translation>
    </message>
</context>
<context>
    <name>ReactionChips</name>
    <message>
        <source>✓ Acknowledge</source>
        <extracomment>The one-click acknowledgement under a post (sends the reaction 「確認しました」)</extracomment>
        <translation>✓ Acknowledge</translation>
    </message>
    <message>
        <source>Send 「%1」 to say you have read this post</source>
        <extracomment>Tool tip of the acknowledgement button under a post</extracomment>
        <translation>Send “%1” to say you have read this post</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Tool tip of a reaction chip: the key, then who reacted (display names)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(sending)</source>
        <translation>(sending)</translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message numerus="yes">
        <source>… and %n more (Show as document)</source>
        <translation>
            <numerusform>… and %n more line (Show as document)</numerusform>
            <numerusform>… and %n more lines (Show as document)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>あり</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>No</translation>
    </message>
    <message>
        <source>下痢</source>
        <translation>Diarrhea</translation>
    </message>
    <message>
        <source>便秘</source>
        <translation>Constipation</translation>
    </message>
    <message>
        <source>開始</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>継続</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>時々忘れる</source>
        <translation>Sometimes missed</translation>
    </message>
    <message>
        <source>不良</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>自宅</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>病院</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>Facility</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>希望する</source>
        <translation>Wanted</translation>
    </message>
    <message>
        <source>希望しない</source>
        <translation>Not wanted</translation>
    </message>
    <message>
        <source>自立</source>
        <translation>Independent</translation>
    </message>
    <message>
        <source>一部介助</source>
        <translation>Partial assistance</translation>
    </message>
    <message>
        <source>全介助</source>
        <translation>Full assistance</translation>
    </message>
    <message>
        <source>測定日時</source>
        <translation>Measured at</translation>
    </message>
    <message>
        <source>血圧（上）</source>
        <translation>Blood pressure (systolic)</translation>
    </message>
    <message>
        <source>血圧（下）</source>
        <translation>Blood pressure (diastolic)</translation>
    </message>
    <message>
        <source>脈拍</source>
        <translation>Pulse</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>Temperature</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>呼吸数</source>
        <translation>Respiration</translation>
    </message>
    <message>
        <source>体重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>食事摂取量</source>
        <translation>Meal intake</translation>
    </message>
    <message>
        <source>水分摂取量</source>
        <translation>Fluid intake</translation>
    </message>
    <message>
        <source>排便</source>
        <translation>Bowel movement</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>薬剤名</source>
        <translation>Drug</translation>
    </message>
    <message>
        <source>用法・用量</source>
        <translation>Dosage</translation>
    </message>
    <message>
        <source>服薬状況</source>
        <translation>Adherence</translation>
    </message>
    <message>
        <source>残薬</source>
        <translation>Leftover doses</translation>
    </message>
    <message>
        <source>副作用</source>
        <translation>Side effects</translation>
    </message>
    <message>
        <source>次回訪問予定日</source>
        <translation>Next planned visit</translation>
    </message>
    <message>
        <source>治療方針の変更</source>
        <translation>Treatment policy changed</translation>
    </message>
    <message>
        <source>変更の内容</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>療養上の留意点</source>
        <translation>Cautions for care</translation>
    </message>
    <message>
        <source>療養の場所</source>
        <translation>Place of care</translation>
    </message>
    <message>
        <source>療養の場所（その他）</source>
        <translation>Place of care (other)</translation>
    </message>
    <message>
        <source>最期を迎えたい場所</source>
        <translation>Wished place of death</translation>
    </message>
    <message>
        <source>最期を迎えたい場所（その他）</source>
        <translation>Place of death (other)</translation>
    </message>
    <message>
        <source>心肺蘇生</source>
        <translation>CPR</translation>
    </message>
    <message>
        <source>人工呼吸器</source>
        <translation>Mechanical ventilation</translation>
    </message>
    <message>
        <source>経管栄養（胃ろう等）</source>
        <translation>Tube feeding (PEG etc.)</translation>
    </message>
    <message>
        <source>点滴</source>
        <translation>IV fluids</translation>
    </message>
    <message>
        <source>人工透析</source>
        <translation>Dialysis</translation>
    </message>
    <message>
        <source>救急搬送・入院</source>
        <translation>Ambulance and admission</translation>
    </message>
    <message>
        <source>本人の思い・大切にしていること</source>
        <translation>The patient&apos;s wishes and values</translation>
    </message>
    <message>
        <source>代理意思決定者</source>
        <translation>Surrogate decision maker</translation>
    </message>
    <message>
        <source>代理意思決定者の続柄</source>
        <translation>Surrogate&apos;s relation</translation>
    </message>
    <message>
        <source>話し合いの日</source>
        <translation>Date of the discussion</translation>
    </message>
    <message>
        <source>話し合いの参加者</source>
        <translation>Participants of the discussion</translation>
    </message>
    <message>
        <source>版</source>
        <translation>Revision</translation>
    </message>
    <message>
        <source>医療機関名</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>病棟</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>入院日</source>
        <translation>Admitted on</translation>
    </message>
    <message>
        <source>退院予定日</source>
        <translation>Planned discharge</translation>
    </message>
    <message>
        <source>病院の主治医</source>
        <translation>Hospital physician</translation>
    </message>
    <message>
        <source>在宅の主治医</source>
        <translation>Home physician</translation>
    </message>
    <message>
        <source>診断名</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>入院中の経過</source>
        <translation>Course in hospital</translation>
    </message>
    <message>
        <source>ADL 食事</source>
        <translation>ADL eating</translation>
    </message>
    <message>
        <source>ADL 排泄</source>
        <translation>ADL toileting</translation>
    </message>
    <message>
        <source>ADL 移動</source>
        <translation>ADL mobility</translation>
    </message>
    <message>
        <source>ADL 入浴</source>
        <translation>ADL bathing</translation>
    </message>
    <message>
        <source>ADL 更衣</source>
        <translation>ADL dressing</translation>
    </message>
    <message>
        <source>ADLの補足</source>
        <translation>ADL notes</translation>
    </message>
    <message>
        <source>在宅での医療処置（1行に1つ）</source>
        <translation>Medical procedures at home (one per line)</translation>
    </message>
    <message>
        <source>服薬（退院時の処方）</source>
        <translation>Medications at discharge</translation>
    </message>
    <message>
        <source>予定する看護・介護サービス</source>
        <translation>Planned nursing and care services</translation>
    </message>
    <message>
        <source>福祉用具・医療機器</source>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>家族の状況と意向</source>
        <translation>Family&apos;s situation and wishes</translation>
    </message>
    <message>
        <source>共同指導の日</source>
        <translation>Conference date</translation>
    </message>
    <message>
        <source>共同指導の参加者</source>
        <translation>Conference participants</translation>
    </message>
    <message>
        <source>退院後の確認事項</source>
        <translation>Follow-up after discharge</translation>
    </message>
    <message>
        <source>バイタル</source>
        <translation>Vitals</translation>
    </message>
    <message>
        <source>服薬</source>
        <translation>Medication</translation>
    </message>
    <message>
        <source>医師からの情報共有</source>
        <translation>Physician&apos;s update</translation>
    </message>
    <message>
        <source>人生の最終段階における意向</source>
        <translation>End-of-life wishes (ACP)</translation>
    </message>
    <message>
        <source>退院時共同指導記録票</source>
        <translation>Discharge joint-guidance record</translation>
    </message>
</context>
<context>
    <name>ReplyQuoteBox</name>
    <message>
        <source>The original post cannot be found</source>
        <translation>The original post cannot be found</translation>
    </message>
    <message>
        <source>Loading the original post…</source>
        <translation>Loading the original post…</translation>
    </message>
</context>
<context>
    <name>SaveCopy</name>
    <message>
        <source>The copy is saved outside Renkei&apos;s encrypted store: anyone who can open that folder can read it. Save it only where patient information may be kept, and delete it when it is no longer needed.</source>
        <translation>The copy is saved outside Renkei&apos;s encrypted store: anyone who can open that folder can read it. Save it only where patient information may be kept, and delete it when it is no longer needed.</translation>
    </message>
    <message>
        <source>The file could not be saved: the disk is full. Free some space or choose another place.</source>
        <translation>The file could not be saved: the disk is full. Free some space or choose another place.</translation>
    </message>
    <message>
        <source>The file could not be saved there: writing is not allowed. Choose another place.</source>
        <translation>The file could not be saved there: writing is not allowed. Choose another place.</translation>
    </message>
    <message>
        <source>The file could not be saved. Nothing was left half-written; try again or choose another place.</source>
        <translation>The file could not be saved. Nothing was left half-written; try again or choose another place.</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UnreadDivider</name>
    <message>
        <source>Unread from here</source>
        <extracomment>The line above the first post the user has not read yet</extracomment>
        <translation>Unread from here</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Renkei: posts and photos for your patients&apos; care team.</source>
        <translation>Renkei: posts and photos for your patients&apos; care team.</translation>
    </message>
    <message>
        <source>Keep the encrypted local data in &lt;dir&gt;.</source>
        <translation>Keep the encrypted local data in &lt;dir&gt;.</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>Prefill the server at sign-in.</source>
        <translation>Prefill the server at sign-in.</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>Exit once the first window is shown.</source>
        <translation>Exit once the first window is shown.</translation>
    </message>
    <message>
        <source>Environment:
  RENKEI_PASSPHRASE  opens the local data with this passphrase without asking
                     (for the demo and scripts); if it does not open them,
                     Renkei asks for the passphrase.</source>
        <translation>Environment:
  RENKEI_PASSPHRASE  opens the local data with this passphrase without asking
                     (for the demo and scripts); if it does not open them,
                     Renkei asks for the passphrase.</translation>
    </message>
</context>
<context>
    <name>renkei::ui</name>
    <message>
        <source>利用者: %1（%2）</source>
        <translation>Patient: %1 (%2)</translation>
    </message>
    <message>
        <source>利用者の記録は参加するまで読めません。</source>
        <translation>The patient&apos;s record can be read only after joining.</translation>
    </message>
    <message>
        <source>同意記録: %1 に撤回されています。</source>
        <translation>Consent: withdrawn on %1.</translation>
    </message>
    <message>
        <source>同意記録: あり（%1・%2）</source>
        <translation>Consent: on record (%1, %2)</translation>
    </message>
    <message>
        <source>同意記録: 見つかりません。参加する前に招待した方に確認してください。</source>
        <translation>Consent: not found. Ask the person who invited you before joining.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::AccessLogDialog</name>
    <message>
        <source>部屋を開いた</source>
        <translation>Room opened</translation>
    </message>
    <message>
        <source>PDF書き出し</source>
        <translation>PDF export</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>ファイルを開いた</source>
        <translation>File opened</translation>
    </message>
    <message>
        <source>ファイルを保存</source>
        <translation>File saved</translation>
    </message>
    <message>
        <source>サインイン</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <source>サインアウト</source>
        <translation>Sign-out</translation>
    </message>
    <message>
        <source>ロック解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>ロック解除の失敗</source>
        <translation>Failed unlock</translation>
    </message>
    <message>
        <source>アクセス記録</source>
        <translation>Access log</translation>
    </message>
    <message>
        <source>すべての種類</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>患者の部屋</source>
        <translation>Patient room</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>期間（日本時間）</source>
        <translation>Days (Japan time)</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>User</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>改ざんを確認</source>
        <translation>Check for tampering</translation>
    </message>
    <message>
        <source>CSVに書き出す…</source>
        <translation>Export as CSV…</translation>
    </message>
    <message>
        <source>すべての部屋</source>
        <translation>All rooms</translation>
    </message>
    <message>
        <source>アクセス記録を読めませんでした。</source>
        <translation>The access log could not be read.</translation>
    </message>
    <message>
        <source>新しい順に%L1件まで表示しています。</source>
        <translation>Showing the newest %L1 records.</translation>
    </message>
    <message>
        <source>%L1件</source>
        <translation>%L1 records</translation>
    </message>
    <message>
        <source>改ざんは見つかりませんでした（%L1件の記録を確認）。</source>
        <translation>No tampering found (%L1 records checked).</translation>
    </message>
    <message>
        <source>改ざんが見つかりました: 記録 %1 が書き換えられたか削除されています。（%2）</source>
        <extracomment>The hash chain is broken: which record, then the check&apos;s own words (English)</extracomment>
        <translation>Tampering found: record %1 was changed or removed. (%2)</translation>
    </message>
    <message>
        <source>CSVに書き出す</source>
        <translation>Export as CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%L1件をCSVに書き出しました。</source>
        <translation>Wrote %L1 records as CSV.</translation>
    </message>
    <message>
        <source>CSVを書き出せませんでした。保存先と空き容量を確かめてください。</source>
        <translation>The CSV could not be written. Check the folder and the free space.</translation>
    </message>
    <message>
        <source>画面ロック</source>
        <translation>screen lock</translation>
    </message>
    <message>
        <source>起動時</source>
        <translation>at start</translation>
    </message>
    <message>
        <source>添付ファイル</source>
        <translation>attachment</translation>
    </message>
    <message>
        <source>画像</source>
        <translation>image</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>consent form scan</translation>
    </message>
    <message>
        <source>終了した部屋</source>
        <translation>closed room</translation>
    </message>
    <message>
        <source>サーバーで確認</source>
        <translation>confirmed by the server</translation>
    </message>
    <message>
        <source>サーバーに届かず</source>
        <translation>server not reached</translation>
    </message>
    <message>
        <source>起動時（その前に%1回失敗）</source>
        <translation>at start (after %1 failed tries)</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ArchivedRoomsModel</name>
    <message>
        <source>%1・%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1、%2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ArchivedRoomsView</name>
    <message>
        <source>終了した部屋</source>
        <translation>Closed rooms</translation>
    </message>
    <message>
        <source>このパソコンから削除…</source>
        <translation>Remove from this computer…</translation>
    </message>
    <message>
        <source>終了した部屋（%1）</source>
        <translation>Closed rooms (%1)</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CareBridge</name>
    <message>
        <source>サインインしていません。</source>
        <translation>You are not signed in.</translation>
    </message>
    <message>
        <source>設定で自分の職種と事業所を登録してから開設してください。</source>
        <translation>Enter your profession and office in the settings before opening a room.</translation>
    </message>
    <message>
        <source>利用者の同意が記録されていないため、部屋を開設できません。</source>
        <translation>The room cannot be opened: the patient&apos;s consent is not recorded.</translation>
    </message>
    <message>
        <source>主治医が招待されていません。主治医なしで開設する理由を入力してください。</source>
        <translation>No attending physician is invited. Enter the reason for opening without one.</translation>
    </message>
    <message>
        <source>ケアチームの招待に誤りがあります（重複、自分自身、主治医が複数など）。</source>
        <translation>The care team&apos;s invitations are wrong (a repeat, yourself, or more than one attending physician).</translation>
    </message>
    <message>
        <source>利用者の情報に誤りがあります。</source>
        <translation>The patient&apos;s details are wrong.</translation>
    </message>
    <message>
        <source>利用者同意の記録に誤りがあります。</source>
        <translation>The consent record is wrong.</translation>
    </message>
    <message>
        <source>主治医なしで開設する理由を確認してください（500 文字まで）。</source>
        <translation>Check the reason for opening without an attending physician (up to 500 characters).</translation>
    </message>
    <message>
        <source>設定の職種・事業所に誤りがあります。</source>
        <translation>Your profession and office in the settings are wrong.</translation>
    </message>
    <message>
        <source>この記録を変更する権限がありません（開設した人と主治医が変更できます）。</source>
        <translation>You may not change this record (the opener and the attending physician can).</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CareRecordDialog</name>
    <message>
        <source>利用者情報の編集</source>
        <translation>Edit patient profile</translation>
    </message>
    <message>
        <source>利用者同意の編集</source>
        <translation>Edit consent record</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>保存すると変更はケアチーム全員の時系列に表示されます。</source>
        <translation>When saved, the change appears in the whole care team&apos;s timeline.</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ChangePassphraseDialog</name>
    <message>
        <source>パスフレーズの変更</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <source>このパソコンの Renkei のデータを守るパスフレーズを変えます。データはそのまま、新しいパスフレーズで開くようになります。</source>
        <translation>Change the passphrase that protects Renkei&apos;s data on this computer. The data stays as it is and opens with the new passphrase.</translation>
    </message>
    <message>
        <source>今のパスフレーズ</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>新しいパスフレーズ</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>もう一度（確認）</source>
        <translation>Repeat it</translation>
    </message>
    <message>
        <source>変更する</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>今のパスフレーズを入力してください。</source>
        <translation>Enter the current passphrase.</translation>
    </message>
    <message>
        <source>新しいパスフレーズを入力してください。</source>
        <translation>Enter a new passphrase.</translation>
    </message>
    <message>
        <source>新しいパスフレーズは%1文字以上にしてください。</source>
        <translation>The new passphrase needs at least %1 characters.</translation>
    </message>
    <message>
        <source>新しいパスフレーズが確認欄と一致しません。</source>
        <translation>The new passphrase and its repetition differ.</translation>
    </message>
    <message>
        <source>新しいパスフレーズが今のものと同じです。</source>
        <translation>The new passphrase is the current one.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CloseRoomDialog</name>
    <message>
        <source>部屋の終了</source>
        <translation>Close room</translation>
    </message>
    <message>
        <source>「%1」の部屋を終了します。
ケアチームの全員がこの部屋から退出し、部屋は読むだけの記録（終了した部屋）になります。新しい投稿はできなくなり、元に戻すことはできません。</source>
        <translation>This closes the room of &quot;%1&quot;.
Everyone in the care team leaves the room and it becomes a read-only record (closed rooms). No new posts can be made, and this cannot be undone.</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>終了の理由</source>
        <translation>Reason for closing</translation>
    </message>
    <message>
        <source>選んでください</source>
        <translation>Choose one</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>例: 特別養護老人ホームへ入所（「その他」の場合は必須）</source>
        <translation>e.g. moved into a nursing home (required for &quot;Other&quot;)</translation>
    </message>
    <message>
        <source>理由(&amp;R)</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>終了日(&amp;D)</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>メモ(&amp;M)</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>部屋を終了する(&amp;C)</source>
        <translation>&amp;Close room</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>終了しています…</source>
        <translation>Closing…</translation>
    </message>
    <message>
        <source>終了の理由を選んでください。</source>
        <translation>Choose the reason for closing.</translation>
    </message>
    <message>
        <source>「その他」の場合は、終了の理由をメモに書いてください。</source>
        <translation>For &quot;Other&quot;, write the reason in the note.</translation>
    </message>
    <message>
        <source>メモは %1 文字までです。</source>
        <translation>The note can be at most %1 characters.</translation>
    </message>
    <message>
        <source>終了日に未来の日付は選べません。</source>
        <translation>The closing date cannot be in the future.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ClosureBridge</name>
    <message>
        <source>サインインしていません。</source>
        <translation>You are not signed in.</translation>
    </message>
    <message>
        <source>この部屋を終了する権限がありません。部屋を開設した人か主治医が終了できます。</source>
        <translation>You may not close this room. The opener or the attending physician can.</translation>
    </message>
    <message>
        <source>「その他」の場合は、終了の理由をメモに書いてください（500 文字まで）。</source>
        <translation>For &quot;Other&quot;, write the reason in the note (up to 500 characters).</translation>
    </message>
    <message>
        <source>終了日を確認してください。</source>
        <translation>Check the closing date.</translation>
    </message>
    <message>
        <source>この部屋は利用者の部屋ではないため、終了できません。</source>
        <translation>This is not a patient room, so it cannot be closed.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Write a post for the care team</source>
        <translation>Write a post for the care team</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send shortcut</source>
        <translation>Send shortcut</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends · Enter starts a new line</source>
        <translation>Ctrl+Enter sends · Enter starts a new line</translation>
    </message>
    <message>
        <source>Enter sends · Shift+Enter starts a new line</source>
        <translation>Enter sends · Shift+Enter starts a new line</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>Attach file</translation>
    </message>
    <message>
        <source>Post a file: a photo, a PDF or any other document</source>
        <translation>Post a file: a photo, a PDF or any other document</translation>
    </message>
    <message>
        <source>Composer mode</source>
        <translation>Composer mode</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <source>Choose a file to post</source>
        <translation>Choose a file to post</translation>
    </message>
    <message>
        <source>Replying to: %1 “%2”</source>
        <translation>Replying to: %1 “%2”</translation>
    </message>
    <message>
        <source>Editing a post</source>
        <translation>Editing a post</translation>
    </message>
    <message>
        <source>Save edit</source>
        <translation>Save edit</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>Scene</translation>
    </message>
    <message>
        <source>The scene of care this post belongs to</source>
        <translation>The scene of care this post belongs to</translation>
    </message>
    <message>
        <source>No scene</source>
        <translation>No scene</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <source>Mark the post as urgent: the care team sees it highlighted and is notified</source>
        <translation>Mark the post as urgent: the care team sees it highlighted and is notified</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Write a structured record: vitals, medication, the physician&apos;s update, ACP, discharge</source>
        <translation>Write a structured record: vitals, medication, the physician&apos;s update, ACP, discharge</translation>
    </message>
    <message>
        <source>%1 (draft)</source>
        <translation>%1 (draft)</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ConnectionBanner</name>
    <message>
        <source>Connection notice</source>
        <translation>Connection notice</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>You are offline. Your drafts are saved on this computer. Posts you send now will go out automatically when the connection is back.</source>
        <translation>You are offline. Your drafts are saved on this computer. Posts you send now will go out automatically when the connection is back.</translation>
    </message>
    <message numerus="yes">
        <source>You are offline. Your drafts and the %n post(s) waiting to be sent are saved on this computer. They will be sent automatically when the connection is back.</source>
        <translation>
            <numerusform>You are offline. Your drafts and the %n post waiting to be sent are saved on this computer. It will be sent automatically when the connection is back.</numerusform>
            <numerusform>You are offline. Your drafts and the %n posts waiting to be sent are saved on this computer. They will be sent automatically when the connection is back.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please sign in again to keep sending and receiving posts. Your drafts are saved on this computer.</source>
        <translation>Please sign in again to keep sending and receiving posts. Your drafts are saved on this computer.</translation>
    </message>
    <message numerus="yes">
        <source>Please sign in again to keep sending and receiving posts. Your drafts and the %n post(s) waiting to be sent are saved on this computer.</source>
        <translation>
            <numerusform>Please sign in again to keep sending and receiving posts. Your drafts and the %n post waiting to be sent are saved on this computer.</numerusform>
            <numerusform>Please sign in again to keep sending and receiving posts. Your drafts and the %n posts waiting to be sent are saved on this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>renkei::ui::ConsentForm</name>
    <message>
        <source>同意日</source>
        <translation>Consent date</translation>
    </message>
    <message>
        <source>取得方法</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>同意を取得した人</source>
        <translation>Obtained by</translation>
    </message>
    <message>
        <source>本人(&amp;P)</source>
        <translation>&amp;Patient</translation>
    </message>
    <message>
        <source>家族(&amp;Y)</source>
        <translation>Famil&amp;y</translation>
    </message>
    <message>
        <source>続柄</source>
        <translation>Relation</translation>
    </message>
    <message>
        <source>長女、夫 など</source>
        <translation>e.g. eldest daughter, husband</translation>
    </message>
    <message>
        <source>続柄:</source>
        <translation>Relation:</translation>
    </message>
    <message>
        <source>同意日(&amp;D)</source>
        <translation>Consent &amp;date</translation>
    </message>
    <message>
        <source>取得方法(&amp;H)</source>
        <translation>&amp;How obtained</translation>
    </message>
    <message>
        <source>取得した人(&amp;W)</source>
        <translation>Obtained &amp;by</translation>
    </message>
    <message>
        <source>同意した人</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>同意日を確認してください。</source>
        <translation>Check the consent date.</translation>
    </message>
    <message>
        <source>同意を取得した人の ID（@名前:サーバー）を入力してください。</source>
        <translation>Enter the ID (@name:server) of who obtained the consent.</translation>
    </message>
    <message>
        <source>家族から同意を得た場合は続柄を入力してください。</source>
        <translation>When the family gave consent, enter their relation.</translation>
    </message>
    <message>
        <source>同意の記録を確認してください。</source>
        <translation>Check the consent record.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CoreBridge</name>
    <message>
        <source>先にパスフレーズで端末内のデータを開いてください。</source>
        <translation>Open the data on this computer with your passphrase first.</translation>
    </message>
    <message>
        <source>サインインしていません。サインインしてください。</source>
        <translation>You are not signed in. Please sign in.</translation>
    </message>
    <message>
        <source>画像を表示できません。</source>
        <translation>The image cannot be shown.</translation>
    </message>
    <message>
        <source>The server did not accept the post.</source>
        <translation>The server did not accept the post.</translation>
    </message>
    <message>
        <source>サインアウトしています。終わるまでお待ちください。</source>
        <translation>Signing out. Please wait until it has finished.</translation>
    </message>
    <message>
        <source>ファイルが投稿に書かれた大きさを超えているため、開けません。</source>
        <translation>The file is larger than its post says, so it cannot be opened.</translation>
    </message>
    <message>
        <source>ダウンロードを取り消しました。</source>
        <translation>The download was cancelled.</translation>
    </message>
    <message>
        <source>データが開かれていません。</source>
        <translation>The local data is not open.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::EditHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation>Edit history</translation>
    </message>
    <message>
        <source>Every version of this post, the original first.</source>
        <translation>Every version of this post, the original first.</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versions</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ExportDialog</name>
    <message>
        <source>書き出し・印刷</source>
        <translation>Export and print</translation>
    </message>
    <message>
        <source>経過記録（時系列）</source>
        <translation>Progress notes (timeline)</translation>
    </message>
    <message>
        <source>支援経過記録（ケアマネジャー向けの表）</source>
        <translation>Support record (table for care managers)</translation>
    </message>
    <message>
        <source>医師からの情報共有（月別・情報連携）</source>
        <translation>Physician&apos;s updates (monthly)</translation>
    </message>
    <message>
        <source>様式</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>From</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>To</translation>
    </message>
    <message>
        <source>PDFに書き出す…</source>
        <translation>Export to PDF…</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>開始日が終了日より後になっています。</source>
        <translation>The start date is after the end date.</translation>
    </message>
    <message>
        <source>この部屋の記録を読めませんでした。</source>
        <translation>This room&apos;s records could not be read.</translation>
    </message>
    <message>
        <source>書き出しの記録を保存できませんでした。</source>
        <translation>The export could not be logged.</translation>
    </message>
    <message>
        <source>%1 件の投稿を %2 ページにしました。</source>
        <translation>%1 posts on %2 pages.</translation>
    </message>
    <message>
        <source>PDFを保存できませんでした: %1</source>
        <translation>The PDF could not be saved: %1</translation>
    </message>
    <message>
        <source>PDFに書き出す</source>
        <translation>Export to PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>印刷できませんでした。</source>
        <translation>Printing failed.</translation>
    </message>
    <message>
        <source>投稿を選んで書き出す</source>
        <translation>Choose the posts to export</translation>
    </message>
    <message>
        <source>画像を取得しています（%1 / %2）…</source>
        <translation>Fetching pictures (%1 / %2)…</translation>
    </message>
    <message>
        <source>書き出す投稿に印を付けてください。</source>
        <translation>Tick the posts to export.</translation>
    </message>
    <message numerus="yes">
        <source>画像 %n 枚は取得できなかったため、その旨を記載しました。</source>
        <translation>
            <numerusform>%n picture could not be fetched; the document says so.</numerusform>
            <numerusform>%n pictures could not be fetched; the document says so.</numerusform>
        </translation>
    </message>
    <message>
        <source>この連携ネットワークの方針により、書き出しと印刷はできません。</source>
        <translation>The care network&apos;s policy does not allow export or printing.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::FileActions</name>
    <message>
        <source>Downloading a file</source>
        <translation>Downloading a file</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>Downloading “%1”…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The file could not be downloaded.</source>
        <translation>The file could not be downloaded.</translation>
    </message>
    <message>
        <source>この連携ネットワークの方針により、ファイルをパソコンに保存することはできません。</source>
        <translation>The care network&apos;s policy does not allow saving files to this computer.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::FileViewer</name>
    <message>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <source>File viewer</source>
        <translation>File viewer</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Save…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Save a copy</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>PDF pages</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>Page %1 / %2</translation>
    </message>
    <message>
        <source>Renkei cannot show this kind of file. To open it in another program, save a copy (Save…).</source>
        <translation>Renkei cannot show this kind of file. To open it in another program, save a copy (Save…).</translation>
    </message>
    <message>
        <source>This PDF cannot be shown: it is damaged or protected by a password. You can save a copy (Save…) and open it in another program.</source>
        <translation>This PDF cannot be shown: it is damaged or protected by a password. You can save a copy (Save…) and open it in another program.</translation>
    </message>
    <message>
        <source>This image cannot be shown: it is damaged, too large, or not of the type it declares. You can save a copy (Save…).</source>
        <translation>This image cannot be shown: it is damaged, too large, or not of the type it declares. You can save a copy (Save…).</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>Image</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>Image viewer</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Loading image…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The image cannot be shown</source>
        <translation>The image cannot be shown</translation>
    </message>
    <message>
        <source>The image cannot be shown: %1</source>
        <translation>The image cannot be shown: %1</translation>
    </message>
</context>
<context>
    <name>renkei::ui::InviteBar</name>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Join</translation>
    </message>
    <message>
        <source>Accept the invitation</source>
        <translation>Accept the invitation</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Decline</translation>
    </message>
    <message>
        <source>Decline the invitation</source>
        <translation>Decline the invitation</translation>
    </message>
    <message>
        <source>You are invited to %1.</source>
        <translation>You are invited to %1.</translation>
    </message>
    <message>
        <source>%1 invited you to %2.</source>
        <translation>%1 invited you to %2.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::LockScreen</name>
    <message>
        <source>画面はロックされています</source>
        <translation>The screen is locked</translation>
    </message>
    <message>
        <source>続けるにはパスフレーズを入力してください。受信と送信は続いています。</source>
        <translation>Enter your passphrase to continue. Receiving and sending go on.</translation>
    </message>
    <message>
        <source>パスフレーズ</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>ロックを解除</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Renkei（ロック中）</source>
        <translation>Renkei (locked)</translation>
    </message>
    <message>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>もう一度入力できます。</source>
        <translation>You can try again.</translation>
    </message>
    <message>
        <source>パスフレーズが %1 回続けて違いました。あと %2 秒お待ちください。</source>
        <translation>The passphrase was wrong %1 times in a row. Please wait %2 seconds.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::MainWindow</name>
    <message>
        <source>Renkei</source>
        <translation>Renkei</translation>
    </message>
    <message>
        <source>Renkei main window</source>
        <translation>Renkei main window</translation>
    </message>
    <message>
        <source>Choose a room on the left.</source>
        <translation>Choose a room on the left.</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Room</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>&amp;Room</translation>
    </message>
    <message>
        <source>&amp;Go to room…</source>
        <translation>&amp;Go to room…</translation>
    </message>
    <message>
        <source>&amp;Filter rooms</source>
        <translation>&amp;Filter rooms</translation>
    </message>
    <message>
        <source>&amp;Newest posts</source>
        <translation>&amp;Newest posts</translation>
    </message>
    <message>
        <source>&amp;Write a post</source>
        <translation>&amp;Write a post</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>&amp;Leave room…</translation>
    </message>
    <message>
        <source>%1 – Renkei</source>
        <translation>%1 – Renkei</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Leave room</translation>
    </message>
    <message>
        <source>Leave %1? You will no longer see new posts in this room.</source>
        <translation>Leave %1? You will no longer see new posts in this room.</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>Syncing</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>%1 · Last sync %2</source>
        <translation>%1 · Last sync %2</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>Sign &amp;out…</translation>
    </message>
    <message>
        <source>Post not saved</source>
        <translation>Post not saved</translation>
    </message>
    <message>
        <source>The post could not be saved for sending. Your text is still in the box.

%1</source>
        <translation>The post could not be saved for sending. Your text is still in the box.

%1</translation>
    </message>
    <message>
        <source>The post could not be sent again.</source>
        <translation>The post could not be sent again.</translation>
    </message>
    <message>
        <source>Discard post</source>
        <translation>Discard post</translation>
    </message>
    <message>
        <source>Discard this post? It was not sent and will be deleted from this computer.</source>
        <translation>Discard this post? It was not sent and will be deleted from this computer.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Signed out by the server</source>
        <translation>Signed out by the server</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform>
            <numerusform>%n waiting to be sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n</source>
        <translation>
            <numerusform>Sending %n</numerusform>
            <numerusform>Sending %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>%n not sent</numerusform>
            <numerusform>%n not sent</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) have not been sent yet. If you sign out now, they will be deleted from this computer and never sent.</source>
        <translation>
            <numerusform>%n post has not been sent yet. If you sign out now, it will be deleted from this computer and never sent.</numerusform>
            <numerusform>%n posts have not been sent yet. If you sign out now, they will be deleted from this computer and never sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your drafts stay on this computer.</source>
        <translation>Your drafts stay on this computer.</translation>
    </message>
    <message>
        <source>Delete and sign out</source>
        <translation>Delete and sign out</translation>
    </message>
    <message>
        <source>Sign out of Renkei? Your drafts stay on this computer.</source>
        <translation>Sign out of Renkei? Your drafts stay on this computer.</translation>
    </message>
    <message>
        <source>Also delete this account&apos;s data from this computer (drafts included)</source>
        <translation>Also delete this account&apos;s data from this computer (drafts included)</translation>
    </message>
    <message>
        <source>Whole history saved on this computer</source>
        <translation>Whole history saved on this computer</translation>
    </message>
    <message>
        <source>Offline history</source>
        <translation>Offline history</translation>
    </message>
    <message>
        <source>Fetching history for offline use %1/%2</source>
        <translation>Fetching history for offline use %1/%2</translation>
    </message>
    <message>
        <source>Fetching history for offline use %1/%2 (waiting for the connection)</source>
        <translation>Fetching history for offline use %1/%2 (waiting for the connection)</translation>
    </message>
    <message>
        <source>History for offline use: continues after you sign in</source>
        <translation>History for offline use: continues after you sign in</translation>
    </message>
    <message>
        <source>File not posted</source>
        <translation>File not posted</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>Delete post</translation>
    </message>
    <message>
        <source>Delete this post? Everyone in the room will see that it was deleted (and the reason, if you give one). This cannot be undone.</source>
        <translation>Delete this post? Everyone in the room will see that it was deleted (and the reason, if you give one). This cannot be undone.</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Reason (optional)</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>e.g. posted in the wrong room</source>
        <translation>e.g. posted in the wrong room</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Post not deleted</source>
        <translation>Post not deleted</translation>
    </message>
    <message>
        <source>The acknowledgement could not be changed: %1</source>
        <translation>The acknowledgement could not be changed: %1</translation>
    </message>
    <message>
        <source>Edit not saved</source>
        <translation>Edit not saved</translation>
    </message>
    <message>
        <source>This file cannot be opened here.</source>
        <translation>This file cannot be opened here.</translation>
    </message>
    <message>
        <source>&amp;Open a patient room…</source>
        <translation>&amp;Open a patient room…</translation>
    </message>
    <message>
        <source>Your profile could not be sent to every room: %1</source>
        <translation>Your profile could not be sent to every room: %1</translation>
    </message>
    <message numerus="yes">
        <source>Your profile was updated in %n room(s)</source>
        <translation>
            <numerusform>Your profile was updated in %n room</numerusform>
            <numerusform>Your profile was updated in %n rooms</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile not saved</source>
        <translation>Profile not saved</translation>
    </message>
    <message>
        <source>&amp;Urgent posts…</source>
        <translation>&amp;Urgent posts…</translation>
    </message>
    <message>
        <source>部屋を終了(&amp;E)…</source>
        <translation>Clos&amp;e room…</translation>
    </message>
    <message>
        <source>部屋の開設</source>
        <translation>Open a patient room</translation>
    </message>
    <message>
        <source>部屋を開設できませんでした。

%1</source>
        <translation>The room could not be opened.

%1</translation>
    </message>
    <message>
        <source>部屋を開設できませんでした: %1</source>
        <translation>Room could not be opened: %1</translation>
    </message>
    <message>
        <source>部屋の開設待ち: %1（オンラインになると開設します）</source>
        <translation>Room waiting to open: %1 (opens when online)</translation>
    </message>
    <message>
        <source>終了した部屋</source>
        <translation>Closed rooms</translation>
    </message>
    <message>
        <source>終了した部屋をこのパソコンから削除しました。</source>
        <translation>The closed room was removed from this computer.</translation>
    </message>
    <message>
        <source>削除できませんでした</source>
        <translation>Could not remove</translation>
    </message>
    <message>
        <source>この部屋は終了しました（%1）</source>
        <translation>This room was closed (%1)</translation>
    </message>
    <message>
        <source>部屋を終了しました。終了した部屋として、このパソコンで読めます。</source>
        <translation>The room was closed. It stays readable on this computer under closed rooms.</translation>
    </message>
    <message>
        <source>このパソコンから削除</source>
        <translation>Remove from this computer</translation>
    </message>
    <message>
        <source>終了した部屋「%1」の記録（投稿・利用者情報・下書き）をこのパソコンから削除しますか？
サーバーや他のメンバーの記録は変わりません。削除すると、このパソコンでは元に戻せません。</source>
        <translation>Remove the records of the closed room &quot;%1&quot; (posts, patient profile, drafts) from this computer?
The server and the other members&apos; records do not change. Once removed, it cannot be restored on this computer.</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message numerus="yes">
        <source>%n patient room(s) waiting to be opened will be deleted from this computer and not opened.</source>
        <translation>
            <numerusform>%n patient room waiting to be opened will be deleted from this computer and not opened.</numerusform>
            <numerusform>%n patient rooms waiting to be opened will be deleted from this computer and not opened.</numerusform>
        </translation>
    </message>
    <message>
        <source>The correction was queued; the edit history keeps the original.</source>
        <translation>The correction was queued; the edit history keeps the original.</translation>
    </message>
    <message>
        <source>画面をロック(&amp;K)</source>
        <translation>Loc&amp;k screen</translation>
    </message>
    <message>
        <source>アクセス記録(&amp;A)…</source>
        <translation>&amp;Access log…</translation>
    </message>
    <message>
        <source>パスフレーズを変更(&amp;P)…</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <source>パスフレーズを変更しました。</source>
        <translation>The passphrase was changed.</translation>
    </message>
    <message>
        <source>このパソコンのデータを消去(&amp;W)…</source>
        <translation>&amp;Wipe this computer&apos;s data…</translation>
    </message>
    <message>
        <source>このパソコンのデータを消去</source>
        <translation>Wipe this computer&apos;s data</translation>
    </message>
    <message>
        <source>消去の前の確認ができませんでした。もう一度お試しください。</source>
        <translation>What would be lost could not be checked. Please try again.</translation>
    </message>
    <message>
        <source>まだ送信していない投稿 %1件</source>
        <translation>%1 posts not sent yet</translation>
    </message>
    <message>
        <source>開設待ちの患者の部屋 %1件</source>
        <translation>%1 patient rooms waiting to be opened</translation>
    </message>
    <message>
        <source>投稿の下書き %1件</source>
        <translation>%1 post drafts</translation>
    </message>
    <message>
        <source>書きかけの記録 %1件</source>
        <translation>%1 records being written</translation>
    </message>
    <message>
        <source>このパソコンにある %1 の Renkei のデータ（暗号化されたデータベースと鍵、下書き）をすべて消去し、サインアウトします。サーバー上の投稿や他のメンバーの記録は消えません。消去すると元に戻せません。</source>
        <translation>All of %1&apos;s Renkei data on this computer (the encrypted databases, their keys, the drafts) will be deleted and you will be signed out. Posts on the server and other members&apos; records stay. This cannot be undone.</translation>
    </message>
    <message>
        <source>送信していない投稿や下書きはありません。</source>
        <translation>There are no unsent posts or drafts.</translation>
    </message>
    <message>
        <source>次のものは送信されないまま失われます:
%1</source>
        <translation>These will be lost without being sent:
%1</translation>
    </message>
    <message>
        <source>消去する</source>
        <translation>Wipe</translation>
    </message>
    <message>
        <source>このパソコンのデータを消去しました</source>
        <translation>This computer&apos;s data was wiped</translation>
    </message>
    <message>
        <source>このパソコンはアカウントから登録を外されました。連携ネットワークの方針により、このパソコンにあった Renkei のデータ（未送信の投稿と下書きを含む）を消去しました。</source>
        <translation>This computer was removed from the account. As the care network&apos;s policy asks, Renkei&apos;s data on this computer (unsent posts and drafts included) was wiped.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::MonthlyUpdatesDialog</name>
    <message>
        <source>共有日</source>
        <translation>Shared on</translation>
    </message>
    <message>
        <source>医師</source>
        <translation>Physician</translation>
    </message>
    <message>
        <source>次回訪問予定日</source>
        <translation>Next planned visit</translation>
    </message>
    <message>
        <source>治療方針の変更</source>
        <translation>Treatment policy changed</translation>
    </message>
    <message>
        <source>確認した人</source>
        <translation>Acknowledged by</translation>
    </message>
    <message>
        <source>医師からの情報共有（月別）</source>
        <translation>Physician&apos;s updates by month</translation>
    </message>
    <message>
        <source>%1（%2件）確認: %3</source>
        <extracomment>A month of the physician&apos;s updates: the month, how many, who acknowledged any of them</extracomment>
        <translation>%1 (%2) acknowledged: %3</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>No</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>Not acknowledged</translation>
    </message>
    <message>
        <source>この部屋には医師からの情報共有がまだありません</source>
        <translation>No physician&apos;s updates in this room yet</translation>
    </message>
</context>
<context>
    <name>renkei::ui::OpenRoomWizard</name>
    <message>
        <source>部屋の開設</source>
        <translation>Open a patient room</translation>
    </message>
    <message>
        <source>次へ(&amp;N) &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; 戻る(&amp;B)</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>開設する(&amp;O)</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>1. 利用者</source>
        <translation>1. Patient</translation>
    </message>
    <message>
        <source>部屋を開設する利用者の情報を入力します。</source>
        <translation>Enter the details of the patient the room is for.</translation>
    </message>
    <message>
        <source>2. 利用者同意</source>
        <translation>2. Consent</translation>
    </message>
    <message>
        <source>情報共有への同意がなければ部屋は開設できません。</source>
        <translation>Without consent to sharing information, no room can be opened.</translation>
    </message>
    <message>
        <source>選択(&amp;I)…</source>
        <translation>Choose f&amp;ile…</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>Copy of the consent form</translation>
    </message>
    <message>
        <source>画像・PDF (*.png *.jpg *.jpeg *.pdf);;すべて (*)</source>
        <translation>Images and PDF (*.png *.jpg *.jpeg *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>同意書の写し（任意）</source>
        <translation>Copy of the consent form (optional)</translation>
    </message>
    <message>
        <source>3. ケアチーム</source>
        <translation>3. Care team</translation>
    </message>
    <message>
        <source>招待する人を名前または ID で検索し、このチームでの役割を選んで追加します。</source>
        <translation>Search for the people to invite by name or ID, choose their role in this team and add them.</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>名前または ID で検索</source>
        <translation>Search by name or ID</translation>
    </message>
    <message>
        <source>検索結果</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>主治医</source>
        <translation>Attending physician</translation>
    </message>
    <message>
        <source>副主治医</source>
        <translation>Sub-attending physician</translation>
    </message>
    <message>
        <source>訪問看護</source>
        <translation>Visiting nurse</translation>
    </message>
    <message>
        <source>ケアマネジャー</source>
        <translation>Care manager</translation>
    </message>
    <message>
        <source>薬剤師</source>
        <translation>Pharmacist</translation>
    </message>
    <message>
        <source>歯科医師</source>
        <translation>Dentist</translation>
    </message>
    <message>
        <source>訪問リハビリ</source>
        <translation>Home rehabilitation</translation>
    </message>
    <message>
        <source>訪問介護</source>
        <translation>Home care</translation>
    </message>
    <message>
        <source>地域包括支援センター</source>
        <translation>Community support center</translation>
    </message>
    <message>
        <source>追加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>役割(&amp;R):</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <source>招待する人</source>
        <translation>Invitees</translation>
    </message>
    <message>
        <source>外す(&amp;X)</source>
        <translation>Remove (&amp;X)</translation>
    </message>
    <message>
        <source>主治医なしで開設する理由</source>
        <translation>Reason for opening without an attending physician</translation>
    </message>
    <message>
        <source>主治医なしで開設する理由（例: 主治医は調整中）</source>
        <translation>Reason for opening without an attending physician (e.g. being arranged)</translation>
    </message>
    <message>
        <source>招待する人:</source>
        <translation>Invitees:</translation>
    </message>
    <message>
        <source>4. 確認</source>
        <translation>4. Confirm</translation>
    </message>
    <message>
        <source>次の内容で部屋を開設し、ケアチームを招待します。</source>
        <translation>The room will be opened as follows and the care team invited.</translation>
    </message>
    <message>
        <source>主治医が招待されていません。主治医なしで開設する理由を入力してください（500 文字まで）。</source>
        <translation>No attending physician is invited. Enter the reason for opening without one (up to 500 characters).</translation>
    </message>
    <message>
        <source>部屋の名前: %1</source>
        <translation>Room name: %1</translation>
    </message>
    <message>
        <source>利用者: %1（%2）、%3生まれ、%4、%5、%6</source>
        <translation>Patient: %1 (%2), born %3, %4, %5, %6</translation>
    </message>
    <message>
        <source>主な病名: %1</source>
        <translation>Main conditions: %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>同意: %1、%2（%3）、取得した人 %4</source>
        <translation>Consent: %1, %2 (%3), obtained by %4</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>the patient</translation>
    </message>
    <message>
        <source>家族・%1</source>
        <translation>family, %1</translation>
    </message>
    <message>
        <source>  （なし）</source>
        <translation>  (none)</translation>
    </message>
    <message>
        <source>主治医なしで開設: %1</source>
        <translation>Opened without an attending physician: %1</translation>
    </message>
    <message>
        <source>同意書の写しを読めません（10 MB まで）。</source>
        <translation>The copy of the consent form cannot be read (up to 10 MB).</translation>
    </message>
    <message>
        <source>%1（%2 KB）</source>
        <translation>%1 (%2 KB)</translation>
    </message>
    <message>
        <source>自分自身は招待できません。</source>
        <translation>You cannot invite yourself.</translation>
    </message>
    <message>
        <source>この人はすでに追加されています。</source>
        <translation>This person has already been added.</translation>
    </message>
    <message>
        <source>主治医は 1 人だけ追加できます。</source>
        <translation>Only one attending physician can be added.</translation>
    </message>
    <message>
        <source>役割は 32 文字までです。</source>
        <translation>A role is up to 32 characters.</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>検索結果から招待する人を選んでください。</source>
        <translation>Choose whom to invite from the search results.</translation>
    </message>
    <message>
        <source>検索できません: %1</source>
        <translation>Cannot search: %1</translation>
    </message>
    <message>
        <source>ほかにも該当する人がいます。名前を詳しく入力してください。</source>
        <translation>More people match. Type more of the name.</translation>
    </message>
    <message>
        <source>主治医: 招待済み</source>
        <translation>Attending physician: invited</translation>
    </message>
    <message>
        <source>主治医が招待されていません。主治医なしで開設するには理由が必要です。</source>
        <translation>No attending physician is invited. Opening without one needs a reason.</translation>
    </message>
    <message>
        <source>同意書の写し: %1（%2 KB、送信まで暗号化して保存し、部屋の最初のファイルとして送信します）</source>
        <translation>Consent form copy: %1 (%2 KB, kept encrypted until sent, then sent as the room&apos;s first file)</translation>
    </message>
</context>
<context>
    <name>renkei::ui::PatientForm</name>
    <message>
        <source>氏名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>Furigana</translation>
    </message>
    <message>
        <source>ひらがな・カタカナ</source>
        <translation>Hiragana or katakana</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>要介護度</source>
        <translation>Care level</translation>
    </message>
    <message>
        <source>主な病名</source>
        <translation>Main conditions</translation>
    </message>
    <message>
        <source>読点（、）で区切って入力</source>
        <translation>Separate with commas (、)</translation>
    </message>
    <message>
        <source>住所の市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>氏名(&amp;A)</source>
        <translation>N&amp;ame</translation>
    </message>
    <message>
        <source>ふりがな(&amp;F)</source>
        <translation>&amp;Furigana</translation>
    </message>
    <message>
        <source>生年月日(&amp;D)</source>
        <translation>&amp;Date of birth</translation>
    </message>
    <message>
        <source>性別(&amp;S)</source>
        <translation>&amp;Sex</translation>
    </message>
    <message>
        <source>要介護度(&amp;L)</source>
        <translation>Care &amp;level</translation>
    </message>
    <message>
        <source>主な病名(&amp;C)</source>
        <translation>Main &amp;conditions</translation>
    </message>
    <message>
        <source>住所の市町村(&amp;M)</source>
        <translation>&amp;Municipality</translation>
    </message>
    <message>
        <source>氏名を入力してください（64 文字まで）。</source>
        <translation>Enter the name (up to 64 characters).</translation>
    </message>
    <message>
        <source>ふりがなは、ひらがなまたはカタカナで入力してください。</source>
        <translation>Enter the furigana in hiragana or katakana.</translation>
    </message>
    <message>
        <source>生年月日を確認してください。</source>
        <translation>Check the date of birth.</translation>
    </message>
    <message>
        <source>主な病名は 16 件まで、各 64 文字までです。</source>
        <translation>Up to 16 main conditions, each up to 64 characters.</translation>
    </message>
    <message>
        <source>住所の市町村を入力してください（32 文字まで）。</source>
        <translation>Enter the municipality (up to 32 characters).</translation>
    </message>
    <message>
        <source>利用者の情報を確認してください。</source>
        <translation>Check the patient&apos;s details.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::PatientPanel</name>
    <message>
        <source>利用者情報</source>
        <translation>Patient information</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>利用者同意</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>ケアチーム</source>
        <translation>Care team</translation>
    </message>
    <message>
        <source>ルールの例外</source>
        <translation>Rule exceptions</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>生年月日 %1・%2</source>
        <translation>Born %1, %2</translation>
    </message>
    <message>
        <source>要介護度 %1</source>
        <translation>Care level: %1</translation>
    </message>
    <message>
        <source>主な病名 %1</source>
        <translation>Main conditions: %1</translation>
    </message>
    <message>
        <source>住所 %1</source>
        <translation>Lives in %1</translation>
    </message>
    <message>
        <source>記録なし</source>
        <translation>No record</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>the patient</translation>
    </message>
    <message>
        <source>家族（%1）</source>
        <translation>family (%1)</translation>
    </message>
    <message>
        <source>%1 %2で取得（%3）</source>
        <translation>%1, obtained %2 (from %3)</translation>
    </message>
    <message>
        <source>取得者 %1</source>
        <translation>Obtained by %1</translation>
    </message>
    <message>
        <source>同意書の写しあり</source>
        <translation>Signed form on file</translation>
    </message>
    <message>
        <source>同意書の写しなし</source>
        <translation>No copy of the signed form</translation>
    </message>
    <message>
        <source>%1 に撤回</source>
        <translation>Withdrawn on %1</translation>
    </message>
    <message>
        <source>同意の記録がありません</source>
        <translation>No consent on record</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>（招待中）</source>
        <translation> (invited)</translation>
    </message>
    <message>
        <source>主治医なしで開設: %1</source>
        <translation>Opened without an attending physician: %1</translation>
    </message>
    <message>
        <source>%2: %1</source>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>None</translation>
    </message>
    <message>
        <source>開設 %1（%2）</source>
        <translation>Opened by %1 (%2)</translation>
    </message>
    <message>
        <source>編集</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>利用者情報を編集</source>
        <translation>Edit patient profile</translation>
    </message>
    <message>
        <source>利用者同意を編集</source>
        <translation>Edit consent record</translation>
    </message>
    <message>
        <source>同意書を開く</source>
        <translation>Open consent form</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>Copy of the consent form</translation>
    </message>
    <message>
        <source>注意が必要な傾向</source>
        <translation>Trends worth a look</translation>
    </message>
    <message>
        <source>人生の最終段階における意向（ACP）</source>
        <translation>End-of-life wishes (ACP)</translation>
    </message>
    <message>
        <source>医師からの情報共有（月別）…</source>
        <translation>Physician&apos;s updates by month…</translation>
    </message>
    <message>
        <source>バイタルの推移…</source>
        <translation>Vitals over time…</translation>
    </message>
    <message>
        <source>書き出し・印刷…</source>
        <translation>Export and print…</translation>
    </message>
</context>
<context>
    <name>renkei::ui::PostDelegate</name>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <extracomment>Day separator in the timeline; a QDate format (Japanese: yyyy年M月d日（ddd）)</extracomment>
        <translation>dddd, MMMM d, yyyy</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>Not sent</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Not sent: %1</translation>
    </message>
    <message numerus="yes">
        <source>Read by %n</source>
        <translation>
            <numerusform>Read by %n</numerusform>
            <numerusform>Read by %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Read by: %1</source>
        <translation>Read by: %1</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Image not sent</source>
        <translation>Image not sent</translation>
    </message>
    <message>
        <source>Sending image…</source>
        <translation>Sending image…</translation>
    </message>
    <message>
        <source>The image cannot be shown</source>
        <translation>The image cannot be shown</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>Loading image…</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>Image: %1</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Image waiting to be sent</source>
        <translation>Image waiting to be sent</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Encrypted post (this device cannot read it yet)</source>
        <translation>Encrypted post (this device cannot read it yet)</translation>
    </message>
    <message>
        <source>This post cannot be shown</source>
        <translation>This post cannot be shown</translation>
    </message>
    <message>
        <source>This post was deleted</source>
        <translation>This post was deleted</translation>
    </message>
    <message>
        <source> (by %1, %2)</source>
        <extracomment>After &quot;This post was deleted&quot;: who deleted it (a display name) and when</extracomment>
        <translation> (by %1, %2)</translation>
    </message>
    <message>
        <source> (by %1)</source>
        <translation> (by %1)</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>(edited)</translation>
    </message>
    <message>
        <source>Show the earlier versions of this post</source>
        <translation>Show the earlier versions of this post</translation>
    </message>
    <message numerus="yes">
        <source>Thread · %n reply(s)</source>
        <translation>
            <numerusform>Thread · %n reply</numerusform>
            <numerusform>Thread · %n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>In a thread</source>
        <translation>In a thread</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ProfileForm</name>
    <message>
        <source>職種</source>
        <translation>Profession</translation>
    </message>
    <message>
        <source>未設定</source>
        <translation>Not set</translation>
    </message>
    <message>
        <source>事業所名</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>例: みなと訪問看護ステーション</source>
        <translation>e.g. Minato Visiting Nurse Station</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>Office type</translation>
    </message>
    <message>
        <source>例: 訪問看護ステーション</source>
        <translation>e.g. visiting nurse station</translation>
    </message>
    <message>
        <source>所在市町村</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>ネットワークの市町村</source>
        <translation>Network&apos;s home municipality</translation>
    </message>
    <message>
        <source>職種(&amp;P):</source>
        <translation>&amp;Profession:</translation>
    </message>
    <message>
        <source>事業所名(&amp;O):</source>
        <translation>&amp;Office:</translation>
    </message>
    <message>
        <source>種別(&amp;K):</source>
        <translation>Office &amp;type:</translation>
    </message>
    <message>
        <source>所在市町村(&amp;M):</source>
        <translation>&amp;Municipality:</translation>
    </message>
    <message>
        <source>職種と事業所は、参加している利用者の部屋のメンバー全員に表示されます。</source>
        <translation>Every member of the patient rooms you take part in sees your profession and office.</translation>
    </message>
    <message>
        <source>ネットワークの市町村(&amp;H):</source>
        <translation>Network&apos;s &amp;home municipality:</translation>
    </message>
    <message>
        <source>これと異なる市町村の事業所は「市外」と表示されます。</source>
        <translation>Offices in any other municipality are marked “outside the city”.</translation>
    </message>
    <message>
        <source>職種を選んでください。</source>
        <translation>Choose your profession.</translation>
    </message>
    <message>
        <source>事業所名を入力してください。</source>
        <translation>Enter the name of your office.</translation>
    </message>
    <message>
        <source>長すぎる項目があります。</source>
        <translation>A field is too long.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ReauthDialog</name>
    <message>
        <source>Sign in again</source>
        <translation>Sign in again</translation>
    </message>
    <message>
        <source>The server has signed this computer out (the sign-in expired or was ended elsewhere). Enter your password to continue.</source>
        <translation>The server has signed this computer out (the sign-in expired or was ended elsewhere). Enter your password to continue.</translation>
    </message>
    <message numerus="yes">
        <source>Your drafts and the %n post(s) not sent yet are kept on this computer; waiting posts are sent after you sign in.</source>
        <translation>
            <numerusform>Your drafts and the %n post not sent yet are kept on this computer; a waiting post is sent after you sign in.</numerusform>
            <numerusform>Your drafts and the %n posts not sent yet are kept on this computer; waiting posts are sent after you sign in.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your drafts are kept on this computer.</source>
        <translation>Your drafts are kept on this computer.</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>User:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation>Please sign in again</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RecordComposeDialog</name>
    <message>
        <source>送信</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>閉じる（下書きは残ります）</source>
        <translation>Close (the draft is kept)</translation>
    </message>
    <message>
        <source>下書きから再開しました</source>
        <translation>Continued from the draft</translation>
    </message>
    <message>
        <source>%1を訂正</source>
        <translation>Correct %1</translation>
    </message>
    <message>
        <source>訂正を送信</source>
        <translation>Send the correction</translation>
    </message>
    <message>
        <source>訂正前の記録も編集履歴に残ります</source>
        <translation>The record before the correction stays in the edit history</translation>
    </message>
    <message>
        <source>下書きを保存できません: %1</source>
        <translation>The draft cannot be saved: %1</translation>
    </message>
    <message>
        <source>下書きを保存しました（%1）</source>
        <translation>Draft saved (%1)</translation>
    </message>
    <message>
        <source>「%1」を確認してください（%2）</source>
        <translation>Check “%1” (%2)</translation>
    </message>
    <message>
        <source>必須の項目（*）を入力してください</source>
        <translation>Fill in the required fields (*)</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RecordDocumentDialog</name>
    <message>
        <source>訂正後の記録です（編集履歴に訂正前の記録があります）</source>
        <translation>This is the corrected record (the edit history has the earlier one)</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RecordForm</name>
    <message>
        <source>1行に1人: 氏名（役割）</source>
        <translation>One per line: name (role)</translation>
    </message>
    <message>
        <source>（未入力）</source>
        <translation>(not entered)</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RoomListModel</name>
    <message>
        <source>(deleted post)</source>
        <translation>(deleted post)</translation>
    </message>
    <message>
        <source>Worth a look: %1</source>
        <extracomment>Room list tool tip: the trends worth a look in the patient&apos;s vitals, one per line</extracomment>
        <translation>Worth a look: %1</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RoomListView</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Invitation from %1</source>
        <translation>Invitation from %1</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>Unsent</translation>
    </message>
    <message>
        <source>Filter rooms (name or kana)</source>
        <translation>Filter rooms (name or kana)</translation>
    </message>
    <message>
        <source>Filter rooms</source>
        <translation>Filter rooms</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <source>No posts yet</source>
        <translation>No posts yet</translation>
    </message>
    <message>
        <source>Outside city</source>
        <extracomment>Room list marker: a care team member&apos;s office is outside the home municipality</extracomment>
        <translation>Outside city</translation>
    </message>
    <message>
        <source>No physician</source>
        <extracomment>Room list marker: the patient room has no attending physician</extracomment>
        <translation>No physician</translation>
    </message>
    <message>
        <source>Urgent %1</source>
        <extracomment>Room list badge: unread urgent posts</extracomment>
        <translation>Urgent %1</translation>
    </message>
    <message>
        <source>Trend</source>
        <extracomment>Room list marker: a trend in the patient&apos;s vitals is worth a look (reasons in the tool tip)</extracomment>
        <translation>Trend</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RoomSwitcher</name>
    <message>
        <source>Go to room</source>
        <translation>Go to room</translation>
    </message>
    <message>
        <source>Room name or kana</source>
        <translation>Room name or kana</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>Matching rooms</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to open, Esc to close</source>
        <translation>↑↓ to choose, Enter to open, Esc to close</translation>
    </message>
</context>
<context>
    <name>renkei::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System setting</source>
        <translation>System setting</translation>
    </message>
    <message>
        <source>Send shortcut</source>
        <translation>Send shortcut</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter starts a new line</source>
        <translation>Ctrl+Enter sends, Enter starts a new line</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter sends, Shift+Enter starts a new line</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Font size</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>&amp;Sending:</source>
        <translation>&amp;Sending:</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>&amp;Font size:</translation>
    </message>
    <message>
        <source>A new language takes effect the next time Renkei starts.</source>
        <translation>A new language takes effect the next time Renkei starts.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>History kept for offline use</source>
        <translation>History kept for offline use</translation>
    </message>
    <message>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1 year</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3 months</translation>
    </message>
    <message>
        <source>&amp;History kept for offline use:</source>
        <translation>&amp;History kept for offline use:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>画面ロックまでの時間</source>
        <translation>Time before the screen locks</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> min</translation>
    </message>
    <message>
        <source>操作がないとき画面をロックするまで(&amp;L):</source>
        <translation>&amp;Lock the screen after this long without input:</translation>
    </message>
</context>
<context>
    <name>renkei::ui::SignInDialog</name>
    <message>
        <source>Sign in to Renkei</source>
        <translation>Sign in to Renkei</translation>
    </message>
    <message>
        <source>Sign in with the account that your network&apos;s administrator gave you.</source>
        <translation>Sign in with the account that your network&apos;s administrator gave you.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>e.g. renkei.example.jp</source>
        <translation>e.g. renkei.example.jp</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>e.g. nurse.sato</source>
        <translation>e.g. nurse.sato</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Protect the data on this computer</source>
        <translation>Protect the data on this computer</translation>
    </message>
    <message>
        <source>Choose a passphrase. Renkei encrypts the posts it keeps on this computer and asks for the passphrase at every start.</source>
        <translation>Choose a passphrase. Renkei encrypts the posts it keeps on this computer and asks for the passphrase at every start.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Passphrase again</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>&amp;Again:</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Signing in</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Enter the server, your user name and your password.</source>
        <translation>Enter the server, your user name and your password.</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>Choose a passphrase of at least 8 characters.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Enter the same passphrase twice.</source>
        <translation>The two passphrases differ. Enter the same passphrase twice.</translation>
    </message>
    <message>
        <source>Sign in again to the account whose data is open.</source>
        <translation>Sign in again to the account whose data is open.</translation>
    </message>
</context>
<context>
    <name>renkei::ui::Startup</name>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>renkei::ui::TimelineFilterBar</name>
    <message>
        <source>場面で絞り込む</source>
        <translation>Filter by scene</translation>
    </message>
    <message>
        <source>すべての場面</source>
        <translation>All scenes</translation>
    </message>
    <message>
        <source>職種で絞り込む</source>
        <translation>Filter by profession</translation>
    </message>
    <message>
        <source>すべての職種</source>
        <translation>All professions</translation>
    </message>
    <message>
        <source>至急のみ</source>
        <translation>Urgent only</translation>
    </message>
    <message>
        <source>絞り込み:</source>
        <translation>Filter:</translation>
    </message>
</context>
<context>
    <name>renkei::ui::TimelineModel</name>
    <message>
        <source>Image</source>
        <extracomment>The word in the placeholder of an image inside a formatted post: &quot;[Image: alt text]&quot;</extracomment>
        <translation>Image</translation>
    </message>
    <message>
        <source>This post was deleted</source>
        <translation>This post was deleted</translation>
    </message>
</context>
<context>
    <name>renkei::ui::TimelineView</name>
    <message>
        <source>Posts</source>
        <translation>Posts</translation>
    </message>
    <message>
        <source>The original post is not on this device</source>
        <translation>The original post is not on this device</translation>
    </message>
</context>
<context>
    <name>renkei::ui::TrayNotifier</name>
    <message>
        <source>Renkei</source>
        <translation>Renkei</translation>
    </message>
</context>
<context>
    <name>renkei::ui::UnlockDialog</name>
    <message>
        <source>Open Renkei</source>
        <translation>Open Renkei</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>Pass&amp;phrase:</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Account not signed in yet</source>
        <translation>Account not signed in yet</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Enter the passphrase that protects this account&apos;s Renkei data on this computer.</source>
        <translation>Enter the passphrase that protects this account&apos;s Renkei data on this computer.</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Sign in with another account…</source>
        <translation>Sign in with another account…</translation>
    </message>
    <message>
        <source>Sign in with another account</source>
        <translation>Sign in with another account</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>&amp;Account:</translation>
    </message>
</context>
<context>
    <name>renkei::ui::UnreadSummaryBar</name>
    <message>
        <source>New since your last visit</source>
        <translation>New since your last visit</translation>
    </message>
    <message numerus="yes">
        <source>Since your last visit: more than %n new post(s)</source>
        <extracomment>Summary above the timeline: posts by others since the user last read the room</extracomment>
        <translation>
            <numerusform>Since your last visit: more than %n new post</numerusform>
            <numerusform>Since your last visit: more than %n new posts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Since your last visit: %n new post(s)</source>
        <translation>
            <numerusform>Since your last visit: %n new post</numerusform>
            <numerusform>Since your last visit: %n new posts</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <extracomment>Separator between the professions of the authors in the summary line</extracomment>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>, %n urgent</source>
        <translation>
            <numerusform>, %n urgent</numerusform>
            <numerusform>, %n urgent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>renkei::ui::UrgentNotifier</name>
    <message>
        <source>至急の投稿があります</source>
        <translation>There is an urgent post</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>至急: %1</source>
        <translation>Urgent: %1</translation>
    </message>
    <message>
        <source>至急の投稿: %1 — %2</source>
        <translation>Urgent post: %1 — %2</translation>
    </message>
</context>
<context>
    <name>renkei::ui::UrgentView</name>
    <message>
        <source>至急の投稿</source>
        <translation>Urgent posts</translation>
    </message>
    <message>
        <source>至急の投稿（既読と未読）</source>
        <translation>Urgent posts (read and unread)</translation>
    </message>
    <message>
        <source>この30日間に至急の投稿はありません。</source>
        <translation>No urgent posts in the last 30 days.</translation>
    </message>
    <message>
        <source>【至急】%1 — %2 — %3</source>
        <translation>[Urgent] %1 — %2 — %3</translation>
    </message>
    <message>
        <source>未読: %1</source>
        <translation>Not read yet: %1</translation>
    </message>
    <message>
        <source>なし（全員が既読）</source>
        <translation>nobody (everyone has read it)</translation>
    </message>
    <message>
        <source>既読: %1</source>
        <translation>Read: %1</translation>
    </message>
</context>
<context>
    <name>renkei::ui::VitalsChartDialog</name>
    <message>
        <source>バイタルの推移</source>
        <translation>Vitals over time</translation>
    </message>
</context>
<context>
    <name>renkei::ui::VitalsChartView</name>
    <message>
        <source>バイタルの推移</source>
        <translation>Vitals over time</translation>
    </message>
    <message>
        <source>期間:</source>
        <translation>Range:</translation>
    </message>
    <message>
        <source>2週間</source>
        <translation>2 weeks</translation>
    </message>
    <message>
        <source>3か月</source>
        <translation>3 months</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>All</translation>
    </message>
    <message>
        <source>この期間のバイタルの記録はありません</source>
        <translation>No vitals in this range</translation>
    </message>
</context>
</TS>
