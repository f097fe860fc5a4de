<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AttachmentFile</name>
    <message>
        <source>The file is too large to send (up to %1 on this server). Choose a smaller file.</source>
        <translation>ファイルが大きすぎて送れません（このサーバーでは %1 まで）。小さいファイルを選んでください。</translation>
    </message>
    <message>
        <source>The file cannot be found. Choose it again.</source>
        <translation>ファイルが見つかりません。もう一度選んでください。</translation>
    </message>
    <message>
        <source>The file cannot be read. Check that you may open it.</source>
        <translation>ファイルを読み込めません。ファイルを開く権限があるか確認してください。</translation>
    </message>
</context>
<context>
    <name>CareLabels</name>
    <message>
        <source>%1（%2・%3）</source>
        <extracomment>A member in a post header or read-by list: name (profession · office).</extracomment>
        <translation>%1（%2・%3）</translation>
    </message>
    <message>
        <source>主治医</source>
        <translation>主治医</translation>
    </message>
    <message>
        <source>副主治医</source>
        <translation>副主治医</translation>
    </message>
    <message>
        <source>歯科医師</source>
        <translation>歯科医師</translation>
    </message>
    <message>
        <source>薬剤師</source>
        <translation>薬剤師</translation>
    </message>
    <message>
        <source>訪問看護師</source>
        <translation>訪問看護師</translation>
    </message>
    <message>
        <source>看護師</source>
        <translation>看護師</translation>
    </message>
    <message>
        <source>介護支援専門員</source>
        <translation>介護支援専門員</translation>
    </message>
    <message>
        <source>MSW</source>
        <translation>MSW</translation>
    </message>
    <message>
        <source>理学療法士</source>
        <translation>理学療法士</translation>
    </message>
    <message>
        <source>作業療法士</source>
        <translation>作業療法士</translation>
    </message>
    <message>
        <source>言語聴覚士</source>
        <translation>言語聴覚士</translation>
    </message>
    <message>
        <source>管理栄養士</source>
        <translation>管理栄養士</translation>
    </message>
    <message>
        <source>歯科衛生士</source>
        <translation>歯科衛生士</translation>
    </message>
    <message>
        <source>介護職</source>
        <translation>介護職</translation>
    </message>
    <message>
        <source>地域包括支援センター職員</source>
        <translation>地域包括支援センター職員</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>要支援1</source>
        <translation>要支援1</translation>
    </message>
    <message>
        <source>要支援2</source>
        <translation>要支援2</translation>
    </message>
    <message>
        <source>要介護1</source>
        <translation>要介護1</translation>
    </message>
    <message>
        <source>要介護2</source>
        <translation>要介護2</translation>
    </message>
    <message>
        <source>要介護3</source>
        <translation>要介護3</translation>
    </message>
    <message>
        <source>要介護4</source>
        <translation>要介護4</translation>
    </message>
    <message>
        <source>要介護5</source>
        <translation>要介護5</translation>
    </message>
    <message>
        <source>申請中</source>
        <translation>申請中</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>女性</source>
        <translation>女性</translation>
    </message>
    <message>
        <source>男性</source>
        <translation>男性</translation>
    </message>
    <message>
        <source>未記入</source>
        <translation>未記入</translation>
    </message>
    <message>
        <source>対面</source>
        <translation>対面</translation>
    </message>
    <message>
        <source>郵送</source>
        <translation>郵送</translation>
    </message>
    <message>
        <source>家族を通じて</source>
        <translation>家族を通じて</translation>
    </message>
    <message>
        <source>死亡</source>
        <translation>死亡</translation>
    </message>
    <message>
        <source>施設入所</source>
        <translation>施設入所</translation>
    </message>
    <message>
        <source>転居</source>
        <translation>転居</translation>
    </message>
    <message>
        <source>入退院支援</source>
        <translation>入退院支援</translation>
    </message>
    <message>
        <source>日常の療養支援</source>
        <translation>日常の療養支援</translation>
    </message>
    <message>
        <source>急変時の対応</source>
        <translation>急変時の対応</translation>
    </message>
    <message>
        <source>看取り</source>
        <translation>看取り</translation>
    </message>
    <message>
        <source>記録を更新しました</source>
        <translation>記録を更新しました</translation>
    </message>
    <message>
        <source>利用者情報を更新しました</source>
        <translation>利用者情報を更新しました</translation>
    </message>
    <message>
        <source>同意記録を更新しました</source>
        <translation>同意記録を更新しました</translation>
    </message>
    <message>
        <source>職種・事業所を登録しました</source>
        <translation>職種・事業所を登録しました</translation>
    </message>
    <message>
        <source>ルールの例外を記録しました</source>
        <translation>ルールの例外を記録しました</translation>
    </message>
    <message>
        <source>部屋を終了しました</source>
        <translation>部屋を終了しました</translation>
    </message>
    <message>
        <source>氏名</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>要介護度</source>
        <translation>要介護度</translation>
    </message>
    <message>
        <source>主な病名</source>
        <translation>主な病名</translation>
    </message>
    <message>
        <source>住所の市町村</source>
        <translation>住所の市町村</translation>
    </message>
    <message>
        <source>取得日</source>
        <translation>取得日</translation>
    </message>
    <message>
        <source>取得方法</source>
        <translation>取得方法</translation>
    </message>
    <message>
        <source>取得者</source>
        <translation>取得者</translation>
    </message>
    <message>
        <source>同意した人</source>
        <translation>同意した人</translation>
    </message>
    <message>
        <source>続柄</source>
        <translation>続柄</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>同意書の写し</translation>
    </message>
    <message>
        <source>撤回日</source>
        <translation>撤回日</translation>
    </message>
    <message>
        <source>職種</source>
        <translation>職種</translation>
    </message>
    <message>
        <source>事業所</source>
        <translation>事業所</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>所在市町村</source>
        <translation>所在市町村</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>家族</source>
        <translation>家族</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>（なし）</source>
        <translation>（なし）</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <extracomment>One changed field of the care record: field: before → after.</extracomment>
        <translation>%1: %2 → %3</translation>
    </message>
    <message>
        <source>利用者情報を変更しました</source>
        <translation>利用者情報を変更しました</translation>
    </message>
    <message>
        <source>同意記録を変更しました</source>
        <translation>同意記録を変更しました</translation>
    </message>
    <message>
        <source>職種・事業所を変更しました</source>
        <translation>職種・事業所を変更しました</translation>
    </message>
    <message>
        <source>ルールの例外を変更しました</source>
        <translation>ルールの例外を変更しました</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>ContextTags</name>
    <message>
        <source>至急</source>
        <translation>至急</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>サーバーに接続できません。ネットワークとサーバーのアドレスを確認してください。</source>
        <translation>サーバーに接続できません。ネットワークとサーバーのアドレスを確認してください。</translation>
    </message>
    <message>
        <source>このアドレスは連携サーバーではありません。アドレスを確認してください。</source>
        <translation>このアドレスは連携サーバーではありません。アドレスを確認してください。</translation>
    </message>
    <message>
        <source>サーバーのアドレスの形式が正しくありません。例: renkei.example.jp</source>
        <translation>サーバーのアドレスの形式が正しくありません。例: renkei.example.jp</translation>
    </message>
    <message>
        <source>サーバーの証明書を確認できません。安全に接続できないため中止しました。管理者に連絡してください。</source>
        <translation>サーバーの証明書を確認できません。安全に接続できないため中止しました。管理者に連絡してください。</translation>
    </message>
    <message>
        <source>ユーザー名またはパスワードが違います。</source>
        <translation>ユーザー名またはパスワードが違います。</translation>
    </message>
    <message>
        <source>パスフレーズが違います。</source>
        <translation>パスフレーズが違います。</translation>
    </message>
    <message>
        <source>このアカウントは使えなくなっています。管理者に連絡してください。</source>
        <translation>このアカウントは使えなくなっています。管理者に連絡してください。</translation>
    </message>
    <message>
        <source>サインインの有効期限が切れました。もう一度サインインしてください。</source>
        <translation>サインインの有効期限が切れました。もう一度サインインしてください。</translation>
    </message>
    <message>
        <source>サインインしていません。サインインしてください。</source>
        <translation>サインインしていません。サインインしてください。</translation>
    </message>
    <message>
        <source>この操作をする権限がありません。ルームの管理者に確認してください。</source>
        <translation>この操作をする権限がありません。ルームの管理者に確認してください。</translation>
    </message>
    <message>
        <source>サーバーが混み合っています。しばらく待ってから、もう一度お試しください。</source>
        <translation>サーバーが混み合っています。しばらく待ってから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>内容が大きすぎて送れません。短くするか、分けて送ってください。</source>
        <translation>内容が大きすぎて送れません。短くするか、分けて送ってください。</translation>
    </message>
    <message>
        <source>サーバーで問題が起きています。しばらくしてから、もう一度お試しください。</source>
        <translation>サーバーで問題が起きています。しばらくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>サーバーが要求を受け付けませんでした。問題が続く場合は管理者に連絡してください。</source>
        <translation>サーバーが要求を受け付けませんでした。問題が続く場合は管理者に連絡してください。</translation>
    </message>
    <message>
        <source>サーバーの応答を読み取れませんでした。しばらくしてから、もう一度お試しください。</source>
        <translation>サーバーの応答を読み取れませんでした。しばらくしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>操作を取り消しました。</source>
        <translation>操作を取り消しました。</translation>
    </message>
    <message>
        <source>ディスクの空き容量が足りません。不要なファイルを削除してから、もう一度お試しください。</source>
        <translation>ディスクの空き容量が足りません。不要なファイルを削除してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>データを保存できません（書き込みが禁止されています）。管理者に連絡してください。</source>
        <translation>データを保存できません（書き込みが禁止されています）。管理者に連絡してください。</translation>
    </message>
    <message>
        <source>端末内のデータを読み書きできません。アプリを再起動し、直らなければ管理者に連絡してください。</source>
        <translation>端末内のデータを読み書きできません。アプリを再起動し、直らなければ管理者に連絡してください。</translation>
    </message>
    <message>
        <source>入力内容が正しくありません。確認してから、もう一度お試しください。</source>
        <translation>入力内容が正しくありません。確認してから、もう一度お試しください。</translation>
    </message>
    <message>
        <source>開いているデータは別のアカウントのものです。サインアウトしてから、このアカウントでサインインしてください（アカウントごとに別々のデータになります）。</source>
        <translation>開いているデータは別のアカウントのものです。サインアウトしてから、このアカウントでサインインしてください（アカウントごとに別々のデータになります）。</translation>
    </message>
</context>
<context>
    <name>FileCard</name>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
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
        <translation>PDF 文書</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>音声</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>動画</translation>
    </message>
    <message>
        <source>%1 file</source>
        <translation>%1 ファイル</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
</context>
<context>
    <name>ImageFile</name>
    <message>
        <source>ファイルが見つかりません。画像をもう一度選んでください。</source>
        <translation>ファイルが見つかりません。画像をもう一度選んでください。</translation>
    </message>
    <message>
        <source>画像が大きすぎます（20 MB まで）。小さい画像を選んでください。</source>
        <translation>画像が大きすぎます（20 MB まで）。小さい画像を選んでください。</translation>
    </message>
    <message>
        <source>ファイルを読み込めません。ファイルを開く権限があるか確認してください。</source>
        <translation>ファイルを読み込めません。ファイルを開く権限があるか確認してください。</translation>
    </message>
    <message>
        <source>画像ファイルではありません。PNG、JPEG、GIF、WebP の画像を選んでください。</source>
        <translation>画像ファイルではありません。PNG、JPEG、GIF、WebP の画像を選んでください。</translation>
    </message>
</context>
<context>
    <name>PostMenu</name>
    <message>
        <source>Reply</source>
        <translation>返信</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>削除…</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>確認しました</translation>
    </message>
    <message>
        <source>Take back acknowledgement</source>
        <translation>確認を取り消す</translation>
    </message>
    <message>
        <source>Edit history…</source>
        <translation>編集履歴…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>コピー</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Post actions</source>
        <translation>投稿の操作</translation>
    </message>
    <message>
        <source>Show as document…</source>
        <translation>文書として表示…</translation>
    </message>
    <message>
        <source>Export this post…</source>
        <translation>この投稿を書き出す…</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>エラー</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>第%1版（話し合い %2）</source>
        <translation>第%1版（話し合い %2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>第%1版（%2）</source>
        <translation>第%1版（%2）</translation>
    </message>
    <message>
        <source>以前の版: %1</source>
        <translation>以前の版: %1</translation>
    </message>
</context>
<context>
    <name>ReactionChips</name>
    <message>
        <source>✓ Acknowledge</source>
        <extracomment>The one-click acknowledgement under a post (sends the reaction 「確認しました」)</extracomment>
        <translation>✓ 確認しました</translation>
    </message>
    <message>
        <source>Send 「%1」 to say you have read this post</source>
        <extracomment>Tool tip of the acknowledgement button under a post</extracomment>
        <translation>「%1」を送って、この投稿を読んだことを伝えます</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>Tool tip of a reaction chip: the key, then who reacted (display names)</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>(sending)</source>
        <translation>（送信中）</translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message numerus="yes">
        <source>… and %n more (Show as document)</source>
        <translation>
            <numerusform>…ほか %n 項目（文書として表示）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordFields</name>
    <message>
        <source>あり</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>下痢</source>
        <translation>下痢</translation>
    </message>
    <message>
        <source>便秘</source>
        <translation>便秘</translation>
    </message>
    <message>
        <source>開始</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>変更</source>
        <translation>変更</translation>
    </message>
    <message>
        <source>中止</source>
        <translation>中止</translation>
    </message>
    <message>
        <source>継続</source>
        <translation>継続</translation>
    </message>
    <message>
        <source>良好</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>時々忘れる</source>
        <translation>時々忘れる</translation>
    </message>
    <message>
        <source>不良</source>
        <translation>不良</translation>
    </message>
    <message>
        <source>自宅</source>
        <translation>自宅</translation>
    </message>
    <message>
        <source>病院</source>
        <translation>病院</translation>
    </message>
    <message>
        <source>施設</source>
        <translation>施設</translation>
    </message>
    <message>
        <source>未定</source>
        <translation>未定</translation>
    </message>
    <message>
        <source>その他</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>希望する</source>
        <translation>希望する</translation>
    </message>
    <message>
        <source>希望しない</source>
        <translation>希望しない</translation>
    </message>
    <message>
        <source>自立</source>
        <translation>自立</translation>
    </message>
    <message>
        <source>一部介助</source>
        <translation>一部介助</translation>
    </message>
    <message>
        <source>全介助</source>
        <translation>全介助</translation>
    </message>
    <message>
        <source>測定日時</source>
        <translation>測定日時</translation>
    </message>
    <message>
        <source>血圧（上）</source>
        <translation>血圧（上）</translation>
    </message>
    <message>
        <source>血圧（下）</source>
        <translation>血圧（下）</translation>
    </message>
    <message>
        <source>脈拍</source>
        <translation>脈拍</translation>
    </message>
    <message>
        <source>体温</source>
        <translation>体温</translation>
    </message>
    <message>
        <source>SpO2</source>
        <translation>SpO2</translation>
    </message>
    <message>
        <source>呼吸数</source>
        <translation>呼吸数</translation>
    </message>
    <message>
        <source>体重</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>食事摂取量</source>
        <translation>食事摂取量</translation>
    </message>
    <message>
        <source>水分摂取量</source>
        <translation>水分摂取量</translation>
    </message>
    <message>
        <source>排便</source>
        <translation>排便</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>薬剤名</source>
        <translation>薬剤名</translation>
    </message>
    <message>
        <source>用法・用量</source>
        <translation>用法・用量</translation>
    </message>
    <message>
        <source>服薬状況</source>
        <translation>服薬状況</translation>
    </message>
    <message>
        <source>残薬</source>
        <translation>残薬</translation>
    </message>
    <message>
        <source>副作用</source>
        <translation>副作用</translation>
    </message>
    <message>
        <source>次回訪問予定日</source>
        <translation>次回訪問予定日</translation>
    </message>
    <message>
        <source>治療方針の変更</source>
        <translation>治療方針の変更</translation>
    </message>
    <message>
        <source>変更の内容</source>
        <translation>変更の内容</translation>
    </message>
    <message>
        <source>療養上の留意点</source>
        <translation>療養上の留意点</translation>
    </message>
    <message>
        <source>療養の場所</source>
        <translation>療養の場所</translation>
    </message>
    <message>
        <source>療養の場所（その他）</source>
        <translation>療養の場所（その他）</translation>
    </message>
    <message>
        <source>最期を迎えたい場所</source>
        <translation>最期を迎えたい場所</translation>
    </message>
    <message>
        <source>最期を迎えたい場所（その他）</source>
        <translation>最期を迎えたい場所（その他）</translation>
    </message>
    <message>
        <source>心肺蘇生</source>
        <translation>心肺蘇生</translation>
    </message>
    <message>
        <source>人工呼吸器</source>
        <translation>人工呼吸器</translation>
    </message>
    <message>
        <source>経管栄養（胃ろう等）</source>
        <translation>経管栄養（胃ろう等）</translation>
    </message>
    <message>
        <source>点滴</source>
        <translation>点滴</translation>
    </message>
    <message>
        <source>人工透析</source>
        <translation>人工透析</translation>
    </message>
    <message>
        <source>救急搬送・入院</source>
        <translation>救急搬送・入院</translation>
    </message>
    <message>
        <source>本人の思い・大切にしていること</source>
        <translation>本人の思い・大切にしていること</translation>
    </message>
    <message>
        <source>代理意思決定者</source>
        <translation>代理意思決定者</translation>
    </message>
    <message>
        <source>代理意思決定者の続柄</source>
        <translation>代理意思決定者の続柄</translation>
    </message>
    <message>
        <source>話し合いの日</source>
        <translation>話し合いの日</translation>
    </message>
    <message>
        <source>話し合いの参加者</source>
        <translation>話し合いの参加者</translation>
    </message>
    <message>
        <source>版</source>
        <translation>版</translation>
    </message>
    <message>
        <source>医療機関名</source>
        <translation>医療機関名</translation>
    </message>
    <message>
        <source>病棟</source>
        <translation>病棟</translation>
    </message>
    <message>
        <source>入院日</source>
        <translation>入院日</translation>
    </message>
    <message>
        <source>退院予定日</source>
        <translation>退院予定日</translation>
    </message>
    <message>
        <source>病院の主治医</source>
        <translation>病院の主治医</translation>
    </message>
    <message>
        <source>在宅の主治医</source>
        <translation>在宅の主治医</translation>
    </message>
    <message>
        <source>診断名</source>
        <translation>診断名</translation>
    </message>
    <message>
        <source>入院中の経過</source>
        <translation>入院中の経過</translation>
    </message>
    <message>
        <source>ADL 食事</source>
        <translation>ADL 食事</translation>
    </message>
    <message>
        <source>ADL 排泄</source>
        <translation>ADL 排泄</translation>
    </message>
    <message>
        <source>ADL 移動</source>
        <translation>ADL 移動</translation>
    </message>
    <message>
        <source>ADL 入浴</source>
        <translation>ADL 入浴</translation>
    </message>
    <message>
        <source>ADL 更衣</source>
        <translation>ADL 更衣</translation>
    </message>
    <message>
        <source>ADLの補足</source>
        <translation>ADLの補足</translation>
    </message>
    <message>
        <source>在宅での医療処置（1行に1つ）</source>
        <translation>在宅での医療処置（1行に1つ）</translation>
    </message>
    <message>
        <source>服薬（退院時の処方）</source>
        <translation>服薬（退院時の処方）</translation>
    </message>
    <message>
        <source>予定する看護・介護サービス</source>
        <translation>予定する看護・介護サービス</translation>
    </message>
    <message>
        <source>福祉用具・医療機器</source>
        <translation>福祉用具・医療機器</translation>
    </message>
    <message>
        <source>家族の状況と意向</source>
        <translation>家族の状況と意向</translation>
    </message>
    <message>
        <source>共同指導の日</source>
        <translation>共同指導の日</translation>
    </message>
    <message>
        <source>共同指導の参加者</source>
        <translation>共同指導の参加者</translation>
    </message>
    <message>
        <source>退院後の確認事項</source>
        <translation>退院後の確認事項</translation>
    </message>
    <message>
        <source>バイタル</source>
        <translation>バイタル</translation>
    </message>
    <message>
        <source>服薬</source>
        <translation>服薬</translation>
    </message>
    <message>
        <source>医師からの情報共有</source>
        <translation>医師からの情報共有</translation>
    </message>
    <message>
        <source>人生の最終段階における意向</source>
        <translation>人生の最終段階における意向</translation>
    </message>
    <message>
        <source>退院時共同指導記録票</source>
        <translation>退院時共同指導記録票</translation>
    </message>
</context>
<context>
    <name>ReplyQuoteBox</name>
    <message>
        <source>The original post cannot be found</source>
        <translation>元の投稿は見つかりません</translation>
    </message>
    <message>
        <source>Loading the original post…</source>
        <translation>元の投稿を読み込み中…</translation>
    </message>
</context>
<context>
    <name>SaveCopy</name>
    <message>
        <source>The copy is saved outside Renkei&apos;s encrypted store: anyone who can open that folder can read it. Save it only where patient information may be kept, and delete it when it is no longer needed.</source>
        <translation>保存したコピーは Renkei の暗号化された保管場所の外に置かれ、そのフォルダーを開ける人なら誰でも読めます。利用者の情報を置いてよい場所にだけ保存し、不要になったら削除してください。</translation>
    </message>
    <message>
        <source>The file could not be saved: the disk is full. Free some space or choose another place.</source>
        <translation>ディスクの空き容量が足りないため保存できません。空き容量を増やすか、別の場所を選んでください。</translation>
    </message>
    <message>
        <source>The file could not be saved there: writing is not allowed. Choose another place.</source>
        <translation>この場所には書き込みが許可されていないため保存できません。別の場所を選んでください。</translation>
    </message>
    <message>
        <source>The file could not be saved. Nothing was left half-written; try again or choose another place.</source>
        <translation>保存できませんでした（書きかけのファイルは残っていません）。もう一度試すか、別の場所を選んでください。</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>コピーを保存</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>UnreadDivider</name>
    <message>
        <source>Unread from here</source>
        <extracomment>The line above the first post the user has not read yet</extracomment>
        <translation>ここから未読</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Renkei: posts and photos for your patients&apos; care team.</source>
        <translation>連携: 患者さんのケアチームで投稿と写真を共有します。</translation>
    </message>
    <message>
        <source>Keep the encrypted local data in &lt;dir&gt;.</source>
        <translation>暗号化した端末内データを &lt;dir&gt; に保存します。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>ディレクトリ</translation>
    </message>
    <message>
        <source>Prefill the server at sign-in.</source>
        <translation>サインイン画面にサーバーを入力しておきます。</translation>
    </message>
    <message>
        <source>server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>Exit once the first window is shown.</source>
        <translation>最初の画面を表示したら終了します。</translation>
    </message>
    <message>
        <source>Environment:
  RENKEI_PASSPHRASE  opens the local data with this passphrase without asking
                     (for the demo and scripts); if it does not open them,
                     Renkei asks for the passphrase.</source>
        <translation>環境変数:
  RENKEI_PASSPHRASE  このパスフレーズで端末内のデータを開き、入力を求めません
                     (デモやスクリプト用)。開けなかったときはパスフレーズを
                     入力する画面を表示します。</translation>
    </message>
</context>
<context>
    <name>renkei::ui</name>
    <message>
        <source>利用者: %1（%2）</source>
        <translation>利用者: %1（%2）</translation>
    </message>
    <message>
        <source>利用者の記録は参加するまで読めません。</source>
        <translation>利用者の記録は参加するまで読めません。</translation>
    </message>
    <message>
        <source>同意記録: %1 に撤回されています。</source>
        <translation>同意記録: %1 に撤回されています。</translation>
    </message>
    <message>
        <source>同意記録: あり（%1・%2）</source>
        <translation>同意記録: あり（%1・%2）</translation>
    </message>
    <message>
        <source>同意記録: 見つかりません。参加する前に招待した方に確認してください。</source>
        <translation>同意記録: 見つかりません。参加する前に招待した方に確認してください。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::AccessLogDialog</name>
    <message>
        <source>部屋を開いた</source>
        <translation>部屋を開いた</translation>
    </message>
    <message>
        <source>PDF書き出し</source>
        <translation>PDF書き出し</translation>
    </message>
    <message>
        <source>印刷</source>
        <translation>印刷</translation>
    </message>
    <message>
        <source>ファイルを開いた</source>
        <translation>ファイルを開いた</translation>
    </message>
    <message>
        <source>ファイルを保存</source>
        <translation>ファイルを保存</translation>
    </message>
    <message>
        <source>サインイン</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>サインアウト</source>
        <translation>サインアウト</translation>
    </message>
    <message>
        <source>ロック解除</source>
        <translation>ロック解除</translation>
    </message>
    <message>
        <source>ロック解除の失敗</source>
        <translation>ロック解除の失敗</translation>
    </message>
    <message>
        <source>アクセス記録</source>
        <translation>アクセス記録</translation>
    </message>
    <message>
        <source>すべての種類</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>患者の部屋</source>
        <translation>患者の部屋</translation>
    </message>
    <message>
        <source>種類</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>期間（日本時間）</source>
        <translation>期間（日本時間）</translation>
    </message>
    <message>
        <source>日時</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>改ざんを確認</source>
        <translation>改ざんを確認</translation>
    </message>
    <message>
        <source>CSVに書き出す…</source>
        <translation>CSVに書き出す…</translation>
    </message>
    <message>
        <source>すべての部屋</source>
        <translation>すべての部屋</translation>
    </message>
    <message>
        <source>アクセス記録を読めませんでした。</source>
        <translation>アクセス記録を読めませんでした。</translation>
    </message>
    <message>
        <source>新しい順に%L1件まで表示しています。</source>
        <translation>新しい順に%L1件まで表示しています。</translation>
    </message>
    <message>
        <source>%L1件</source>
        <translation>%L1件</translation>
    </message>
    <message>
        <source>改ざんは見つかりませんでした（%L1件の記録を確認）。</source>
        <translation>改ざんは見つかりませんでした（%L1件の記録を確認）。</translation>
    </message>
    <message>
        <source>改ざんが見つかりました: 記録 %1 が書き換えられたか削除されています。（%2）</source>
        <extracomment>The hash chain is broken: which record, then the check&apos;s own words (English)</extracomment>
        <translation>改ざんが見つかりました: 記録 %1 が書き換えられたか削除されています。（%2）</translation>
    </message>
    <message>
        <source>CSVに書き出す</source>
        <translation>CSVに書き出す</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>%L1件をCSVに書き出しました。</source>
        <translation>%L1件をCSVに書き出しました。</translation>
    </message>
    <message>
        <source>CSVを書き出せませんでした。保存先と空き容量を確かめてください。</source>
        <translation>CSVを書き出せませんでした。保存先と空き容量を確かめてください。</translation>
    </message>
    <message>
        <source>画面ロック</source>
        <translation>画面ロック</translation>
    </message>
    <message>
        <source>起動時</source>
        <translation>起動時</translation>
    </message>
    <message>
        <source>添付ファイル</source>
        <translation>添付ファイル</translation>
    </message>
    <message>
        <source>画像</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>同意書の写し</translation>
    </message>
    <message>
        <source>終了した部屋</source>
        <translation>終了した部屋</translation>
    </message>
    <message>
        <source>サーバーで確認</source>
        <translation>サーバーで確認</translation>
    </message>
    <message>
        <source>サーバーに届かず</source>
        <translation>サーバーに届かず</translation>
    </message>
    <message>
        <source>起動時（その前に%1回失敗）</source>
        <translation>起動時（その前に%1回失敗）</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ArchivedRoomsModel</name>
    <message>
        <source>%1・%2</source>
        <translation>%1・%2</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1、%2</source>
        <translation>%1、%2</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ArchivedRoomsView</name>
    <message>
        <source>終了した部屋</source>
        <translation>終了した部屋</translation>
    </message>
    <message>
        <source>このパソコンから削除…</source>
        <translation>このパソコンから削除…</translation>
    </message>
    <message>
        <source>終了した部屋（%1）</source>
        <translation>終了した部屋（%1）</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CareBridge</name>
    <message>
        <source>サインインしていません。</source>
        <translation>サインインしていません。</translation>
    </message>
    <message>
        <source>設定で自分の職種と事業所を登録してから開設してください。</source>
        <translation>設定で自分の職種と事業所を登録してから開設してください。</translation>
    </message>
    <message>
        <source>利用者の同意が記録されていないため、部屋を開設できません。</source>
        <translation>利用者の同意が記録されていないため、部屋を開設できません。</translation>
    </message>
    <message>
        <source>主治医が招待されていません。主治医なしで開設する理由を入力してください。</source>
        <translation>主治医が招待されていません。主治医なしで開設する理由を入力してください。</translation>
    </message>
    <message>
        <source>ケアチームの招待に誤りがあります（重複、自分自身、主治医が複数など）。</source>
        <translation>ケアチームの招待に誤りがあります（重複、自分自身、主治医が複数など）。</translation>
    </message>
    <message>
        <source>利用者の情報に誤りがあります。</source>
        <translation>利用者の情報に誤りがあります。</translation>
    </message>
    <message>
        <source>利用者同意の記録に誤りがあります。</source>
        <translation>利用者同意の記録に誤りがあります。</translation>
    </message>
    <message>
        <source>主治医なしで開設する理由を確認してください（500 文字まで）。</source>
        <translation>主治医なしで開設する理由を確認してください（500 文字まで）。</translation>
    </message>
    <message>
        <source>設定の職種・事業所に誤りがあります。</source>
        <translation>設定の職種・事業所に誤りがあります。</translation>
    </message>
    <message>
        <source>この記録を変更する権限がありません（開設した人と主治医が変更できます）。</source>
        <translation>この記録を変更する権限がありません（開設した人と主治医が変更できます）。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CareRecordDialog</name>
    <message>
        <source>利用者情報の編集</source>
        <translation>利用者情報の編集</translation>
    </message>
    <message>
        <source>利用者同意の編集</source>
        <translation>利用者同意の編集</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>保存すると変更はケアチーム全員の時系列に表示されます。</source>
        <translation>保存すると変更はケアチーム全員の時系列に表示されます。</translation>
    </message>
    <message>
        <source>保存(&amp;S)</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ChangePassphraseDialog</name>
    <message>
        <source>パスフレーズの変更</source>
        <translation>パスフレーズの変更</translation>
    </message>
    <message>
        <source>このパソコンの Renkei のデータを守るパスフレーズを変えます。データはそのまま、新しいパスフレーズで開くようになります。</source>
        <translation>このパソコンの Renkei のデータを守るパスフレーズを変えます。データはそのまま、新しいパスフレーズで開くようになります。</translation>
    </message>
    <message>
        <source>今のパスフレーズ</source>
        <translation>今のパスフレーズ</translation>
    </message>
    <message>
        <source>新しいパスフレーズ</source>
        <translation>新しいパスフレーズ</translation>
    </message>
    <message>
        <source>もう一度（確認）</source>
        <translation>もう一度（確認）</translation>
    </message>
    <message>
        <source>変更する</source>
        <translation>変更する</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>今のパスフレーズを入力してください。</source>
        <translation>今のパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>新しいパスフレーズを入力してください。</source>
        <translation>新しいパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>新しいパスフレーズは%1文字以上にしてください。</source>
        <translation>新しいパスフレーズは%1文字以上にしてください。</translation>
    </message>
    <message>
        <source>新しいパスフレーズが確認欄と一致しません。</source>
        <translation>新しいパスフレーズが確認欄と一致しません。</translation>
    </message>
    <message>
        <source>新しいパスフレーズが今のものと同じです。</source>
        <translation>新しいパスフレーズが今のものと同じです。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CloseRoomDialog</name>
    <message>
        <source>部屋の終了</source>
        <translation>部屋の終了</translation>
    </message>
    <message>
        <source>「%1」の部屋を終了します。
ケアチームの全員がこの部屋から退出し、部屋は読むだけの記録（終了した部屋）になります。新しい投稿はできなくなり、元に戻すことはできません。</source>
        <translation>「%1」の部屋を終了します。
ケアチームの全員がこの部屋から退出し、部屋は読むだけの記録（終了した部屋）になります。新しい投稿はできなくなり、元に戻すことはできません。</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>注意</translation>
    </message>
    <message>
        <source>終了の理由</source>
        <translation>終了の理由</translation>
    </message>
    <message>
        <source>選んでください</source>
        <translation>選んでください</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>メモ</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>例: 特別養護老人ホームへ入所（「その他」の場合は必須）</source>
        <translation>例: 特別養護老人ホームへ入所（「その他」の場合は必須）</translation>
    </message>
    <message>
        <source>理由(&amp;R)</source>
        <translation>理由(&amp;R)</translation>
    </message>
    <message>
        <source>終了日(&amp;D)</source>
        <translation>終了日(&amp;D)</translation>
    </message>
    <message>
        <source>メモ(&amp;M)</source>
        <translation>メモ(&amp;M)</translation>
    </message>
    <message>
        <source>エラー</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>部屋を終了する(&amp;C)</source>
        <translation>部屋を終了する(&amp;C)</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>終了しています…</source>
        <translation>終了しています…</translation>
    </message>
    <message>
        <source>終了の理由を選んでください。</source>
        <translation>終了の理由を選んでください。</translation>
    </message>
    <message>
        <source>「その他」の場合は、終了の理由をメモに書いてください。</source>
        <translation>「その他」の場合は、終了の理由をメモに書いてください。</translation>
    </message>
    <message>
        <source>メモは %1 文字までです。</source>
        <translation>メモは %1 文字までです。</translation>
    </message>
    <message>
        <source>終了日に未来の日付は選べません。</source>
        <translation>終了日に未来の日付は選べません。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ClosureBridge</name>
    <message>
        <source>サインインしていません。</source>
        <translation>サインインしていません。</translation>
    </message>
    <message>
        <source>この部屋を終了する権限がありません。部屋を開設した人か主治医が終了できます。</source>
        <translation>この部屋を終了する権限がありません。部屋を開設した人か主治医が終了できます。</translation>
    </message>
    <message>
        <source>「その他」の場合は、終了の理由をメモに書いてください（500 文字まで）。</source>
        <translation>「その他」の場合は、終了の理由をメモに書いてください（500 文字まで）。</translation>
    </message>
    <message>
        <source>終了日を確認してください。</source>
        <translation>終了日を確認してください。</translation>
    </message>
    <message>
        <source>この部屋は利用者の部屋ではないため、終了できません。</source>
        <translation>この部屋は利用者の部屋ではないため、終了できません。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::Composer</name>
    <message>
        <source>Message</source>
        <translation>投稿内容</translation>
    </message>
    <message>
        <source>Write a post for the care team</source>
        <translation>ケアチームへの投稿を入力</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>Send shortcut</source>
        <translation>送信キー</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends · Enter starts a new line</source>
        <translation>Ctrl+Enter で送信 · Enter で改行</translation>
    </message>
    <message>
        <source>Enter sends · Shift+Enter starts a new line</source>
        <translation>Enter で送信 · Shift+Enter で改行</translation>
    </message>
    <message>
        <source>Attach file</source>
        <translation>ファイルを添付</translation>
    </message>
    <message>
        <source>Post a file: a photo, a PDF or any other document</source>
        <translation>ファイルを投稿します（写真、PDF、そのほかの書類）</translation>
    </message>
    <message>
        <source>Composer mode</source>
        <translation>入力欄の状態</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取り消す（Esc）</translation>
    </message>
    <message>
        <source>Choose a file to post</source>
        <translation>投稿するファイルを選択</translation>
    </message>
    <message>
        <source>Replying to: %1 “%2”</source>
        <translation>返信先: %1「%2」</translation>
    </message>
    <message>
        <source>Editing a post</source>
        <translation>投稿を編集中</translation>
    </message>
    <message>
        <source>Save edit</source>
        <translation>編集を保存</translation>
    </message>
    <message>
        <source>Scene</source>
        <translation>場面</translation>
    </message>
    <message>
        <source>The scene of care this post belongs to</source>
        <translation>この投稿の場面</translation>
    </message>
    <message>
        <source>No scene</source>
        <translation>場面なし</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>至急</translation>
    </message>
    <message>
        <source>Mark the post as urgent: the care team sees it highlighted and is notified</source>
        <translation>至急の投稿にします（ケアチームには強調して表示され、通知されます）</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>記録</translation>
    </message>
    <message>
        <source>Write a structured record: vitals, medication, the physician&apos;s update, ACP, discharge</source>
        <translation>記録を書く: バイタル、服薬、医師からの情報共有、ACP、退院時共同指導</translation>
    </message>
    <message>
        <source>%1 (draft)</source>
        <translation>%1（下書きあり）</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ConnectionBanner</name>
    <message>
        <source>Connection notice</source>
        <translation>接続のお知らせ</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>サインイン…</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>もう一度サインイン</translation>
    </message>
    <message>
        <source>You are offline. Your drafts are saved on this computer. Posts you send now will go out automatically when the connection is back.</source>
        <translation>オフラインです。下書きはこの端末に保存されています。いま送る投稿は、接続が戻ると自動で送信します。</translation>
    </message>
    <message numerus="yes">
        <source>You are offline. Your drafts and the %n post(s) waiting to be sent are saved on this computer. They will be sent automatically when the connection is back.</source>
        <translation>
            <numerusform>オフラインです。下書きと送信待ちの投稿（%n件）はこの端末に保存されています。接続が戻ると自動で送信します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Please sign in again to keep sending and receiving posts. Your drafts are saved on this computer.</source>
        <translation>投稿の送受信を続けるには、もう一度サインインしてください。下書きはこの端末に保存されています。</translation>
    </message>
    <message numerus="yes">
        <source>Please sign in again to keep sending and receiving posts. Your drafts and the %n post(s) waiting to be sent are saved on this computer.</source>
        <translation>
            <numerusform>投稿の送受信を続けるには、もう一度サインインしてください。下書きと送信待ちの投稿（%n件）はこの端末に保存されています。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>renkei::ui::ConsentForm</name>
    <message>
        <source>同意日</source>
        <translation>同意日</translation>
    </message>
    <message>
        <source>取得方法</source>
        <translation>取得方法</translation>
    </message>
    <message>
        <source>同意を取得した人</source>
        <translation>同意を取得した人</translation>
    </message>
    <message>
        <source>本人(&amp;P)</source>
        <translation>本人(&amp;P)</translation>
    </message>
    <message>
        <source>家族(&amp;Y)</source>
        <translation>家族(&amp;Y)</translation>
    </message>
    <message>
        <source>続柄</source>
        <translation>続柄</translation>
    </message>
    <message>
        <source>長女、夫 など</source>
        <translation>長女、夫 など</translation>
    </message>
    <message>
        <source>続柄:</source>
        <translation>続柄:</translation>
    </message>
    <message>
        <source>同意日(&amp;D)</source>
        <translation>同意日(&amp;D)</translation>
    </message>
    <message>
        <source>取得方法(&amp;H)</source>
        <translation>取得方法(&amp;H)</translation>
    </message>
    <message>
        <source>取得した人(&amp;W)</source>
        <translation>取得した人(&amp;W)</translation>
    </message>
    <message>
        <source>同意した人</source>
        <translation>同意した人</translation>
    </message>
    <message>
        <source>同意日を確認してください。</source>
        <translation>同意日を確認してください。</translation>
    </message>
    <message>
        <source>同意を取得した人の ID（@名前:サーバー）を入力してください。</source>
        <translation>同意を取得した人の ID（@名前:サーバー）を入力してください。</translation>
    </message>
    <message>
        <source>家族から同意を得た場合は続柄を入力してください。</source>
        <translation>家族から同意を得た場合は続柄を入力してください。</translation>
    </message>
    <message>
        <source>同意の記録を確認してください。</source>
        <translation>同意の記録を確認してください。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::CoreBridge</name>
    <message>
        <source>先にパスフレーズで端末内のデータを開いてください。</source>
        <translation>先にパスフレーズで端末内のデータを開いてください。</translation>
    </message>
    <message>
        <source>サインインしていません。サインインしてください。</source>
        <translation>サインインしていません。サインインしてください。</translation>
    </message>
    <message>
        <source>画像を表示できません。</source>
        <translation>画像を表示できません。</translation>
    </message>
    <message>
        <source>The server did not accept the post.</source>
        <translation>サーバーが投稿を受け付けませんでした。</translation>
    </message>
    <message>
        <source>サインアウトしています。終わるまでお待ちください。</source>
        <translation>サインアウトしています。終わるまでお待ちください。</translation>
    </message>
    <message>
        <source>ファイルが投稿に書かれた大きさを超えているため、開けません。</source>
        <translation>ファイルが投稿に書かれた大きさを超えているため、開けません。</translation>
    </message>
    <message>
        <source>ダウンロードを取り消しました。</source>
        <translation>ダウンロードを取り消しました。</translation>
    </message>
    <message>
        <source>データが開かれていません。</source>
        <translation>データが開かれていません。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::EditHistoryDialog</name>
    <message>
        <source>Edit history</source>
        <translation>編集履歴</translation>
    </message>
    <message>
        <source>Every version of this post, the original first.</source>
        <translation>この投稿のすべての版です（最初の投稿から順に）。</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>版の一覧</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>最初の投稿</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>現在</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ExportDialog</name>
    <message>
        <source>書き出し・印刷</source>
        <translation>書き出し・印刷</translation>
    </message>
    <message>
        <source>経過記録（時系列）</source>
        <translation>経過記録（時系列）</translation>
    </message>
    <message>
        <source>支援経過記録（ケアマネジャー向けの表）</source>
        <translation>支援経過記録（ケアマネジャー向けの表）</translation>
    </message>
    <message>
        <source>医師からの情報共有（月別・情報連携）</source>
        <translation>医師からの情報共有（月別・情報連携）</translation>
    </message>
    <message>
        <source>様式</source>
        <translation>様式</translation>
    </message>
    <message>
        <source>開始日</source>
        <translation>開始日</translation>
    </message>
    <message>
        <source>終了日</source>
        <translation>終了日</translation>
    </message>
    <message>
        <source>PDFに書き出す…</source>
        <translation>PDFに書き出す…</translation>
    </message>
    <message>
        <source>印刷…</source>
        <translation>印刷…</translation>
    </message>
    <message>
        <source>開始日が終了日より後になっています。</source>
        <translation>開始日が終了日より後になっています。</translation>
    </message>
    <message>
        <source>この部屋の記録を読めませんでした。</source>
        <translation>この部屋の記録を読めませんでした。</translation>
    </message>
    <message>
        <source>書き出しの記録を保存できませんでした。</source>
        <translation>書き出しの記録を保存できませんでした。</translation>
    </message>
    <message>
        <source>%1 件の投稿を %2 ページにしました。</source>
        <translation>%1 件の投稿を %2 ページにしました。</translation>
    </message>
    <message>
        <source>PDFを保存できませんでした: %1</source>
        <translation>PDFを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>PDFに書き出す</source>
        <translation>PDFに書き出す</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>印刷できませんでした。</source>
        <translation>印刷できませんでした。</translation>
    </message>
    <message>
        <source>投稿を選んで書き出す</source>
        <translation>投稿を選んで書き出す</translation>
    </message>
    <message>
        <source>画像を取得しています（%1 / %2）…</source>
        <translation>画像を取得しています（%1 / %2）…</translation>
    </message>
    <message>
        <source>書き出す投稿に印を付けてください。</source>
        <translation>書き出す投稿に印を付けてください。</translation>
    </message>
    <message numerus="yes">
        <source>画像 %n 枚は取得できなかったため、その旨を記載しました。</source>
        <translation>
            <numerusform>画像 %n 枚は取得できなかったため、その旨を記載しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>この連携ネットワークの方針により、書き出しと印刷はできません。</source>
        <translation>この連携ネットワークの方針により、書き出しと印刷はできません。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::FileActions</name>
    <message>
        <source>Downloading a file</source>
        <translation>ファイルをダウンロード中</translation>
    </message>
    <message>
        <source>Downloading “%1”…</source>
        <translation>「%1」をダウンロードしています…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>The file could not be downloaded.</source>
        <translation>ファイルをダウンロードできませんでした。</translation>
    </message>
    <message>
        <source>この連携ネットワークの方針により、ファイルをパソコンに保存することはできません。</source>
        <translation>この連携ネットワークの方針により、ファイルをパソコンに保存することはできません。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::FileViewer</name>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>File viewer</source>
        <translation>ファイルの表示</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>前のページ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>次のページ</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>拡大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>幅に合わせる</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>コピーを保存</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>PDF のページ</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Page %1 / %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>Renkei cannot show this kind of file. To open it in another program, save a copy (Save…).</source>
        <translation>この種類のファイルは Renkei では表示できません。ほかのアプリで開くには、コピーを保存してください（保存…）。</translation>
    </message>
    <message>
        <source>This PDF cannot be shown: it is damaged or protected by a password. You can save a copy (Save…) and open it in another program.</source>
        <translation>この PDF は表示できません（壊れているか、パスワードで保護されています）。コピーを保存して（保存…）、ほかのアプリで開くことができます。</translation>
    </message>
    <message>
        <source>This image cannot be shown: it is damaged, too large, or not of the type it declares. You can save a copy (Save…).</source>
        <translation>この画像は表示できません（壊れている、大きすぎる、または示された種類と中身が違います）。コピーを保存できます（保存…）。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>画像</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>画像: %1</translation>
    </message>
    <message>
        <source>Image viewer</source>
        <translation>画像ビューアー</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>画像を読み込み中…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>The image cannot be shown</source>
        <translation>画像を表示できません</translation>
    </message>
    <message>
        <source>The image cannot be shown: %1</source>
        <translation>画像を表示できません: %1</translation>
    </message>
</context>
<context>
    <name>renkei::ui::InviteBar</name>
    <message>
        <source>Invitation</source>
        <translation>招待</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>参加する</translation>
    </message>
    <message>
        <source>Accept the invitation</source>
        <translation>招待を受ける</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>辞退する</translation>
    </message>
    <message>
        <source>Decline the invitation</source>
        <translation>招待を辞退する</translation>
    </message>
    <message>
        <source>You are invited to %1.</source>
        <translation>「%1」に招待されています。</translation>
    </message>
    <message>
        <source>%1 invited you to %2.</source>
        <translation>%1 さんから「%2」に招待されています。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::LockScreen</name>
    <message>
        <source>画面はロックされています</source>
        <translation>画面はロックされています</translation>
    </message>
    <message>
        <source>続けるにはパスフレーズを入力してください。受信と送信は続いています。</source>
        <translation>続けるにはパスフレーズを入力してください。受信と送信は続いています。</translation>
    </message>
    <message>
        <source>パスフレーズ</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>ロックを解除</source>
        <translation>ロックを解除</translation>
    </message>
    <message>
        <source>Renkei（ロック中）</source>
        <translation>Renkei（ロック中）</translation>
    </message>
    <message>
        <source>確認しています…</source>
        <translation>確認しています…</translation>
    </message>
    <message>
        <source>もう一度入力できます。</source>
        <translation>もう一度入力できます。</translation>
    </message>
    <message>
        <source>パスフレーズが %1 回続けて違いました。あと %2 秒お待ちください。</source>
        <translation>パスフレーズが %1 回続けて違いました。あと %2 秒お待ちください。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::MainWindow</name>
    <message>
        <source>Renkei</source>
        <translation>連携</translation>
    </message>
    <message>
        <source>Renkei main window</source>
        <translation>連携 メイン画面</translation>
    </message>
    <message>
        <source>Choose a room on the left.</source>
        <translation>左の一覧から部屋を選んでください。</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>部屋</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>接続状態</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Room</source>
        <translation>部屋(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Go to room…</source>
        <translation>部屋を切り替え(&amp;G)…</translation>
    </message>
    <message>
        <source>&amp;Filter rooms</source>
        <translation>部屋を絞り込む(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Newest posts</source>
        <translation>最新の投稿へ(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Write a post</source>
        <translation>投稿を書く(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Leave room…</source>
        <translation>部屋から退出(&amp;L)…</translation>
    </message>
    <message>
        <source>%1 – Renkei</source>
        <translation>%1 – 連携</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>部屋から退出</translation>
    </message>
    <message>
        <source>Leave %1? You will no longer see new posts in this room.</source>
        <translation>「%1」から退出しますか？ この部屋の新しい投稿は見られなくなります。</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>退出する</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>オンライン</translation>
    </message>
    <message>
        <source>Syncing</source>
        <translation>同期中</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>オフライン</translation>
    </message>
    <message>
        <source>%1 · Last sync %2</source>
        <translation>%1 · 最終同期 %2</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>下書きを保存できませんでした: %1</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>サインアウト(&amp;O)…</translation>
    </message>
    <message>
        <source>Post not saved</source>
        <translation>投稿を保存できませんでした</translation>
    </message>
    <message>
        <source>The post could not be saved for sending. Your text is still in the box.

%1</source>
        <translation>投稿を送信待ちにできませんでした。書いた文章は入力欄に残っています。

%1</translation>
    </message>
    <message>
        <source>The post could not be sent again.</source>
        <translation>投稿を再送できませんでした。</translation>
    </message>
    <message>
        <source>Discard post</source>
        <translation>投稿の破棄</translation>
    </message>
    <message>
        <source>Discard this post? It was not sent and will be deleted from this computer.</source>
        <translation>この投稿を破棄しますか？ まだ送信されておらず、この端末から削除されます。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Signed out by the server</source>
        <translation>サインインが必要です</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting to be sent</source>
        <translation>
            <numerusform>送信待ち %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending %n</source>
        <translation>
            <numerusform>送信中 %n件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not sent</source>
        <translation>
            <numerusform>未送信 %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
    <message numerus="yes">
        <source>%n post(s) have not been sent yet. If you sign out now, they will be deleted from this computer and never sent.</source>
        <translation>
            <numerusform>まだ送信されていない投稿が%n件あります。いまサインアウトすると、送信されないまま、この端末から削除されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your drafts stay on this computer.</source>
        <translation>下書きはこの端末に残ります。</translation>
    </message>
    <message>
        <source>Delete and sign out</source>
        <translation>削除してサインアウト</translation>
    </message>
    <message>
        <source>Sign out of Renkei? Your drafts stay on this computer.</source>
        <translation>Renkei からサインアウトしますか？ 下書きはこの端末に残ります。</translation>
    </message>
    <message>
        <source>Also delete this account&apos;s data from this computer (drafts included)</source>
        <translation>この端末からこのアカウントのデータも削除する（下書きを含む）</translation>
    </message>
    <message>
        <source>Whole history saved on this computer</source>
        <translation>全履歴をこの端末に保存済み</translation>
    </message>
    <message>
        <source>Offline history</source>
        <translation>オフライン用の履歴</translation>
    </message>
    <message>
        <source>Fetching history for offline use %1/%2</source>
        <translation>オフライン用に履歴を取得中 %1/%2</translation>
    </message>
    <message>
        <source>Fetching history for offline use %1/%2 (waiting for the connection)</source>
        <translation>オフライン用に履歴を取得中 %1/%2（接続を待っています）</translation>
    </message>
    <message>
        <source>History for offline use: continues after you sign in</source>
        <translation>オフライン用の履歴: サインインすると続きを取得します</translation>
    </message>
    <message>
        <source>File not posted</source>
        <translation>ファイルを投稿できませんでした</translation>
    </message>
    <message>
        <source>Delete post</source>
        <translation>投稿を削除</translation>
    </message>
    <message>
        <source>Delete this post? Everyone in the room will see that it was deleted (and the reason, if you give one). This cannot be undone.</source>
        <translation>この投稿を削除しますか？削除したことは部屋の全員に表示されます（理由を書いた場合は理由も）。元に戻すことはできません。</translation>
    </message>
    <message>
        <source>&amp;Reason (optional)</source>
        <translation>理由（任意）(&amp;R)</translation>
    </message>
    <message>
        <source>Reason (optional)</source>
        <translation>理由（任意）</translation>
    </message>
    <message>
        <source>e.g. posted in the wrong room</source>
        <translation>例: 別の部屋に投稿したため</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <source>Post not deleted</source>
        <translation>投稿を削除できませんでした</translation>
    </message>
    <message>
        <source>The acknowledgement could not be changed: %1</source>
        <translation>「確認しました」を変更できませんでした: %1</translation>
    </message>
    <message>
        <source>Edit not saved</source>
        <translation>編集を保存できませんでした</translation>
    </message>
    <message>
        <source>This file cannot be opened here.</source>
        <translation>このファイルはここでは開けません。</translation>
    </message>
    <message>
        <source>&amp;Open a patient room…</source>
        <translation>部屋を開設(&amp;P)…</translation>
    </message>
    <message>
        <source>Your profile could not be sent to every room: %1</source>
        <translation>プロフィールを一部の部屋に送れませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Your profile was updated in %n room(s)</source>
        <translation>
            <numerusform>%n件の部屋でプロフィールを更新しました</numerusform>
        </translation>
    </message>
    <message>
        <source>Profile not saved</source>
        <translation>プロフィールを保存できませんでした</translation>
    </message>
    <message>
        <source>&amp;Urgent posts…</source>
        <translation>至急の投稿(&amp;U)…</translation>
    </message>
    <message>
        <source>部屋を終了(&amp;E)…</source>
        <translation>部屋を終了(&amp;E)…</translation>
    </message>
    <message>
        <source>部屋の開設</source>
        <translation>部屋の開設</translation>
    </message>
    <message>
        <source>部屋を開設できませんでした。

%1</source>
        <translation>部屋を開設できませんでした。

%1</translation>
    </message>
    <message>
        <source>部屋を開設できませんでした: %1</source>
        <translation>部屋を開設できませんでした: %1</translation>
    </message>
    <message>
        <source>部屋の開設待ち: %1（オンラインになると開設します）</source>
        <translation>部屋の開設待ち: %1（オンラインになると開設します）</translation>
    </message>
    <message>
        <source>終了した部屋</source>
        <translation>終了した部屋</translation>
    </message>
    <message>
        <source>終了した部屋をこのパソコンから削除しました。</source>
        <translation>終了した部屋をこのパソコンから削除しました。</translation>
    </message>
    <message>
        <source>削除できませんでした</source>
        <translation>削除できませんでした</translation>
    </message>
    <message>
        <source>この部屋は終了しました（%1）</source>
        <translation>この部屋は終了しました（%1）</translation>
    </message>
    <message>
        <source>部屋を終了しました。終了した部屋として、このパソコンで読めます。</source>
        <translation>部屋を終了しました。終了した部屋として、このパソコンで読めます。</translation>
    </message>
    <message>
        <source>このパソコンから削除</source>
        <translation>このパソコンから削除</translation>
    </message>
    <message>
        <source>終了した部屋「%1」の記録（投稿・利用者情報・下書き）をこのパソコンから削除しますか？
サーバーや他のメンバーの記録は変わりません。削除すると、このパソコンでは元に戻せません。</source>
        <translation>終了した部屋「%1」の記録（投稿・利用者情報・下書き）をこのパソコンから削除しますか？
サーバーや他のメンバーの記録は変わりません。削除すると、このパソコンでは元に戻せません。</translation>
    </message>
    <message>
        <source>削除する</source>
        <translation>削除する</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
    <message numerus="yes">
        <source>%n patient room(s) waiting to be opened will be deleted from this computer and not opened.</source>
        <translation>
            <numerusform>開設待ちの利用者の部屋が%n件あり、開設されないままこの端末から削除されます。</numerusform>
        </translation>
    </message>
    <message>
        <source>The correction was queued; the edit history keeps the original.</source>
        <translation>訂正を送信待ちにしました。訂正前の記録は編集履歴に残ります。</translation>
    </message>
    <message>
        <source>画面をロック(&amp;K)</source>
        <translation>画面をロック(&amp;K)</translation>
    </message>
    <message>
        <source>アクセス記録(&amp;A)…</source>
        <translation>アクセス記録(&amp;A)…</translation>
    </message>
    <message>
        <source>パスフレーズを変更(&amp;P)…</source>
        <translation>パスフレーズを変更(&amp;P)…</translation>
    </message>
    <message>
        <source>パスフレーズを変更しました。</source>
        <translation>パスフレーズを変更しました。</translation>
    </message>
    <message>
        <source>このパソコンのデータを消去(&amp;W)…</source>
        <translation>このパソコンのデータを消去(&amp;W)…</translation>
    </message>
    <message>
        <source>このパソコンのデータを消去</source>
        <translation>このパソコンのデータを消去</translation>
    </message>
    <message>
        <source>消去の前の確認ができませんでした。もう一度お試しください。</source>
        <translation>消去の前の確認ができませんでした。もう一度お試しください。</translation>
    </message>
    <message>
        <source>まだ送信していない投稿 %1件</source>
        <translation>まだ送信していない投稿 %1件</translation>
    </message>
    <message>
        <source>開設待ちの患者の部屋 %1件</source>
        <translation>開設待ちの患者の部屋 %1件</translation>
    </message>
    <message>
        <source>投稿の下書き %1件</source>
        <translation>投稿の下書き %1件</translation>
    </message>
    <message>
        <source>書きかけの記録 %1件</source>
        <translation>書きかけの記録 %1件</translation>
    </message>
    <message>
        <source>このパソコンにある %1 の Renkei のデータ（暗号化されたデータベースと鍵、下書き）をすべて消去し、サインアウトします。サーバー上の投稿や他のメンバーの記録は消えません。消去すると元に戻せません。</source>
        <translation>このパソコンにある %1 の Renkei のデータ（暗号化されたデータベースと鍵、下書き）をすべて消去し、サインアウトします。サーバー上の投稿や他のメンバーの記録は消えません。消去すると元に戻せません。</translation>
    </message>
    <message>
        <source>送信していない投稿や下書きはありません。</source>
        <translation>送信していない投稿や下書きはありません。</translation>
    </message>
    <message>
        <source>次のものは送信されないまま失われます:
%1</source>
        <translation>次のものは送信されないまま失われます:
%1</translation>
    </message>
    <message>
        <source>消去する</source>
        <translation>消去する</translation>
    </message>
    <message>
        <source>このパソコンのデータを消去しました</source>
        <translation>このパソコンのデータを消去しました</translation>
    </message>
    <message>
        <source>このパソコンはアカウントから登録を外されました。連携ネットワークの方針により、このパソコンにあった Renkei のデータ（未送信の投稿と下書きを含む）を消去しました。</source>
        <translation>このパソコンはアカウントから登録を外されました。連携ネットワークの方針により、このパソコンにあった Renkei のデータ（未送信の投稿と下書きを含む）を消去しました。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::MonthlyUpdatesDialog</name>
    <message>
        <source>共有日</source>
        <translation>共有日</translation>
    </message>
    <message>
        <source>医師</source>
        <translation>医師</translation>
    </message>
    <message>
        <source>次回訪問予定日</source>
        <translation>次回訪問予定日</translation>
    </message>
    <message>
        <source>治療方針の変更</source>
        <translation>治療方針の変更</translation>
    </message>
    <message>
        <source>確認した人</source>
        <translation>確認した人</translation>
    </message>
    <message>
        <source>医師からの情報共有（月別）</source>
        <translation>医師からの情報共有（月別）</translation>
    </message>
    <message>
        <source>%1（%2件）確認: %3</source>
        <extracomment>A month of the physician&apos;s updates: the month, how many, who acknowledged any of them</extracomment>
        <translation>%1（%2件）確認: %3</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>未確認</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>この部屋には医師からの情報共有がまだありません</source>
        <translation>この部屋には医師からの情報共有がまだありません</translation>
    </message>
</context>
<context>
    <name>renkei::ui::OpenRoomWizard</name>
    <message>
        <source>部屋の開設</source>
        <translation>部屋の開設</translation>
    </message>
    <message>
        <source>次へ(&amp;N) &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; 戻る(&amp;B)</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <source>開設する(&amp;O)</source>
        <translation>開設する(&amp;O)</translation>
    </message>
    <message>
        <source>キャンセル</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>1. 利用者</source>
        <translation>1. 利用者</translation>
    </message>
    <message>
        <source>部屋を開設する利用者の情報を入力します。</source>
        <translation>部屋を開設する利用者の情報を入力します。</translation>
    </message>
    <message>
        <source>2. 利用者同意</source>
        <translation>2. 利用者同意</translation>
    </message>
    <message>
        <source>情報共有への同意がなければ部屋は開設できません。</source>
        <translation>情報共有への同意がなければ部屋は開設できません。</translation>
    </message>
    <message>
        <source>選択(&amp;I)…</source>
        <translation>選択(&amp;I)…</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>同意書の写し</translation>
    </message>
    <message>
        <source>画像・PDF (*.png *.jpg *.jpeg *.pdf);;すべて (*)</source>
        <translation>画像・PDF (*.png *.jpg *.jpeg *.pdf);;すべて (*)</translation>
    </message>
    <message>
        <source>同意書の写し（任意）</source>
        <translation>同意書の写し（任意）</translation>
    </message>
    <message>
        <source>3. ケアチーム</source>
        <translation>3. ケアチーム</translation>
    </message>
    <message>
        <source>招待する人を名前または ID で検索し、このチームでの役割を選んで追加します。</source>
        <translation>招待する人を名前または ID で検索し、このチームでの役割を選んで追加します。</translation>
    </message>
    <message>
        <source>検索</source>
        <translation>検索</translation>
    </message>
    <message>
        <source>名前または ID で検索</source>
        <translation>名前または ID で検索</translation>
    </message>
    <message>
        <source>検索結果</source>
        <translation>検索結果</translation>
    </message>
    <message>
        <source>役割</source>
        <translation>役割</translation>
    </message>
    <message>
        <source>主治医</source>
        <translation>主治医</translation>
    </message>
    <message>
        <source>副主治医</source>
        <translation>副主治医</translation>
    </message>
    <message>
        <source>訪問看護</source>
        <translation>訪問看護</translation>
    </message>
    <message>
        <source>ケアマネジャー</source>
        <translation>ケアマネジャー</translation>
    </message>
    <message>
        <source>薬剤師</source>
        <translation>薬剤師</translation>
    </message>
    <message>
        <source>歯科医師</source>
        <translation>歯科医師</translation>
    </message>
    <message>
        <source>訪問リハビリ</source>
        <translation>訪問リハビリ</translation>
    </message>
    <message>
        <source>訪問介護</source>
        <translation>訪問介護</translation>
    </message>
    <message>
        <source>地域包括支援センター</source>
        <translation>地域包括支援センター</translation>
    </message>
    <message>
        <source>追加(&amp;A)</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <source>役割(&amp;R):</source>
        <translation>役割(&amp;R):</translation>
    </message>
    <message>
        <source>招待する人</source>
        <translation>招待する人</translation>
    </message>
    <message>
        <source>外す(&amp;X)</source>
        <translation>外す(&amp;X)</translation>
    </message>
    <message>
        <source>主治医なしで開設する理由</source>
        <translation>主治医なしで開設する理由</translation>
    </message>
    <message>
        <source>主治医なしで開設する理由（例: 主治医は調整中）</source>
        <translation>主治医なしで開設する理由（例: 主治医は調整中）</translation>
    </message>
    <message>
        <source>招待する人:</source>
        <translation>招待する人:</translation>
    </message>
    <message>
        <source>4. 確認</source>
        <translation>4. 確認</translation>
    </message>
    <message>
        <source>次の内容で部屋を開設し、ケアチームを招待します。</source>
        <translation>次の内容で部屋を開設し、ケアチームを招待します。</translation>
    </message>
    <message>
        <source>主治医が招待されていません。主治医なしで開設する理由を入力してください（500 文字まで）。</source>
        <translation>主治医が招待されていません。主治医なしで開設する理由を入力してください（500 文字まで）。</translation>
    </message>
    <message>
        <source>部屋の名前: %1</source>
        <translation>部屋の名前: %1</translation>
    </message>
    <message>
        <source>利用者: %1（%2）、%3生まれ、%4、%5、%6</source>
        <translation>利用者: %1（%2）、%3生まれ、%4、%5、%6</translation>
    </message>
    <message>
        <source>主な病名: %1</source>
        <translation>主な病名: %1</translation>
    </message>
    <message>
        <source>、</source>
        <translation>、</translation>
    </message>
    <message>
        <source>同意: %1、%2（%3）、取得した人 %4</source>
        <translation>同意: %1、%2（%3）、取得した人 %4</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>家族・%1</source>
        <translation>家族・%1</translation>
    </message>
    <message>
        <source>  （なし）</source>
        <translation>  （なし）</translation>
    </message>
    <message>
        <source>主治医なしで開設: %1</source>
        <translation>主治医なしで開設: %1</translation>
    </message>
    <message>
        <source>同意書の写しを読めません（10 MB まで）。</source>
        <translation>同意書の写しを読めません（10 MB まで）。</translation>
    </message>
    <message>
        <source>%1（%2 KB）</source>
        <translation>%1（%2 KB）</translation>
    </message>
    <message>
        <source>自分自身は招待できません。</source>
        <translation>自分自身は招待できません。</translation>
    </message>
    <message>
        <source>この人はすでに追加されています。</source>
        <translation>この人はすでに追加されています。</translation>
    </message>
    <message>
        <source>主治医は 1 人だけ追加できます。</source>
        <translation>主治医は 1 人だけ追加できます。</translation>
    </message>
    <message>
        <source>役割は 32 文字までです。</source>
        <translation>役割は 32 文字までです。</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>検索結果から招待する人を選んでください。</source>
        <translation>検索結果から招待する人を選んでください。</translation>
    </message>
    <message>
        <source>検索できません: %1</source>
        <translation>検索できません: %1</translation>
    </message>
    <message>
        <source>ほかにも該当する人がいます。名前を詳しく入力してください。</source>
        <translation>ほかにも該当する人がいます。名前を詳しく入力してください。</translation>
    </message>
    <message>
        <source>主治医: 招待済み</source>
        <translation>主治医: 招待済み</translation>
    </message>
    <message>
        <source>主治医が招待されていません。主治医なしで開設するには理由が必要です。</source>
        <translation>主治医が招待されていません。主治医なしで開設するには理由が必要です。</translation>
    </message>
    <message>
        <source>同意書の写し: %1（%2 KB、送信まで暗号化して保存し、部屋の最初のファイルとして送信します）</source>
        <translation>同意書の写し: %1（%2 KB、送信まで暗号化して保存し、部屋の最初のファイルとして送信します）</translation>
    </message>
</context>
<context>
    <name>renkei::ui::PatientForm</name>
    <message>
        <source>氏名</source>
        <translation>氏名</translation>
    </message>
    <message>
        <source>ふりがな</source>
        <translation>ふりがな</translation>
    </message>
    <message>
        <source>ひらがな・カタカナ</source>
        <translation>ひらがな・カタカナ</translation>
    </message>
    <message>
        <source>生年月日</source>
        <translation>生年月日</translation>
    </message>
    <message>
        <source>性別</source>
        <translation>性別</translation>
    </message>
    <message>
        <source>要介護度</source>
        <translation>要介護度</translation>
    </message>
    <message>
        <source>主な病名</source>
        <translation>主な病名</translation>
    </message>
    <message>
        <source>読点（、）で区切って入力</source>
        <translation>読点（、）で区切って入力</translation>
    </message>
    <message>
        <source>住所の市町村</source>
        <translation>住所の市町村</translation>
    </message>
    <message>
        <source>氏名(&amp;A)</source>
        <translation>氏名(&amp;A)</translation>
    </message>
    <message>
        <source>ふりがな(&amp;F)</source>
        <translation>ふりがな(&amp;F)</translation>
    </message>
    <message>
        <source>生年月日(&amp;D)</source>
        <translation>生年月日(&amp;D)</translation>
    </message>
    <message>
        <source>性別(&amp;S)</source>
        <translation>性別(&amp;S)</translation>
    </message>
    <message>
        <source>要介護度(&amp;L)</source>
        <translation>要介護度(&amp;L)</translation>
    </message>
    <message>
        <source>主な病名(&amp;C)</source>
        <translation>主な病名(&amp;C)</translation>
    </message>
    <message>
        <source>住所の市町村(&amp;M)</source>
        <translation>住所の市町村(&amp;M)</translation>
    </message>
    <message>
        <source>氏名を入力してください（64 文字まで）。</source>
        <translation>氏名を入力してください（64 文字まで）。</translation>
    </message>
    <message>
        <source>ふりがなは、ひらがなまたはカタカナで入力してください。</source>
        <translation>ふりがなは、ひらがなまたはカタカナで入力してください。</translation>
    </message>
    <message>
        <source>生年月日を確認してください。</source>
        <translation>生年月日を確認してください。</translation>
    </message>
    <message>
        <source>主な病名は 16 件まで、各 64 文字までです。</source>
        <translation>主な病名は 16 件まで、各 64 文字までです。</translation>
    </message>
    <message>
        <source>住所の市町村を入力してください（32 文字まで）。</source>
        <translation>住所の市町村を入力してください（32 文字まで）。</translation>
    </message>
    <message>
        <source>利用者の情報を確認してください。</source>
        <translation>利用者の情報を確認してください。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::PatientPanel</name>
    <message>
        <source>利用者情報</source>
        <translation>利用者情報</translation>
    </message>
    <message>
        <source>利用者</source>
        <translation>利用者</translation>
    </message>
    <message>
        <source>利用者同意</source>
        <translation>利用者同意</translation>
    </message>
    <message>
        <source>ケアチーム</source>
        <translation>ケアチーム</translation>
    </message>
    <message>
        <source>ルールの例外</source>
        <translation>ルールの例外</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>生年月日 %1・%2</source>
        <translation>生年月日 %1・%2</translation>
    </message>
    <message>
        <source>要介護度 %1</source>
        <translation>要介護度 %1</translation>
    </message>
    <message>
        <source>主な病名 %1</source>
        <translation>主な病名 %1</translation>
    </message>
    <message>
        <source>住所 %1</source>
        <translation>住所 %1</translation>
    </message>
    <message>
        <source>記録なし</source>
        <translation>記録なし</translation>
    </message>
    <message>
        <source>本人</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>家族（%1）</source>
        <translation>家族（%1）</translation>
    </message>
    <message>
        <source>%1 %2で取得（%3）</source>
        <translation>%1 %2で取得（%3）</translation>
    </message>
    <message>
        <source>取得者 %1</source>
        <translation>取得者 %1</translation>
    </message>
    <message>
        <source>同意書の写しあり</source>
        <translation>同意書の写しあり</translation>
    </message>
    <message>
        <source>同意書の写しなし</source>
        <translation>同意書の写しなし</translation>
    </message>
    <message>
        <source>%1 に撤回</source>
        <translation>%1 に撤回</translation>
    </message>
    <message>
        <source>同意の記録がありません</source>
        <translation>同意の記録がありません</translation>
    </message>
    <message>
        <source> — %1</source>
        <translation> — %1</translation>
    </message>
    <message>
        <source>（招待中）</source>
        <translation>（招待中）</translation>
    </message>
    <message>
        <source>主治医なしで開設: %1</source>
        <translation>主治医なしで開設: %1</translation>
    </message>
    <message>
        <source>%2: %1</source>
        <translation>%2: %1</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>開設 %1（%2）</source>
        <translation>開設 %1（%2）</translation>
    </message>
    <message>
        <source>編集</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>利用者情報を編集</source>
        <translation>利用者情報を編集</translation>
    </message>
    <message>
        <source>利用者同意を編集</source>
        <translation>利用者同意を編集</translation>
    </message>
    <message>
        <source>同意書を開く</source>
        <translation>同意書を開く</translation>
    </message>
    <message>
        <source>同意書の写し</source>
        <translation>同意書の写し</translation>
    </message>
    <message>
        <source>注意が必要な傾向</source>
        <translation>注意が必要な傾向</translation>
    </message>
    <message>
        <source>人生の最終段階における意向（ACP）</source>
        <translation>人生の最終段階における意向（ACP）</translation>
    </message>
    <message>
        <source>医師からの情報共有（月別）…</source>
        <translation>医師からの情報共有（月別）…</translation>
    </message>
    <message>
        <source>バイタルの推移…</source>
        <translation>バイタルの推移…</translation>
    </message>
    <message>
        <source>書き出し・印刷…</source>
        <translation>書き出し・印刷…</translation>
    </message>
</context>
<context>
    <name>renkei::ui::PostDelegate</name>
    <message>
        <source>dddd, MMMM d, yyyy</source>
        <extracomment>Day separator in the timeline; a QDate format (Japanese: yyyy年M月d日（ddd）)</extracomment>
        <translation>yyyy年M月d日（ddd）</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>送信中…</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>送信できませんでした</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>送信できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Read by %n</source>
        <translation>
            <numerusform>既読 %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Read by: %1</source>
        <translation>既読: %1</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1、%2: %3</translation>
    </message>
    <message>
        <source>Image not sent</source>
        <translation>画像を送信できませんでした</translation>
    </message>
    <message>
        <source>Sending image…</source>
        <translation>画像を送信中…</translation>
    </message>
    <message>
        <source>The image cannot be shown</source>
        <translation>画像を表示できません</translation>
    </message>
    <message>
        <source>Loading image…</source>
        <translation>画像を読み込み中…</translation>
    </message>
    <message>
        <source>Image: %1</source>
        <translation>画像: %1</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>送信待ち</translation>
    </message>
    <message>
        <source>Image waiting to be sent</source>
        <translation>画像は送信待ちです</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>再送</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>編集</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>破棄</translation>
    </message>
    <message>
        <source>Encrypted post (this device cannot read it yet)</source>
        <translation>暗号化された投稿です（この端末ではまだ読めません）</translation>
    </message>
    <message>
        <source>This post cannot be shown</source>
        <translation>この投稿は表示できません</translation>
    </message>
    <message>
        <source>This post was deleted</source>
        <translation>この投稿は削除されました</translation>
    </message>
    <message>
        <source> (by %1, %2)</source>
        <extracomment>After &quot;This post was deleted&quot;: who deleted it (a display name) and when</extracomment>
        <translation>（%1、%2）</translation>
    </message>
    <message>
        <source> (by %1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由: %1</translation>
    </message>
    <message>
        <source>(edited)</source>
        <translation>編集済み</translation>
    </message>
    <message>
        <source>Show the earlier versions of this post</source>
        <translation>この投稿の編集履歴を表示</translation>
    </message>
    <message numerus="yes">
        <source>Thread · %n reply(s)</source>
        <translation>
            <numerusform>スレッド・返信 %n件</numerusform>
        </translation>
    </message>
    <message>
        <source>In a thread</source>
        <translation>スレッド内の返信</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ProfileForm</name>
    <message>
        <source>職種</source>
        <translation>職種</translation>
    </message>
    <message>
        <source>未設定</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>事業所名</source>
        <translation>事業所名</translation>
    </message>
    <message>
        <source>例: みなと訪問看護ステーション</source>
        <translation>例: みなと訪問看護ステーション</translation>
    </message>
    <message>
        <source>種別</source>
        <translation>種別</translation>
    </message>
    <message>
        <source>例: 訪問看護ステーション</source>
        <translation>例: 訪問看護ステーション</translation>
    </message>
    <message>
        <source>所在市町村</source>
        <translation>所在市町村</translation>
    </message>
    <message>
        <source>ネットワークの市町村</source>
        <translation>ネットワークの市町村</translation>
    </message>
    <message>
        <source>職種(&amp;P):</source>
        <translation>職種(&amp;P):</translation>
    </message>
    <message>
        <source>事業所名(&amp;O):</source>
        <translation>事業所名(&amp;O):</translation>
    </message>
    <message>
        <source>種別(&amp;K):</source>
        <translation>種別(&amp;K):</translation>
    </message>
    <message>
        <source>所在市町村(&amp;M):</source>
        <translation>所在市町村(&amp;M):</translation>
    </message>
    <message>
        <source>職種と事業所は、参加している利用者の部屋のメンバー全員に表示されます。</source>
        <translation>職種と事業所は、参加している利用者の部屋のメンバー全員に表示されます。</translation>
    </message>
    <message>
        <source>ネットワークの市町村(&amp;H):</source>
        <translation>ネットワークの市町村(&amp;H):</translation>
    </message>
    <message>
        <source>これと異なる市町村の事業所は「市外」と表示されます。</source>
        <translation>これと異なる市町村の事業所は「市外」と表示されます。</translation>
    </message>
    <message>
        <source>職種を選んでください。</source>
        <translation>職種を選んでください。</translation>
    </message>
    <message>
        <source>事業所名を入力してください。</source>
        <translation>事業所名を入力してください。</translation>
    </message>
    <message>
        <source>長すぎる項目があります。</source>
        <translation>長すぎる項目があります。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::ReauthDialog</name>
    <message>
        <source>Sign in again</source>
        <translation>もう一度サインイン</translation>
    </message>
    <message>
        <source>The server has signed this computer out (the sign-in expired or was ended elsewhere). Enter your password to continue.</source>
        <translation>この端末のサインインが終了しました（有効期限が切れたか、別の場所で終了されました）。続けるには、パスワードを入力してください。</translation>
    </message>
    <message numerus="yes">
        <source>Your drafts and the %n post(s) not sent yet are kept on this computer; waiting posts are sent after you sign in.</source>
        <translation>
            <numerusform>下書きと、まだ送信されていない投稿（%n件）はこの端末に保存されていて、消えません。送信待ちの投稿はサインインのあとで送信します。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your drafts are kept on this computer.</source>
        <translation>下書きはこの端末に保存されていて、消えません。</translation>
    </message>
    <message>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>サインイン中</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>あとで</translation>
    </message>
    <message>
        <source>Please sign in again</source>
        <translation>もう一度サインインしてください</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RecordComposeDialog</name>
    <message>
        <source>送信</source>
        <translation>送信</translation>
    </message>
    <message>
        <source>閉じる（下書きは残ります）</source>
        <translation>閉じる（下書きは残ります）</translation>
    </message>
    <message>
        <source>下書きから再開しました</source>
        <translation>下書きから再開しました</translation>
    </message>
    <message>
        <source>%1を訂正</source>
        <translation>%1を訂正</translation>
    </message>
    <message>
        <source>訂正を送信</source>
        <translation>訂正を送信</translation>
    </message>
    <message>
        <source>訂正前の記録も編集履歴に残ります</source>
        <translation>訂正前の記録も編集履歴に残ります</translation>
    </message>
    <message>
        <source>下書きを保存できません: %1</source>
        <translation>下書きを保存できません: %1</translation>
    </message>
    <message>
        <source>下書きを保存しました（%1）</source>
        <translation>下書きを保存しました（%1）</translation>
    </message>
    <message>
        <source>「%1」を確認してください（%2）</source>
        <translation>「%1」を確認してください（%2）</translation>
    </message>
    <message>
        <source>必須の項目（*）を入力してください</source>
        <translation>必須の項目（*）を入力してください</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RecordDocumentDialog</name>
    <message>
        <source>訂正後の記録です（編集履歴に訂正前の記録があります）</source>
        <translation>訂正後の記録です（編集履歴に訂正前の記録があります）</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RecordForm</name>
    <message>
        <source>1行に1人: 氏名（役割）</source>
        <translation>1行に1人: 氏名（役割）</translation>
    </message>
    <message>
        <source>（未入力）</source>
        <translation>（未入力）</translation>
    </message>
    <message>
        <source>あり</source>
        <translation>あり</translation>
    </message>
    <message>
        <source>なし</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RoomListModel</name>
    <message>
        <source>(deleted post)</source>
        <translation>（削除された投稿）</translation>
    </message>
    <message>
        <source>Worth a look: %1</source>
        <extracomment>Room list tool tip: the trends worth a look in the patient&apos;s vitals, one per line</extracomment>
        <translation>注意が必要な傾向: %1</translation>
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
        <translation>招待</translation>
    </message>
    <message>
        <source>Invitation from %1</source>
        <translation>%1 さんからの招待</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>未送信</translation>
    </message>
    <message>
        <source>Filter rooms (name or kana)</source>
        <translation>部屋を絞り込む（名前・かな）</translation>
    </message>
    <message>
        <source>Filter rooms</source>
        <translation>部屋の絞り込み</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>部屋一覧</translation>
    </message>
    <message>
        <source>No posts yet</source>
        <translation>まだ投稿はありません</translation>
    </message>
    <message>
        <source>Outside city</source>
        <extracomment>Room list marker: a care team member&apos;s office is outside the home municipality</extracomment>
        <translation>市外</translation>
    </message>
    <message>
        <source>No physician</source>
        <extracomment>Room list marker: the patient room has no attending physician</extracomment>
        <translation>主治医なし</translation>
    </message>
    <message>
        <source>Urgent %1</source>
        <extracomment>Room list badge: unread urgent posts</extracomment>
        <translation>至急 %1</translation>
    </message>
    <message>
        <source>Trend</source>
        <extracomment>Room list marker: a trend in the patient&apos;s vitals is worth a look (reasons in the tool tip)</extracomment>
        <translation>傾向</translation>
    </message>
</context>
<context>
    <name>renkei::ui::RoomSwitcher</name>
    <message>
        <source>Go to room</source>
        <translation>部屋を切り替え</translation>
    </message>
    <message>
        <source>Room name or kana</source>
        <translation>部屋の名前・かな</translation>
    </message>
    <message>
        <source>Matching rooms</source>
        <translation>該当する部屋</translation>
    </message>
    <message>
        <source>↑↓ to choose, Enter to open, Esc to close</source>
        <translation>↑↓ で選択、Enter で開く、Esc で閉じる</translation>
    </message>
</context>
<context>
    <name>renkei::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>表示言語</translation>
    </message>
    <message>
        <source>System setting</source>
        <translation>システムの設定に従う</translation>
    </message>
    <message>
        <source>Send shortcut</source>
        <translation>送信キー</translation>
    </message>
    <message>
        <source>Ctrl+Enter sends, Enter starts a new line</source>
        <translation>Ctrl+Enter で送信、Enter で改行</translation>
    </message>
    <message>
        <source>Enter sends, Shift+Enter starts a new line</source>
        <translation>Enter で送信、Shift+Enter で改行</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>文字の大きさ</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>標準</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>表示言語(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Sending:</source>
        <translation>送信キー(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Font size:</source>
        <translation>文字の大きさ(&amp;F):</translation>
    </message>
    <message>
        <source>A new language takes effect the next time Renkei starts.</source>
        <translation>表示言語の変更は、次に連携を起動したときに反映されます。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>History kept for offline use</source>
        <translation>オフライン用に保存する履歴</translation>
    </message>
    <message>
        <source>All</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>1 year</source>
        <translation>1年</translation>
    </message>
    <message>
        <source>3 months</source>
        <translation>3か月</translation>
    </message>
    <message>
        <source>&amp;History kept for offline use:</source>
        <translation>オフライン用に保存する履歴(&amp;H):</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロフィール</translation>
    </message>
    <message>
        <source>画面ロックまでの時間</source>
        <translation>画面ロックまでの時間</translation>
    </message>
    <message>
        <source> 分</source>
        <translation> 分</translation>
    </message>
    <message>
        <source>操作がないとき画面をロックするまで(&amp;L):</source>
        <translation>操作がないとき画面をロックするまで(&amp;L):</translation>
    </message>
</context>
<context>
    <name>renkei::ui::SignInDialog</name>
    <message>
        <source>Sign in to Renkei</source>
        <translation>連携にサインイン</translation>
    </message>
    <message>
        <source>Sign in with the account that your network&apos;s administrator gave you.</source>
        <translation>ネットワークの管理者から受け取ったアカウントでサインインしてください。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>サーバー</translation>
    </message>
    <message>
        <source>e.g. renkei.example.jp</source>
        <translation>例: renkei.example.jp</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>e.g. nurse.sato</source>
        <translation>例: nurse.sato</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>サーバー(&amp;S):</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>Protect the data on this computer</source>
        <translation>この端末のデータを保護する</translation>
    </message>
    <message>
        <source>Choose a passphrase. Renkei encrypts the posts it keeps on this computer and asks for the passphrase at every start.</source>
        <translation>パスフレーズを決めてください。この端末に保存する投稿は暗号化され、起動するたびにパスフレーズを確認します。</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>パスフレーズ（確認）</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>パスフレーズ(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>確認のため再入力(&amp;A):</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>サインイン中</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Enter the server, your user name and your password.</source>
        <translation>サーバー、ユーザー名、パスワードを入力してください。</translation>
    </message>
    <message>
        <source>Choose a passphrase of at least 8 characters.</source>
        <translation>パスフレーズは8文字以上にしてください。</translation>
    </message>
    <message>
        <source>The two passphrases differ. Enter the same passphrase twice.</source>
        <translation>2つのパスフレーズが一致しません。同じパスフレーズを2回入力してください。</translation>
    </message>
    <message>
        <source>Sign in again to the account whose data is open.</source>
        <translation>開いているデータのアカウントに、もう一度サインインしてください。</translation>
    </message>
</context>
<context>
    <name>renkei::ui::Startup</name>
    <message>
        <source>Sign out</source>
        <translation>サインアウト</translation>
    </message>
</context>
<context>
    <name>renkei::ui::TimelineFilterBar</name>
    <message>
        <source>場面で絞り込む</source>
        <translation>場面で絞り込む</translation>
    </message>
    <message>
        <source>すべての場面</source>
        <translation>すべての場面</translation>
    </message>
    <message>
        <source>職種で絞り込む</source>
        <translation>職種で絞り込む</translation>
    </message>
    <message>
        <source>すべての職種</source>
        <translation>すべての職種</translation>
    </message>
    <message>
        <source>至急のみ</source>
        <translation>至急のみ</translation>
    </message>
    <message>
        <source>絞り込み:</source>
        <translation>絞り込み:</translation>
    </message>
</context>
<context>
    <name>renkei::ui::TimelineModel</name>
    <message>
        <source>Image</source>
        <extracomment>The word in the placeholder of an image inside a formatted post: &quot;[Image: alt text]&quot;</extracomment>
        <translation>画像</translation>
    </message>
    <message>
        <source>This post was deleted</source>
        <translation>この投稿は削除されました</translation>
    </message>
</context>
<context>
    <name>renkei::ui::TimelineView</name>
    <message>
        <source>Posts</source>
        <translation>投稿</translation>
    </message>
    <message>
        <source>The original post is not on this device</source>
        <translation>元の投稿はこの端末にありません</translation>
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
        <translation>連携を開く</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>パスフレーズ</translation>
    </message>
    <message>
        <source>Pass&amp;phrase:</source>
        <translation>パスフレーズ(&amp;H):</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>開いています</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>開く</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Account not signed in yet</source>
        <translation>まだサインインしていないアカウント</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Enter the passphrase that protects this account&apos;s Renkei data on this computer.</source>
        <translation>この端末にあるこのアカウントの連携データを保護しているパスフレーズを入力してください。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <source>Sign in with another account…</source>
        <translation>別のアカウントでサインイン…</translation>
    </message>
    <message>
        <source>Sign in with another account</source>
        <translation>別のアカウントでサインイン</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>アカウント(&amp;A):</translation>
    </message>
</context>
<context>
    <name>renkei::ui::UnreadSummaryBar</name>
    <message>
        <source>New since your last visit</source>
        <translation>前回からの新着</translation>
    </message>
    <message numerus="yes">
        <source>Since your last visit: more than %n new post(s)</source>
        <extracomment>Summary above the timeline: posts by others since the user last read the room</extracomment>
        <translation>
            <numerusform>前回から 新着%n件以上</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Since your last visit: %n new post(s)</source>
        <translation>
            <numerusform>前回から 新着%n件</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1)</source>
        <extracomment>Separator between the professions of the authors in the summary line</extracomment>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>・</translation>
    </message>
    <message numerus="yes">
        <source>, %n urgent</source>
        <translation>
            <numerusform>、至急%n件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>renkei::ui::UrgentNotifier</name>
    <message>
        <source>至急の投稿があります</source>
        <translation>至急の投稿があります</translation>
    </message>
    <message>
        <source>%1（%2）</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>至急: %1</source>
        <translation>至急: %1</translation>
    </message>
    <message>
        <source>至急の投稿: %1 — %2</source>
        <translation>至急の投稿: %1 — %2</translation>
    </message>
</context>
<context>
    <name>renkei::ui::UrgentView</name>
    <message>
        <source>至急の投稿</source>
        <translation>至急の投稿</translation>
    </message>
    <message>
        <source>至急の投稿（既読と未読）</source>
        <translation>至急の投稿（既読と未読）</translation>
    </message>
    <message>
        <source>この30日間に至急の投稿はありません。</source>
        <translation>この30日間に至急の投稿はありません。</translation>
    </message>
    <message>
        <source>【至急】%1 — %2 — %3</source>
        <translation>【至急】%1 — %2 — %3</translation>
    </message>
    <message>
        <source>未読: %1</source>
        <translation>未読: %1</translation>
    </message>
    <message>
        <source>なし（全員が既読）</source>
        <translation>なし（全員が既読）</translation>
    </message>
    <message>
        <source>既読: %1</source>
        <translation>既読: %1</translation>
    </message>
</context>
<context>
    <name>renkei::ui::VitalsChartDialog</name>
    <message>
        <source>バイタルの推移</source>
        <translation>バイタルの推移</translation>
    </message>
</context>
<context>
    <name>renkei::ui::VitalsChartView</name>
    <message>
        <source>バイタルの推移</source>
        <translation>バイタルの推移</translation>
    </message>
    <message>
        <source>期間:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <source>2週間</source>
        <translation>2週間</translation>
    </message>
    <message>
        <source>3か月</source>
        <translation>3か月</translation>
    </message>
    <message>
        <source>すべて</source>
        <translation>すべて</translation>
    </message>
    <message>
        <source>この期間のバイタルの記録はありません</source>
        <translation>この期間のバイタルの記録はありません</translation>
    </message>
</context>
</TS>
