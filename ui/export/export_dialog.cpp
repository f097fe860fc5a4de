#include "export/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPageLayout>
#include <QPageSize>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>
#include <set>

#include "bridge/core_bridge.h"
#include "care/vitals_chart.h"
#include "care/vitals_chart_view.h"
#include "export/picture_fetch.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

const QTimeZone kJst(9 * 60 * 60);  // the record's days are Japan's

// The network's policy (jp.renkei.policy export_allowed: false) forbids export and print.
QString kNotAllowed() { return ExportDialog::tr("この連携ネットワークの方針により、書き出しと印刷はできません。"); }
constexpr int kPostTextChars = 60;  // a post's first line in the list, elided after this

QString q(const std::string& s) { return QString::fromStdString(s); }

// One post in the list, what it says before who wrote it: 「2026-12-01 09:30　【バイタル】
// 血圧: 132/80 mmHg　（佐藤・訪問看護師）」.
QString postText(const exporting::ExportBlock& b) {
    QString what = b.title.empty() ? QString() : QStringLiteral("【") + q(b.title) + QStringLiteral("】");
    if (!b.lines.empty()) what += q(b.lines.front());
    if (what.size() > kPostTextChars) what = what.left(kPostTextChars) + QStringLiteral("…");
    const QString who = b.profession.empty() ? q(b.author) : q(b.author) + QStringLiteral("・") + q(b.profession);
    return q(b.date) + QLatin1Char(' ') + q(b.time) + QStringLiteral("　") + what + QStringLiteral("　（") + who +
           QStringLiteral("）");
}

}  // namespace

ExportDialog::ExportDialog(CoreBridge& bridge, const QString& room_id, QWidget* parent)
    : QDialog(parent), bridge_(bridge), room_id_(room_id), pictures_(new PictureFetch(bridge, this)) {
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("書き出し・印刷"));
    layout_ = new QComboBox;
    layout_->addItem(tr("経過記録（時系列）"), static_cast<int>(exporting::Layout::Timeline));
    layout_->addItem(tr("支援経過記録（ケアマネジャー向けの表）"), static_cast<int>(exporting::Layout::SupportRecord));
    layout_->addItem(tr("医師からの情報共有（月別・情報連携）"), static_cast<int>(exporting::Layout::PhysicianUpdates));
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(kJst).date();
    from_ = new QDateEdit(today.addMonths(-1));
    to_ = new QDateEdit(today);
    for (QDateEdit* edit : {from_, to_}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, &ExportDialog::refreshPosts);
    }
    connect(layout_, &QComboBox::currentIndexChanged, this, &ExportDialog::refreshPosts);
    choose_ = new QCheckBox(tr("投稿を選んで書き出す"));
    posts_ = new QListWidget;
    posts_->setVisible(false);
    posts_->setMinimumSize(560, 220);
    connect(choose_, &QCheckBox::toggled, this, [this](bool on) {
        posts_->setVisible(on);
        refreshPosts();
    });
    connect(posts_, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (item->checkState() == Qt::Checked) {
            ticked_.insert(id);
        } else {
            ticked_.remove(id);
        }
    });
    auto* form = new QFormLayout;
    form->addRow(tr("様式"), layout_);
    form->addRow(tr("開始日"), from_);
    form->addRow(tr("終了日"), to_);
    pdf_ = new QPushButton(tr("PDFに書き出す…"));
    print_ = new QPushButton(tr("印刷…"));
    connect(pdf_, &QPushButton::clicked, this, &ExportDialog::savePdf);
    connect(print_, &QPushButton::clicked, this, &ExportDialog::print);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(pdf_, QDialogButtonBox::ActionRole);
    buttons->addButton(print_, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    status_ = new QLabel;
    status_->setTextFormat(Qt::PlainText);
    status_->setWordWrap(true);
    connect(pictures_, &PictureFetch::progress, this, [this](int answered, int total) {
        status_->setText(tr("画像を取得しています（%1 / %2）…").arg(answered).arg(total));
    });
    connect(pictures_, &PictureFetch::done, this, [this] {
        if (!pending_) return;
        const exporting::ExportDocument doc = std::move(*pending_);
        pending_.reset();
        const int pages = pending_paint_(doc, figure(pending_request_), pictures_->pictures());
        const int missing = pictures_->missing();
        pictures_->clear();  // painted: the pictures are not kept
        painted(pages, doc.blocks.size(), missing);
    });
    if (session::Session* s = bridge_.session(); s != nullptr && !s->networkPolicy().export_allowed) {
        pdf_->setEnabled(false);
        print_->setEnabled(false);
        status_->setText(kNotAllowed());
    }
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(choose_);
    layout->addWidget(posts_);
    layout->addWidget(status_);
    layout->addWidget(buttons);
}

