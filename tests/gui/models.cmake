# Engineer A's tests: CoreBridge (unlock, sign-in, errors, sends) and the item models
# (RoomListModel, RoomFilterModel, TimelineModel) against the real Synapse of the "synapse"
# fixture. Included by tests/gui/CMakeLists.txt (renkei_gui_test: offscreen, label gui,
# RUN_SERIAL, translations as in the app).
renkei_gui_test(gui_bridge bridge_test.cpp SYNAPSE)
renkei_gui_test(gui_models models_test.cpp SYNAPSE)
foreach(_t gui_bridge gui_models)
  target_compile_definitions(${_t} PRIVATE RENKEI_HOMESERVER_DIR="${RENKEI_HOMESERVER_DIR}")
endforeach()
