// Renkei ui: small font and spacing helpers shared by the item delegates, so that rows
// scale with the user's font size instead of fixed pixels (HiDPI and the font-size setting).
#pragma once

#include <QFont>
#include <QFontMetrics>
#include <QtGlobal>

namespace renkei::ui {

/// Inner padding of a row: a third of a line, at least 4 px.
inline int itemPadding(const QFontMetrics& fm) { return qMax(4, fm.height() / 3); }

inline QFont boldFont(QFont font) {
    font.setBold(true);
    return font;
}

/// The font at 85 % size, for times, previews and read state.
inline QFont smallFont(QFont font) {
    if (font.pointSizeF() > 0) {
        font.setPointSizeF(font.pointSizeF() * 0.85);
    } else if (font.pixelSize() > 0) {
        font.setPixelSize(qMax(1, font.pixelSize() * 85 / 100));
    }
    return font;
}

}  // namespace renkei::ui
