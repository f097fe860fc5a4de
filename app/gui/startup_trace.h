// Renkei desktop app: RENKEI_STARTUP_TRACE=<seconds>, for the start-up benchmark
// (tests/bench/startup_bench.cpp) only. Prints to stderr, with CLOCK_MONOTONIC timestamps
// (ns) the benchmark compares with its own from just before it started this process:
//   renkei-startup first-paint-ns <t> rooms <n>   the main window's room list first painted
//                                                 with its rooms
//   renkei-startup settled-rss-kb <kb>            VmRSS <seconds> after that; then it quits
// Nothing else: no room, name or text.
#pragma once

namespace renkei::ui {
class Startup;
}

void traceStartup(renkei::ui::Startup& startup, int settle_seconds);