ExportDialog::~ExportDialog() = default;

exporting::ExportRequest ExportDialog::request() const {
    exporting::ExportRequest r;
    r.layout = static_cast<exporting::Layout>(layout_->currentData().toInt());
    r.from_ms = QDateTime(from_->date(), QTime(0, 0), kJst).toMSecsSinceEpoch();
    r.to_ms = QDateTime(to_->date().addDays(1), QTime(0, 0), kJst).toMSecsSinceEpoch();
    if (choose_->isChecked()) {
        for (int i = 0; i < posts_->count(); ++i) {
            const QListWidgetItem* item = posts_->item(i);
            if (item->checkState() == Qt::Checked) r.event_ids.push_back(item->data(Qt::UserRole).toString().toStdString());
        }
    }
    return r;
}

void ExportDialog::choosePost(const QString& event_id, qint64 ts_ms) {
    const QDate day = QDateTime::fromMSecsSinceEpoch(ts_ms, kJst).date();
    if (day < from_->date()) from_->setDate(day);
    if (day > to_->date()) to_->setDate(day);
    ticked_.insert(event_id);
    if (choose_->isChecked()) {
        refreshPosts();
    } else {
        choose_->setChecked(true);  // refreshes
    }
    for (int i = 0; i < posts_->count(); ++i) {
        if (posts_->item(i)->data(Qt::UserRole).toString() == event_id) posts_->scrollToItem(posts_->item(i));
    }
}

