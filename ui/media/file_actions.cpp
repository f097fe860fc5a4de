#include "media/file_actions.h"

#include <QProgressDialog>
#include <QWidget>

#include "bridge/core_bridge.h"
#include "session/session.h"
#include "media/file_viewer.h"
#include "media/save_copy.h"

namespace renkei::ui {
namespace {

constexpr int kProgressDelayMs = 400;  // a quick download opens without a flash of a dialog

}  // namespace

FileActions::FileActions(CoreBridge& bridge, QObject* parent)
    : QObject(parent), bridge_(bridge), dialogs_(std::make_unique<SaveDialogs>(SaveDialogs::standard())) {
    connect(&bridge_, &CoreBridge::fileReady, this, &FileActions::onReady);
    connect(&bridge_, &CoreBridge::fileFailed, this, &FileActions::onFailed);
}

FileActions::~FileActions() {
    // Nothing is opened for a window that is gone; the downloads end now.
    const auto mxcs = pending_.keys();
    for (const QString& mxc : mxcs) cancel(mxc);
}

void FileActions::setSaveDialogs(const SaveDialogs& dialogs) { *dialogs_ = dialogs; }

QProgressDialog* FileActions::progressDialog(const QString& mxc) const {
    const auto it = pending_.constFind(mxc);
    return it == pending_.constEnd() ? nullptr : it->progress.data();
}

void FileActions::open(const QString& mxc, const QString& file_name, const QString& mime, qint64 size,
                       QWidget* parent) {
    start(Action::Open, mxc, file_name, mime, size, parent);
}

void FileActions::save(const QString& mxc, const QString& file_name, const QString& mime, qint64 size,
                       QWidget* parent) {
    if (!saveAllowed()) {
        if (dialogs_->showError) dialogs_->showError(parent, tr("この連携ネットワークの方針により、ファイルをパソコンに保存することはできません。"));
        return;
    }
    start(Action::Save, mxc, file_name, mime, size, parent);
}

void FileActions::start(Action action, const QString& mxc, const QString& file_name, const QString& mime,
                        qint64 size, QWidget* parent) {
    if (pending_.contains(mxc)) {
        pending_[mxc].action = action;  // the later click decides what follows the download
        return;
    }
    Pending pending{action, file_name, mime, parent, nullptr};
    auto* progress = new QProgressDialog(parent);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setWindowTitle(tr("Downloading a file"));
    // The name is the server's text: QProgressDialog's label is plain text (no rich text).
    progress->setLabelText(tr("Downloading “%1”…").arg(file_name));
    progress->setCancelButtonText(tr("Cancel"));
    progress->setRange(0, 0);  // the size of what arrived is not known on the way: busy
    progress->setMinimumDuration(kProgressDelayMs);
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    connect(progress, &QProgressDialog::canceled, this, [this, mxc] { cancel(mxc); });
    progress->setValue(0);  // starts the delay after which it shows
    pending.progress = progress;
    pending_.insert(mxc, pending);
    bridge_.requestFile(mxc, size);
}

void FileActions::cancel(const QString& mxc) {
    if (!pending_.contains(mxc)) return;
    finish(mxc);
    bridge_.cancelFile(mxc);  // its fileFailed finds nothing pending: no message
}

FileActions::Pending FileActions::finish(const QString& mxc) {
    Pending pending = pending_.take(mxc);
    if (pending.progress) {
        QProgressDialog* progress = pending.progress;
        progress->disconnect(this);  // closing is not a キャンセル
        progress->close();
    }
    return pending;
}

void FileActions::onReady(const QString& mxc, const QByteArray& bytes, const QString& mime) {
    if (!pending_.contains(mxc)) return;  // cancelled, or another window's download
    const Pending pending = finish(mxc);
    QWidget* parent = pending.parent;
    if (pending.action == Action::Save) {
        const QString path = SaveCopy::run(parent, bytes, pending.file_name, *dialogs_);
        if (!path.isEmpty()) emit saved(mxc, path);
        return;
    }
    if (viewer_) viewer_->close();
    // The type the server declared for the download, else the one the post gave.
    auto* viewer = new FileViewer(bytes, mime.isEmpty() ? pending.mime : mime, pending.file_name, parent);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setSaveDialogs(*dialogs_);
    viewer->setSaveAllowed(saveAllowed());
    connect(viewer, &FileViewer::saved, this, [this, mxc] { emit saved(mxc, {}); });
    viewer_ = viewer;
    viewer->open();
    emit opened(mxc);
}

void FileActions::onFailed(const QString& mxc, const QString& error_text) {
    if (!pending_.contains(mxc)) return;
    const Pending pending = finish(mxc);
    const QString text = error_text.isEmpty() ? tr("The file could not be downloaded.") : error_text;
    emit failed(mxc, text);
    if (dialogs_->showError) dialogs_->showError(pending.parent, text);
}

bool FileActions::saveAllowed() const {
    const session::Session* s = bridge_.session();
    return s == nullptr || s->networkPolicy().export_allowed;
}

}  // namespace renkei::ui
