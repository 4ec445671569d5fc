// Sanitizer settings compiled into every diplograph program built with DIPLOGRAPH_SANITIZE, so
// that `ctest` in a sanitizer build needs no environment. ASAN_OPTIONS and LSAN_OPTIONS from the
// environment still override these.

// Suppressions for bugs in Debian's libraries; DIPLOGRAPH_ASAN_EXTRA adds per-program options.
extern "C" const char* __asan_default_options() {
  return "suppressions=" DIPLOGRAPH_SANITIZERS_DIR "/asan.supp:" DIPLOGRAPH_ASAN_EXTRA;
}

extern "C" const char* __lsan_default_options() {
  return "suppressions=" DIPLOGRAPH_SANITIZERS_DIR "/lsan.supp";
}

extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }
