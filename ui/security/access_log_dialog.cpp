#include "security/access_log_dialog.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "bridge/core_bridge.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

const QTimeZone kJst(9 * 60 * 60);  // the CSV's and the export's days are Japan's

QString kindLabel(store::AccessKind kind) {
    switch (kind) {
        case store::AccessKind::RoomOpened: return AccessLogDialog::tr("部屋を開いた");
        case store::AccessKind::Export: return AccessLogDialog::tr("PDF書き出し");
        case store::AccessKind::Print: return AccessLogDialog::tr("印刷");
        case store::AccessKind::FileOpened: return AccessLogDialog::tr("ファイルを開いた");
        case store::AccessKind::FileSaved: return AccessLogDialog::tr("ファイルを保存");
        case store::AccessKind::SignIn: return AccessLogDialog::tr("サインイン");
        case store::AccessKind::SignOut: return AccessLogDialog::tr("サインアウト");
        case store::AccessKind::Unlock: return AccessLogDialog::tr("ロック解除");
        case store::AccessKind::UnlockFailed: return AccessLogDialog::tr("ロック解除の失敗");
    }
    return {};
}

// The record's detail in words (the words Renkei writes there; any other text as it is).
QString detailLabel(const std::string& detail) {
    const QString text = QString::fromStdString(detail);
    static const QHash<QString, const char*> kWords = {
        {QStringLiteral("lock-screen"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "画面ロック")},
        {QStringLiteral("start"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "起動時")},
        {QStringLiteral("kind=file"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "添付ファイル")},
        {QStringLiteral("kind=image"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "画像")},
        {QStringLiteral("kind=consent-scan"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "同意書の写し")},
        {QStringLiteral("archived"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "終了した部屋")},
        {QStringLiteral("server=confirmed"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "サーバーで確認")},
        {QStringLiteral("server=unconfirmed"), QT_TRANSLATE_NOOP("renkei::ui::AccessLogDialog", "サーバーに届かず")},
    };
    if (const auto it = kWords.constFind(text); it != kWords.constEnd()) return AccessLogDialog::tr(*it);
    static const QRegularExpression kTries(QStringLiteral("^start failed-tries=(\\d+)$"));
    if (const auto m = kTries.match(text); m.hasMatch()) {
        return AccessLogDialog::tr("起動時（その前に%1回失敗）").arg(m.captured(1));
    }
    return text;
}

}  // namespace

AccessLogDialog::AccessLogDialog(CoreBridge& bridge, QWidget* parent) : QDialog(parent), bridge_(bridge) {
    setWindowTitle(tr("アクセス記録"));
    room_box_ = new QComboBox;
    kind_box_ = new QComboBox;
    kind_box_->addItem(tr("すべての種類"), -1);
    for (store::AccessKind kind : store::allAccessKinds()) kind_box_->addItem(kindLabel(kind), static_cast<int>(kind));
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(kJst).date();
    from_ = new QDateEdit(today.addDays(-30));
    to_ = new QDateEdit(today);
    for (QDateEdit* day : {from_, to_}) {
        day->setCalendarPopup(true);
        day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    auto* days = new QHBoxLayout;
    days->addWidget(from_);
    days->addWidget(new QLabel(QStringLiteral("〜")));
    days->addWidget(to_);
    days->addStretch();
    auto* filters = new QFormLayout;
    filters->addRow(tr("患者の部屋"), room_box_);
    filters->addRow(tr("種類"), kind_box_);
    filters->addRow(tr("期間（日本時間）"), days);

    tree_ = new QTreeWidget;
    tree_->setColumnCount(5);
    tree_->setHeaderLabels({tr("日時"), tr("利用者"), tr("種類"), tr("患者の部屋"), tr("内容")});
    tree_->setRootIsDecorated(false);
    tree_->setUniformRowHeights(true);
    tree_->header()->setStretchLastSection(true);
    status_ = new QLabel;
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* verify = buttons->addButton(tr("改ざんを確認"), QDialogButtonBox::ActionRole);
    QPushButton* csv = buttons->addButton(tr("CSVに書き出す…"), QDialogButtonBox::ActionRole);
    connect(verify, &QPushButton::clicked, this, [this] { verifyChain(); });
    connect(csv, &QPushButton::clicked, this, &AccessLogDialog::chooseCsvFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(tree_, 1);
    layout->addWidget(status_);
    layout->addWidget(buttons);
    resize(900, 520);

    fillRooms();
    const auto again = [this] { refresh(); };
    connect(room_box_, &QComboBox::currentIndexChanged, this, again);
    connect(kind_box_, &QComboBox::currentIndexChanged, this, again);
    connect(from_, &QDateEdit::dateChanged, this, again);
    connect(to_, &QDateEdit::dateChanged, this, again);
    refresh();
}

void AccessLogDialog::fillRooms() {
    room_box_->addItem(tr("すべての部屋"), QString());
    session::Session* s = bridge_.session();
    if (s == nullptr) return;
    if (auto rooms = s->rooms()) {
        for (const auto& r : *rooms) room_names_.insert(QString::fromStdString(r.room_id), QString::fromStdString(r.name));
    }
    if (auto archived = s->archivedRooms()) {
        for (const auto& a : *archived) {
            room_names_.insert(QString::fromStdString(a.room.room_id), QString::fromStdString(a.room.name));
        }
    }
    // The rooms the log names, also those no longer cached here.
    store::AccessFilter every;
    every.limit = store::kMaxAccessEntries;
    QStringList ids;
    if (auto entries = s->accessLog(every)) {
        for (const auto& e : *entries) {
            const QString id = QString::fromStdString(e.room_id);
            if (!id.isEmpty() && !ids.contains(id)) ids << id;
        }
    }
    for (const QString& id : ids) room_box_->addItem(roomLabel(id.toStdString()), id);
}

QString AccessLogDialog::roomLabel(const std::string& room_id) const {
    const QString id = QString::fromStdString(room_id);
    const QString name = room_names_.value(id);
    return name.isEmpty() ? id : name;
}

store::AccessFilter AccessLogDialog::filter(int limit) const {
    store::AccessFilter f;
    f.room_id = room_box_->currentData().toString().toStdString();
    const int kind = kind_box_->currentData().toInt();
    if (kind >= 0) f.kind = static_cast<store::AccessKind>(kind);
    f.from_ms = QDateTime(from_->date(), QTime(0, 0), kJst).toMSecsSinceEpoch();
    f.to_ms = QDateTime(to_->date().addDays(1), QTime(0, 0), kJst).toMSecsSinceEpoch();  // the last day included
    f.limit = limit;
    return f;
}

void AccessLogDialog::setRoomFilter(const QString& room_id) {
    const int at = room_box_->findData(room_id);
    room_box_->setCurrentIndex(at < 0 ? 0 : at);
}

void AccessLogDialog::setKindFilter(std::optional<store::AccessKind> kind) {
    kind_box_->setCurrentIndex(kind_box_->findData(kind ? static_cast<int>(*kind) : -1));
}

void AccessLogDialog::setDays(const QDate& from, const QDate& to) {
    from_->setDate(from);
    to_->setDate(to);
}

void AccessLogDialog::refresh() {
    tree_->clear();
    session::Session* s = bridge_.session();
    if (s == nullptr) return;
    auto entries = s->accessLog(filter(kShown));
    if (!entries) {
        status_->setText(tr("アクセス記録を読めませんでした。"));
        return;
    }
    for (const auto& e : *entries) {
        auto* row = new QTreeWidgetItem(tree_);
        row->setText(0, QDateTime::fromMSecsSinceEpoch(e.at_ms, kJst).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        row->setText(1, QString::fromStdString(e.user_id));
        row->setText(2, kindLabel(e.kind));
        row->setText(3, roomLabel(e.room_id));
        row->setText(4, detailLabel(e.detail));
    }
    for (int c = 0; c < 4; ++c) tree_->resizeColumnToContents(c);
    status_->setText(entries->size() >= static_cast<std::size_t>(kShown)
                         ? tr("新しい順に%L1件まで表示しています。").arg(kShown)
                         : tr("%L1件").arg(entries->size()));
}

bool AccessLogDialog::verifyChain() {
    session::Session* s = bridge_.session();
    if (s == nullptr) return false;
    auto check = s->verifyAccessLog();
    if (!check) {
        status_->setText(tr("アクセス記録を読めませんでした。"));
        return false;
    }
    if (check->ok) {
        status_->setText(tr("改ざんは見つかりませんでした（%L1件の記録を確認）。").arg(check->records));
        return true;
    }
    //: The hash chain is broken: which record, then the check's own words (English)
    status_->setText(tr("改ざんが見つかりました: 記録 %1 が書き換えられたか削除されています。（%2）")
                         .arg(check->broken_id)
                         .arg(QString::fromStdString(check->problem)));
    return false;
}

void AccessLogDialog::chooseCsvFile() {
    const QString path = QFileDialog::getSaveFileName(this, tr("CSVに書き出す"), QStringLiteral("access-log.csv"),
                                                      tr("CSV (*.csv)"));
    if (!path.isEmpty()) exportCsv(path);
}

bool AccessLogDialog::exportCsv(const QString& path) {
    session::Session* s = bridge_.session();
    if (s == nullptr) return false;
    auto entries = s->accessLog(filter(store::kMaxAccessEntries));
    if (!entries) {
        status_->setText(tr("アクセス記録を読めませんでした。"));
        return false;
    }
    const std::string csv = store::toCsv(*entries);
    QSaveFile file(path);
    const bool ok = file.open(QIODevice::WriteOnly) &&
                    file.write(csv.data(), static_cast<qint64>(csv.size())) == static_cast<qint64>(csv.size()) &&
                    file.commit();
    status_->setText(ok ? tr("%L1件をCSVに書き出しました。").arg(entries->size())
                        : tr("CSVを書き出せませんでした。保存先と空き容量を確かめてください。"));
    return ok;
}

QString AccessLogDialog::listText() const {
    QStringList lines;
    for (int i = 0; i < tree_->topLevelItemCount(); ++i) {
        QStringList cells;
        for (int c = 0; c < tree_->columnCount(); ++c) cells << tree_->topLevelItem(i)->text(c);
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines.join(QLatin1Char('\n'));
}

QString AccessLogDialog::statusText() const { return status_->text(); }

}  // namespace renkei::ui
