#pragma once
// A function's per-thread object: JIXIAO_THREAD_LOCAL(Type, name) declares `name`, a Type& to
// this thread's object, made on first use. On Windows it is never destroyed: mingw-w64's
// thread_local destructors ran at thread exit after the thread's storage was released, and
// corrupted the heap (seen under Wine: a crash in a destructor as a reading thread ended). A
// reading thread's few buffers are left to the end of the process there. Elsewhere it is an
// ordinary thread_local.
#ifdef _WIN32
#define JIXIAO_THREAD_LOCAL(Type, name)                  \
  thread_local Type* name##_of_this_thread = new Type(); \
  Type& name = *name##_of_this_thread
#else
#define JIXIAO_THREAD_LOCAL(Type, name) thread_local Type name
#endif