void ExportDialog::refreshPosts() {
    if (!choose_->isChecked()) return;
    session::Session* s = bridge_.session();
    if (s == nullptr) return;
    exporting::ExportRequest range = request();
    range.event_ids.clear();
    auto doc = s->exportDocument(room_id_.toStdString(), range);
    const QSignalBlocker quiet(posts_);
    posts_->clear();
    if (!doc) {
        status_->setText(tr("この部屋の記録を読めませんでした。"));
        return;
    }
    for (const auto& block : doc->blocks) {
        auto* item = new QListWidgetItem(postText(block), posts_);
        item->setToolTip(item->text());
        const QString id = q(block.event_id);
        item->setData(Qt::UserRole, id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(ticked_.contains(id) ? Qt::Checked : Qt::Unchecked);
    }
    if (doc->blocks.empty()) status_->setText(q(exporting::kNoPosts));
}

QString ExportDialog::statusText() const { return status_->text(); }

std::optional<exporting::ExportDocument> ExportDialog::document() {
    session::Session* s = bridge_.session();
    if (s == nullptr) return std::nullopt;
    if (!s->networkPolicy().export_allowed) {
        status_->setText(kNotAllowed());
        return std::nullopt;
    }
    if (from_->date() > to_->date()) {
        status_->setText(tr("開始日が終了日より後になっています。"));
        return std::nullopt;
    }
    const exporting::ExportRequest r = request();
    if (choose_->isChecked() && r.event_ids.empty()) {
        status_->setText(tr("書き出す投稿に印を付けてください。"));
        return std::nullopt;
    }
    auto doc = s->exportDocument(room_id_.toStdString(), r);
    if (!doc) {
        status_->setText(tr("この部屋の記録を読めませんでした。"));
        return std::nullopt;
    }
    return std::move(*doc);
}

QImage ExportDialog::figure(const exporting::ExportRequest& request) const {
    session::Session* s = bridge_.session();
    if (s == nullptr || request.layout == exporting::Layout::PhysicianUpdates) return {};
    auto series = s->vitalsSeries(room_id_.toStdString());
    if (!series) return {};
    const std::set<std::string> chosen(request.event_ids.begin(), request.event_ids.end());
    std::erase_if(*series, [&](const care::VitalsPoint& p) {
        const std::int64_t at = p.vitals.measured_at;
        return (request.from_ms && at < *request.from_ms) || (request.to_ms && at >= *request.to_ms) ||
               (!chosen.empty() && chosen.count(p.event_id) == 0);
    });
    const std::int64_t until = request.to_ms.value_or(QDateTime::currentMSecsSinceEpoch());
    // Scaled to the 180 mm body: 800 px wide, so that the charts' 13 pt text prints at about
    // 11 pt (fax: 10.5 pt or more), each measure's panel about 63 mm high.
    QFont text = font();
    text.setPointSizeF(13);
    return renderVitalsFigure(care::vitalsChart(*series, care::ChartRange::All, until), 800, 280, text);
}

void ExportDialog::setBusy(bool busy) {
    for (QWidget* w : std::initializer_list<QWidget*>{pdf_, print_, layout_, from_, to_, choose_, posts_}) {
        w->setEnabled(!busy);
    }
}

void ExportDialog::paintWhenReady(
    exporting::ExportDocument doc, const char* target,
    std::function<int(const exporting::ExportDocument&, const QImage&, const pdf::Pictures&)> paint) {
    pending_request_ = request();
    pending_target_ = target;
    pending_paint_ = std::move(paint);
    const auto sources = exporting::imageSources(doc);
    pending_ = std::move(doc);
    setBusy(true);
    pictures_->start(sources);  // -> done: painted
}

void ExportDialog::painted(int pages, std::size_t posts, int missing) {
    setBusy(false);
    if (pages == 0) {  // the paint said why
        emit finished(false);
        return;
    }
    session::Session* s = bridge_.session();
    if (s == nullptr || !s->recordExport(room_id_.toStdString(), pending_request_, posts, pending_target_)) {
        status_->setText(tr("書き出しの記録を保存できませんでした。"));
        emit finished(false);
        return;
    }
    QString text = tr("%1 件の投稿を %2 ページにしました。").arg(posts).arg(pages);
    if (missing > 0) {
        text += QLatin1Char(' ') + tr("画像 %n 枚は取得できなかったため、その旨を記載しました。", nullptr, missing);
    }
    status_->setText(text);
    emit finished(true);
}

bool ExportDialog::exportTo(const QString& path) {
    if (pictures_->running()) return false;
    auto doc = document();
    if (!doc) return false;
    paintWhenReady(std::move(*doc), "pdf", [this, path](const auto& d, const QImage& figure, const auto& pictures) {
        QString why;
        const int pages = pdf::writePdf(d, path, &why, figure, pictures);
        if (pages == 0) status_->setText(tr("PDFを保存できませんでした: %1").arg(why));
        return pages;
    });
    return true;
}

void ExportDialog::savePdf() {
    const QString path = QFileDialog::getSaveFileName(this, tr("PDFに書き出す"), QString(), tr("PDF (*.pdf)"));
    if (!path.isEmpty()) exportTo(path);
}

void ExportDialog::print() {
    if (pictures_->running()) return;
    auto doc = document();
    if (!doc) return;
    printer_ = std::make_unique<QPrinter>(QPrinter::HighResolution);
    printer_->setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait,
                                        QMarginsF(pdf::kMarginMm, pdf::kMarginMm, pdf::kMarginMm, pdf::kMarginMm),
                                        QPageLayout::Millimeter));
    printer_->setColorMode(QPrinter::GrayScale);  // black on white: fax and copier alike
    QPrintDialog dialog(printer_.get(), this);
    if (dialog.exec() != QDialog::Accepted) return;
    paintWhenReady(std::move(*doc), "print", [this](const auto& d, const QImage& figure, const auto& pictures) {
        const int pages = pdf::paintDocument(d, *printer_, figure, pictures);
        if (pages == 0) status_->setText(tr("印刷できませんでした。"));
        return pages;
    });
}

}  // namespace renkei::ui
